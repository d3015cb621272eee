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


def sheet_lists():
    """{key: its shared list} as a sheet's checks get them, from the sample site's lists."""
    import good_practice
    import iq_core
    from iq_core.settings import with_defaults
    from iq_core.vocabulary import vocabulary

    from conftest import SITE_CONTENT

    settings = with_defaults(with_defaults({"PATH": SITE_CONTENT}, iq_core.DEFAULTS),
                             good_practice.DEFAULTS)
    return {key: vocabulary(settings, name)
            for key, name in settings["GOOD_PRACTICE_VOCABULARIES"].items()}


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
