"""iCalendar files (RFC 5545) with the icalendar library: what Outlook, Google and Apple read alike.

- METHOD:PUBLISH, a calendar name and a refresh interval for subscriptions;
- a classic RRULE-based VTIMEZONE for Europe/Berlin. icalendar's add_missing_timezones()
  writes RDATE lists that ical.js and vobject misread by an hour around the change;
- stable UIDs, DTSTAMP and SEQUENCE from content (never from the build time);
- all-day events as VALUE=DATE with an exclusive DTEND.

- ORGANIZER on every VEVENT (RFC 5546 requires one for METHOD:PUBLISH; libical's
  restriction check fails without it): the event's `organiser` as CN, the network's
  address (ORGANIZATION_EMAIL) as mailto:. Without ATTENDEEs no client takes it for an
  invitation;
- a cancelled or moved date says so in SUMMARY too („Abgesagt: …“, markers.py): some
  apps (calcurse) ignore STATUS:CANCELLED.

`more_dates`: every further date is a VEVENT of its own, with a UID from the event's and
the date's original start (model.Occurrence.uid).
A master event with RDATE and RECURRENCE-ID overrides would be the textbook form, but
Outlook ignores RDATE, Google drops RDATE periods with their own durations, and both
mishandle RECURRENCE-ID instances without an RRULE master. Separate events are shown
right by every client, and each can be moved or cancelled on its own.
"""

import datetime
from functools import partial
from typing import NamedTuple

from icalendar import Calendar, Event, vCalAddress, vDuration

from . import formatting
from .vtimezone import berlin_timezone

PRODID = "-//IQ Netzwerk Niedersachsen//Termine//DE"


def new_calendar(name, settings, with_timezone=True):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings["TIMEZONE"])
    refresh = datetime.timedelta(hours=settings["EVENTS_REFRESH_HOURS"])
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(refresh))
    if with_timezone:
        calendar.add_component(berlin_timezone(settings["TIMEZONE"]))
    return calendar


class VeventFields(NamedTuple):
    """Everything a VEVENT is made of (its repr is the key of VeventCache)."""

    uid: str
    stamp: datetime.datetime
    modified: bool
    sequence: int
    title: str
    start: datetime.date  # a date (all day) or an aware datetime
    end: object           # the same, or None
    location: str
    page: str
    text: str
    status: str
    event_format: str
    organizer: str        # CN of ORGANIZER
    organizer_email: str  # its mailto: address


def vevent_fields(occurrence, site_url):
    event = occurrence.event
    page = f"{site_url}/{event.url}"
    location = event.location or ""
    if event.online_url:
        location = f"{location}: {event.online_url}" if location else event.online_url
    if occurrence.all_day:
        # All-day: DTEND is the day after the last day (exclusive).
        start, end = occurrence.start, occurrence.end + datetime.timedelta(days=1)
    else:
        start, end = occurrence.start, occurrence.end if occurrence.has_end else None
    settings = event.settings
    return VeventFields(
        uid=occurrence.uid, stamp=event.stamp, modified=event.has_changes,
        sequence=event.sequence, title=occurrence.marked_title, start=start, end=end,
        location=location, page=page, text=description(occurrence, page),
        status="CANCELLED" if occurrence.cancelled else "CONFIRMED", event_format=event.format,
        organizer=event.organiser or settings["ORGANIZATION_NAME"] or settings["SITENAME"],
        organizer_email=settings["ORGANIZATION_EMAIL"])


def vevent(occurrence, site_url):
    """One VEVENT; a cancelled event (or date) stays in the calendar with STATUS:CANCELLED."""
    return vevent_from_fields(vevent_fields(occurrence, site_url))


def vevent_from_fields(fields):
    item = Event()
    item.add("uid", fields.uid)
    item.add("dtstamp", fields.stamp)
    if fields.modified:
        item.add("last-modified", fields.stamp)
    item.add("sequence", fields.sequence)
    item.add("summary", fields.title)
    item.add("dtstart", fields.start)
    if fields.end is not None:
        item.add("dtend", fields.end)
    if fields.location:
        item.add("location", fields.location)
    # URL: the event's page (Details); DESCRIPTION repeats the links for apps that hide URL.
    item.add("url", fields.page)
    item.add("description", fields.text)
    item.add("status", fields.status)
    if fields.event_format:
        item.add("categories", [fields.event_format])
    organizer = vCalAddress(f"mailto:{fields.organizer_email}")
    organizer.params["cn"] = fields.organizer
    item.add("organizer", organizer)
    return item


