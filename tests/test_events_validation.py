"""A wrong event stops the build with a German message naming the file and the key.

All broken files are built together: the build must report every one of them.
"""

import pytest

from conftest import build_fixture_site
from events_support import event
from sitebuild import BuildError

MORE = "\n  - start: 2025-08-28 10:00\n    end: 2025-08-28 09:00"
# file name -> (front matter, key named in the message, words the message must contain)
CASES = {
    "ohne-start": (event(), "start", "Pflicht"),
    "ohne-titel": (event(None, start="2025-06-26"), "title", "Pflicht"),
    "ende-vor-beginn": (event(start="2025-06-26 10:00", end="2025-06-26 09:00"), "end",
                        "Das Ende liegt vor dem Beginn"),
    "url-ohne-doppelpunkt": (event(start="2025-06-26", registration_url="https//www.example.org/"),
                             "registration_url", "fehlt der Doppelpunkt"),
    "url-ohne-schema": (event(start="2025-06-26", online_url="www.example.org"), "online_url",
                        "keine vollständige Internetadresse"),
    "tippfehler": (event(strat="2025-06-26", start="2025-06-26"), "strat", "Meinten Sie „start“?"),
    "datum-gibt-es-nicht": (event(start="2025-02-30 10:00"), "start", "gibt es nicht"),
    "zeitumstellung": (event(start="2025-03-30 02:30"), "start", "Sommerzeit"),
    "nur-uhrzeit": (event(start="2025-06-26 10:00", end="11:30"), "end", "fehlt das Datum"),
    "mit-und-ohne-uhrzeit": (event(start="2025-06-26", end="2025-06-27 12:00"), "end",
                             "beide eine Uhrzeit oder beide keine"),
    "abgesagt-ja": (event(start="2025-06-26", cancelled="ja"), "cancelled", "„true“"),
    "format-unbekannt": (event(start="2025-06-26", format="Onlineseminar"), "format",
                         "Meinten Sie „Online-Seminar“"),
    "zielgruppen-text": (event(start="2025-06-26", audiences="Unternehmen"), "audiences",
                         "Liste"),
    "weiterer-termin-verkehrt": (event(start="2025-06-26 10:00", more_dates=MORE),
                                 "more_dates → end", "Im 1. Eintrag: Das Ende liegt vor dem Beginn"),
    "weiterer-termin-tippfehler": (event(start="2025-06-26", more_dates="\n  - start: 2025-07-01\n    ende: 2025-07-02"),
                                   "more_dates → ende", "Meinten Sie „end“?"),
    "weiterer-termin-ohne-start": (event(start="2025-06-26", more_dates="\n  - end: 2025-07-01"),
                                   "more_dates → start", "„start“ fehlt"),
    "weiterer-termin-doppelt": (event(start="2025-06-26", more_dates="\n  - start: 2025-06-26"),
                                "more_dates → start", "gibt es schon"),
    "weitere-termine-kein-liste": (event(start="2025-06-26", more_dates="2025-07-01"),
                                   "more_dates", "Liste weiterer Termine"),
    "verschoben-gleich": (event(start="2025-06-26 10:00", rescheduled_from="2025-06-26 10:00"),
                          "rescheduled_from", "derselbe wie bei „start“"),
    "verschoben-kein-datum": (event(start="2025-06-26", rescheduled_from="morgen"),
                              "rescheduled_from", "morgen"),
    "weiterer-termin-zweimal-verschoben": (
        event(start="2025-06-26", more_dates="\n  - start: 2025-07-01\n    rescheduled_from: "
              "2025-06-30\n  - start: 2025-06-30"),
        "more_dates → rescheduled_from", "Im 2. Eintrag: Ein anderer Eintrag war ursprünglich"),
    "status-falsch": (event(start="2025-06-26", status="entwurf"), "status", "kein gültiger Status"),
    "titel-liste": (event("[a, b]", start="2025-06-26"), "title", "eine Liste, erwartet ist ein Text"),
    "uid-mit-leerzeichen": (event(start="2025-06-26", uid="'a b'"), "uid", "Leerzeichen"),
    "slug-reserviert": (event(start="2025-06-26", slug="archiv"), "slug", "reserviert"),
    # Python's ISO parser alone read "11.30" as 11:00 and published it without a word.
    "uhrzeit-mit-punkt": (event(start="2027-01-21 10:00", end="2027-01-21 11.30"), "end",
                          "Schreiben Sie die Uhrzeit mit Doppelpunkt: 2027-01-21 11:30"),
    "uhrzeit-nur-stunde": (event(start="2027-01-21 10"), "start",
                           "fehlen die Minuten. Schreiben Sie die Uhrzeit mit Doppelpunkt: "
                           "2027-01-21 10:00"),
    "uhrzeit-t-nur-stunde": (event(start="2027-01-21T10"), "start",
                             "Schreiben Sie die Uhrzeit mit Doppelpunkt: 2027-01-21 10:00"),
    "weiterer-termin-uhrzeit-mit-punkt": (
        event(start="2027-01-21 10:00", more_dates="\n  - start: 2027-02-21 10.30"),
        "more_dates → start", "Im 1. Eintrag: Die Uhrzeit in „2027-02-21 10.30“ hat keinen "
        "Doppelpunkt. Schreiben Sie die Uhrzeit mit Doppelpunkt: 2027-02-21 10:30"),
    "geaendert-vor-veroeffentlicht": (event(start="2025-06-26", date="2025-06-10",
                                            modified="2025-06-01"), "modified", "liegt vor"),
}
# Cross-file checks: the second file (in name order) is named.
DUPLICATES = {
    "a-erste.md": event(start="2025-06-26", slug="gleich"),
    "b-zweite.md": event(start="2025-06-27", slug="gleich"),
    "c-uid.md": event(start="2025-06-26", uid="einmalig@example.org"),
    "d-uid.md": event(start="2025-06-27", uid="einmalig@example.org"),
}


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    files = {f"events/{name}.md": text for name, (text, _, _) in CASES.items()}
    files.update({f"events/{name}": text for name, text in DUPLICATES.items()})
    files["events/gut.md"] = event(start="2025-06-26")
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path_factory.mktemp("fehler"), files)
    return str(failure.value).splitlines()


def message_for(messages, filename):
    found = [line for line in messages if f"{filename}" in line]
    assert len(found) == 1, (filename, messages)
    return found[0]


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_names_file_and_key(messages, name):
    _, key, words = CASES[name]
    line = message_for(messages, f"/{name}.md")
    assert f"Schlüssel „{key}“" in line
    assert words in line


def test_duplicate_slug_and_uid_name_both_files(messages):
    slug = message_for(messages, "/b-zweite.md")
    assert "Schlüssel „slug“" in slug and "„a-erste.md“" in slug
    uid = message_for(messages, "/d-uid.md")
    assert "Schlüssel „uid“" in uid and "„c-uid.md“" in uid


def test_every_broken_file_is_reported_and_nothing_else(messages):
    assert len(messages) == len(CASES) + 2
    assert not [line for line in messages if "/gut.md" in line or "a-erste" in line.split(":")[0]]


def test_line_numbers_point_at_the_key(tmp_path):
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, {"events/x.md": event(start="2025-06-26",
                                                           registration_url="https//a.example")})
    assert "x.md, Zeile 4, Schlüssel „registration_url“" in str(failure.value)
