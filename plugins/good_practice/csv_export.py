"""All published sheets as a table for Excel: good-practice/steckbriefe.csv.

German Excel opens a CSV by double-click only as it expects it: semicolons between the
cells (the comma is the decimal sign), UTF-8 announced by a byte order mark (else the
umlauts break), CRLF line ends. One row per sheet, newest first like index.json, the
four criteria as four „ja“/„nein“ columns. The cells come from the open-data record
(opendata.sheet_record), so the two exports never disagree.

A cell that starts with = + - @ (or a tab/CR) would be run as a formula by Excel and
LibreOffice (CSV injection): such a cell gets a leading apostrophe, which both show as text.
"""

import csv
import io

from .criteria import CRITERIA
from .opendata import sheet_record

CSV_NAME = "steckbriefe.csv"  # below the archive's folder, next to index.json
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ", "


def columns():
    """(heading, function of a sheet record that gives the cell) in the table's order."""
    def joined(key):
        return lambda record: LIST_SEPARATOR.join(record[key])

    def contact(key):
        return lambda record: (record["contact"] or {}).get(key) or ""

    def met(key):
        return lambda record: "ja" if record["criteria"][key]["met"] else "nein"

    return [
        ("Titel", lambda r: r["title"]),
        ("Untertitel", lambda r: r["subtitle"] or ""),
        ("Adresse", lambda r: r["url"]),
        ("Veröffentlicht", lambda r: r["date"]),
        ("Zuletzt geändert", lambda r: r["modified"] or ""),
        *((criterion.label, met(criterion.key)) for criterion in CRITERIA),
        ("Instrument", lambda r: r["instrument"].get("name") or ""),
        ("Art des Instruments", lambda r: r["instrument"].get("type") or ""),
        ("Projekt", lambda r: r["project"] or ""),
        ("Träger", lambda r: r["provider"] or ""),
        ("Laufzeit", lambda r: r["duration"] or ""),
        ("Landesnetzwerk", lambda r: r["network"] or ""),
        ("Förderrunde", lambda r: r["funding_period"] or ""),
        ("Zielgruppen", joined("audiences")),
        ("Themen", joined("topics")),
        ("Kontakt", contact("name")),
        ("E-Mail", contact("email")),
        ("Telefon", contact("phone")),
        ("Kurzbeschreibung", lambda r: r["summary"] or ""),
    ]


def safe_cell(value):
    text = " ".join(str(value).split())  # one line per row: no line breaks inside a cell
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def sheets_csv(sheets, settings):
    """The file's bytes: BOM, a heading row, one row per sheet."""
    table = columns()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([heading for heading, _ in table])
    for sheet in sheets:
        record = sheet_record(sheet, settings)
        writer.writerow([safe_cell(cell(record)) for _, cell in table])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
