"""The good-practice archive at national scale: 400 generated sheets (the benchmark's
generator, benchmarks/goodpractice_content.py, fixed seed) built once, without PDFs and
search index. Every archive and facet page stays under the page-weight budget, the pages
are as many as the formula in plugins/good_practice/facets.py says, and the filters,
pages and sort orders work in Chromium, with „Alle … anzeigen“ for long lists."""

import json
import os
import sys

import pytest

from conftest import PUBLISHCONF, ROOT, SITE_BUILD_DATE, axe_violations
import sitebuild
from siteverify.browser import BUDGET, SitePage

sys.path.append(os.path.join(ROOT, "benchmarks"))  # last: benchmarks/preview.py must not hide scripts/preview.py
from goodpractice_content import generate_archive  # noqa: E402
from goodpractice_pages import Weigher, archive_pages, expected_facet_pages, on_use_bytes  # noqa: E402

SHEETS = 400
SITEURL = "https://www.iq-niedersachsen.example"


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    folder = tmp_path_factory.mktemp("national")
    content, values = generate_archive(SHEETS, str(folder / "gp"))
    output = folder / "output"
    sitebuild.build(PUBLISHCONF, str(output), in_process=True, overrides={
        "PATH": content, "BUILD_DATE": SITE_BUILD_DATE, "IQ_GIT_HISTORY": False,
        "SEARCH_INDEX": False, "GOOD_PRACTICE_PDF_SAVE_AS": ""})
    return output, values


def test_pages_are_as_many_as_the_formula_says_and_grow_linearly(national):
    output, values = national
    pages = archive_pages(str(output))
    expected = expected_facet_pages(values)
    assert len(pages["Steckbriefe"]) == SHEETS
    assert len(pages["Archiv"]) == expected["archive"] == 3 * 20
    assert len(pages["Facettenseiten"]) == expected["total"]
    # facets.py's bound: 15 + L + A + T + R + (15 + 1 + a + t + 1) · N / 20, here with at
    # most 4 audiences and 3 topics a sheet (the generator's).
    assert expected["total"] <= expected["selections"] + (15 + 1 + 4 + 3 + 1) * SHEETS / 20
    assert expected["selections"] == 15 + 16 + 13 + 9 + 4


def test_every_archive_and_facet_page_is_under_the_budget(national):
    output, _ = national
    pages = archive_pages(str(output))
    weigher = Weigher(str(output), SITEURL)
    weights = {path: weigher.weigh(path)[1] for path in pages["Archiv"] + pages["Facettenseiten"]}
    assert len(weights) > 300
    heavy = {os.path.relpath(path, output): weight for path, weight in weights.items()
             if weight >= BUDGET}
    assert heavy == {}
    assert max(weights.values()) > BUDGET / 2  # the weigher counts the pages' assets


def test_the_browser_counts_what_the_weigher_counts(national, browser):
    output, _ = national
    heaviest = max(archive_pages(str(output))["Archiv"],
                   key=lambda path: Weigher(str(output), SITEURL).weigh(path)[1])
    address = "/" + os.path.relpath(os.path.dirname(heaviest), output) + "/"
    tab = SitePage(browser, output, SITEURL)
    try:
        tab.open(address)
        assert sum(tab.sizes.values()) == Weigher(str(output), SITEURL).weigh(heaviest)[1]
        assert tab.foreign_requests == []
    finally:
        tab.close()


def test_what_the_first_filtering_loads_stays_under_the_budget_too(national):
    loads = on_use_bytes(str(national[0]))
    assert loads["script"] + loads["index"] + 20 * loads["card"] < BUDGET


def settled(page):
    page.wait_for_function(
        "() => document.querySelector('[data-gp-archive]').hasAttribute('data-gp-wake')"
        " && !document.querySelector('[data-gp-list]').hasAttribute('aria-busy')")
    page.wait_for_load_state("networkidle")
    return page


def shown(page):
    return page.eval_on_selector_all(
        ".gp-list .gp-card h3 a", "links => links.map(a => a.getAttribute('href').split('/').at(-2))")


def expected_slugs(output, kriterium, sort=None):
    data = json.loads((output / "good-practice" / "auswahl.json").read_text(encoding="utf-8"))
    wanted = data["werte"]["kriterium"].index(kriterium)
    positions = data["sortierung"][sort] if sort else range(len(data["steckbriefe"]))
    return [data["steckbriefe"][n][0] for n in positions if wanted in data["steckbriefe"][n][1]]


def test_filter_page_sort_and_back_over_all_sheets(national, browser):
    output, _ = national
    tab = SitePage(browser, output, SITEURL)
    try:
        page = tab.open("/good-practice/")
        before = set(tab.sizes)
        assert not any("auswahl.json" in url or "karte.json" in url for url in before)
        page.check("#gp-kriterium-innovativ")
        settled(page)
        innovative = expected_slugs(output, "innovativ")
        assert page.text_content("#gp-ergebnis") == f"{len(innovative)} Steckbriefe"
        assert shown(page) == innovative[:20]
        assert page.text_content("[data-gp-status]") == f"{len(innovative)} Steckbriefe gefunden."
        page.click("[data-gp-to-page='3']")
        settled(page)
        assert page.url == f"{SITEURL}/good-practice/?kriterium=innovativ&seite=3"
        assert shown(page) == innovative[40:60]
        assert page.evaluate("document.activeElement.id") == "gp-ergebnis"
        page.go_back()
        settled(page)
        assert shown(page) == innovative[:20]
        page.click("[data-gp-sort-link='titel']")
        settled(page)
        assert page.url == f"{SITEURL}/good-practice/?kriterium=innovativ&sortierung=titel"
        assert shown(page) == expected_slugs(output, "innovativ", "titel")[:20]
        # a page beyond the end shows the last page and says so in the URL
        page = settled(tab.open("/good-practice/?kriterium=innovativ&sortierung=titel&seite=99"))
        last = (len(innovative) - 1) // 20 + 1
        assert page.url.endswith(f"&seite={last}")
        assert shown(page) == expected_slugs(output, "innovativ", "titel")[(last - 1) * 20:]
    finally:
        tab.close()


def test_long_lists_show_the_most_frequent_values_and_all_on_request(national, browser):
    output, values = national
    tab = SitePage(browser, output, SITEURL)
    try:
        page = tab.open("/good-practice/")
        networks = page.locator("fieldset", has_text="Landesnetzwerk")
        assert networks.locator(".gp-option:visible").count() == 5
        counts = [int(text.strip("()")) for text in
                  networks.locator(".gp-option:visible [data-gp-option-count]").all_text_contents()]
        frequency = sorted((sum(1 for v in values if v["network"] == name)
                            for name in {v["network"] for v in values if v["network"]}), reverse=True)
        assert counts == frequency[:5]
        networks.locator("summary", has_text="Alle 16 anzeigen").click()
        assert networks.locator(".gp-option:visible").count() == 16
        assert networks.locator("summary").inner_text().strip() == "Weniger anzeigen"
        assert axe_violations(page) == []
        # A value folded away is shown when the URL chooses it.
        rare = page.locator("[data-gp-more] input").first.get_attribute("value")
        page = settled(tab.open(f"/good-practice/?netzwerk={rare}", width=375))
        assert page.is_hidden(f"#gp-netzwerk-{rare}")  # the closed filter panel on a phone
        page.click("summary.gp-filter-toggle")
        assert page.is_visible(f"#gp-netzwerk-{rare}") and page.is_checked(f"#gp-netzwerk-{rare}")
        assert axe_violations(page) == []
    finally:
        tab.close()
