"""good-practice/steckbriefe.csv: every published sheet as a row German Excel opens by
double-click (UTF-8 with BOM, semicolons, CRLF), criteria as ja/nein, nothing Excel would
run as a formula. Read back with Python's csv module as Excel's import reads it."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from conftest import build_fixture_site
from good_practice_helpers import sheet

HEADINGS = ["Titel", "Untertitel", "Adresse", "Veröffentlicht", "Zuletzt geändert",
            "transferfähig", "innovativ", "nachhaltig", "effizient", "Instrument",
            "Art des Instruments", "Projekt", "Träger", "Laufzeit", "Landesnetzwerk",
            "Förderrunde", "Zielgruppen", "Themen", "Kontakt", "E-Mail", "Telefon",
            "Kurzbeschreibung"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "good-practice/neu.md": sheet(
            title="Mentoring; „Tandem“ für Ärztinnen", slug="neu", date="2025-03-01",
            summary="Zeile eins\nZeile zwei; mit \"Anführungszeichen\"",
            criteria={"transferable": True, "efficient": "Wenig Aufwand."},
            audiences=["Jobcenter", "Unternehmen"],
            contact={"name": "Frau Muster", "email": "muster@example.org",
                     "phone": "+49 511 123456"}),
        "good-practice/alt.md": sheet(title="=HYPERLINK(\"https://evil.example\")", slug="alt",
                                      date="2024-01-15"),
        "good-practice/entwurf.md": sheet(title="Entwurf", slug="entwurf", status="draft"),
    }
    return build_fixture_site(tmp_path_factory.mktemp("csv"), files, public=True)


def rows(site):
    data = (site / "good-practice" / "steckbriefe.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, not Windows-1252
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_one_row_per_published_sheet_newest_first_with_german_headings(site):
    table = rows(site)
    assert table[0] == HEADINGS
    assert [row[0] for row in table[1:]] == ["Mentoring; „Tandem“ für Ärztinnen",
                                             "'=HYPERLINK(\"https://evil.example\")"]
    assert all(len(row) == len(HEADINGS) for row in table)


def test_cells_carry_the_sheets_values(site):
    new = dict(zip(HEADINGS, rows(site)[1]))
    assert new["Adresse"] == "https://www.iq-niedersachsen.example/good-practice/neu/"
    assert new["Veröffentlicht"] == "2025-03-01"
    assert [new[c] for c in ("transferfähig", "innovativ", "nachhaltig", "effizient")] == \
        ["ja", "nein", "nein", "ja"]
    assert new["Zielgruppen"] == "Jobcenter, Unternehmen"
    assert (new["Kontakt"], new["E-Mail"]) == ("Frau Muster", "muster@example.org")
    # A line break would end the row in some importers; the text stays on one line.
    assert new["Kurzbeschreibung"] == 'Zeile eins Zeile zwei; mit "Anführungszeichen"'


def test_nothing_is_run_as_a_formula(site):
    """Excel and LibreOffice run a cell that starts with = + - @ (CSV injection): such a
    cell starts with an apostrophe, the value stays readable."""
    for row in rows(site)[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert dict(zip(HEADINGS, rows(site)[1]))["Telefon"] == "'+49 511 123456"


def test_the_archive_links_the_table(site):
    page = BeautifulSoup((site / "good-practice" / "index.html").read_bytes(), "html.parser")
    link = page.find("a", href="/good-practice/steckbriefe.csv") or \
        page.find("a", href=lambda h: h and h.endswith("/good-practice/steckbriefe.csv"))
    assert link is not None and "Excel" in link.get_text()
    assert "Entwurf" not in (site / "good-practice" / "steckbriefe.csv").read_text("utf-8-sig")
