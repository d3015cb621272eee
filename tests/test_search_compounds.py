"""Compounds with a head the model has never seen: "Mentoring" finds "Sprachmentoring"
when the site uses "Mentoring" as a word, and the part links to the section with the
compound (here the title at the top of the sheet)."""

import pytest

from conftest import ROOT, LocalPage, build_fixture_site, served
from good_practice_helpers import sheet
from search_index.compounds import CompoundSplitter

THEMEN = "- Anerkennung\n- Sprachmentoring\n"
FILES = {
    "listen/themen.yaml": THEMEN,
    "good-practice/sprachmentoring.md": sheet(
        title="Sprachmentoring im Krankenhaus", topics=["Sprachmentoring"],
        subtitle="Ehrenamtliche begleiten Pflegekräfte beim Deutschlernen"),
    "good-practice/karten.md": sheet(title="Erklärkarten für die Beratung",
                                     topics=["Anerkennung"]),
    "pages/mentoring.md": "---\ntitle: Mentoring im Netzwerk\n---\n"
                          "Unser Mentoring bringt Fachkräfte und erfahrene Kolleginnen zusammen.\n",
}
SHEET = "/good-practice/sprachmentoring-im-krankenhaus/"


def test_the_model_alone_leaves_sprachmentoring_whole():
    """Why the site vocabulary is needed: the model's best split is "Sprachmento|Ring",
    and the right one is only a candidate because "Mentoring" is new to the model."""
    splitter = CompoundSplitter(f"{ROOT}/cache")
    assert splitter.split_compound("Sprachmentoring")[1:] == ("Sprachmento", "Ring")
    assert splitter.parts("Sprachmentoring") == ()
    assert splitter.unknown_heads("Sprachmentoring")[0] == ("Sprach", "Mentoring")
    # A head the model knows is no such candidate: "Ring" never gets added.
    assert all(head != "Ring" for _, head in splitter.unknown_heads("Sprachmentoring"))


@pytest.fixture(scope="module")
def tab(browser, tmp_path_factory):
    with served(build_fixture_site(tmp_path_factory.mktemp("mentoring"), FILES)) as url:
        page = LocalPage(browser, url)
        yield page
        page.close()


def results(tab, query):
    """(title, link) of each hit on the search page."""
    page = tab.open(f"/suche/?q={query}")
    page.wait_for_function("document.getElementById('suche-status').textContent.includes('Treffer')")
    return [(a.inner_text(), a.get_attribute("href"))
            for a in page.query_selector_all("#suche-treffer h2 a")]


def test_mentoring_finds_the_sheet_about_sprachmentoring(tab):
    found = results(tab, "Mentoring")
    assert ("Sprachmentoring im Krankenhaus", SHEET) in found
    assert ("Mentoring im Netzwerk", "/mentoring-im-netzwerk/") in found
    # The page that uses the word itself ranks above the one with it in a compound.
    assert found.index(("Mentoring im Netzwerk", "/mentoring-im-netzwerk/")) < \
        found.index(("Sprachmentoring im Krankenhaus", SHEET))
    assert tab.foreign_requests == []


def test_a_wrong_split_of_the_model_adds_nothing(tab):
    assert SHEET not in [link for _, link in results(tab, "Ring")]
