"""Page weight and loading: the checks of scripts/siteverify (run over the whole fixture
site by tests/test_site_checks.py), each shown to find what it claims to find.

The budget: the HTML, CSS and JavaScript a page makes a phone download stay under 60 KB
(images and Pagefind's bundle, loaded only on search, not counted). Statically, every page:
no render-blocking script; every <img> with width and height and `loading="lazy"`, except
the first image of <main> (the newsletter's header image: above the fold, the largest paint).
"""

import lxml.html
import pytest

from siteverify.browser import BUDGET, SitePage, browser_problems
from siteverify.pages import one_page_per_type
from siteverify.static import load_problems


def problems_of(html):
    return load_problems(lxml.html.fromstring(html))


@pytest.mark.parametrize("html, expected", [
    ('<html><head><script src="/a.js"></script></head><body></body></html>',
     "im <head> blockiert"),
    ('<html><head><script>var x = 1;</script></head><body></body></html>', "Inline-Skript"),
    ('<html><head></head><body><script src="/a.js"></script><p>x</p></body></html>',
     "mitten im <body>"),
    ('<html><head></head><body><main><img src="a.png" width="1" height="1"></main>'
     '<img src="b.png" alt=""></body></html>', "fehlen width und height"),
    ('<html><head></head><body><main><img src="a.png" width="1" height="1">'
     '<img src="b.png" width="1" height="1"></main></body></html>', 'loading="lazy"'),
])
def test_load_check_finds_each_problem(html, expected):
    assert any(expected in problem for problem in problems_of(html))


def test_load_check_accepts_deferred_module_and_end_of_body_scripts():
    html = ('<html><head><script src="/a.js" defer></script><script type="module" src="/b.js">'
            '</script><script type="application/ld+json">{}</script></head><body><main>'
            '<img src="hero.png" width="2" height="1"><img src="c.png" width="1" height="1" '
            'loading="lazy"></main><script src="/end.js"></script></body></html>')
    assert problems_of(html) == []


def test_budget_counts_every_stylesheet_and_script_a_page_loads(browser, preview_site):
    """The measurement sees what the page loads: the archive's own CSS and script count."""
    path = one_page_per_type(preview_site)["Good-Practice-Archiv"]
    tab = SitePage(browser, preview_site, "https://vorschau.invalid")
    try:
        tab.open(path)
        sizes = dict(tab.sizes)
    finally:
        tab.close()
    static = preview_site / "theme"
    for name in ("css/main.css", "css/good-practice.css", "js/good-practice.js"):
        assert sizes[f"https://vorschau.invalid/theme/{name}"] == (static / name).stat().st_size
    assert sum(sizes.values()) < BUDGET


def test_every_page_type_stays_under_the_budget_at_a_smaller_budget_it_fails(
        preview_site, browser, monkeypatch):
    """Guard: lower the budget under the lightest page's weight and every type is reported."""
    monkeypatch.setattr("siteverify.browser.BUDGET", 1_000)
    types = one_page_per_type(preview_site)
    problems = browser_problems(preview_site, types, browser=browser)
    heavy = {line.split(":")[0] for line in problems if "zu schwer für ein Telefon" in line}
    assert heavy == {f"Seite {path}" for path in types.values()}
