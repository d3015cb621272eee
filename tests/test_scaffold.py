"""invoke new-issue / new-event / new-factsheet create correct draft files."""

import datetime
import subprocess
import sys

import pytest
import yaml

import scaffold
from conftest import ROOT
from iq_core.placeholders import PLACEHOLDERS

# The day a scaffold writes as `date` (never the clock's).
FIXED_DAY = datetime.date(2026, 9, 1)


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_new_issue_takes_the_next_number(tmp_path):
    (tmp_path / "newsletter").mkdir()
    (tmp_path / "newsletter" / "2025-03.md").write_text("x")
    path = scaffold.new_issue(str(tmp_path), date=datetime.date(2025, 9, 1))
    assert path.endswith("newsletter/2025-04.md")
    meta = front_matter(tmp_path / "newsletter" / "2025-04.md")
    assert meta["issue"] == 4 and meta["year"] == 2025 and meta["status"] == "draft"


def test_new_event_slug_and_times(tmp_path):
    scaffold.new_event(str(tmp_path), "Vielfalt: Wie geht’s?", "2026-12-01 10:00")
    path = tmp_path / "events" / "2026-12-01-vielfalt-wie-gehts.md"
    meta = front_matter(path)
    assert meta["title"] == "Vielfalt: Wie geht’s?"
    assert str(meta["start"]) == "2026-12-01 10:00" and str(meta["end"]) == "2026-12-01 11:30"
    assert meta["status"] == "draft"


def test_new_event_with_a_date_alone_is_an_all_day_event(tmp_path):
    scaffold.new_event(str(tmp_path), "Fachtag", "2027-02-17")
    meta = front_matter(tmp_path / "events" / "2027-02-17-fachtag.md")
    assert meta["start"] == datetime.date(2027, 2, 17) and meta["end"] == datetime.date(2027, 2, 17)


def test_scaffolded_all_day_event_is_one_day_in_the_calendar(tmp_path):
    """Filled in and published, the event from `--start 2027-02-17` is a whole day."""
    from conftest import build_fixture_site
    from events_support import ical_events

    path = scaffold.new_event(str(tmp_path / "neu"), "Fachtag", "2027-02-17")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = (text.replace("status: draft", "")
            .replace(PLACEHOLDERS["registration_url"].text, "https://www.netzwerk-iq.de/")
            .replace(PLACEHOLDERS["event_description"].text, "Ein Tag zum Austausch."))
    output = build_fixture_site(tmp_path, {"events/2027-02-17-fachtag.md": text}, public=True,
                                overrides={"BUILD_DATE": "2026-11-30"})
    (event,) = ical_events(output / "termine" / "termine.ics")
    assert event.decoded("DTSTART") == datetime.date(2027, 2, 17)
    assert event.decoded("DTEND") == datetime.date(2027, 2, 18)  # exclusive: one day


def test_new_factsheet_leaves_the_criteria_to_the_editor(tmp_path):
    scaffold.new_factsheet(str(tmp_path), "Kriterien", date=FIXED_DAY)
    criteria = front_matter(tmp_path / "good-practice" / "kriterien.md")["criteria"]
    assert set(criteria) == {"transferable", "innovative", "sustainable", "efficient"}
    assert all(value == PLACEHOLDERS[key].text for key, value in criteria.items())


def test_new_factsheet_has_every_required_key(tmp_path):
    scaffold.new_factsheet(str(tmp_path), "Größer & Übersichtlich", date=FIXED_DAY)
    path = tmp_path / "good-practice" / "groesser-uebersichtlich.md"
    meta = front_matter(path)
    for key in ("title", "subtitle", "criteria", "audiences", "instrument", "provider"):
        assert meta[key]
    text = path.read_text(encoding="utf-8")
    for section in ("## Ausgangslage/Herausforderung", "## Umsetzung", "## Fazit"):
        assert section in text


def test_existing_file_is_never_overwritten(tmp_path):
    scaffold.new_factsheet(str(tmp_path), "Doppelt", date=FIXED_DAY)
    with pytest.raises(scaffold.ScaffoldError, match="gibt es schon"):
        scaffold.new_factsheet(str(tmp_path), "Doppelt", date=FIXED_DAY)


