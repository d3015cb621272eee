"""New fact sheets as feed entries, for the good-practice feed and the site-wide feed."""

from iq_core.history import last_modified
from iq_feeds import FeedEntry, entry_id
from markupsafe import escape


def feed_entries(sheets, settings, render_content):
    """One entry per published sheet; `render_content(sheet)` gives the entry's HTML."""
    entries = []
    for sheet in sheets:
        # `modified`, else the file's last commit (iq_core.history); never before `date`.
        updated = max(last_modified(sheet) or sheet.date, sheet.date)
        entries.append(FeedEntry(
            id=entry_id(settings, "good-practice", sheet.slug, sheet.date),
            title=sheet.title,
            url=sheet.url,
            published=sheet.date,
            updated=updated,
            # The reader turns `summary` into HTML; without one the subtitle is the teaser.
            summary=sheet.metadata.get("summary") or str(escape(sheet.subtitle)),
            content=render_content(sheet),
            kind="good-practice",
            categories=("Good Practice", *sheet.criteria_labels),
        ))
    return entries
