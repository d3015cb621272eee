"""Helpers for the good-practice tests: a valid sheet to vary, front matter as written."""

import yaml

from iq_core.frontmatter import FrontMatterLoader

BODY = """
## Ausgangslage/Herausforderung

Ausgangstext.

## Umsetzung des Instruments

Umsetzungstext.

## Fazit

Fazittext.
"""

VALID = {
    "title": "Testsheet",
    "subtitle": "Untertitel des Tests",
    "date": "2024-05-01",
    "criteria": {"innovative": "Neue Idee.", "sustainable": True},
    "audiences": ["Jobcenter"],
    "instrument": {"type": "Instrument", "name": "Testkarten", "description": "Karten für Tests."},
    "provider": "Testträger e.V.",
}


def sheet(body=BODY, drop=(), **changes):
    """Markdown text of a sheet: VALID with `changes` applied and `drop` keys removed."""
    data = {**VALID, **changes}
    for key in drop:
        data.pop(key)
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n{body}"


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    header = text.split("---\n", 2)[1]
    return yaml.load(header, Loader=FrontMatterLoader)  # noqa: S506 (SafeLoader subclass)
