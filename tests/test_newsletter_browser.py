"""Newsletter pages in headless Chromium: axe-core WCAG 2.1 A/AA, local requests only."""

import pytest

from conftest import axe_violations

PAGE_TYPES = {
    "Newsletter-Ausgabe": "/newsletter/2025-03/",
    "Newsletter-Ausgabe ohne Titelbild": "/newsletter/2025-01/",
    "Newsletter-Archiv": "/newsletter/",
    "E-Mail-Fassung (Vorschau)": "/newsletter/2025-03/email.html",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_newsletter_pages_have_no_axe_violations_and_no_foreign_requests(local_page, path):
    page = local_page.open(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert local_page.foreign_requests == []


def test_table_of_contents_link_moves_to_the_article(local_page):
    page = local_page.open("/newsletter/2025-03/")
    page.click("nav.nl-toc a[href='#praxistipp-fuer-unternehmen-dual-career']")
    assert page.evaluate("location.hash") == "#praxistipp-fuer-unternehmen-dual-career"
    top = page.evaluate(
        "document.getElementById('praxistipp-fuer-unternehmen-dual-career').getBoundingClientRect().top")
    assert -2 < top < 200  # scrolled to the heading (sub-pixel rounding)


@pytest.mark.parametrize("width", [320, 1280])
def test_issue_page_has_no_horizontal_scrolling(local_page, width):
    local_page.page.set_viewport_size({"width": width, "height": 800})
    page = local_page.open("/newsletter/2025-03/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
