"""Search over the fixture site in headless Chromium: German words, compounds, filters, URL state."""

import json

from bs4 import BeautifulSoup


def run_search(tab, query_string):
    page = tab.open(f"/suche/?{query_string}")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Treffer')")
    return page, [a.inner_text() for a in page.query_selector_all("#suche-treffer h2 a")]


def test_compound_part_finds_fact_sheet_and_newsletter(local_page):
    _, titles = run_search(local_page, "q=Anerkennungsberatung")
    assert "Forum der Anerkennungsberatung" in titles
    _, by_part = run_search(local_page, "q=Beratung")
    assert "Forum der Anerkennungsberatung" in by_part
    assert local_page.foreign_requests == []


def test_inflected_form_finds_the_seminar(local_page):
    # "Onboardingprozesse" on the page; searched in the singular.
    _, titles = run_search(local_page, "q=Onboardingprozess")
    assert "Gekommen, um zu bleiben! Onboardingprozesse gestalten" in titles


def test_type_filter_narrows_and_is_kept_in_the_url(local_page):
    page, everything = run_search(local_page, "q=Anerkennung")
    page.check("#suche-filter input[name='Typ'][value='Termin']")
    page.wait_for_function("location.search.includes('typ=Termin')")
    page.wait_for_function(f"document.querySelectorAll('#suche-treffer li').length < {len(everything)}")
    types = page.eval_on_selector_all("#suche-treffer .meta", "els => els.map(e => e.textContent)")
    assert types and all(t.startswith("Termin") for t in types)
    shared = page.url
    page2, restored = run_search(local_page, shared.split("?", 1)[1])
    assert page2.is_checked("#suche-filter input[name='Typ'][value='Termin']")
    assert len(restored) == len(types)


def test_criterion_filter_without_query_lists_fact_sheets(local_page):
    _, titles = run_search(local_page, "kriterium=innovativ")
    assert titles and "Forum der Anerkennungsberatung" not in titles  # the forum is not "innovativ"
    assert "Integration im Betrieb erfolgreich gestalten!" in titles


def test_sort_by_date_puts_the_newest_first(local_page):
    page, _ = run_search(local_page, "q=Anerkennung&sortierung=datum")
    assert page.input_value("#suche-sortierung") == "datum"
    first = page.get_attribute("#suche-treffer h2 a", "href")
    # The seminar of 9 February 2027 is the newest page that mentions "Anerkennung".
    assert "/termine/2027-02-09-" in first
    relevance, _ = run_search(local_page, "q=Anerkennung")
    assert relevance.get_attribute("#suche-treffer h2 a", "href") != first


def test_newsletter_issue_has_article_json_ld(public_site):
    page = BeautifulSoup((public_site / "newsletter" / "2025-03" / "index.html").read_text(), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "PublicationIssue" and data["name"] == "Newsletter 3 | 25"
    parts = {part["headline"]: part for part in data["hasPart"]}
    tip = parts["Praxistipp für Unternehmen – Dual Career"]
    assert tip["@type"] == "NewsArticle" and tip["articleSection"] == "Praxistipp für Unternehmen"
    assert tip["url"] == ("https://www.iq-niedersachsen.example/newsletter/2025-03/"
                          "#praxistipp-fuer-unternehmen-dual-career")
    assert tip["datePublished"] == "2025-06-16"
