"""Good-practice pages in headless Chromium: axe, instant filtering kept in the URL,
shared URLs restore the filter, the no-JS fallback, print."""

import re
from pathlib import Path

import pytest
from good_practice_helpers import front_matter

from conftest import SITE_CONTENT, LocalPage, axe_violations

PAGES = {
    "Steckbrief": "/good-practice/kmu-toolbox/",
    "Steckbrief Niedersachsen": "/good-practice/forum-der-anerkennungsberatung/",
    "Archiv": "/good-practice/",
    "Facette Kriterien": "/good-practice/kriterium/innovativ+nachhaltig/",
    "Facette Netzwerk": "/good-practice/netzwerk/niedersachsen/",
    "Facette drei Kriterien": "/good-practice/kriterium/transferfaehig+innovativ+nachhaltig/",
    "Facette Zielgruppe": "/good-practice/zielgruppe/jobcenter/",
    "Kriterien": "/good-practice/kriterien/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations_and_no_foreign_requests(local_page, path):
    page = local_page.open(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert local_page.foreign_requests == []


def visible_slugs(page):
    return page.eval_on_selector_all(
        ".gp-list .gp-card:not([hidden]) h3 a",
        "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())")


def settled(page):
    """Wait until good-practice-filter.js has loaded and shown the list it was asked for."""
    page.wait_for_function(
        "() => document.querySelector('[data-gp-archive]').hasAttribute('data-gp-wake')"
        " && !document.querySelector('[data-gp-list]').hasAttribute('aria-busy')"
        " && document.querySelector('[data-gp-pages] [data-gp-where]')")
    page.wait_for_load_state("networkidle")
    return page


def check(page, facet, value):
    page.check(f"#gp-{facet}-{value}")
    settled(page)


def test_filtering_changes_list_count_and_url(local_page):
    page = local_page.open("/good-practice/")
    assert page.is_visible("form.gp-filter-form") and not page.query_selector("[data-gp-links]")
    everything = visible_slugs(page)
    assert len(everything) == 5

    check(page, "kriterium", "nachhaltig")
    check(page, "kriterium", "transferfaehig")
    assert len(visible_slugs(page)) == 5  # every sample sheet meets both
    check(page, "kriterium", "innovativ")
    assert "forum-der-anerkennungsberatung" not in visible_slugs(page)
    assert page.text_content("#gp-ergebnis") == "4 Steckbriefe"
    assert page.url.endswith("/good-practice/?kriterium=transferfaehig&kriterium=innovativ&kriterium=nachhaltig")

    page.uncheck("#gp-kriterium-innovativ")
    check(page, "netzwerk", "niedersachsen")
    assert visible_slugs(page) == ["forum-der-anerkennungsberatung"]
    assert page.text_content("#gp-ergebnis") == "1 Steckbrief"
    assert page.text_content("[data-gp-status]") == "1 Steckbrief gefunden."
    assert re.search(r"\?kriterium=transferfaehig&kriterium=nachhaltig&netzwerk=niedersachsen$", page.url)
    # option counts follow the other filters: innovativ would leave no sheet in Niedersachsen
    assert page.text_content("label[for=gp-kriterium-innovativ] [data-gp-option-count]") == "(0)"

    check(page, "kriterium", "innovativ")
    assert visible_slugs(page) == [] and page.is_visible("[data-gp-empty]")
    page.click("[data-gp-reset]")
    settled(page)
    assert visible_slugs(page) == everything
    assert page.url.endswith("/good-practice/")


def test_shared_url_restores_the_filter(local_page):
    page = settled(local_page.open("/good-practice/?kriterium=innovativ&netzwerk=hessen&netzwerk=bayern"))
    assert page.is_checked("#gp-kriterium-innovativ")
    assert page.is_checked("#gp-netzwerk-hessen") and page.is_checked("#gp-netzwerk-bayern")
    assert not page.is_checked("#gp-kriterium-nachhaltig")
    assert sorted(visible_slugs(page)) == ["erklaerkarten", "kmu-toolbox"]
    assert page.text_content("#gp-ergebnis") == "2 Steckbriefe"


def test_facet_page_link_opens_the_same_filter_in_the_archive(local_page):
    page = local_page.open("/good-practice/netzwerk/niedersachsen/")
    page.click("text=Im Archiv weiter filtern")
    settled(page)
    assert page.is_checked("#gp-netzwerk-niedersachsen")
    assert page.text_content("summary.gp-filter-toggle") == "Filter (1 aktiv)"
    assert visible_slugs(page) == ["forum-der-anerkennungsberatung"]


def test_without_javascript_the_archive_links_to_facet_pages(browser, site_url):
    tab = LocalPage(browser, site_url, java_script_enabled=False)
    try:
        page = tab.open("/good-practice/")
        assert not page.query_selector("form.gp-filter-form")
        page.click("summary.gp-filter-toggle")  # closed without JS, on every screen
        page.click(".gp-facet-links >> text=nachhaltig")
        assert page.url.endswith("/good-practice/kriterium/nachhaltig/")
        assert page.text_content("summary.gp-filter-toggle") == "Filter (1 aktiv)"
        page.click("summary.gp-filter-toggle")
        page.click(".gp-filters >> text=innovativ")
        assert page.url.endswith("/good-practice/kriterium/innovativ+nachhaltig/")
        wanted = sorted(path.stem for path in Path(SITE_CONTENT, "good-practice").glob("*.md")
                        if {"innovative", "sustainable"} <= set(front_matter(path)["criteria"]))
        assert sorted(visible_slugs(page)) == wanted and len(wanted) >= 2
    finally:
        tab.close()


def test_on_a_phone_results_come_first_and_filters_open_behind_one_button(local_page):
    page = local_page.open("/good-practice/", width=375)
    toggle = page.locator("summary.gp-filter-toggle")
    assert toggle.is_visible() and toggle.text_content() == "Filter"
    assert not page.is_visible("#gp-kriterium-innovativ")
    first_card = page.locator(".gp-card").first.bounding_box()
    assert toggle.bounding_box()["y"] < first_card["y"] < 1600
    toggle.click()
    check(page, "kriterium", "innovativ")
    assert toggle.text_content() == "Filter (1 aktiv)"
    assert axe_violations(page) == []
    wide = local_page.open("/good-practice/", width=1280)
    assert not wide.is_visible("summary.gp-filter-toggle") and wide.is_visible("#gp-kriterium-innovativ")


def test_print_shows_the_sheet_without_navigation(local_page):
    page = local_page.open("/good-practice/kmu-toolbox/")
    page.emulate_media(media="print")
    assert not page.is_visible(".main-nav") and not page.is_visible(".gp-back")
    assert page.is_visible(".gp-criteria") and page.is_visible(".gp-facts")
    after = page.evaluate("""getComputedStyle(document.querySelector('.gp-offer a'), '::after').content""")
    assert "https://www.netzwerk-iq.de/" in after
    facet = page.evaluate("""getComputedStyle(document.querySelector('.gp-facet-link'), '::after').content""")
    assert facet in ("none", "normal")
