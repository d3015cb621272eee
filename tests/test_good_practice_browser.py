"""Good-practice pages in headless Chromium: axe, instant filtering kept in the URL,
shared URLs restore the filter, the no-JS fallback, print."""

import re

import pytest

from conftest import LocalPage, axe_violations

PAGES = {
    "Steckbrief": "/good-practice/kmu-toolbox/",
    "Steckbrief Niedersachsen": "/good-practice/forum-der-anerkennungsberatung/",
    "Archiv": "/good-practice/",
    "Facette Kriterien": "/good-practice/kriterium/innovativ+nachhaltig/",
    "Facette Netzwerk": "/good-practice/netzwerk/niedersachsen/",
    "Facette Kriterium im Netzwerk": "/good-practice/kriterium/nachhaltig/netzwerk/niedersachsen/",
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


def check(page, facet, value):
    page.check(f"#gp-{facet}-{value}")


def test_filtering_changes_list_count_and_url(local_page):
    page = local_page.open("/good-practice/")
    assert page.is_visible("form[data-gp-filter]") and not page.is_visible("[data-gp-links]")
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
    assert visible_slugs(page) == everything
    assert page.url.endswith("/good-practice/")


def test_shared_url_restores_the_filter(local_page):
    page = local_page.open("/good-practice/?kriterium=innovativ&netzwerk=hessen&netzwerk=bayern")
    assert page.is_checked("#gp-kriterium-innovativ")
    assert page.is_checked("#gp-netzwerk-hessen") and page.is_checked("#gp-netzwerk-bayern")
    assert not page.is_checked("#gp-kriterium-nachhaltig")
    assert sorted(visible_slugs(page)) == ["erklaerkarten", "kmu-toolbox"]
    assert page.text_content("#gp-ergebnis") == "2 Steckbriefe"


def test_facet_page_link_opens_the_same_filter_in_the_archive(local_page):
    page = local_page.open("/good-practice/kriterium/nachhaltig/netzwerk/niedersachsen/")
    page.click("text=Im Archiv weiter filtern")
    page.wait_for_load_state()
    assert page.is_checked("#gp-kriterium-nachhaltig") and page.is_checked("#gp-netzwerk-niedersachsen")
    assert visible_slugs(page) == ["forum-der-anerkennungsberatung"]


def test_without_javascript_the_archive_links_to_facet_pages(browser, site_url):
    tab = LocalPage(browser, site_url, java_script_enabled=False)
    try:
        page = tab.open("/good-practice/")
        assert not page.is_visible("form[data-gp-filter]")
        page.click(".gp-facet-links >> text=nachhaltig")
        assert page.url.endswith("/good-practice/kriterium/nachhaltig/")
        page.click(".gp-filters >> text=Niedersachsen")
        assert page.url.endswith("/good-practice/kriterium/nachhaltig/netzwerk/niedersachsen/")
        assert visible_slugs(page) == ["forum-der-anerkennungsberatung"]
    finally:
        tab.close()


def test_print_shows_the_sheet_without_navigation(local_page):
    page = local_page.open("/good-practice/kmu-toolbox/")
    page.emulate_media(media="print")
    assert not page.is_visible(".main-nav") and not page.is_visible(".gp-back")
    assert page.is_visible(".gp-criteria") and page.is_visible(".gp-facts")
    after = page.evaluate("""getComputedStyle(document.querySelector('.gp-offer a'), '::after').content""")
    assert "https://www.netzwerk-iq.de/" in after
    facet = page.evaluate("""getComputedStyle(document.querySelector('.gp-facet-link'), '::after').content""")
    assert facet in ("none", "normal")
