"""The event content type and its occurrences (the first date plus every `more_dates` entry)."""

import dataclasses
import datetime
import os
from zoneinfo import ZoneInfo

from iq_core.contenttype import ContentItem
from iq_core.errors import ContentError
from iq_core.reader import german_slug, short_slug

from . import formatting
from .validation import validate_event

UTC = datetime.timezone.utc
# SEQUENCE counts minutes from this instant to `modified` (see Event.sequence).
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
        first = Occurrence.build(self, 0, self.start, self.end, self.cancelled)
        more = [Occurrence.build(self, number, entry["start"], entry["end"],
                                 self.cancelled or entry["cancelled"])
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
        """DTSTAMP/LAST-MODIFIED: `modified`, else `date`, else a fixed instant. Never the build time."""
        value = self.changed or self.announced
        if value is None:
            return SEQUENCE_EPOCH
        return value.astimezone(UTC)

    @property
    def sequence(self):
        """SEQUENCE: whole minutes from 2000-01-01 to `modified`, 0 without `modified`.

        Editors record every change of an event with `modified`; a later `modified` is a
        higher SEQUENCE, so calendar apps take the moved or cancelled event as the newer
        version. Derived from content only: two builds give the same number.
        """
        if self.changed is None:
            return 0
        return max(0, int((self.stamp - SEQUENCE_EPOCH).total_seconds() // 60))

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

    @classmethod
    def build(cls, event, number, start, end, cancelled):
        all_day = not isinstance(start, datetime.datetime)
        return cls(event=event, number=number, start=start, end=end if end is not None else start,
                   all_day=all_day, has_end=end is not None, cancelled=cancelled)

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
        """The first date keeps the event's UID; further dates get "-2", "-3" … by position."""
        if self.number == 0:
            return self.event.uid
        local, at, domain = self.event.uid.rpartition("@")
        if not at:
            return f"{self.event.uid}-{self.number + 1}"
        return f"{local}-{self.number + 1}@{domain}"

    def sort_key(self):
        return (self.start_instant, self.event.title, self.number)

    # Proxies so that lists of occurrences read like lists of events.
    @property
    def title(self):
        return self.event.title

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
