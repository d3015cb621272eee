"""RSS 2.0 and Atom files with feedgen: absolute links, stable ids, dates from content."""

import datetime
from urllib.parse import urljoin

import lxml.etree
import lxml.html
from feedgen.feed import FeedGenerator

from iq_core.timing import timed
from iq_core.writer import save

URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")
# Used only when a feed has no entries: Atom needs an <updated>, and it must not be now().
EMPTY_FEED_UPDATED = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)


def absolute_links(html, base_url):
    """Every link and image in a feed must be absolute: readers show entries out of context.

    lxml, not BeautifulSoup: this runs for every entry of every feed, and lxml parses
    our own (well-formed) HTML many times faster.
    """
    if not html:
        return ""
    # One wrapper element holds the fragment (text, elements, text); it is cut off again below.
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in wrapper.iter(lxml.etree.Element):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            # "#anchor" too: in a reader it must point into the entry's own page.
            if value and not value.startswith(("mailto:", "tel:", "data:")):
                element.set(attribute, urljoin(base_url, value))
        if element.get("srcset"):
            element.set("srcset", ", ".join(
                " ".join([urljoin(base_url, part.split()[0]), *part.split()[1:]])
                for part in element.get("srcset").split(",") if part.strip()
            ))
    serialized = lxml.html.tostring(wrapper, encoding="unicode", method="html")
    return serialized[len("<div>"): -len("</div>")]


def newest_first(entries):
    return sorted(entries, key=lambda entry: (entry.published, entry.id), reverse=True)


def build_feed(settings, *, folder, title, description, entries):
    site = settings["SITEURL"].rstrip("/") + "/"
    page_url = urljoin(site, folder)
    feed = FeedGenerator()
    feed.id(page_url)
    feed.title(title)
    feed.description(description)
    feed.subtitle(description)
    feed.author({"name": settings["SITENAME"]})
    feed.language(settings.get("DEFAULT_LANG", "de"))
    feed.link(href=page_url, rel="alternate")
    feed.generator("Pelican mit feedgen")
    ordered = newest_first(entries)
    updated = max((entry.updated for entry in ordered), default=EMPTY_FEED_UPDATED)
    feed.updated(updated)
    feed.lastBuildDate(updated)
    for entry in ordered:
        url = urljoin(site, entry.url)
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.guid(entry.id, permalink=False)
        item.title(entry.title)
        item.link(href=url, rel="alternate")
        item.published(entry.published)
        item.updated(entry.updated)
        if entry.summary:
            item.summary(absolute_links(entry.summary, url), type="html")
        item.content(absolute_links(entry.content, url), type="html")
        for category in entry.categories:
            item.category(term=category)
    return feed, page_url


FEED_FILES = ("atom.xml", "rss.xml")
FEED_SETTINGS = ("SITEURL", "SITENAME", "DEFAULT_LANG")  # what build_feed reads


def write_feeds(writer, settings, *, folder, title, description, entries):
    """`<folder>rss.xml` and `<folder>atom.xml` through the site's writer; only in builds
    with absolute links. Returns their names."""
    if not settings.get("FEEDS_ENABLED"):
        return []
    names = [folder + name for name in FEED_FILES]
    # Plain data only: a job the writer may hand to its helper program.
    feed_settings = {key: settings[key] for key in FEED_SETTINGS if key in settings}
    writer.write_job(names, lambda: (write_feed_files, feed_settings, folder, title,
                                     description, list(entries)))
    return names


def write_feed_files(kept, settings, folder, title, description, entries, paths):
    """A writer job: both feed files (`paths` in the order of FEED_FILES)."""
    files = feed_files(settings, folder=folder, title=title, description=description,
                       entries=entries)
    for name, path in zip(FEED_FILES, paths):
        save(path, files[name])


def feed_files(settings, *, folder, title, description, entries):
    """{"atom.xml": bytes, "rss.xml": bytes}."""
    with timed("feeds"):
        feed, page_url = build_feed(
            settings, folder=folder, title=title, description=description, entries=entries)
        files = {}
        for name in FEED_FILES:
            # feedgen takes the last link as RSS <link>: that must be the page, not the feed.
            feed.link([{"href": urljoin(page_url, name), "rel": "self"},
                       {"href": page_url, "rel": "alternate"}], replace=True)
            render = feed.atom_str if name == "atom.xml" else feed.rss_str
            files[name] = render(pretty=True)
        return files
