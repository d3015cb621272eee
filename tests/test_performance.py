"""The faster paths of issue 8 give exactly what the straightforward ones gave.

- calendars assembled from pieces == icalendar's serialisation of the whole Calendar;
- the Termine lookup by bisection == the filter over every occurrence;
- sitemap lastmod by bisection == the scan over every address;
- the step timings write nothing unless asked to.
"""

import datetime
import json
import random
import types

import pytest

from iq_core.dates import today
from events_support import event, load_events

FILES = {
    "events/a.md": event("Seminar A", start="2025-06-26 10:00", end="2025-06-26 11:30",
                         format="Online-Seminar", location="Online (MS Teams)",
                         more_dates="\n  - start: 2025-08-28 10:00\n    end: 2025-08-28 11:30"),
    "events/b.md": event("Kongress", start="2025-06-14", end="2025-06-16", location="Hannover",
                         format="Kongress"),
    "events/c.md": event("Abgesagt", start="2025-07-03 09:00", end="2025-07-03 12:00",
                         cancelled="true", format="Online-Seminar"),
    "events/d.md": event("Entwurf", start="2025-07-04 09:00", status="draft"),
}


@pytest.fixture(scope="module")
def generator(tmp_path_factory):
    return load_events(tmp_path_factory.mktemp("perf"), FILES,
                       SITEURL="https://www.iq-niedersachsen.example")


def test_calendar_files_are_byte_identical_to_whole_calendar_serialisation(generator):
    from events import calendar, listing

    settings = generator.settings
    site_url = settings["SITEURL"]
    everything = generator.items + generator.previews
    window = listing.calendar_window([o for e in generator.items for o in e.occurrences],
                                     today(settings),
                                     settings["EVENTS_CALENDAR_PAST_MONTHS"])
    files = {name: make() for name, make in calendar.calendar_files(
        settings, site_url, everything, window, generator.formats)}
    expected = {e.ics_save_as: calendar.calendar_bytes(f"{settings['SITENAME']} – Termine",
                                                       e.occurrences, settings, site_url)
                for e in everything}
    expected["termine/termine.ics"] = calendar.calendar_bytes(
        f"{settings['SITENAME']} – Termine", window, settings, site_url)
    for event_format in generator.formats:
        expected[event_format.ics_url] = calendar.calendar_bytes(
            f"{settings['SITENAME']} – {event_format.plural}",
            [o for o in window if o.event.format == event_format.name], settings, site_url)
    assert sorted(files) == sorted(expected)
    for name in expected:
        assert files[name] == expected[name], name
    # Guard: the comparison sees a difference in one VEVENT.
    assert files["termine/termine.ics"].count(b"BEGIN:VEVENT") == len(window) >= 3


def naive_between(occurrences, first, last):
    return [o for o in occurrences if o.end_date >= first and o.start_date <= last]


def test_termine_lookup_equals_the_filter_over_all_occurrences():
    from events.listing import OccurrenceIndex

    rng = random.Random(8)
    base = datetime.date(2025, 1, 1)
    occurrences = []
    for number in range(300):
        start = base + datetime.timedelta(days=rng.randint(0, 400))
        end = start + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 3, 40]))
        occurrences.append(types.SimpleNamespace(start_date=start, end_date=end, number=number))
    occurrences.sort(key=lambda o: (o.start_date, o.number))
    index = OccurrenceIndex(occurrences)
    for _ in range(300):
        first = base + datetime.timedelta(days=rng.randint(-30, 430))
        last = first + datetime.timedelta(days=rng.randint(0, 90))
        assert index.between(first, last) == naive_between(occurrences, first, last)
    assert OccurrenceIndex([]).between(base, base) == []


def test_termine_lookup_in_the_context_of_a_build(generator):
    between = generator.context["events_between"]
    occurrences = generator.context["event_occurrences"]
    first, last = datetime.date(2025, 6, 16), datetime.date(2025, 8, 31)
    assert between(first, last) == naive_between(occurrences, first, last)
    assert [o.title for o in between(first, last)] == [
        "Kongress", "Seminar A", "Abgesagt", "Seminar A"]


def test_sitemap_lastmod_by_bisection_equals_the_scan():
    from sitemap import sitemap

    rng = random.Random(8)
    folders = ["/newsletter/", "/good-practice/", "/termine/", "/termine/archiv/", "/ueber-uns/"]
    dates = {}
    for number in range(200):
        path = f"{rng.choice(folders)}eintrag-{number}/"
        dates[path] = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 2000))
    paths = sorted(dates)
    for url in ["/", *folders, "/termine/archiv/2024/", "/nichts/", *list(dates)[:10]]:
        scanned = dates.get(url) or max(
            (when for path, when in dates.items() if path.startswith(url)), default=None)
        assert sitemap.lastmod(url, dates, paths) == scanned, url


def test_step_timings_only_when_asked(tmp_path, monkeypatch):
    from iq_core.timing import ENVIRONMENT_VARIABLE, timed

    target = tmp_path / "steps.jsonl"
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    with timed("feeds"):
        pass
    assert not target.exists()
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(target))
    with timed("feeds"):
        pass
    with timed("calendars"):
        pass
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["step"] for r in records] == ["feeds", "calendars"]
    assert all(r["seconds"] >= 0 for r in records)
