"""iCalendar files (RFC 5545) with the icalendar library: what Outlook, Google and Apple read alike.

- METHOD:PUBLISH, a calendar name and a refresh interval for subscriptions;
- a classic RRULE-based VTIMEZONE for Europe/Berlin. icalendar's add_missing_timezones()
  writes RDATE lists that ical.js and vobject misread by an hour around the change;
- stable UIDs, DTSTAMP and SEQUENCE from content (never from the build time);
- all-day events as VALUE=DATE with an exclusive DTEND.

`more_dates`: every further date is a VEVENT of its own with its own UID (`…-2@…`).
A master event with RDATE and RECURRENCE-ID overrides would be the textbook form, but
Outlook ignores RDATE, Google drops RDATE periods with their own durations, and both
mishandle RECURRENCE-ID instances without an RRULE master. Separate events are shown
right by every client, and each can be moved or cancelled on its own.
"""

import datetime

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

PRODID = "-//IQ Netzwerk Niedersachsen//Termine//DE"


def berlin_timezone(tzid):
    """VTIMEZONE for Central European Time with the EU rules since 1996 (RRULE form)."""
    zone = Timezone()
    zone.add("tzid", tzid)
    zone.add("x-lic-location", tzid)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


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


def vevent(occurrence, site_url):
    """One VEVENT; a cancelled event (or date) stays in the calendar with STATUS:CANCELLED."""
    event = occurrence.event
    item = Event()
    item.add("uid", occurrence.uid)
    item.add("dtstamp", event.stamp)
    if event.data["modified"] is not None:
        item.add("last-modified", event.stamp)
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    if occurrence.all_day:
        item.add("dtstart", occurrence.start)
        # All-day: DTEND is the day after the last day (exclusive).
        item.add("dtend", occurrence.end + datetime.timedelta(days=1))
    else:
        item.add("dtstart", occurrence.start)
        if occurrence.has_end:
            item.add("dtend", occurrence.end)
    page = f"{site_url}/{event.url}"
    location = event.location or ""
    if event.online_url:
        location = f"{location}: {event.online_url}" if location else event.online_url
    if location:
        item.add("location", location)
    # URL: the event's page (Details); DESCRIPTION repeats the links for apps that hide URL.
    item.add("url", page)
    item.add("description", description(event, page))
    item.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    if event.format:
        item.add("categories", [event.format])
    # No ORGANIZER: it needs a mailto: address and makes Outlook treat the event as a
    # meeting invitation. The organiser is named in DESCRIPTION.
    return item


def description(event, page):
    lines = []
    if event.cancelled:
        lines.append("ABGESAGT: Diese Veranstaltung findet nicht statt.")
    if event.data["summary"]:
        lines.append(event.data["summary"])
    if event.format:
        lines.append(f"Format: {event.format}")
    if event.organiser:
        lines.append(f"Veranstalter: {event.organiser}")
    if event.online_url:
        lines.append(f"Teilnahme: {event.online_url}")
    if event.registration_url and not event.cancelled:
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
    the whole Calendar object (tests/test_events_calendar.py checks exactly that), at a
    third of the cost, and the VTIMEZONE is written once instead of once per file.
    """

    def __init__(self, settings, site_url):
        self.settings = settings
        self.site_url = site_url
        self.timezone = berlin_timezone(settings["TIMEZONE"]).to_ical()
        self.vevents = {}  # occurrence UID -> VEVENT bytes (UIDs are unique per build)

    def vevent_bytes(self, occurrence):
        if occurrence.uid not in self.vevents:
            self.vevents[occurrence.uid] = vevent(occurrence, self.site_url).to_ical()
        return self.vevents[occurrence.uid]

    def calendar_bytes(self, name, occurrences):
        head = new_calendar(name, self.settings, with_timezone=False).to_ical()
        if not head.endswith(END):
            raise ValueError("icalendar schreibt das Kalenderende anders als erwartet")
        ordered = sorted(occurrences, key=lambda o: (o.sort_key(), o.uid))
        return b"".join([head[: -len(END)], self.timezone,
                         *(self.vevent_bytes(o) for o in ordered), END])


def calendar_bytes(name, occurrences, settings, site_url):
    """One calendar file: CRLF line endings and 75-octet folding come from icalendar."""
    calendar = new_calendar(name, settings)
    for occurrence in sorted(occurrences, key=lambda o: (o.sort_key(), o.uid)):
        calendar.add_component(vevent(occurrence, site_url))
    return calendar.to_ical()


def calendar_files(settings, site_url, events, window, formats):
    """(save_as, bytes) of every calendar of a build, in a fixed order.

    `events`: every event with a page (its own calendar); `window`: the occurrences of
    the subscribable calendars (all events, and one per format in `formats`).
    """
    calendars = CalendarSet(settings, site_url)
    for event in events:
        yield event.ics_save_as, calendars.calendar_bytes(event.title, event.occurrences)
    index = settings["EVENTS_INDEX_URL"]
    yield (f"{index}{settings['EVENTS_CALENDAR_NAME']}",
           calendars.calendar_bytes(f"{settings['SITENAME']} – Termine", window))
    for event_format in formats:
        yield (event_format.ics_url,
               calendars.calendar_bytes(f"{settings['SITENAME']} – {event_format.plural}",
                                        [o for o in window if o.event.format == event_format.name]))
