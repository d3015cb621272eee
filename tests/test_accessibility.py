"""Each page type in headless Chromium: axe-core WCAG 2.1 A/AA, keyboard, local requests only."""

import pytest

from conftest import axe_violations

# One URL per page type. Later content types add theirs here.
PAGE_TYPES = {
    "Startseite": "/",
    "Inhaltsseite": "/ueber-uns/",
    "Leichte Sprache": "/leichte-sprache/",
    "Erklärung zur Barrierefreiheit": "/barrierefreiheit/",
    "Impressum": "/impressum/",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_axe_violations_and_no_foreign_requests(local_page, path):
    page = local_page.open(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert local_page.foreign_requests == []


@pytest.mark.parametrize("width", [320, 1280])
def test_no_horizontal_scrolling(local_page, width):
    local_page.page.set_viewport_size({"width": width, "height": 800})
    page = local_page.open("/ueber-uns/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_skip_link_is_first_and_moves_focus_to_main(local_page):
    page = local_page.open("/ueber-uns/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_axe_finds_a_real_violation(local_page):
    # Guards the test itself: an image without alt text must be reported.
    page = local_page.open("/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/theme/img/favicon.svg\">')")
    assert "image-alt" in [rule for rule, _, _ in axe_violations(page)]


def test_foreign_request_is_caught(local_page):
    page = local_page.open("/")
    page.evaluate("fetch('https://fonts.example.org/font.woff2').catch(() => {})")
    page.wait_for_timeout(200)
    assert local_page.foreign_requests == ["https://fonts.example.org/font.woff2"]
