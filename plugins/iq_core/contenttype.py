"""The one shape of every content type: an item class and a generator.

A content type (newsletter, good_practice, events) is a plugin with:
- settings named `<TYPE>_PATHS` (folders below content/), `<TYPE>_URL` and
  `<TYPE>_SAVE_AS` (one item's page), `<TYPE>_ARCHIVE_URL` and `<TYPE>_ARCHIVE_SAVE_AS`
  (the section's overview), with their defaults in the plugin's `settings.DEFAULTS`;
- an item class, a `ContentItem`: its `clean()` turns what the reader made into clean
  metadata, or raises every mistake of the file at once, *before* the item is built;
  Pelican then sets each clean value as an attribute (`issue.year`, `event.format`);
- a generator, a `ContentTypeGenerator`: reads its folders (every broken file is
  reported and left out, the others go on), leaves out an item whose identity an earlier
  file has (`identities()`), keeps published items and, in the preview, the drafts
  (`previews`), puts them in the context (`add_to_context()`), and writes its files
  through the site's writer (`generate_output()`).
"""

import logging
import os

from pelican.contents import Content
from pelican.generators import Generator

from .dates import today
from .errors import ContentError, Problems, report

logger = logging.getLogger(__name__)

MARKDOWN = ("md", "markdown")


class ContentItem(Content):
    """One content file of a content type. Subclasses set `prefix` and implement `clean`."""

    prefix = None  # "EVENTS": addresses from EVENTS_URL and EVENTS_SAVE_AS
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft", "hidden")
    default_status = "published"

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        content, metadata = self.cleaned(content, metadata or {}, settings, source_path)
        super().__init__(content, metadata, settings, source_path, context)

    @classmethod
    def cleaned(cls, content, metadata, settings, source_path):
        """`clean()`'s result with the item's addresses; in the preview, kept until the file
        changes (iq_core.readcache)."""
        def clean():
            problems = Problems.of(metadata)  # the reader's findings, reported together
            result = cls.clean(content, dict(metadata), settings, source_path, problems)
            problems.raise_any()
            return result

        cache = settings.get("IQ_READ_CACHE")
        content, clean_metadata = clean() if cache is None else \
            cache.cleaned(source_path, cls.__name__, clean)
        clean_metadata = dict(clean_metadata)
        slug = clean_metadata["slug"]
        clean_metadata["url"] = settings[f"{cls.prefix}_URL"].format(slug=slug)
        clean_metadata["save_as"] = settings[f"{cls.prefix}_SAVE_AS"].format(slug=slug)
        return content, clean_metadata

    @classmethod
    def clean(cls, content, metadata, settings, source_path, problems):
        """(content, metadata), checked and converted. Note each mistake in `problems`
        (raised together afterwards); return None where nothing can be built."""
        raise NotImplementedError

    @property
    def scheduled_for(self):
        """The day this item appears publicly, while its `date` lies after the build's
        today (iq_core.dates.today); else None. The daily rebuild publishes it that day."""
        return scheduled_day(self, self.settings)

    @property
    def is_published(self):
        return self.status == "published" and self.scheduled_for is None


def scheduled_day(item, settings):
    """The future publication day of a published item (a content type's or a page), or None."""
    date = getattr(item, "date", None)
    if getattr(item, "status", "published") != "published" or date is None:
        return None
    day = date.date() if hasattr(date, "date") else date
    return day if day > today(settings) else None


class ContentTypeGenerator(Generator):
    """Reads, checks and lists the items of one content type; subclasses write them."""

    item_class = None  # a ContentItem subclass

    def __init__(self, *args, **kwargs):
        # Named reader cache: with CACHE_CONTENT / LOAD_CONTENT_CACHE and
        # CONTENT_CACHING_LAYER = "reader", unchanged files are not parsed again.
        super().__init__(*args, readers_cache_name=f"{type(self).__name__}-Readers", **kwargs)
        self.items = []     # published, in the type's order (`order`)
        self.previews = []  # drafts, hidden and scheduled items: a page in the preview only

    def setting(self, name):
        """This type's setting `<TYPE>_<name>`."""
        return self.settings[f"{self.item_class.prefix}_{name}"]

    def generate_context(self):
        items = self.without_clashes(self.read_items())
        self.items = self.order([item for item in items if item.is_published])
        self.previews = self.order([item for item in items if not item.is_published]) \
            if self.settings["SHOW_DRAFTS"] else []
        self.add_to_context()
        self.readers.save_cache()  # only writes when CACHE_CONTENT is on

    def read_items(self):
        """Every file of the type's folders that reads without a mistake; each mistake of
        the others is logged (the build fails on any)."""
        items = []
        folders = [path for path in self.setting("PATHS")
                   if os.path.isdir(os.path.join(self.path, path))]
        for path in sorted(self.get_files(folders, extensions=MARKDOWN)):
            try:
                item = self.readers.read_file(base_path=self.path, path=path,
                                              content_class=self.item_class,
                                              context=self.context)
            except ContentError as error:
                report(error, logger.error)
                self._add_failed_source_path(path)  # read, but broken: not "unread"
                continue
            # Known to Pelican: {filename} links to the item resolve, and the site checks
            # know that the file is read. Drafts too (a public build never writes them).
            self.add_source_path(item)
            self.add_static_links(item)
            items.append(item)
        return items

    def without_clashes(self, items):
        """Items in file order; one whose identity (`identities()`) is reserved or taken by
        an earlier file is reported and left out, so every clash shows in one run."""
        reserved = self.reserved(items)
        seen, kept = {}, []
        for item in sorted(items, key=lambda i: i.source_path):
            try:
                for identity in self.identities(item):
                    earlier = seen.get(identity)
                    if identity in reserved or (earlier is not None and earlier is not item):
                        raise self.clash(item, *identity, earlier)
            except ContentError as error:
                report(error, logger.error)
                continue
            for identity in self.identities(item):
                seen[identity] = item
            kept.append(item)
        return kept

    def identities(self, item):
        """(kind, value) pairs that no two items may share; default: the address."""
        yield "slug", item.slug

    def reserved(self, items):
        """(kind, value) pairs no item may have (addresses of the section's own pages)."""
        return set()

    def clash(self, item, kind, value, earlier):
        """The ContentError for `item`, whose `kind` `value` is reserved (earlier is None)
        or belongs to `earlier`."""
        raise NotImplementedError

    def order(self, items):
        return sorted(items, key=lambda item: item.sort_key)

    def add_to_context(self):
        """Put the items (and what the site shows of them) into the shared context."""

    def all_read(self):
        """Every content type has read (Pelican's all_generators_finalized): links between
        items resolve, listings of other types are in the context."""

    def write_items(self, writer, **values):
        """Each item's page (previews too), with `values` for the template."""
        values.setdefault("relative_urls", self.settings["RELATIVE_URLS"])
        for item in self.items + self.previews:
            writer.write_file(item.save_as, self.get_template(item.template), self.context,
                              url=item.url, **{self.item_name: item}, **values,
                              **self.page_values(item))

    item_name = "item"  # the item's name in the templates ("issue", "sheet", "event")

    def page_values(self, item):
        """Values for one item's template besides the item itself."""
        return {}


def all_read(generators):
    """all_generators_finalized: tell each content type that everything is read."""
    for generator in generators:
        if isinstance(generator, ContentTypeGenerator):
            generator.all_read()