def test_invoke_task_reports_bad_start_in_german():
    result = subprocess.run([sys.executable, "-m", "invoke", "new-event", "--title", "x",
                             "--start", "morgen"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "„morgen“ ist kein Datum. Schreiben Sie z. B. --start 2026-12-01 (ganztägig)" \
        in result.stderr


def test_scaffolded_files_build_as_drafts(tmp_path):
    from conftest import build_fixture_site

    content = tmp_path / "content"
    scaffold.new_issue(str(content), date=datetime.date(2026, 9, 1))
    scaffold.new_event(str(content), "Neues Seminar", "2026-12-01 10:00")
    scaffold.new_factsheet(str(content), "Neues Projekt", date=FIXED_DAY)
    files = {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8")
             for p in content.rglob("*.md")}
    preview = build_fixture_site(tmp_path / "vorschau", files)
    public = build_fixture_site(tmp_path / "public", files, public=True)
    preview_text = "".join(p.read_text(encoding="utf-8") for p in preview.rglob("*.html"))
    public_text = "".join(p.read_text(encoding="utf-8") for p in public.rglob("*.html"))
    for title in ("Neues Seminar", "Neues Projekt", "Newsletter 1 | 26"):
        assert title in preview_text
        assert title not in public_text


def test_new_event_start_without_colon_names_the_value_meant(tmp_path):
    """`--start "2027-02-17 10.30"` once wrote 10:00; now nothing is written."""
    with pytest.raises(scaffold.ScaffoldError) as raised:
        scaffold.new_event(str(tmp_path), "Fachtag", "2027-02-17 10.30")
    assert 'Schreiben Sie die Uhrzeit mit Doppelpunkt: --start "2027-02-17 10:30"' \
        in str(raised.value)
    assert not (tmp_path / "events").exists()


def test_new_event_start_with_one_digit_hour_and_offset(tmp_path):
    scaffold.new_event(str(tmp_path), "Früh", "2027-02-17 9:00")
    meta = front_matter(tmp_path / "events" / "2027-02-17-frueh.md")
    assert str(meta["start"]) == "2027-02-17 09:00" and str(meta["end"]) == "2027-02-17 10:30"
    scaffold.new_event(str(tmp_path), "UTC", "2027-07-01T08:00Z")  # German summer time: +2
    meta = front_matter(tmp_path / "events" / "2027-07-01-utc.md")
    assert str(meta["start"]) == "2027-07-01 10:00"


@pytest.mark.parametrize("year, number, words", [
    ("abc", None, "„abc“ ist kein Jahr für eine Ausgabe. Schreiben Sie das Jahr vierstellig"),
    ("25", None, "„25“ ist kein Jahr"),
    ("1999", None, "„1999“ ist kein Jahr"),
    (None, "x", "„x“ ist keine Nummer für eine Ausgabe. Schreiben Sie eine Zahl von 1 bis 99"),
    (None, "0", "„0“ ist keine Nummer"),
    (None, "100", "„100“ ist keine Nummer"),
    (None, "-1", "„-1“ ist keine Nummer"),
])
def test_new_issue_refuses_a_wrong_year_or_number(tmp_path, year, number, words):
    with pytest.raises(scaffold.ScaffoldError, match=words):
        scaffold.new_issue(str(tmp_path), year=year, issue=number, date=FIXED_DAY)
    assert not (tmp_path / "newsletter").exists()


def test_new_issue_takes_year_and_number_as_typed(tmp_path):
    path = scaffold.new_issue(str(tmp_path), year=" 2026 ", issue="07", date=FIXED_DAY)
    assert path.endswith("newsletter/2026-07.md")
    meta = front_matter(tmp_path / "newsletter" / "2026-07.md")
    assert (meta["year"], meta["issue"], meta["date"]) == (2026, 7, FIXED_DAY)


def test_new_issue_of_another_year_starts_on_its_first_day(tmp_path):
    path = scaffold.new_issue(str(tmp_path), year="2027", date=FIXED_DAY)
    assert path.endswith("newsletter/2027-01.md")
    text = (tmp_path / "newsletter" / "2027-01.md").read_text(encoding="utf-8")
    assert "date: 2027-01-01   # Tag des Erscheinens eintragen\n" in text
    assert front_matter(tmp_path / "newsletter" / "2027-01.md")["date"] == datetime.date(2027, 1, 1)


@pytest.mark.parametrize("make", [
    lambda root: scaffold.new_factsheet(root, "!!!", date=FIXED_DAY),
    lambda root: scaffold.new_event(root, " – ? ", "2027-02-17"),
])
def test_a_title_without_letters_or_digits_is_refused(tmp_path, make):
    with pytest.raises(scaffold.ScaffoldError, match="Geben Sie einen Titel mit Buchstaben oder "
                                                     "Ziffern an"):
        make(str(tmp_path))
    assert not list(tmp_path.rglob("*.md"))


@pytest.mark.parametrize("arguments, words", [
    (["new-issue", "--number", "x"], "„x“ ist keine Nummer für eine Ausgabe"),
    (["new-issue", "--year", "abc"], "„abc“ ist kein Jahr für eine Ausgabe"),
    (["new-factsheet", "--title", "!!!"], "Aus dem Titel „!!!“ lässt sich kein Dateiname"),
])
def test_invoke_tasks_refuse_wrong_values_in_german(arguments, words):
    """Refused before anything is written, so the real content/ stays untouched."""
    result = subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr
