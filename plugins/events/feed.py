"""Events in the site-wide feed (/rss.xml, /atom.xml) through iq_feeds."""

import datetime

from markupsafe import escape

from iq_core.history import file_history, last_modified
from iq_core.imagemarkup import web_images
from iq_feeds import FeedEntry, entry_id

from . import formatting


def published(event):
    """`date` (when the event was announced); without it, when its file was first
    committed (iq_core.history), else the event's first start."""
    known = file_history(event)
    value = event.announced or (known.first if known else event.occurrences[0].start)
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=event.zone)
    return value


def event_entry_id(event, settings):
    """The event's calendar UID in a tag URI: never a date, so a rescheduled event stays
    one entry in every feed reader (and the same one its calendar entry is)."""
    return entry_id(settings, "termin", event.uid, EVENT_ID_DATE)


# The tag URI's date (RFC 4151 requires one): fixed, the UID alone tells events apart.
EVENT_ID_DATE = datetime.date(2000, 1, 1)


def feed_entry(event, settings):
    first = published(event)
    updated = last_modified(event) or first
    if not isinstance(updated, datetime.datetime):
        updated = datetime.datetime.combine(updated, datetime.time(), tzinfo=event.zone)
    dates = "".join(
        f"<li>{escape(o.when)}{f' ({o.marker})' if o.marker and not event.marker else ''}</li>"
        for o in event.occurrences)
    facts = f"<ul>{dates}</ul>"
    if event.location:
        facts += f"<p>{escape(' '.join(event.location.split()))}</p>"
    status = "<p><strong>Abgesagt:</strong> Diese Veranstaltung findet nicht statt.</p>" \
        if event.cancelled else ""
    if event.rescheduled_from is not None and not event.cancelled:
        status = (f"<p><strong>Verschoben:</strong> bisher "
                  f"{escape(formatting.moment(event.rescheduled_from))}.</p>")
    summary = status + facts
    return FeedEntry(
        id=event_entry_id(event, settings),
        title=event.marked_title,
        url=event.url,
        published=first,
        updated=max(updated, first),
        summary=summary,
        # Images in web sizes, as on the event's page (never the camera original).
        content=summary + str(web_images(event.content or "", settings=settings)),
        kind="termin",
        categories=tuple(c for c in ("Termin", event.format) if c),
    )
