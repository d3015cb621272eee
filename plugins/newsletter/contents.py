"""One newsletter issue as a Pelican content object."""

import dataclasses

from iq_core.errors import Problems
from pelican.contents import Content

from .body import process_body
from .structured_data import issue_json_ld
from .validation import check_front_matter


class NewsletterIssue(Content):
    """An issue: validated front matter, editorial, articles. URLs from NEWSLETTERISSUE_URL."""

    mandatory_properties = ("title",)
    default_template = "newsletter_issue"
    default_status = "published"

    def __init__(self, content, metadata=None, settings=None, source_path=None, context=None):
        metadata = dict(metadata or {})
        content_root = settings["PATH"]
        # What the reader found, with the issue's own mistakes: all in one run.
        problems = Problems.of(metadata)
        fields = problems.value(check_front_matter, source_path,
                                metadata.get("front_matter", {}),
                                metadata.get("front_matter_lines", {}), settings, content_root)
        if fields is None:
            problems.raise_any()
        # Derived values replace what the reader guessed (e.g. a slug from the title).
        metadata.update(title=fields.title, slug=fields.slug, date=fields.published,
                        status=fields.status)
        if fields.modified is not None:
            metadata["modified"] = fields.modified
        metadata.pop("image", None)
        super().__init__(content, metadata, settings, source_path, context)
        self.issue = fields.issue
        self.year = fields.year
        self.issue_date = fields.issue_date
        self.events_until = fields.events_until
        self.image = fields.image
        with open(source_path, encoding="utf-8") as handle:
            source_text = handle.read()
        body = problems.value(process_body, content, source_path=source_path,
                              source_text=source_text, settings=settings,
                              content_root=content_root)
        problems.raise_any()
        self._content = body.html
        self._editorial = body.editorial
        self._articles = body.articles
        self._images = body.images
        # Set by the generator once all issues are known.
        self.previous_issue = None
        self.next_issue = None
        self.termine_start = self.issue_date
        self.termine_end = None

    def get_static_links(self):
        """The files of content/ the issue shows (body images and header image), so a file
        that only an unpublished issue uses is not published either."""
        return set(super().get_static_links()) | set(self._images) | \
            ({self.image.path} if self.image else set())

    @property
    def is_published(self):
        return self.status == "published"

    @property
    def editorial(self):
        return self._update_content(self._editorial, self.get_siteurl())

    @property
    def articles(self):
        """Articles with {filename}/{static} links resolved, like Pelican's `content`."""
        siteurl = self.get_siteurl()
        return [dataclasses.replace(a, body=self._update_content(a.body, siteurl))
                for a in self._articles]

    @property
    def json_ld(self):
        """schema.org data for search engines (PublicationIssue with its NewsArticles)."""
        return issue_json_ld(self, self.get_siteurl(), self.settings["SITENAME"])

    @property
    def sort_key(self):
        """Publication order: date, then year and number for two issues on one day."""
        return (self.issue_date, self.year, self.issue)

    def output_path(self, setting):
        """email.html / email.txt next to the web version."""
        return self.settings[setting].format(slug=self.slug)

    @property
    def email_url(self):
        return self.output_path("NEWSLETTER_EMAIL_SAVE_AS")

    @property
    def text_url(self):
        return self.output_path("NEWSLETTER_TEXT_SAVE_AS")
