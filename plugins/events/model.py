"""The event content type and its occurrences (the first date plus every `more_dates` entry)."""

import dataclasses
import datetime
import os
from zoneinfo import ZoneInfo

from iq_core.contenttype import ContentItem
from iq_core.errors import ContentError
from iq_core.history import file_history, last_modified
from iq_core.reader import german_slug, short_slug

from . import formatting, markers
from .validation import validate_event

UTC = datetime.timezone.utc
# Without git history, SEQUENCE counts minutes from this instant to `modified` (see
# Event.sequence), and an event without any date is stamped with it.
SEQUENCE_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=UTC)


class Event(ContentItem):
    """One event file: its checked values (see clean) as attributes, and its
    dates as occurrences."""

    prefix = "EVENTS"
    default_template = "event"

    @classmethod
    def clean(cls, content, metadata, settings, source_path, problems):
        """The checked front matter (validation.validate_event), the address from the file
        name."""
        raw = metadata.get("front_matter", {})
        lines = metadata.get("front_matter_lines", {})
        data = problems.value(validate_event, source_path, raw, lines, settings, metadata)
        slug = metadata.get("slug")
        if raw.get("slug") is None:
            # The file name, not the title, names the page and the calendar identity:
            # correcting a title never changes a subscriber's event.
            base = os.path.splitext(os.path.basename(source_path))[0]
            slug = short_slug(german_slug(base, settings))
            if not slug:
                problems.add(ContentError(
                    source_path, f"Aus dem Dateinamen „{os.path.basename(source_path)}“ lässt "
                    "sich keine Adresse bilden.", hint="Benennen Sie die Datei wie "
                    "„2025-06-26-deutsch-am-arbeitsplatz.md“ oder geben Sie „slug: …“ an."))
        if data is None or not slug:
            return None
        metadata.update(data, slug=slug,
                        uid=data["uid"] or f"{slug}@{settings['EVENTS_UID_DOMAIN']}")
        return content, metadata

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Derived from the checked values: each date knows its event.
        self.zone = ZoneInfo(self.settings["TIMEZONE"])
        self.ics_url = self.ics_save_as = self.url + self.settings["EVENTS_ICS_NAME"]
        first = Occurrence.build(self, 0, self.start, self.end, self.cancelled,
                                 self.rescheduled_from, identity=None)
        more = [Occurrence.build(self, number, entry["start"], entry["end"],
                                 self.cancelled or entry["cancelled"], entry["rescheduled_from"],
                                 identity=entry["rescheduled_from"] or entry["start"])
                for number, entry in enumerate(self.more_dates, start=1)]
        # Sorted, so an editor may list further dates in any order.
        self.occurrences = sorted([first, *more], key=Occurrence.sort_key)

    @property
    def changed(self):
        """`modified` as written, or None."""
        return self.front_matter_dates.get("modified")

    @property
    def announced(self):
        """`date` as written (not a date from the file name), or None."""
        return self.front_matter_dates.get("date")

    @property
    def is_online(self):
        """Online events: location "Online (…)", a join link, or an online format."""
        return bool(self.online_url
                    or (self.location or "").strip().lower().startswith("online")
                    or (self.format or "").lower().startswith("online"))

    @property
    def stamp(self):
        """DTSTAMP/LAST-MODIFIED, in UTC: `modified`, else the last commit that changed the
        file (iq_core.history), else `date`, else a fixed instant. Never the build time."""
        value = last_modified(self) or self.announced
        if value is None:
            return SEQUENCE_EPOCH
        return value.astimezone(UTC)

    @property
    def has_changes(self):
        """Whether LAST-MODIFIED is known (`modified`, or the file's history)."""
        return last_modified(self) is not None

    @property
    def sequence(self):
        """SEQUENCE: how often the file was changed in git (0 for the first version).

        Every commit that changes an event raises it, so calendar apps take the moved or
        cancelled event as the newer version, with nothing for editors to do; the same
        commit always gives the same number. Without history: whole minutes from
        2000-01-01 to `modified`, 0 without `modified`.
        """
        known = file_history(self)
        if known is not None:
            return known.commits - 1
        if self.changed is None:
            return 0
        return max(0, int((self.changed.astimezone(UTC) - SEQUENCE_EPOCH).total_seconds() // 60))

    # One way to show a cancellation or a move (markers.py).
    @property
    def marker(self):
        return markers.marker(self.cancelled, self.rescheduled_from)

    @property
    def bare_title(self):
        return markers.bare_title(self.title) if self.marker else self.title

    @property
    def marked_title(self):
        return markers.marked_title(self.title, self.marker)

    @property
    def start_date(self):
        return self.occurrences[0].start_date

    @property
    def sort_key(self):
        return (self.occurrences[0].sort_key(), self.slug)


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One date of an event. `start`/`end` are dates (all-day, `end` inclusive) or aware
    datetimes in the site's time zone; without an `end`, `end` equals `start`."""

    event: Event
    number: int
    start: datetime.date
    end: datetime.date
    all_day: bool
    has_end: bool
    cancelled: bool
    rescheduled_from: datetime.date  # the start before a move, or None
    identity: datetime.date  # a further date's original start; None: the event's first date

    @classmethod
    def build(cls, event, number, start, end, cancelled, rescheduled_from, identity):
        all_day = not isinstance(start, datetime.datetime)
        return cls(event=event, number=number, start=start, end=end if end is not None else start,
                   all_day=all_day, has_end=end is not None, cancelled=cancelled,
                   rescheduled_from=rescheduled_from, identity=identity)

    # Start and end as days and as instants (UTC), for lists, calendars and the browser.
    @property
    def start_date(self):
        return self.start if self.all_day else self.start.date()

    @property
    def end_date(self):
        return self.end if self.all_day else self.end.date()

    @property
    def start_instant(self):
        if self.all_day:
            return datetime.datetime.combine(self.start, datetime.time(), tzinfo=self.event.zone).astimezone(UTC)
        return self.start.astimezone(UTC)

    @property
    def end_instant(self):
        """When the occurrence is over: the end, or midnight after an all-day event's last day."""
        if self.all_day:
            after = self.end + datetime.timedelta(days=1)
            return datetime.datetime.combine(after, datetime.time(), tzinfo=self.event.zone).astimezone(UTC)
        return self.end.astimezone(UTC)

    @property
    def end_iso(self):
        return self.end_instant.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def uid(self):
        """The first date has the event's UID; a further date the event's UID with its
        original start ("…-20250828T1000@…"): adding or removing a date never changes
        another's, and a date moved with `rescheduled_from` keeps its own."""
        if self.identity is None:
            return self.event.uid
        if isinstance(self.identity, datetime.datetime):
            suffix = self.identity.astimezone(self.event.zone).strftime("%Y%m%dT%H%M")
        else:
            suffix = self.identity.strftime("%Y%m%d")
        local, at, domain = self.event.uid.rpartition("@")
        return f"{local}-{suffix}@{domain}" if at else f"{self.event.uid}-{suffix}"

    @property
    def marker(self):
        return markers.marker(self.cancelled, self.rescheduled_from)

    @property
    def marked_title(self):
        return markers.marked_title(self.event.title, self.marker)

    def sort_key(self):
        return (self.start_instant, self.event.title, self.number)

    # Proxies so that lists of occurrences read like lists of events.
    @property
    def title(self):
        return self.event.title

    @property
    def bare_title(self):
        """The title as shown after the marker (without a marker word written into it)."""
        return markers.bare_title(self.event.title) if self.marker else self.event.title

    @property
    def url(self):
        return self.event.url

    # German forms (see formatting.py).
    @property
    def when(self):
        return formatting.when(self)

    @property
    def datetime_attr(self):
        """Machine-readable start for <time datetime=…>."""
        if self.all_day:
            return self.start.isoformat()
        return self.start.isoformat(timespec="minutes")

    @property
    def newsletter_date(self):
        return formatting.newsletter_date(self)

    @property
    def newsletter_time(self):
        return formatting.newsletter_time(self)

    @property
    def newsletter_place(self):
        return formatting.short_place(self.event.location)
