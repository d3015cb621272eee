"""What a built good-practice archive weighs and how many pages it has (goodpractice.py).

Page weight as the 60-KB budget of `invoke verify` counts it (scripts/siteverify/browser.py:
HTML, CSS and JavaScript a page loads, unpacked), but read from the files instead of a
browser: the HTML plus every stylesheet (<link rel=stylesheet>, print.css included, the
browser loads it too) and every <script src> it names. The archive's scripts fetch nothing
else (good-practice.js has no fetch), so this is what Chromium would count, and it takes
milliseconds for thousands of pages where a browser would take minutes. The filter script (good-practice-filter.js), its index
(auswahl.json) and the cards it fetches come on first use, like the search's bundle; their
sizes are reported apart (`on_use`).
"""

import math
import os
import statistics
from itertools import combinations

import lxml.html

BUDGET = 60_000  # as scripts/siteverify/browser.py
ARCHIVE = "good-practice"
FACET_FOLDERS = ("kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde")
ARCHIVE_FOLDERS = ("seite", "sortierung")  # further pages and sort orders of the archive
COMBINATIONS = 15  # non-empty sets of the four IQ criteria: 2**4 - 1
SORT_ORDERS = 3    # newest first, title, Förderrunde (plugins/good_practice/paging.py)
PAGE_SIZE = 20     # GOOD_PRACTICE_PAGE_SIZE


def pages_of(count, size=PAGE_SIZE):
    return max(1, math.ceil(count / size))


def expected_facet_pages(sheets, size=PAGE_SIZE):
    """The pages plugins/good_practice/facets.py and paging.py imply, counted from the
    generated values:

    selections: the 15 criteria combinations (always, even empty) + one per used value of
      netzwerk, zielgruppe, thema and foerderrunde;
    pages: each selection paginated, max(1, ceil(sheets / size)) pages;
    archive: each of the 3 sort orders paginated over all sheets.
    """
    combos = {subset: 0 for n in range(1, 5)
              for subset in combinations(("transferable", "innovative", "sustainable",
                                          "efficient"), n)}
    used = {"network": {}, "audiences": {}, "topics": {}, "funding_period": {}}
    for sheet in sheets:
        for n in range(1, len(sheet["criteria"]) + 1):
            for subset in combinations(sheet["criteria"], n):
                combos[subset] += 1
        for key in used:
            values = sheet[key] if isinstance(sheet[key], list) else [sheet[key]]
            for value in dict.fromkeys(filter(None, values)):
                used[key][value] = used[key].get(value, 0) + 1
    values = {key: len(found) for key, found in used.items()}
    pages = sum(pages_of(n, size) for n in combos.values()) + sum(
        pages_of(n, size) for found in used.values() for n in found.values())
    return {"combinations": COMBINATIONS, **values,
            "selections": COMBINATIONS + sum(values.values()), "total": pages,
            "archive": SORT_ORDERS * pages_of(len(sheets), size)}


class Weigher:
    """Bytes of a page and of the CSS/JS it loads, each asset file read once."""

    def __init__(self, output, site_url):
        self.output, self.site_url, self.assets = output, site_url.rstrip("/"), {}

    def asset_bytes(self, url):
        if url not in self.assets:
            path = url[len(self.site_url):] if url.startswith(self.site_url) else url
            file = os.path.join(self.output, path.split("?")[0].lstrip("/"))
            self.assets[url] = os.path.getsize(file) if os.path.isfile(file) else 0
        return self.assets[url]

    def weigh(self, page):
        """(HTML bytes, HTML + CSS + JS bytes) of one written page."""
        with open(page, "rb") as handle:
            html = handle.read()
        tree = lxml.html.fromstring(html)
        urls = tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), "
                          "' stylesheet ')]/@href | //script/@src")
        return len(html), len(html) + sum(self.asset_bytes(url) for url in set(urls))


def archive_pages(output):
    """{kind: [file, …]} of everything written below /good-practice/."""
    root = os.path.join(output, ARCHIVE)
    kinds = {"Archiv": [], "Steckbriefe": [], "Facettenseiten": [], "Kriterienseite": [],
             "andere Dateien": []}
    for folder, _, files in os.walk(root):
        relative = os.path.relpath(folder, root)
        top = relative.split(os.sep)[0]
        for name in files:
            path = os.path.join(folder, name)
            if name != "index.html":
                kinds["andere Dateien"].append(path)
            elif relative == "." or top in ARCHIVE_FOLDERS:
                kinds["Archiv"].append(path)
            elif top in FACET_FOLDERS:
                kinds["Facettenseiten"].append(path)
            elif top == "kriterien":
                kinds["Kriterienseite"].append(path)
            elif os.sep not in relative:
                kinds["Steckbriefe"].append(path)
            else:
                kinds["andere Dateien"].append(path)
    return kinds


def on_use_bytes(output):
    """What the archive loads on first filtering: the filter script, the index, a card."""
    root = os.path.join(output, ARCHIVE)
    cards = [os.path.getsize(os.path.join(folder, "karte.json"))
             for folder, _, files in os.walk(root) if "karte.json" in files]
    return {"script": os.path.getsize(os.path.join(output, "theme", "js", "good-practice-filter.js")),
            "index": os.path.getsize(os.path.join(root, "auswahl.json")),
            "card": round(statistics.mean(cards)) if cards else 0}


def measure_archive(output, site_url):
    """Page counts and weights of one built archive."""
    kinds = archive_pages(output)
    weigher = Weigher(output, site_url)
    first = os.path.join(output, ARCHIVE, "index.html")
    archive_html, archive_total = weigher.weigh(first)
    pages = sorted((weigher.weigh(page) + (page,)
                    for page in kinds["Archiv"] + kinds["Facettenseiten"]), key=lambda row: row[1])
    facets = sorted((row for row in pages if row[2] in kinds["Facettenseiten"]),
                    key=lambda row: row[1])
    heaviest = pages[-1]
    median_total = statistics.median_low([row[1] for row in facets])
    median = next(row for row in facets if row[1] == median_total)
    archive_bytes = sum(os.path.getsize(path) for paths in kinds.values() for path in paths)
    return {
        "counts": {kind: len(paths) for kind, paths in kinds.items()},
        "archive": {"html": archive_html, "total": archive_total},
        "heaviest_page": {"html": heaviest[0], "total": heaviest[1],
                          "url": "/" + os.path.relpath(os.path.dirname(heaviest[2]), output) + "/"},
        "median_facet": {"html": median[0], "total": median[1]},
        "over_budget": sum(1 for row in pages if row[1] >= BUDGET),
        "archive_and_facet_pages": len(pages),
        "over_budget_html_only": sum(1 for row in pages if row[0] >= BUDGET),
        "on_use": on_use_bytes(output),
        "megabytes": archive_bytes / 1e6,
    }
