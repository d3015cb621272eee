"""Reads content/newsletter/*.md, links the issues, writes web, email and archive pages."""

from iq_core.contenttype import ContentTypeGenerator
from iq_core.errors import ContentError
from iq_core.timing import timed
from iq_feeds import add_feed_entries

from . import feeds
from .contents import NewsletterIssue
from .email import write_email
from .period import termine_period


class NewsletterGenerator(ContentTypeGenerator):
    item_class = NewsletterIssue
    item_name = "issue"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed_entries = []  # published issues, made once all content is read

    def identities(self, item):
        yield "issue", (item.year, item.issue)
        yield "slug", item.slug

    def clash(self, item, kind, value, earlier):
        lines = item.metadata.get("front_matter_lines", {})
        if kind == "issue":
            return ContentError(
                item.source_path,
                f"Die Ausgabe {item.issue} des Jahres {item.year} gibt es schon in "
                f"„{earlier.relative_source_path}“.",
                key="issue", line=lines.get("issue"),
                hint="Jede Ausgabe hat ihre eigene Nummer: prüfen Sie „issue“ und „year“.")
        return ContentError(
            item.source_path, f"Die Adresse „{item.slug}“ hat schon „{earlier.relative_source_path}“.",
            key="slug", line=lines.get("slug"),
            hint="Lassen Sie „slug“ weg oder wählen Sie eine andere Adresse.")

    def add_to_context(self):
        # Oldest first for the neighbours and the Termine periods; listed newest first.
        link_issues(self.items, self.previews, self.setting("TERMINE_WEEKS"))
        self.items.reverse()
        self.context["newsletter_issues"] = self.items
        self.context["newsletter_years"] = group_by_year(self.items)
        feeds.register(self)

    def all_read(self):
        """Feed entries hold the whole issue, with its Termine: every type has read now."""
        with timed("feeds"):
            self.feed_entries = [feeds.issue_entry(self, issue) for issue in self.items]
        add_feed_entries(self.context, self.feed_entries)

    def generate_output(self, writer):
        self.write_items(writer)
        for issue in self.items + self.previews:
            write_email(self, writer, issue)
        writer.write_file(self.setting("ARCHIVE_SAVE_AS"), self.get_template("newsletter_archive"),
                          self.context, relative_urls=self.settings["RELATIVE_URLS"],
                          url=self.setting("ARCHIVE_URL"))
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