def description(occurrence, page):
    event = occurrence.event
    lines = []
    if occurrence.cancelled:
        lines.append("ABGESAGT: Dieser Termin findet nicht statt.")
    elif occurrence.rescheduled_from is not None:
        lines.append(f"VERSCHOBEN: bisher {formatting.moment(occurrence.rescheduled_from)}.")
    if event.summary_text:
        lines.append(event.summary_text)
    if event.format:
        lines.append(f"Format: {event.format}")
    if event.organiser:
        lines.append(f"Veranstalter: {event.organiser}")
    if event.online_url:
        lines.append(f"Teilnahme: {event.online_url}")
    if event.registration_url and not occurrence.cancelled:
        lines.append(f"Details & Anmeldung: {event.registration_url}")
    lines.append(f"Mehr: {page}")
    return "\n".join(lines)


END = b"END:VCALENDAR\r\n"


class CalendarSet:
    """Every calendar of one build, each VEVENT built and serialised once.

    An occurrence appears in up to three files (its event's, all events, its format's).
    icalendar serialises a component as its own properties followed by its
    subcomponents, so a calendar's bytes are the calendar without components, then
    VTIMEZONE, then each VEVENT, then END:VCALENDAR. We let icalendar write each of
    those pieces once and join them: the file is byte for byte what icalendar writes for
    the whole Calendar object (tests/test_performance.py checks exactly that), at a
    fraction of the cost. The head of a calendar is written once per name, the VTIMEZONE
    once per build.

    `known`: VEVENT bytes of earlier builds by the repr of their fields (VeventCache); a
    VEVENT whose fields are unchanged is not serialised again.
    """

    def __init__(self, settings, site_url, known=None):
        self.settings = settings
        self.site_url = site_url
        self.timezone = berlin_timezone(settings["TIMEZONE"]).to_ical()
        self.known = known or {}
        self.used = {}  # repr(fields) -> VEVENT bytes of this build (what the cache keeps)
        self.heads = {}
        self.vevents = {}  # occurrence UID -> VEVENT bytes (UIDs are unique per build)

    def vevent_bytes(self, occurrence):
        if occurrence.uid not in self.vevents:
            fields = vevent_fields(occurrence, self.site_url)
            # repr, not the tuple: aware datetimes compare equal across time zones,
            # their repr names the zone (and tells a date from a datetime).
            key = repr(fields)
            data = self.known.get(key)
            if data is None:
                data = vevent_from_fields(fields).to_ical()
            self.used[key] = self.vevents[occurrence.uid] = data
        return self.vevents[occurrence.uid]

    def head(self, name):
        if name not in self.heads:
            head = new_calendar(name, self.settings, with_timezone=False).to_ical()
            if not head.endswith(END):
                raise ValueError("icalendar schreibt das Kalenderende anders als erwartet")
            self.heads[name] = head[: -len(END)]
        return self.heads[name]

    def calendar_bytes(self, name, occurrences):
        ordered = sorted(occurrences, key=lambda o: (o.sort_key(), o.uid))
        return b"".join([self.head(name), self.timezone,
                         *(self.vevent_bytes(o) for o in ordered), END])


def calendar_bytes(name, occurrences, settings, site_url):
    """One calendar file: CRLF line endings and 75-octet folding come from icalendar."""
    calendar = new_calendar(name, settings)
    for occurrence in sorted(occurrences, key=lambda o: (o.sort_key(), o.uid)):
        calendar.add_component(vevent(occurrence, site_url))
    return calendar.to_ical()


def calendar_files(settings, site_url, events, window, formats, calendars=None):
    """(save_as, function that makes its bytes) of every calendar of a build, in a fixed
    order (files share the VEVENTs of `calendars`, each serialised once).

    `events`: every event with a page (its own calendar); `window`: the occurrences of
    the subscribable calendars (all events, and one per format in `formats`).
    An event's own file is for "add to my calendar": it carries the site's calendar name
    (an app that makes a calendar of an imported file names it after the site, not after
    one event), so every such file starts with the same head.
    """
    calendars = calendars or CalendarSet(settings, site_url)
    name = f"{settings['SITENAME']} – Termine"
    for event in events:
        yield event.ics_save_as, partial(calendars.calendar_bytes, name, event.occurrences)
    index = settings["EVENTS_ARCHIVE_URL"]
    yield (f"{index}{settings['EVENTS_CALENDAR_NAME']}",
           partial(calendars.calendar_bytes, name, window))
    for event_format in formats:
        yield (event_format.ics_url,
               partial(calendars.calendar_bytes, f"{settings['SITENAME']} – {event_format.plural}",
                       [o for o in window if o.event.format == event_format.name]))
