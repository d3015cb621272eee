"""One newsletter issue as a Pelican content object."""

import dataclasses

from iq_core.contenttype import ContentItem

from .structured_data import issue_json_ld
from .validation import clean_issue


class NewsletterIssue(ContentItem):
    """An issue: checked front matter, editorial, articles, figures (validation.clean_issue)."""

    prefix = "NEWSLETTER"
    default_template = "newsletter_issue"

    @classmethod
    def clean(cls, content, metadata, settings, source_path, problems):
        return clean_issue(content, metadata, settings, source_path, problems)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by the generator once all issues are known.
        self.previous_issue = None
        self.next_issue = None
        self.termine_start = self.issue_date
        self.termine_end = None

    def get_static_links(self):
        """The files of content/ the issue shows (body images and header image), so a file
        that only an unpublished issue uses is not published either."""
        return set(super().get_static_links()) | set(self.body_images) | \
            ({self.image.path} if self.image else set())

    @property
    def editorial(self):
        return self._update_content(self.body_editorial, self.get_siteurl())

    @property
    def articles(self):
        """Articles with {filename}/{static} links resolved, like Pelican's `content`."""
        siteurl = self.get_siteurl()
        return [dataclasses.replace(a, body=self._update_content(a.body, siteurl))
                for a in self.body_articles]

    @property
    def json_ld(self):
        """schema.org data for search engines (PublicationIssue with its NewsArticles)."""
        return issue_json_ld(self)

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
