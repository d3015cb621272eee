"""The event content type and its occurrences (the first date plus every `more_dates` entry)."""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

from pelican.contents import Content

from . import formatting

UTC = datetime.timezone.utc
# SEQUENCE counts minutes from this instant to `modified` (see Event.sequence).
SEQUENCE_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=UTC)


class Event(Content):
    """One event file. Pelican finds EVENT_URL / EVENT_SAVE_AS for this class."""

    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft", "hidden")
    default_status = "published"
    default_template = "event"

    def apply(self, data, settings):
        """Take the checked front-matter values (validation.validate_event)."""
        self.data = data
        self.title = data["title"]
        self.format = data["format"]
        self.location = data["location"]
        self.organiser = data["organiser"]
        self.online_url = data["online_url"]
        self.registration_url = data["registration_url"]
        self.audiences = data["audiences"]
        self.cancelled = data["cancelled"]
        self.uid = data["uid"] or f"{self.slug}@{settings['EVENTS_UID_DOMAIN']}"
        self.zone = ZoneInfo(settings["TIMEZONE"])
        self.ics_url = self.url + settings["EVENT_ICS_NAME"]
        self.ics_save_as = self.url + settings["EVENT_ICS_NAME"]
        first = Occurrence.build(self, 0, data["start"], data["end"], data["cancelled"])
        more = [Occurrence.build(self, number, entry["start"], entry["end"],
                                 data["cancelled"] or entry["cancelled"])
                for number, entry in enumerate(data["more_dates"], start=1)]
        # Sorted, so an editor may list further dates in any order.
        self.occurrences = sorted([first, *more], key=Occurrence.sort_key)

    @property
    def is_online(self):
        """Online events: location "Online (…)", a join link, or an online format."""
        return bool(self.online_url
                    or (self.location or "").strip().lower().startswith("online")
                    or (self.format or "").lower().startswith("online"))

    @property
    def stamp(self):
        """DTSTAMP/LAST-MODIFIED: `modified`, else `date`, else a fixed instant. Never the build time."""
        value = self.data["modified"] or self.data["date"]
        if value is None:
            return SEQUENCE_EPOCH
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime.combine(value, datetime.time(), tzinfo=self.zone)
        return value.astimezone(UTC)

    @property
    def sequence(self):
        """SEQUENCE: whole minutes from 2000-01-01 to `modified`, 0 without `modified`.

        Editors record every change of an event with `modified`; a later `modified` is a
        higher SEQUENCE, so calendar apps take the moved or cancelled event as the newer
        version. Derived from content only: two builds give the same number.
        """
        if self.data["modified"] is None:
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
