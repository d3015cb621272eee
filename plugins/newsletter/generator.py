"""Reads content/newsletter/*.md, links the issues, writes web, email and archive pages."""

import logging

from iq_core.errors import ContentError, report
from iq_core.validation import keep_first
from pelican.generators import Generator

from .contents import NewsletterIssue
from . import feeds
from .email import write_email
from .period import termine_period

logger = logging.getLogger(__name__)


class NewsletterGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.issues = []  # published, newest first
        self.unpublished = []  # drafts and hidden issues the preview renders
        self.feed_entries = []  # published issues, filled once all content is read
        # Named reader cache: with CACHE_CONTENT / LOAD_CONTENT_CACHE and
        # CONTENT_CACHING_LAYER = "reader", unchanged files are not parsed again.
        super().__init__(*args, readers_cache_name="NewsletterGenerator-Readers", **kwargs)

    def generate_context(self):
        issues = []
        paths = self.get_files(self.settings["NEWSLETTER_PATH"], extensions=("md", "markdown"))
        for path in sorted(paths):
            try:
                issue = self.readers.read_file(base_path=self.path, path=path,
                                               content_class=NewsletterIssue,
                                               context=self.context)
            except ContentError as error:
                # Report every broken file, not just the first; the build fails on any.
                report(error, logger.error)
                self._add_failed_source_path(path)
                continue
            if issue.is_valid():
                issues.append(issue)
        issues = self._drop_duplicates(issues)
        published = sorted((i for i in issues if i.is_published), key=lambda i: i.sort_key)
        unpublished = sorted((i for i in issues if not i.is_published), key=lambda i: i.sort_key)
        link_issues(published, unpublished, self.settings["NEWSLETTER_TERMINE_WEEKS"])
        self.issues = list(reversed(published))
        self.unpublished = unpublished if self.settings["SHOW_DRAFTS"] else []
        # Every issue that was read, drafts too: the site's checks then know the file
        # is read (and `written_items` leaves out what the public build does not write).
        for issue in issues:
            self.add_source_path(issue)
        self.context["newsletter_issues"] = self.issues
        self.context["newsletter_years"] = group_by_year(self.issues)
        feeds.register(self)
        self.readers.save_cache()  # only writes when CACHE_CONTENT is on

    def _drop_duplicates(self, issues):
        """Each (year, issue) pair and each address once; later files are reported."""
        def lines(issue):
            return issue.metadata.get("front_matter_lines", {})

        issues = keep_first(issues, lambda i: (i.year, i.issue), lambda issue, earlier: ContentError(
            issue.source_path,
            f"Die Ausgabe {issue.issue} des Jahres {issue.year} gibt es schon in "
            f"„{earlier.relative_source_path}“.",
            key="issue", line=lines(issue).get("issue"),
            hint="Jede Ausgabe hat ihre eigene Nummer: prüfen Sie „issue“ und „year“.",
        ), logger.error)
        return keep_first(issues, lambda i: i.slug, lambda issue, earlier: ContentError(
            issue.source_path,
            f"Die Adresse „{issue.slug}“ hat schon „{earlier.relative_source_path}“.",
            key="slug", line=lines(issue).get("slug"),
            hint="Lassen Sie „slug“ weg oder wählen Sie eine andere Adresse.",
        ), logger.error)

    def generate_output(self, writer):
        relative_urls = self.settings["RELATIVE_URLS"]
        for issue in self.issues + self.unpublished:
            writer.write_file(issue.save_as, self.get_template(issue.template), self.context,
                              issue=issue, relative_urls=relative_urls, url=issue.url)
            write_email(self, writer, issue)
        writer.write_file(self.settings["NEWSLETTER_ARCHIVE_SAVE_AS"],
                          self.get_template("newsletter_archive"), self.context,
                          relative_urls=relative_urls,
                          url=self.settings["NEWSLETTER_ARCHIVE_URL"])
        feeds.write(self, writer)


def group_by_year(issues):
    """[(year, issues newest first)], newest year first; by the issue's own `year`
    (Newsletter 1 | 26 may appear in December 2025)."""
    years = sorted({issue.year for issue in issues}, reverse=True)
    return [(year, [issue for issue in issues if issue.year == year]) for year in years]


def link_issues(published, unpublished, weeks):
    """Previous/next issue and the "Termine" period of each issue (lists oldest first).

    Only published issues are neighbours: a draft never shapes or appears on a public page.
    """
    for index, issue in enumerate(published):
        issue.previous_issue = published[index - 1] if index else None
        issue.next_issue = published[index + 1] if index + 1 < len(published) else None
    for issue in unpublished:
        issue.previous_issue = next((p for p in reversed(published)
                                     if p.sort_key < issue.sort_key), None)
        issue.next_issue = next((p for p in published if p.sort_key > issue.sort_key), None)
    for issue in published + unpublished:
        following = issue.next_issue.issue_date if issue.next_issue else None
        issue.termine_start, issue.termine_end = termine_period(
            issue.issue_date, issue.events_until, following, weeks)
