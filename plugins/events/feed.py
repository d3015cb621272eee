"""Events in the site-wide feed (/rss.xml, /atom.xml) through iq_feeds."""

import datetime

from markupsafe import escape

from iq_core.imagemarkup import web_images
from iq_feeds import FeedEntry, entry_id


def published(event):
    """`date` (when the event was announced); without it, the event's first start."""
    value = event.announced or event.occurrences[0].start
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=event.zone)
    return value


def feed_entry(event, settings):
    first = published(event)
    updated = event.changed or first
    if not isinstance(updated, datetime.datetime):
        updated = datetime.datetime.combine(updated, datetime.time(), tzinfo=event.zone)
    dates = "".join(
        f"<li>{escape(o.when)}{' (abgesagt)' if o.cancelled else ''}</li>" for o in event.occurrences)
    facts = f"<ul>{dates}</ul>"
    if event.location:
        facts += f"<p>{escape(' '.join(event.location.split()))}</p>"
    status = "<p><strong>Abgesagt:</strong> Diese Veranstaltung findet nicht statt.</p>" \
        if event.cancelled else ""
    summary = status + facts
    return FeedEntry(
        id=entry_id(settings, "termin", event.slug, first),
        title=f"{'Abgesagt: ' if event.cancelled else ''}{event.title}",
        url=event.url,
        published=first,
        updated=max(updated, first),
        summary=summary,
        # Images in web sizes, as on the event's page (never the camera original).
        content=summary + str(web_images(event.content or "", settings=settings)),
        kind="termin",
        categories=tuple(c for c in ("Termin", event.format) if c),
    )
