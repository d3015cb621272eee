"""Search over the fixture site in headless Chromium: German words, compounds, filters, URL state."""

import json
import re

from bs4 import BeautifulSoup

from conftest import axe_violations


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
    # Each event hit names its date: two events of one title are told apart.
    assert all(re.search(r"^Termin · \d{1,2}\. \w+ 20\d\d", t) for t in types), types
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


def result_items(page):
    """Each hit as {title, link, type, sections: [(accessible text, link, excerpt)]}."""
    return page.eval_on_selector_all("#suche-treffer > li", """items => items.map(item => ({
        title: item.querySelector('h2 a').textContent,
        link: item.querySelector('h2 a').getAttribute('href'),
        type: item.querySelector('.meta').textContent,
        sections: [...item.querySelectorAll('.search-sections li')].map(li => [
            li.querySelector('a').textContent, li.querySelector('a').getAttribute('href'),
            li.querySelector('p').innerHTML])}))""")


def test_section_overviews_are_found_by_their_names(local_page):
    for query, link in [("Termine", "/termine/"), ("Veranstaltungsübersicht", "/termine/"),
                        ("Good Practice", "/good-practice/"), ("Newsletter", "/newsletter/"),
                        ("Newsletter-Archiv", "/newsletter/")]:
        page, _ = run_search(local_page, f"q={query}")
        first = result_items(page)[0]
        assert (first["link"], first["type"]) == (link, "Übersicht"), query
    _, titles = run_search(local_page, "q=Newsletter")
    assert "Newsletter 3 | 25" in titles  # the issues are still found


def test_overviews_do_not_match_the_items_they_list(local_page):
    # /termine/ lists this seminar and /newsletter/ the issues' teasers; only the item
    # pages are hits, and a word of the overviews' leads leaves the items first.
    page, _ = run_search(local_page, "q=Onboardingprozess")
    links = {item["link"] for item in result_items(page)}
    assert {"/termine/2025-08-21-gekommen-um-zu-bleiben/",
            "/termine/2027-04-13-gekommen-um-zu-bleiben/"} <= links
    assert "/termine/" not in links
    page, _ = run_search(local_page, "q=Anerkennung")
    assert not any(item["type"] == "Übersicht" for item in result_items(page)[:5])


def test_hits_link_to_the_matching_sections(local_page, preview_site):
    page, _ = run_search(local_page, "q=Mentoring")
    issue = next(item for item in result_items(page) if item["title"] == "Newsletter 3 | 25")
    anchor = "vhs-heidekreis-bringt-iq-mentoring-zur-integrationskonferenz-2025"
    text, link, excerpt = issue["sections"][0]
    assert link == f"/newsletter/2025-03/#{anchor}"
    assert text == ("VHS Heidekreis bringt IQ Mentoring zur Integrationskonferenz 2025"
                    " – Abschnitt von „Newsletter 3 | 25“")
    assert "<mark>Mentoring" in excerpt
    issue_page = BeautifulSoup((preview_site / "newsletter" / "2025-03" / "index.html").read_text(),
                               "html.parser")
    assert issue_page.find("h2", id=anchor)  # the anchor exists on the page
    page.click(f"#suche-treffer a[href='{link}']")
    page.wait_for_url(f"**/newsletter/2025-03/#{anchor}")


def test_sections_are_few_and_their_links_say_where_they_lead(local_page):
    page, _ = run_search(local_page, "q=Anerkennung")
    items = result_items(page)
    assert any(item["sections"] for item in items)
    assert all(len(item["sections"]) <= 3 for item in items)
    for item in items:
        assert all(link.startswith(item["link"] + "#") for _, link, _ in item["sections"])
    # A section's link reads like no other link of the results (screen readers list
    # links by their text): "Fazit" alone could be any page's.
    links = page.eval_on_selector_all("#suche-treffer a", "as => as.map(a => a.textContent)")
    sections = [text for item in items for text, _, _ in item["sections"]]
    assert sections and all(links.count(text) == 1 for text in sections)
    assert axe_violations(page) == []
