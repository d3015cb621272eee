"""What the lists show: coming and past occurrences, grouped by month, year and format."""

import bisect
import datetime
import itertools

from iq_core.reader import german_slug
from iq_core.vocabulary import vocabulary

from . import formatting


def day_start(day, zone):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone).astimezone(datetime.timezone.utc)


def split_by_build_date(occurrences, build_date, zone):
    """(coming, past) on the build's day: coming while it has not ended by that day's start.

    Occurrences that end later on the build day stay "coming"; the page script
    hides them in the reader's browser once they are over.
    """
    cutoff = day_start(build_date, zone)
    coming = [o for o in occurrences if o.end_instant > cutoff]
    past = [o for o in occurrences if o.end_instant <= cutoff]
    return coming, past


class OccurrenceIndex:
    """Occurrences that take place in a period, found by bisection instead of a scan.

    The newsletter's Termine block asks this once per issue (web page, e-mail, feed):
    a filter over all occurrences per issue grew with issues × occurrences. Here each
    question costs log(occurrences) plus the occurrences it returns. An occurrence takes
    place in [first, last] when it starts by `last` and ends on or after `first`; it
    cannot start earlier than `first` minus the longest occurrence and still end in time.
    """

    def __init__(self, occurrences):
        self.occurrences = list(occurrences)  # the caller's order, kept in every answer
        self.by_start = sorted(range(len(self.occurrences)),
                               key=lambda position: self.occurrences[position].start_date)
        self.starts = [self.occurrences[position].start_date for position in self.by_start]
        self.longest = max((o.end_date - o.start_date for o in self.occurrences),
                           default=datetime.timedelta(0))

    def between(self, first, last):
        """Occurrences with end_date >= first and start_date <= last, in the caller's order."""
        low = bisect.bisect_left(self.starts, first - self.longest)
        high = bisect.bisect_right(self.starts, last)
        positions = sorted(position for position in self.by_start[low:high]
                           if self.occurrences[position].end_date >= first)
        return [self.occurrences[position] for position in positions]


def by_month(occurrences):
    """[(\"Juni 2025\", \"2025-06\", [occurrences…]), …] in the given order."""
    groups = []
    for (year, month), items in itertools.groupby(
            occurrences, key=lambda o: (o.start_date.year, o.start_date.month)):
        first = datetime.date(year, month, 1)
        groups.append((formatting.month_heading(first), f"{year:04d}-{month:02d}", list(items)))
    return groups


def by_year(occurrences):
    years = {}
    for occurrence in occurrences:
        years.setdefault(occurrence.start_date.year, []).append(occurrence)
    return dict(sorted(years.items(), reverse=True))


def calendar_window(occurrences, build_date, months):
    """Subscribable calendars: the past `months` months and everything after."""
    year, month = divmod(build_date.year * 12 + build_date.month - 1 - months, 12)
    month += 1
    day = min(build_date.day, _days_in_month(year, month))
    since = datetime.date(year, month, day)
    return [o for o in occurrences if o.end_date >= since]


def _days_in_month(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


class Format:
    """A format with its page (/termine/online-seminare/) and calendar (online-seminare.ics)."""

    def __init__(self, name, plural, settings):
        self.name = name
        self.plural = plural
        self.slug = german_slug(plural, settings)
        self.url = f"{settings['EVENTS_ARCHIVE_URL']}{self.slug}/"
        self.ics_url = f"{settings['EVENTS_ARCHIVE_URL']}{self.slug}.ics"


def formats_in_use(events, settings):
    """The formats of `events`, in the order of the list of formats (content/listen/)."""
    names = {e.format for e in events if e.format}
    formats = vocabulary(settings, settings["EVENTS_VOCABULARIES"]["format"])
    return [Format(entry.label, entry.plural or entry.label, settings)
            for entry in formats.entries if entry.label in names]
