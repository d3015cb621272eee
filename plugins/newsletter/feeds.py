"""Newsletter issues in the feeds (shared module iq_feeds): full content, stable ids."""

from iq_core.history import last_modified
from iq_feeds import FeedEntry, entry_id, register_feed, write_feeds

FEED_FOLDER = "newsletter/"


def register(generator):
    """Autodiscovery links for the newsletter feed on every page (generate_context)."""
    register_feed(generator.context, generator.settings["NEWSLETTER_FEED_TITLE"], FEED_FOLDER)


def issue_entry(generator, issue):
    settings = generator.settings
    # The whole issue, as on the web page: header image, editorial, articles, Termine.
    content = generator.get_template("partials/newsletter_feed_entry").render(
        generator.context, issue=issue)
    return FeedEntry(
        id=entry_id(settings, "newsletter", issue.slug, issue.date),
        title=issue.title,
        url=issue.url,
        published=issue.date,
        updated=max(last_modified(issue) or issue.date, issue.date),
        summary=issue.summary or "",
        content=content.strip(),
        kind="newsletter",
        categories=("Newsletter",),
    )


def write(generator, writer):
    """newsletter/rss.xml and newsletter/atom.xml (only where FEEDS_ENABLED)."""
    settings = generator.settings
    write_feeds(writer, settings, folder=FEED_FOLDER, title=settings["NEWSLETTER_FEED_TITLE"],
                description=settings["NEWSLETTER_FEED_DESCRIPTION"],
                entries=generator.feed_entries)
