"""What subscribers see when editors change events: stable identities, one way to show a
cancellation or a move, an ORGANIZER, and a strict reader (libical) that accepts it all.

Calendar apps and feed readers recognise an event by its UID (feed: entry id). Inserting
or removing a date must never change another date's UID; a date moved with
`rescheduled_from` keeps its own; an event's feed id never contains a date.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from conftest import build_fixture_site
from events_support import BUILD_DATE, UTC, event, ical_events
from lxml import etree
from siteverify.icalstrict import strict_problems

OVERRIDES = {"BUILD_DATE": BUILD_DATE}
ATOM = "{http://www.w3.org/2005/Atom}"
SERIES = "events/reihe.md"


def series(more_dates, **keys):
    """A series: its first date, then `more_dates` (list of YAML lines per entry)."""
    entries = "".join("\n  - " + "\n    ".join(lines) for lines in more_dates)
    return event("Reihe Anerkennung", start="2025-09-01 10:00", end="2025-09-01 11:00",
                 format="Online-Seminar", more_dates=entries, **keys)


def uids_by_start(site):
    return {e.decoded("DTSTART").astimezone(UTC): str(e["UID"])
            for e in ical_events(site / "termine" / "reihe" / "termin.ics")}


def feed_ids(site):
    root = etree.parse(str(site / "atom.xml")).getroot()
    return {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")}


def at(day, hour):
    return datetime.datetime(2025, 9, day, hour - 2, 0, tzinfo=UTC)  # CEST


def test_inserting_removing_and_moving_dates_keeps_every_other_uid(tmp_path):
    before = build_fixture_site(tmp_path / "a", {SERIES: series([
        ["start: 2025-09-08 10:00"], ["start: 2025-09-15 10:00"], ["start: 2025-09-22 10:00"]])},
        public=True, overrides=OVERRIDES)
    # A date inserted before the others, the 15th removed, the 22nd moved to the 23rd.
    after = build_fixture_site(tmp_path / "b", {SERIES: series([
        ["start: 2025-09-05 10:00"], ["start: 2025-09-08 10:00"],
        ["start: 2025-09-23 14:00", "rescheduled_from: 2025-09-22 10:00"]])},
        public=True, overrides=OVERRIDES)
    old, new = uids_by_start(before), uids_by_start(after)
    assert new[at(1, 10)] == old[at(1, 10)] == "reihe@iq-niedersachsen.de"
    assert new[at(8, 10)] == old[at(8, 10)] == "reihe-20250908T1000@iq-niedersachsen.de"
    assert new[at(23, 14)] == old[at(22, 10)]  # moved: the same event in every calendar
    assert new[at(5, 10)] not in old.values()
    assert old[at(15, 10)] not in new.values()
    assert len(set(new.values())) == len(new) == 4


def test_a_rescheduled_event_keeps_its_feed_id_and_uid(tmp_path):
    files = {"events/seminar.md": event("Seminar", start="2025-09-01 10:00")}
    before = build_fixture_site(tmp_path / "a", files, public=True, overrides=OVERRIDES)
    files = {"events/seminar.md": event("Seminar", start="2025-09-09 14:00",
                                        rescheduled_from="2025-09-01 10:00")}
    after = build_fixture_site(tmp_path / "b", files, public=True, overrides=OVERRIDES)
    assert feed_ids(before)["Seminar"] == feed_ids(after)["Verschoben: Seminar"] == \
        "tag:www.iq-niedersachsen.example,2000-01-01:/termin/seminar@iq-niedersachsen.de"
    (old,) = ical_events(before / "termine" / "seminar" / "termin.ics")
    (new,) = ical_events(after / "termine" / "seminar" / "termin.ics")
    assert str(old["UID"]) == str(new["UID"])
    assert str(new["SUMMARY"]) == "Verschoben: Seminar"
    assert "VERSCHOBEN: bisher 1. September 2025, 10:00 Uhr." in str(new["DESCRIPTION"])
    page = BeautifulSoup((after / "termine" / "seminar" / "index.html").read_bytes(), "html.parser")
    assert " ".join(page.h1.get_text().split()) == "Verschoben: Seminar"
    assert "Der bisherige Termin war am 1. September 2025, 10:00 Uhr." in page.main.get_text()


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """Cancelled events whose editors also wrote the word into the title, and a series
    with one cancelled date; the home page lists the next events."""
    files = {
        "events/a-abgesagt.md": event("'ABGESAGT – Sprechstunde Anerkennung'",
                                      start="2025-06-23 10:00", cancelled="true",
                                      registration_url="https://example.org/anmeldung"),
        "events/b-findet-statt.md": event("Infoabend", start="2025-06-24 18:00"),
        SERIES: series([["start: 2025-09-08 10:00", "cancelled: true"]]),
    }
    return build_fixture_site(tmp_path_factory.mktemp("markiert"), files, public=True,
                              overrides=OVERRIDES)


def test_a_cancellation_is_shown_once_and_the_same_everywhere(marked):
    page = BeautifulSoup((marked / "termine" / "a-abgesagt" / "index.html").read_bytes(),
                         "html.parser")
    assert " ".join(page.h1.get_text().split()) == "Abgesagt: Sprechstunde Anerkennung"
    links = [a.get_text(strip=True) for a in page.main.find_all("a")]
    assert "Zum Kalender hinzufügen" not in links and "Details & Anmeldung" not in links
    assert page.title.get_text().startswith("Abgesagt: Sprechstunde Anerkennung –")
    (item,) = ical_events(marked / "termine" / "a-abgesagt" / "termin.ics")
    assert (str(item["SUMMARY"]), str(item["STATUS"])) == \
        ("Abgesagt: Sprechstunde Anerkennung", "CANCELLED")
    assert "Abgesagt: Sprechstunde Anerkennung" in feed_ids(marked)
    overview = BeautifulSoup((marked / "termine" / "index.html").read_bytes(), "html.parser")
    headings = [" ".join(h.get_text().split()) for h in overview.select(".event-item-title")]
    assert "Abgesagt: Sprechstunde Anerkennung" in headings
    assert "Abgesagt: Reihe Anerkennung" in headings and "Reihe Anerkennung" in headings


def test_the_home_page_lists_only_events_that_take_place(marked):
    home = BeautifulSoup((marked / "index.html").read_bytes(), "html.parser")
    listed = [" ".join(li.a.get_text().split()) for li in home.select(".home-events li")]
    assert listed[:3] == ["Infoabend", "Reihe Anerkennung"]
    assert "Abgesagt" not in home.select_one(".home-events").get_text()


def test_every_vevent_has_an_organizer_with_name_and_address(tmp_path):
    site = build_fixture_site(tmp_path, {
        "events/a.md": event("A", start="2025-09-01 10:00", organiser="'IQ Fachstelle, Hamburg'"),
        "events/b.md": event("B", start="2025-09-02 10:00")}, public=True, overrides=OVERRIDES)
    found = {str(e["SUMMARY"]): e["ORGANIZER"] for e in ical_events(site / "termine" / "termine.ics")}
    assert {name: (str(value), value.params["CN"]) for name, value in found.items()} == {
        "A": ("mailto:info@iq-niedersachsen.example", "IQ Fachstelle, Hamburg"),
        "B": ("mailto:info@iq-niedersachsen.example", "IQ Netzwerk Niedersachsen")}
    calendars = sorted(site.rglob("*.ics"))
    assert strict_problems(calendars) == {str(path): [] for path in calendars}


def test_the_strict_reader_rejects_a_calendar_without_organizer(marked, tmp_path):
    data = (marked / "termine" / "reihe" / "termin.ics").read_bytes()
    broken = tmp_path / "ohne-organizer.ics"
    unfolded = data.replace(b"\r\n ", b"")
    broken.write_bytes(b"".join(line for line in unfolded.splitlines(keepends=True)
                                if not line.startswith(b"ORGANIZER")))
    (findings,) = strict_problems([broken]).values()
    assert findings and all("ORGANIZER" in finding for finding in findings)
    assert strict_problems([marked / "termine" / "reihe" / "termin.ics"]) == {
        str(marked / "termine" / "reihe" / "termin.ics"): []}
