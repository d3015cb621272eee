"""Microbenchmark: every calendar file of N events, with the events plugin's own functions.

    python benchmarks/calendars.py 10000

Events are built in memory as the plugin builds them (the Event content class, the
front matter checked by validate_event), like benchmarks/generate.py's events: every
20th has a second date, every 33rd is cancelled. Timed is `calendar.calendar_files`,
the step the events generator runs: one calendar per event, the calendar of all events
and one per format; writing the bytes to disk is left out (it is the same for any
calendar code). Reading and checking the events is not timed.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FORMATS = ["Online-Seminar"] * 6 + ["Fachtag", "Konferenz", "Runder Tisch", "Netzwerktreffen"]


def settings_for_benchmark():
    """The public build's settings; Pelican loads the plugins (events is importable then)
    and applies their defaults."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(os.path.join(ROOT, "publishconf.py"),
                             override={"BUILD_DATE": "2025-06-20", "PATH": ROOT + "/content"})
    return Pelican(settings).settings


def make_events(count, settings, seed=2025):
    from events.listing import formats_in_use
    from events.model import Event
    from iq_core.common import as_datetime

    rng = random.Random(seed)
    events = []
    for index in range(count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=(index * 7) % 3650)
        start = datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 11, 14])))
        end = start + datetime.timedelta(minutes=rng.choice([60, 90, 180]))
        raw = {
            "title": f"Veranstaltung {index}: Anerkennung und Beratung im Betrieb",
            "date": (day - datetime.timedelta(days=30)).isoformat(),
            "start": f"{start:%Y-%m-%d %H:%M}", "end": f"{end:%Y-%m-%d %H:%M}",
            "format": rng.choice(FORMATS), "location": "Online (MS Teams)",
            "registration_url": f"https://www.iq-niedersachsen.example/anmeldung/{index}/",
            "organiser": "IQ Netzwerk Niedersachsen",
            "summary": "Ein Online-Seminar für Beratungsfachkräfte und Unternehmen.",
        }
        if index % 20 == 0:
            later = start + datetime.timedelta(days=56)
            raw["more_dates"] = [{"start": f"{later:%Y-%m-%d %H:%M}",
                                  "end": f"{later + (end - start):%Y-%m-%d %H:%M}"}]
        if index % 33 == 0:
            raw["cancelled"] = True
        source = f"events/veranstaltung-{index:05d}.md"
        # As the reader hands the file over: the front matter as written, dates parsed.
        dates = {"date": as_datetime(datetime.date.fromisoformat(raw["date"]),
                                     settings["TIMEZONE"])}
        metadata = {"title": raw["title"], "slug": f"veranstaltung-{index:05d}",
                    "front_matter": {**raw, "slug": f"veranstaltung-{index:05d}"},
                    "front_matter_dates": dates, **dates}
        events.append(Event("<p>Beschreibung.</p>", metadata=metadata, settings=settings,
                            source_path=source))
    return events, formats_in_use(events, settings)


def whole_calendars(calendar, settings, site_url, events, window, formats):
    """The same files, each serialised by icalendar as one Calendar object (before issue 8)."""
    for event in events:
        yield event.ics_save_as, calendar.calendar_bytes(f"{settings['SITENAME']} – Termine",
                                                         event.occurrences, settings, site_url)
    yield "all", calendar.calendar_bytes("Termine", window, settings, site_url)
    for event_format in formats:
        yield event_format.ics_url, calendar.calendar_bytes(
            event_format.plural, [o for o in window if o.event.format == event_format.name],
            settings, site_url)


def run(count, repeats, method="pieces"):
    settings = settings_for_benchmark()  # first: Pelican loads the plugins
    from events import calendar, listing
    from iq_core.dates import today

    events, formats = make_events(count, settings)
    site_url = settings["SITEURL"].rstrip("/")
    times, files, size = [], 0, 0
    known = None
    if method == "cached":
        # A rebuild with the content cache on: the VEVENTs of the build before are known.
        first = calendar.CalendarSet(settings, site_url)
        window = listing.calendar_window([o for e in events for o in e.occurrences],
                                         today(settings),
                                         settings["EVENTS_CALENDAR_PAST_MONTHS"])
        [make() for _, make in calendar.calendar_files(settings, site_url, events, window,
                                                       formats, first)]
        known = first.used
    for _ in range(repeats):
        start = time.perf_counter()
        # As the generator: the window of the subscribable calendars is part of the step.
        window = listing.calendar_window([o for e in events for o in e.occurrences],
                                         today(settings),
                                         settings["EVENTS_CALENDAR_PAST_MONTHS"])
        if method == "whole":
            written = list(whole_calendars(calendar, settings, site_url, events, window, formats))
        else:
            calendars = calendar.CalendarSet(settings, site_url, known)
            written = [(name, make()) for name, make in calendar.calendar_files(
                settings, site_url, events, window, formats, calendars)]
        times.append(time.perf_counter() - start)
        files, size = len(written), sum(len(data) for _, data in written)
    return {"events": count, "repeats": repeats, "method": method, "seconds": statistics.median(times),
            "runs": times, "files": files, "megabytes": size / 1e6}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=int, nargs="?", default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--method", choices=("pieces", "cached", "whole"), default="pieces",
                        help="whole: jede Datei als ein Calendar-Objekt serialisiert (vorher); "
                             "cached: Neubau mit Inhalts-Cache, die VEVENTs des Baus davor "
                             "sind bekannt")
    args = parser.parse_args()
    result = run(args.events, args.repeats, args.method)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['events']} Termine: {result['seconds']:.2f} s "
              f"({result['files']} Dateien, {result['megabytes']:.1f} MB)")


if __name__ == "__main__":
    main()
