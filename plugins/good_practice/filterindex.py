"""The compact index good-practice.js filters, sorts and pages over, and each sheet's card.

The archive page holds one page of cards; with JavaScript a reader filters over all
sheets without loading them all: the browser fetches this index once (about 45 bytes a
sheet: its slug and the positions of its facet values) and then only the cards of the
page it shows, each a small JSON file next to the sheet's page (the card's HTML as the
site renders it, so script and build show the same card).

    {"seitengroesse": 20,
     "karte": "good-practice/{slug}/karte.json",
     "facetten": ["kriterium", "netzwerk", …],
     "werte": {"kriterium": ["transferfaehig", …], "netzwerk": ["niedersachsen", …], …},
     "steckbriefe": [["kmu-toolbox", [0, 1], [3], [0, 4], [], [1]], …],   newest first
     "sortierung": {"titel": [12, 0, …], "foerderrunde": [...]}}              positions

A sheet's entry: its slug, then per facet (in "facetten" order) the positions of its
values in "werte".
"""

import json

from .facets import FACETS
from .paging import SORTS, DEFAULT_SORT, sorted_sheets


def filter_index(sheets, index, settings):
    """The text of the index for `sheets` (newest first) and their FacetIndex."""
    positions = {facet.name: {option.slug: number for number, option
                              in enumerate(index.options[facet.name])} for facet in FACETS}
    entries = []
    for sheet in sheets:
        entry = [sheet.slug]
        for facet in FACETS:
            slugs = dict.fromkeys(value.slug for value in facet.values(sheet))
            entry.append([positions[facet.name][slug] for slug in slugs])
        entries.append(entry)
    place = {sheet.slug: number for number, sheet in enumerate(sheets)}
    data = {
        "seitengroesse": settings["GOOD_PRACTICE_PAGE_SIZE"],
        "karte": settings["GOOD_PRACTICE_CARD_SAVE_AS"],
        "facetten": [facet.name for facet in FACETS],
        "werte": {facet.name: [option.slug for option in index.options[facet.name]]
                  for facet in FACETS},
        "steckbriefe": entries,
        "sortierung": {sort.slug: [place[sheet.slug] for sheet in sorted_sheets(sheets, sort)]
                       for sort in SORTS if sort != DEFAULT_SORT},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def card_file(card_html):
    """The text of a sheet's card file: the card's HTML as one JSON string, with < > &
    as \\u escapes, so the data file holds no markup a browser could take for a page
    (and no "</script>" if it were ever embedded); JSON readers get the same string."""
    text = json.dumps(str(card_html).strip(), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
