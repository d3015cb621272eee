"""iCalendar files: parsed back by icalendar and by vobject (which applies our VTIMEZONE),
right instants on both sides of a daylight-saving change, stable identities, escaping."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from conftest import build_fixture_site
from events_support import (BUILD_DATE, UTC, event, ical, ical_events, unfolded_lines, utc,
                            vcal, vobject_events)

TITLE = r"<script>alert(1)</script>, Teil 1; Tag \ Nacht"
LOCATION = "Raum 1\nDTSTART:20990101T000000Z"

FILES = {
    # Both sides of the autumn change (2025-10-26) and of the spring change (2025-03-30).
    "events/herbst.md": event("Vor der Umstellung", start="2025-10-25 18:30", end="2025-10-25 20:00",
                              format="Online-Seminar", location="Online (MS Teams)",
                              date="2025-06-01",
                              more_dates="\n  - start: 2025-10-27 18:30\n    end: 2025-10-27 20:00"),
    "events/fruehling.md": event("Frühling", start="2025-03-29 18:30", end="2025-03-29 19:00",
                                 more_dates="\n  - start: 2025-03-31 18:30\n    end: 2025-03-31 19:00",
                                 format="Fachtag", location="Hannover"),
    "events/ganztag.md": event("Ganztägig", start="2025-07-10", format="Fachtag",
                               location="Hannover"),
    "events/kongress.md": event("Kongress", start="2016-12-06", end="2016-12-07",
                                format="Kongress", location="Berlin"),
    "events/abgesagt.md": event("'Abgesagt – Sprechstunde'", start="2025-09-01 10:00", end="2025-09-01 11:00",
                                cancelled="true", format="Online-Seminar",
                                location="Online (MS Teams)", date="2025-06-01",
                                modified="2025-06-10 14:00"),
    "events/teilweise.md": event("Einer von zwei abgesagt", start="2025-09-02 10:00",
                                 end="2025-09-02 11:00", format="Online-Seminar",
                                 more_dates="\n  - start: 2025-09-09 10:00\n    end: 2025-09-09 11:00"
                                            "\n    cancelled: true"),
    "events/sonderzeichen.md": event(f"'{TITLE}'", start="2025-08-01 10:00",
                                     location='"Raum 1\\nDTSTART:20990101T000000Z"',
                                     online_url="https://meet.example.org/raum?a=1&b=2",
                                     format="Online-Seminar"),
    "events/alt.md": event("Zu alt für das Abo", start="2024-05-01 10:00", format="Fachtag"),
    "events/offset.md": event("Mit Zeitzone", start="2025-11-03T09:00:00Z",
                              end="2025-11-03T10:00:00Z"),
    "events/entwurf.md": event("Entwurf", start="2025-09-05 10:00", status="draft"),
}
OVERRIDES = {"BUILD_DATE": BUILD_DATE}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("kalender"), FILES, public=True,
                              overrides=OVERRIDES)


def calendars(site):
    return sorted((site / "termine").rglob("*.ics"))


def by_summary(events):
    found = {}
    for item in events:
        found.setdefault(str(item.get("summary")), []).append(item)
    return found


def test_every_calendar_parses_with_both_readers_and_has_publish_headers(site):
    files = calendars(site)
    assert len(files) == len(FILES) - 1 + 1 + 3  # events (no draft), all, three formats
    for path in files:
        data = path.read_bytes()
        assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), path
        calendar = ical(path)
        assert calendar["METHOD"] == "PUBLISH" and calendar["VERSION"] == "2.0"
        # An event's own file ("add to my calendar") carries the site's calendar name:
        # an app that makes a calendar of an imported file names it after the site.
        assert str(calendar["X-WR-CALNAME"]) in ("IQ Netzwerk Niedersachsen – Termine",
                                                 "IQ Netzwerk Niedersachsen – Online-Seminare",
                                                 "IQ Netzwerk Niedersachsen – Fachtage",
                                                 "IQ Netzwerk Niedersachsen – Kongresse"), path
        assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
        assert "X-PUBLISHED-TTL:PT12H" in unfolded_lines(data)
        zones = list(calendar.walk("VTIMEZONE"))
        assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"]
        # Classic form: one RRULE per observance, no RDATE lists.
        observances = zones[0].subcomponents
        assert sorted(o.name for o in observances) == ["DAYLIGHT", "STANDARD"]
        assert all("RRULE" in o and "RDATE" not in o for o in observances)
        vcal(path)  # the second reader accepts the file


def test_instants_on_both_sides_of_daylight_saving_changes(site):
    path = site / "termine" / "termine.ics"
    expected = {
        ("Vor der Umstellung", datetime.datetime(2025, 10, 25, 16, 30, tzinfo=UTC)),
        ("Vor der Umstellung", datetime.datetime(2025, 10, 27, 17, 30, tzinfo=UTC)),
        ("Frühling", datetime.datetime(2025, 3, 29, 17, 30, tzinfo=UTC)),
        ("Frühling", datetime.datetime(2025, 3, 31, 16, 30, tzinfo=UTC)),
        ("Mit Zeitzone", datetime.datetime(2025, 11, 3, 9, 0, tzinfo=UTC)),
    }
    with_icalendar = {(str(e["SUMMARY"]), utc(e.decoded("DTSTART"))) for e in ical_events(path)
                      if isinstance(e.decoded("DTSTART"), datetime.datetime)}
    with_vobject = {(e.summary.value, utc(e.dtstart.value)) for e in vobject_events(path)
                    if isinstance(e.dtstart.value, datetime.datetime)}
    assert expected <= with_icalendar
    assert expected <= with_vobject
    # vobject applies the file's VTIMEZONE (icalendar resolves the TZID name itself):
    # its zone must be the one from the file.
    (autumn, _) = [e for e in vobject_events(path) if e.summary.value == "Vor der Umstellung"]
    assert "tzical" in type(autumn.dtstart.value.tzinfo).__name__
    # Local times are written with the Berlin zone, never floating or converted.
    lines = unfolded_lines(path.read_bytes())
    assert "DTSTART;TZID=Europe/Berlin:20251025T183000" in lines
    assert "DTSTART;TZID=Europe/Berlin:20251027T183000" in lines
    assert "DTSTART;TZID=Europe/Berlin:20251103T100000" in lines  # 09:00Z is 10:00 in Berlin
    ends = {(e.summary.value, utc(e.dtend.value)) for e in vobject_events(path)
            if "dtend" in e.contents and isinstance(e.dtend.value, datetime.datetime)}
    assert ("Vor der Umstellung", datetime.datetime(2025, 10, 27, 19, 0, tzinfo=UTC)) in ends


def test_all_day_and_multi_day_use_dates_with_exclusive_end(site):
    for path in [site / "termine" / "ganztag" / "termin.ics", site / "termine" / "kongress" / "termin.ics"]:
        lines = unfolded_lines(path.read_bytes())
        assert any(line.startswith("DTSTART;VALUE=DATE:") for line in lines)
    (ganztag,) = ical_events(site / "termine" / "ganztag" / "termin.ics")
    assert ganztag.decoded("DTSTART") == datetime.date(2025, 7, 10)
    assert ganztag.decoded("DTEND") == datetime.date(2025, 7, 11)
    (kongress,) = vobject_events(site / "termine" / "kongress" / "termin.ics")
    assert kongress.dtstart.value == datetime.date(2016, 12, 6)
    assert kongress.dtend.value == datetime.date(2016, 12, 8)  # 6. and 7. December


def test_more_dates_are_separate_events_with_stable_uids(site):
    events = ical_events(site / "termine" / "herbst" / "termin.ics")
    # A further date's UID names its own start, never its position in the list.
    assert [str(e["UID"]) for e in events] == ["herbst@iq-niedersachsen.de",
                                               "herbst-20251027T1830@iq-niedersachsen.de"]
    assert [e.decoded("DTSTART").date() for e in events] == [datetime.date(2025, 10, 25),
                                                           datetime.date(2025, 10, 27)]


def test_cancelled_events_and_single_cancelled_dates(site):
    found = by_summary(ical_events(site / "termine" / "termine.ics"))
    # The marker once, also in SUMMARY (calcurse ignores STATUS), not twice although the
    # editor wrote it into the title as well.
    assert [str(e["STATUS"]) for e in found["Abgesagt: Sprechstunde"]] == ["CANCELLED"]
    assert [str(e["STATUS"]) for e in found["Einer von zwei abgesagt"]] == ["CONFIRMED"]
    assert [str(e["STATUS"]) for e in found["Abgesagt: Einer von zwei abgesagt"]] == ["CANCELLED"]
    assert [str(e["STATUS"]) for e in found["Ganztägig"]] == ["CONFIRMED"]


def test_dtstamp_and_sequence_come_from_content(site):
    found = by_summary(ical_events(site / "termine" / "termine.ics"))
    (cancelled,) = found["Abgesagt: Sprechstunde"]
    # modified 2025-06-10 14:00 Berlin = 12:00 UTC
    assert cancelled.decoded("DTSTAMP") == datetime.datetime(2025, 6, 10, 12, 0, tzinfo=UTC)
    assert cancelled.decoded("SEQUENCE") > 0
    (before, after) = found["Vor der Umstellung"]
    assert before.decoded("DTSTAMP") == datetime.datetime(2025, 5, 31, 22, 0, tzinfo=UTC)
    assert before.decoded("SEQUENCE") == 0
    lines = unfolded_lines((site / "termine" / "termine.ics").read_bytes())
    assert all(line.endswith("Z") for line in lines if line.startswith("DTSTAMP"))


def test_online_events_have_url_and_location(site):
    found = by_summary(ical_events(site / "termine" / "termine.ics"))
    (online,) = found["Abgesagt: Sprechstunde"]
    assert str(online["LOCATION"]) == "Online (MS Teams)"
    assert str(online["URL"]) == "https://www.iq-niedersachsen.example/termine/abgesagt/"


def test_text_is_escaped_and_a_line_break_never_starts_a_property(site):
    path = site / "termine" / "sonderzeichen" / "termin.ics"
    lines = unfolded_lines(path.read_bytes())
    assert r"SUMMARY:<script>alert(1)</script>\, Teil 1\; Tag \\ Nacht" in lines
    event_lines = lines[lines.index("BEGIN:VEVENT"):]
    assert [line for line in event_lines if line.startswith("DTSTART")] == [
        "DTSTART;TZID=Europe/Berlin:20250801T100000"]
    # Every content line of the event is one of the properties the site writes.
    names = {line.split(":", 1)[0].split(";", 1)[0] for line in event_lines}
    assert names <= {"BEGIN", "END", "UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "DTSTART", "DTEND",
                     "LOCATION", "URL", "DESCRIPTION", "STATUS", "CATEGORIES", "LAST-MODIFIED",
                     "ORGANIZER"}
    assert any(line.startswith(r"LOCATION:Raum 1\nDTSTART:20990101T000000Z") for line in lines)
    (item,) = ical_events(path)
    assert str(item["SUMMARY"]) == TITLE
    assert str(item["LOCATION"]).startswith(LOCATION)
    (same,) = vobject_events(path)
    assert same.summary.value == TITLE
    assert same.location.value.startswith(LOCATION)
    assert utc(same.dtstart.value) == datetime.datetime(2025, 8, 1, 8, 0, tzinfo=UTC)


def test_subscribable_calendar_keeps_twelve_months_and_the_future_without_drafts(site):
    summaries = {str(e["SUMMARY"]) for e in ical_events(site / "termine" / "termine.ics")}
    assert "Zu alt für das Abo" not in summaries and "Kongress" not in summaries  # before 2024-06-20
    assert {"Frühling", "Ganztägig", "Abgesagt: Sprechstunde", "Mit Zeitzone"} <= summaries
    assert "Entwurf" not in summaries
    assert not (site / "termine" / "entwurf").exists()


def test_one_calendar_per_format(site):
    seminars = {str(e["SUMMARY"]) for e in ical_events(site / "termine" / "online-seminare.ics")}
    assert seminars == {"Vor der Umstellung", "Abgesagt: Sprechstunde", "Einer von zwei abgesagt",
                        "Abgesagt: Einer von zwei abgesagt", TITLE}
    assert str(ical(site / "termine" / "fachtage.ics")["X-WR-CALNAME"]) == \
        "IQ Netzwerk Niedersachsen – Fachtage"


def site_files(folder):
    # pagefind/ is left out: Pagefind 1.5.2 lists filters in hash-map order when pages
    # have more than one filter name (Typ, Jahr, Format), so its index differs from run
    # to run (upstream Pagefind/pagefind#638). Everything this plugin writes is compared.
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"}


def test_two_builds_are_byte_identical(site, tmp_path):
    again = build_fixture_site(tmp_path, FILES, public=True, overrides=OVERRIDES)
    first, second = site_files(site), site_files(again)
    assert any(name.suffix == ".ics" for name in first)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_uid_survives_a_new_title_and_sequence_rises_with_modified(tmp_path):
    before = {"events/2025-09-01-seminar.md": event("Alter Titel", start="2025-09-01 10:00",
                                                    date="2025-06-01")}
    after = {"events/2025-09-01-seminar.md": event("Neuer Titel", start="2025-09-08 10:00",
                                                   date="2025-06-01",
                                                   modified="2025-07-01 09:15")}
    first = build_fixture_site(tmp_path / "a", before, overrides=OVERRIDES)
    second = build_fixture_site(tmp_path / "b", after, overrides=OVERRIDES)
    (old,) = ical_events(first / "termine" / "2025-09-01-seminar" / "termin.ics")
    (new,) = ical_events(second / "termine" / "2025-09-01-seminar" / "termin.ics")
    assert str(old["UID"]) == str(new["UID"]) == "2025-09-01-seminar@iq-niedersachsen.de"
    assert new.decoded("SEQUENCE") > old.decoded("SEQUENCE")
    assert new.decoded("DTSTAMP") > old.decoded("DTSTAMP")


def test_uid_key_is_used_as_written(tmp_path):
    site = build_fixture_site(tmp_path, {"events/a.md": event(start="2025-09-01",
                                                              uid="alt-123@example.org")},
                              overrides=OVERRIDES)
    (item,) = ical_events(site / "termine" / "a" / "termin.ics")
    assert str(item["UID"]) == "alt-123@example.org"


def test_rebuild_with_content_cache_takes_every_change_and_reuses_the_rest(tmp_path):
    """With the content cache on, VEVENTs of the build before are reused (VeventCache):
    an edited event must still come out new, and the files equal a build without cache."""
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
             "CONTENT_CACHING_LAYER": "reader", "CACHE_PATH": str(tmp_path / "cache")}
    files = {"events/2025-09-01-seminar.md": event("Alter Titel", start="2025-09-01 10:00"),
             "events/2025-10-01-fachtag.md": event("Fachtag", start="2025-10-01 09:00",
                                                   format="Fachtag")}
    build_fixture_site(tmp_path / "a", files, overrides={**OVERRIDES, **cache})
    assert (tmp_path / "cache" / "Kalender-VEVENTs").is_file()
    files["events/2025-09-01-seminar.md"] = event("Neuer Titel", start="2025-09-08 10:00",
                                                  modified="2025-07-01 09:15")
    cached = build_fixture_site(tmp_path / "b", files, overrides={**OVERRIDES, **cache})
    fresh = build_fixture_site(tmp_path / "c", files, overrides=OVERRIDES)
    (item,) = ical_events(cached / "termine" / "2025-09-01-seminar" / "termin.ics")
    assert str(item["SUMMARY"]) == "Neuer Titel"
    assert item.decoded("DTSTART") == datetime.datetime(2025, 9, 8, 8, 0, tzinfo=UTC)
    for name in ("termine/termine.ics", "termine/2025-09-01-seminar/termin.ics",
                 "termine/2025-10-01-fachtag/termin.ics"):
        assert (cached / name).read_bytes() == (fresh / name).read_bytes(), name


def test_vevent_cache_counts_only_for_the_same_code_and_time_zone(tmp_path, monkeypatch):
    from events import calendar_cache

    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
                "CACHE_PATH": str(tmp_path)}
    store = calendar_cache.VeventCache(settings)
    store.save({"schlüssel": b"BEGIN:VEVENT\r\nEND:VEVENT\r\n"})
    assert store.load() == {"schlüssel": b"BEGIN:VEVENT\r\nEND:VEVENT\r\n"}
    assert calendar_cache.VeventCache({}).load() == {}  # without the content cache: nothing kept
    monkeypatch.setattr(calendar_cache.VeventCache, "version", staticmethod(lambda: ("x", "y")))
    assert store.load() == {}
    # The key tells time zones apart, though aware datetimes compare equal across them.
    berlin = datetime.datetime(2025, 9, 1, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert berlin == berlin.astimezone(UTC)
    assert repr((berlin,)) != repr((berlin.astimezone(UTC),))
