"""Pages and sort orders of the good-practice archive and facet pages (paging.py), the
compact index and the card files good-practice-filter.js reads (filterindex.py): built
with two sheets a page, so five sheets give three pages."""

import json

import pytest
from bs4 import BeautifulSoup
from test_good_practice_pages import NEWEST_FIRST, VARIED, listed_slugs, text_of, varied_files

from conftest import build_fixture_site
from good_practice_helpers import sheet

SITEURL = "https://www.iq-niedersachsen.example"
BASE = f"{SITEURL}/good-practice/"
TITLE_ORDER = ["a", "b", "c", "d", "e"]            # „Blatt A“ … „Blatt E“
ROUND_ORDER = ["e", "c", "a", "b", "d"]           # 2019–2022 (newest first), 2015–2018, none


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("paging"), varied_files(), public=True,
                              overrides={"GOOD_PRACTICE_PAGE_SIZE": 2})


def page(site, address):
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def listing(site, first):
    """Slugs over every page of a list, following „Nächste Seite“ from `first`."""
    slugs, address, seen = [], first, 0
    while address is not None:
        soup = page(site, address)
        slugs += listed_slugs(soup)
        following = soup.find("a", rel="next")
        address = following["href"].removeprefix(SITEURL + "/") if following else None
        seen += 1
    return slugs, seen


@pytest.mark.parametrize("first, order", [
    ("good-practice", NEWEST_FIRST),
    ("good-practice/sortierung/titel", TITLE_ORDER),
    ("good-practice/sortierung/foerderrunde", ROUND_ORDER),
])
def test_every_sort_order_lists_every_sheet_once_over_its_pages(site, first, order):
    assert listing(site, first) == (order, 3)
    assert not (site / first / "seite" / "4").exists() and not (site / first / "seite" / "1").exists()


def test_a_page_knows_where_it_is(site):
    second = page(site, "good-practice/seite/2")
    assert listed_slugs(second) == NEWEST_FIRST[2:4]
    assert text_of(second.find(id="gp-ergebnis")) == "5 Steckbriefe"  # the whole list
    nav = second.find("nav", attrs={"data-gp-pages": True})
    assert text_of(nav.find(attrs={"data-gp-where": True})) == "Seite 2 von 3"
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == BASE + "seite/2/"
    assert nav.find("a", rel="prev")["href"] == BASE and nav.find("a", rel="next")["href"] == BASE + "seite/3/"
    assert second.title.get_text().startswith("Good-Practice-Archiv – Seite 2 von 3 – ")
    root = second.find(attrs={"data-gp-archive": True})
    assert (root["data-gp-sort"], root["data-gp-page"]) == ("neueste", "2")


def test_only_the_first_page_is_in_the_search_index_and_sort_orders_are_not_for_robots(site):
    first, second = page(site, "good-practice"), page(site, "good-practice/seite/2")
    sorted_page = page(site, "good-practice/sortierung/titel")
    assert first.find(attrs={"data-pagefind-body": True})
    assert not second.find(attrs={"data-pagefind-body": True})
    assert not sorted_page.find(attrs={"data-pagefind-body": True})
    assert sorted_page.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert not first.find("meta", attrs={"name": "robots"})
    links = {a["data-gp-sort-link"]: a for a in sorted_page.select("[data-gp-sort-link]")}
    assert links["titel"].get("aria-current") == "true" and "aria-current" not in links["neueste"].attrs
    assert links["neueste"]["href"] == BASE and links["foerderrunde"]["href"] == BASE + "sortierung/foerderrunde/"


def test_facet_pages_are_paginated_too(site):
    slugs, pages = listing(site, "good-practice/zielgruppe/jobcenter")
    assert slugs == [s for s in NEWEST_FIRST if "Jobcenter" in VARIED[s][2]] and pages == 2
    second = page(site, "good-practice/zielgruppe/jobcenter/seite/2")
    assert text_of(second.find(id="gp-ergebnis")) == "3 Steckbriefe"
    assert "Seite 2 von 2" in second.title.get_text()
    one_page = page(site, "good-practice/netzwerk/hessen")
    assert one_page.find("nav", attrs={"data-gp-pages": True}).has_attr("hidden")


def test_the_index_holds_each_sheet_with_its_values_and_orders(site):
    data = json.loads((site / "good-practice" / "auswahl.json").read_text(encoding="utf-8"))
    assert data["seitengroesse"] == 2
    facets, values = data["facetten"], data["werte"]
    sheets = {entry[0]: {facet: [values[facet][n] for n in entry[1 + i]]
                         for i, facet in enumerate(facets)} for entry in data["steckbriefe"]}
    assert [entry[0] for entry in data["steckbriefe"]] == NEWEST_FIRST
    assert sheets["c"] == {"kriterium": ["innovativ", "effizient"], "netzwerk": ["hessen"],
                           "zielgruppe": ["unternehmen"], "thema": ["anerkennung", "sprache"],
                           "foerderrunde": ["2019-2022"]}
    assert sheets["d"]["netzwerk"] == [] and sheets["d"]["foerderrunde"] == []
    for sort, order in (("titel", TITLE_ORDER), ("foerderrunde", ROUND_ORDER)):
        assert [data["steckbriefe"][n][0] for n in data["sortierung"][sort]] == order


def test_each_card_file_is_the_card_the_pages_show(site):
    data = json.loads((site / "good-practice" / "auswahl.json").read_text(encoding="utf-8"))
    for slug in NEWEST_FIRST:
        card = json.loads((site / data["karte"].format(slug=slug)).read_text(encoding="utf-8"))
        shown = [li for number in ("", "seite/2/", "seite/3/")
                 for li in page(site, f"good-practice/{number}").select(".gp-card")
                 if li.h3.a["href"] == f"{BASE}{slug}/"]
        assert BeautifulSoup(card, "html.parser").li == shown[0]


@pytest.mark.parametrize("slug", ["seite", "sortierung"])
def test_a_sheet_cannot_take_the_address_of_the_archive_pages(tmp_path, slug):
    import sitebuild
    with pytest.raises(sitebuild.BuildError) as error:
        build_fixture_site(tmp_path, {"good-practice/x.md": sheet(slug=slug)}, public=True)
    assert f"„good-practice/{slug}/“ gehört schon zum Archiv" in str(error.value)
