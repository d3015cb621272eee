"""What a built good-practice archive weighs and how many pages it has (goodpractice.py).

Page weight as the 60-KB budget of `invoke verify` counts it (scripts/siteverify/browser.py:
HTML, CSS and JavaScript a page loads, unpacked), but read from the files instead of a
browser: the HTML plus every stylesheet (<link rel=stylesheet>, print.css included, the
browser loads it too) and every <script src> it names. The archive's scripts fetch nothing
else (good-practice.js has no fetch), so this is what Chromium would count, and it takes
milliseconds for thousands of pages where a browser would take minutes.
"""

import os
import statistics
from itertools import combinations

import lxml.html

BUDGET = 60_000  # as scripts/siteverify/browser.py
ARCHIVE = "good-practice"
FACET_FOLDERS = ("kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde")
COMBINATIONS = 15  # non-empty sets of the four IQ criteria: 2**4 - 1


def expected_facet_pages(sheets):
    """The facet pages plugins/good_practice/facets.py implies (FacetIndex.selections):

    15 criteria combinations (always, even empty)
    + one per (combination, Landesnetzwerk) that a sheet meets, i.e. for each sheet with a
      network every non-empty subset of its criteria
    + one per used value of netzwerk, zielgruppe, thema and foerderrunde.
    """
    pairs, used = set(), {"network": set(), "audiences": set(), "topics": set(),
                          "funding_period": set()}
    for sheet in sheets:
        if sheet["network"]:
            for size in range(1, len(sheet["criteria"]) + 1):
                pairs.update((subset, sheet["network"])
                             for subset in combinations(sheet["criteria"], size))
            used["network"].add(sheet["network"])
        used["audiences"].update(sheet["audiences"])
        used["topics"].update(sheet["topics"])
        if sheet["funding_period"]:
            used["funding_period"].add(sheet["funding_period"])
    values = {key: len(found) for key, found in used.items()}
    return {"combinations": COMBINATIONS, "combination_networks": len(pairs), **values,
            "total": COMBINATIONS + len(pairs) + sum(values.values())}


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
            elif relative == ".":
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


def measure_archive(output, site_url):
    """Page counts and weights of one built archive."""
    kinds = archive_pages(output)
    weigher = Weigher(output, site_url)
    archive_html, archive_total = weigher.weigh(kinds["Archiv"][0])
    facets = sorted((weigher.weigh(page) + (page,) for page in kinds["Facettenseiten"]),
                    key=lambda row: row[1])
    heaviest = facets[-1]
    median_total = statistics.median_low([row[1] for row in facets])
    median = next(row for row in facets if row[1] == median_total)
    over = [row for row in [(archive_html, archive_total)] + facets if row[1] >= BUDGET]
    archive_bytes = sum(os.path.getsize(path) for paths in kinds.values() for path in paths)
    return {
        "counts": {kind: len(paths) for kind, paths in kinds.items()},
        "other_files": sorted(os.path.relpath(p, output) for p in kinds["andere Dateien"]),
        "archive": {"html": archive_html, "total": archive_total},
        "heaviest_facet": {"html": heaviest[0], "total": heaviest[1],
                           "url": "/" + os.path.relpath(os.path.dirname(heaviest[2]), output) + "/"},
        "median_facet": {"html": median[0], "total": median[1]},
        "over_budget": len(over), "archive_and_facet_pages": 1 + len(facets),
        "over_budget_html_only": sum(1 for row in [(archive_html,)] + facets if row[0] >= BUDGET),
        "megabytes": archive_bytes / 1e6,
    }
