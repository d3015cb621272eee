"""Search: Pagefind index with German stemming and compound parts, in headless Chromium."""

import pytest

from conftest import LocalPage, axe_violations, build_fixture_site, served

PAGES = {
    "pages/anerkennung.md": "---\ntitle: Anerkennung\n---\nUnsere Anerkennungsberatung hilft bei allen Anträgen.\n",
    "pages/seminare.md": "---\ntitle: Seminare\n---\nWir bieten viele Seminare für Unternehmen an.\n",
    "pages/entwurf.md": "---\ntitle: Entwurf\nstatus: draft\n---\nDas Wort Zitronenfalter steht nur hier.\n",
    "pages/versteckt.md": "---\ntitle: Versteckt\nstatus: hidden\n---\nDas Wort Kohlweißling steht nur hier.\n",
}


@pytest.fixture(scope="module")
def search_url(tmp_path_factory):
    with served(build_fixture_site(tmp_path_factory.mktemp("suche"), PAGES)) as url:
        yield url


@pytest.fixture
def tab(browser, search_url):
    page = LocalPage(browser, search_url)
    yield page
    page.close()


def search(tab, query):
    page = tab.open(f"/suche/?q={query}")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Treffer')")
    return [a.inner_text() for a in page.query_selector_all("#suche-treffer h2 a")]


def test_compound_part_finds_the_compound(tab):
    assert search(tab, "Beratung") == ["Anerkennung"]


def test_inflected_form_is_found(tab):
    assert "Seminare" in search(tab, "Seminar")


def test_draft_and_hidden_words_are_not_found(tab):
    assert search(tab, "Zitronenfalter") == []
    assert search(tab, "Kohlweißling") == []
    assert tab.page.inner_text("#suche-status").startswith("0 Treffer")


def test_search_state_is_in_the_url_and_restored(tab):
    page = tab.open("/suche/?q=Seminare")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Treffer')")
    assert page.input_value("#suche-begriff") == "Seminare"
    page.fill("#suche-begriff", "Anerkennung")
    page.wait_for_function("location.search === '?q=Anerkennung'")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Anerkennung')")
    assert tab.foreign_requests == []


def test_header_search_box_leads_to_results(tab):
    page = tab.open("/anerkennung/")
    page.fill("#kopf-suche", "Beratung")
    page.press("#kopf-suche", "Enter")
    page.wait_for_url("**/suche/?q=Beratung")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Treffer')")
    assert [a.inner_text() for a in page.query_selector_all("#suche-treffer h2 a")] == ["Anerkennung"]


def test_search_and_404_pages_are_accessible(tab):
    for path in ("/suche/?q=Beratung", "/404.html"):
        page = tab.open(path)
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], path
    assert tab.foreign_requests == []


def test_without_javascript_the_search_page_says_what_to_do(browser, search_url):
    tab = LocalPage(browser, search_url, java_script_enabled=False)
    try:
        page = tab.open("/suche/")
        text = page.inner_text("main")
        assert "Die Suche braucht JavaScript." in text
        assert page.query_selector("main noscript a[href='/good-practice/']")
    finally:
        tab.close()
