"""What the lists show: coming and past occurrences, grouped by month, year and format."""

import datetime
import itertools

from iq_core.reader import german_slug

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
        self.url = f"{settings['EVENTS_INDEX_URL']}{self.slug}/"
        self.ics_url = f"{settings['EVENTS_INDEX_URL']}{self.slug}.ics"


def formats_in_use(events, settings):
    names = sorted({e.format for e in events if e.format})
    return [Format(name, settings["EVENTS_FORMATS"][name], settings) for name in names]
