"""Keyboard use in headless Chromium, and the browser tests' own axe and request guards.

Every page type's axe check, foreign requests and 320-px width are site checks
(scripts/siteverify), run over the fixture site by tests/test_site_checks.py.
"""

from conftest import axe_violations


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
