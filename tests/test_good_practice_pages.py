"""Fact-sheet pages, archive, facet pages, criteria page, JSON export, drafts, home page."""

import itertools
import json

import pytest
from bs4 import BeautifulSoup
from good_practice_helpers import front_matter, sheet

import yaml
from conftest import SITE_CONTENT, build_fixture_site

from good_practice.criteria import CRITERIA

CONTENT = SITE_CONTENT + "/good-practice"
LABELS = {c.key: c.label for c in CRITERIA}
SLUGS = {c.key: c.slug for c in CRITERIA}
SITEURL = "https://www.iq-niedersachsen.example"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def sample_sheets():
    from pathlib import Path
    return sorted(Path(CONTENT).glob("*.md"))


def list_labels(name):
    """{value: label} of one of the sample site's lists, read straight from its YAML."""
    with open(f"{SITE_CONTENT}/listen/{name}.yaml", encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    return {str(e["value"]): e.get("label", e["value"]) if isinstance(e, dict) else str(e)
            for e in ({"value": e} if not isinstance(e, dict) else e for e in entries)}


AUDIENCE_LABELS = list_labels("adressaten")


def listed_slugs(page):
    return [a["href"].rstrip("/").rsplit("/", 1)[-1]
            for a in page.select(".gp-list .gp-card h3 a")]


# Every sample sheet shows every field it has -------------------------------------

@pytest.mark.parametrize("source", sample_sheets(), ids=lambda p: p.stem)
def test_sheet_page_shows_every_field(preview_site, source):
    data = front_matter(source)
    page = soup(preview_site / "good-practice" / data["slug"] / "index.html")
    article = page.find("article", class_="gp-sheet")
    assert text_of(article.h1) == data["title"]
    assert text_of(article.select_one(".gp-subtitle")) == data["subtitle"]

    criteria = article.select(".gp-criterion")
    assert [text_of(c.h3).lstrip("✓ ") for c in criteria] == \
        [c.label for c in CRITERIA if c.key in data["criteria"]]
    for block, criterion in zip(criteria, [c for c in CRITERIA if c.key in data["criteria"]]):
        reason = data["criteria"][criterion.key]
        justification = block.select_one(".gp-justification")
        if reason is True:
            assert justification is None
        else:
            assert text_of(justification) == reason
        assert criterion.definition[-1] in text_of(block.select_one(".gp-definition"))

    # The label of each audience's entry in the list (often the value as written).
    assert [text_of(li) for li in article.select(".gp-audiences li")] == \
        [AUDIENCE_LABELS[a] for a in data["audiences"]]
    instrument = article.select_one(".gp-instrument")
    assert text_of(instrument.h2) == f"{data['instrument']['type']} {data['instrument']['name']}"
    assert text_of(instrument.p) == data["instrument"]["description"]

    facts = article.select_one(".gp-facts dl")
    terms = {text_of(dt): dt.find_next_sibling("dd") for dt in facts.find_all("dt")}
    expected = {"Projekt": data.get("project"), "Laufzeit": data.get("duration"),
                "Träger": data["provider"], "Fachstelle": data.get("competence_centre"),
                "Landesnetzwerk": data.get("network"), "Förderrunde": data.get("funding_period")}
    for term, value in expected.items():
        if value:
            assert text_of(terms[term]) == str(value), term
        else:
            assert term not in terms, term
    if data.get("topics"):
        assert [text_of(li) for li in terms["Themen"].find_all("li")] == data["topics"]
    contact = data.get("contact")
    if contact:
        address = terms[contact.get("role", "Kontakt")].address
        for key in ("name", "address"):
            if contact.get(key):
                assert contact[key] in text_of(address)
        if contact.get("phone"):
            tel = address.find("a", href=lambda h: h.startswith("tel:+"))
            assert text_of(tel) == contact["phone"]
            assert tel["href"][4:].lstrip("+").endswith("".join(filter(str.isdigit, contact["phone"]))[1:])
        if contact.get("email"):
            assert address.find("a", href="mailto:" + contact["email"])
    links = data.get("links") or []
    if links:
        offer = terms["Angebot"]
        assert [(text_of(a), a["href"]) for a in offer.find_all("a")] == \
            [(link["title"], link["url"]) for link in links]
    else:
        assert "Angebot" not in terms

    sections = [text_of(h2) for h2 in article.select(".gp-sheet-main h2")]
    assert sections[0].startswith("Ausgangslage") and sections[1].startswith("Umsetzung") \
        and sections[-1] == "Fazit"


def test_sheet_has_json_ld_and_search_filters(public_site):
    page = soup(public_site / "good-practice" / "forum-der-anerkennungsberatung" / "index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == "Forum der Anerkennungsberatung"
    assert data["url"] == f"{SITEURL}/good-practice/forum-der-anerkennungsberatung/"
    assert data["about"]["@type"] == "Project"
    assert data["about"]["areaServed"]["name"] == "Niedersachsen"
    assert data["datePublished"] == "2013-02-01"
    filters = {(s["data-pagefind-filter"], s.get_text()) for s in page.select("[data-pagefind-filter]")}
    assert ("Typ", "Good Practice") in filters and ("Landesnetzwerk", "Niedersachsen") in filters
    assert ("Kriterium", "nachhaltig") in filters and ("Kriterium", "innovativ") not in filters
    assert page.find("article", attrs={"data-pagefind-sort": "datum:2013-02-01"})


def test_json_ld_cannot_break_out_of_its_script(fixture_site):
    output = fixture_site({"good-practice/x.md": sheet(subtitle="</script><b>fett</b>")})
    page = (output / "good-practice" / "testsheet" / "index.html").read_text()
    script = page.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and json.loads(script)["alternativeHeadline"] == "</script><b>fett</b>"


# Archive and facet pages on a fixture with varied criteria and networks -----------

VARIED = {
    "a": ({"transferable": True, "innovative": "Neu.", "sustainable": True}, "Niedersachsen",
          ["Jobcenter", "Kammern"], ["Anerkennung"], "2019–2022", "2024-01-10"),
    "b": ({"innovative": True, "sustainable": "Dauerhaft."}, "Niedersachsen",
          ["Jobcenter"], ["Sprache"], "2015–2018", "2024-03-01"),
    "c": ({"innovative": True, "efficient": True}, "Hessen",
          ["Unternehmen"], ["Anerkennung", "Sprache"], "2019–2022", "2024-02-01"),
    "d": ({"sustainable": True}, None, ["Jobcenter"], [], None, "2023-12-24"),
    "e": ({"transferable": True, "innovative": True, "sustainable": True, "efficient": True},
          "Bayern", ["Kammern"], ["Anerkennung"], "2019-2022", "2024-03-01"),
}


def varied_files():
    files = {}
    for slug, (criteria, network, audiences, topics, period, date) in VARIED.items():
        changes = {"title": f"Blatt {slug.upper()}", "slug": slug, "criteria": criteria,
                   "audiences": audiences, "date": date}
        if network:
            changes["network"] = network
        if topics:
            changes["topics"] = topics
        if period:
            changes["funding_period"] = period
        files[f"good-practice/{slug}.md"] = sheet(**changes)
    # A list of topics of its own (the sample site's has no "Sprache").
    files["listen/themen.yaml"] = "- Anerkennung\n- Sprache\n"
    files["good-practice/entwurf.md"] = sheet(title="Blatt Entwurf", slug="entwurf-blatt",
                                              status="draft", network="Niedersachsen",
                                              criteria={"innovative": True, "sustainable": True})
    return files


NEWEST_FIRST = ["b", "e", "c", "a", "d"]  # by date; same date in title order


@pytest.fixture(scope="module")
def varied_site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("varied"), varied_files(), public=True)


def expected(predicate):
    return [slug for slug in NEWEST_FIRST if predicate(*VARIED[slug])]


def count_text(count):
    return f"{count} Steckbrief" if count == 1 else f"{count} Steckbriefe"


def test_archive_lists_all_published_sheets_newest_first(varied_site):
    page = soup(varied_site / "good-practice" / "index.html")
    assert listed_slugs(page) == NEWEST_FIRST
    assert text_of(page.find(id="gp-ergebnis")) == "5 Steckbriefe"
    card = page.select_one(".gp-card")
    assert [text_of(b) for b in card.select(".gp-badge")] == ["innovativ", "nachhaltig"]
    assert text_of(card.select_one(".meta")) == \
        "Landesnetzwerk Niedersachsen · Förderrunde 2015–2018 · Träger: Testträger e.V."


def test_archive_facet_links_have_counts(varied_site):
    page = soup(varied_site / "good-practice" / "index.html")
    links = {a["href"]: text_of(a.parent) for a in page.select(".gp-facet-links a")}
    base = f"{SITEURL}/good-practice/"
    assert links[base + "kriterium/innovativ/"] == "innovativ (4)"
    assert links[base + "kriterium/transferfaehig/"] == "transferfähig (2)"
    assert links[base + "netzwerk/niedersachsen/"] == "Niedersachsen (2)"
    assert links[base + "zielgruppe/jobcenter/"] == "Jobcenter (3)"
    assert links[base + "thema/anerkennung/"] == "Anerkennung (3)"
    assert links[base + "foerderrunde/2019-2022/"] == "2019–2022 (3)"
    # What good-practice.js makes its checkboxes from (tests/test_good_practice_browser.py).
    values = {(a.find_parent(attrs={"data-gp-facet": True})["data-gp-facet"], a["data-gp-value"])
              for a in page.select(".gp-facet-links a")}
    assert ("kriterium", "innovativ") in values and ("foerderrunde", "2015-2018") in values
    assert len(values) == len(links)


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_every_criteria_combination_page_lists_exactly_the_matching_sheets(varied_site, size):
    for combo in itertools.combinations(CRITERIA, size):
        slug = "+".join(c.slug for c in combo)
        page = soup(varied_site / "good-practice" / "kriterium" / slug / "index.html")
        wanted = expected(lambda criteria, *_: all(c.key in criteria for c in combo))
        assert listed_slugs(page) == wanted, slug
        assert text_of(page.find(id="gp-ergebnis")) == count_text(len(wanted)), slug


def test_no_static_page_per_combination_of_criteria_and_network(varied_site):
    """Criteria within a network are filtered by the script (facets.py): the static pages
    are the criteria combinations and one per value, nothing multiplied."""
    folder = varied_site / "good-practice" / "kriterium" / "innovativ+nachhaltig"
    assert sorted(p.name for p in folder.iterdir()) == ["index.html"]
    combo = soup(folder / "index.html")
    assert listed_slugs(combo) == ["b", "e", "a"]
    refine = {text_of(li): li.a["href"] if li.a else None for li in combo.select(".gp-filters li")}
    assert refine["transferfähig (2)"] == f"{SITEURL}/good-practice/kriterium/transferfaehig+innovativ+nachhaltig/"
    assert refine["effizient (1)"] == f"{SITEURL}/good-practice/kriterium/innovativ+nachhaltig+effizient/"
    archive = combo.find("a", string="Im Archiv weiter filtern und sortieren")
    assert archive["href"] == f"{SITEURL}/good-practice/?kriterium=innovativ&kriterium=nachhaltig"


@pytest.mark.parametrize("facet, value, predicate", [
    ("netzwerk", "niedersachsen", lambda c, n, a, t, p, d: n == "Niedersachsen"),
    ("netzwerk", "hessen", lambda c, n, a, t, p, d: n == "Hessen"),
    ("zielgruppe", "jobcenter", lambda c, n, a, t, p, d: "Jobcenter" in a),
    ("zielgruppe", "kammern", lambda c, n, a, t, p, d: "Kammern" in a),
    ("thema", "sprache", lambda c, n, a, t, p, d: "Sprache" in t),
    ("thema", "anerkennung", lambda c, n, a, t, p, d: "Anerkennung" in t),
    ("foerderrunde", "2019-2022", lambda c, n, a, t, p, d: p in ("2019–2022", "2019-2022")),
    ("foerderrunde", "2015-2018", lambda c, n, a, t, p, d: p == "2015–2018"),
])
def test_facet_page_lists_exactly_the_matching_sheets(varied_site, facet, value, predicate):
    page = soup(varied_site / "good-practice" / facet / value / "index.html")
    wanted = expected(predicate)
    assert listed_slugs(page) == wanted
    assert text_of(page.find(id="gp-ergebnis")) == count_text(len(wanted))


def test_facet_folders_hold_only_existing_values(varied_site):
    folder = varied_site / "good-practice"
    assert sorted(p.name for p in (folder / "netzwerk").iterdir()) == ["bayern", "hessen", "niedersachsen"]
    assert sorted(p.name for p in (folder / "foerderrunde").iterdir()) == ["2015-2018", "2019-2022"]
    assert len(list((folder / "kriterium").iterdir())) == 15


def test_draft_appears_nowhere_public(varied_site):
    everything = "".join(p.read_text(encoding="utf-8") for p in varied_site.rglob("*")
                         if p.is_file() and p.suffix in (".html", ".json", ".xml"))
    assert "Blatt Entwurf" not in everything
    assert not (varied_site / "good-practice" / "entwurf-blatt").exists()


def test_preview_renders_draft_with_banner_but_does_not_list_it(tmp_path):
    output = build_fixture_site(tmp_path, varied_files())
    page = (output / "good-practice" / "entwurf-blatt" / "index.html").read_text(encoding="utf-8")
    assert "nur in der Vorschau sichtbar" in page and '<meta name="robots" content="noindex">' in page
    archive = soup(output / "good-practice" / "index.html")
    assert "entwurf-blatt" not in listed_slugs(archive)
    assert "entwurf-blatt" not in (output / "good-practice" / "index.json").read_text()
    home = soup(output / "index.html")
    assert "Blatt Entwurf" not in text_of(home)


def test_json_export_matches_the_sheets(varied_site):
    text = (varied_site / "good-practice" / "index.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert data["count"] == 5 and [s["slug"] for s in data["sheets"]] == NEWEST_FIRST
    for record in data["sheets"]:
        criteria, network, audiences, topics, period, date = VARIED[record["slug"]]
        assert record["url"] == f"{SITEURL}/good-practice/{record['slug']}/"
        assert record["date"] == date and record["network"] == network
        assert record["audiences"] == audiences and record["topics"] == topics
        assert record["funding_period"] == (period.replace("-", "–") if period else None)
        assert {k for k, v in record["criteria"].items() if v["met"]} == set(criteria)
        for key, value in criteria.items():
            assert record["criteria"][key]["justification"] == (None if value is True else value)
        assert record["provider"] == "Testträger e.V."
        assert record["instrument"] == {"type": "Instrument", "name": "Testkarten",
                                        "description": "Karten für Tests."}
        assert record["project"] is None and record["contact"] is None


def test_output_is_byte_identical_across_builds(varied_site, tmp_path):
    again = build_fixture_site(tmp_path, varied_files(), public=True)
    for path in sorted((varied_site / "good-practice").rglob("*")):
        if path.is_file():
            twin = again / path.relative_to(varied_site)
            assert path.read_bytes() == twin.read_bytes(), path


# The real content ---------------------------------------------------------------

def test_json_export_of_real_content(public_site):
    data = json.loads((public_site / "good-practice" / "index.json").read_text(encoding="utf-8"))
    sources = {front_matter(p)["slug"]: front_matter(p) for p in sample_sheets()}
    assert {s["slug"] for s in data["sheets"]} == set(sources)
    for record in data["sheets"]:
        source = sources[record["slug"]]
        assert (public_site / "good-practice" / record["slug"] / "index.html").exists()
        for key in ("title", "subtitle", "provider"):
            assert record[key] == source[key]
        assert record["audiences"] == [AUDIENCE_LABELS[a] for a in source["audiences"]]
        if source.get("contact"):
            # every contact field is present (null when not given): a stable schema
            assert sorted(record["contact"]) == ["address", "email", "name", "phone", "role"]
            assert {k: v for k, v in record["contact"].items() if v} == source["contact"]
        else:
            assert record["contact"] is None
        assert record["links"] == (source.get("links") or [])


def test_criteria_page_explains_all_four(preview_site):
    page = soup(preview_site / "good-practice" / "kriterien" / "index.html")
    text = text_of(page.main)
    for criterion in CRITERIA:
        assert criterion.label in text
        for paragraph in criterion.definition:
            assert paragraph in text
    assert "Beratungsgremium" in text
    assert page.find("a", href="/good-practice/kriterium/innovativ/")


def test_home_page_lists_newest_fact_sheets(preview_site):
    panel = soup(preview_site / "index.html").find("section", attrs={"aria-labelledby": "home-good-practice"})
    titles = [text_of(a) for a in panel.select("li a")]
    sources = sorted((front_matter(p) for p in sample_sheets()),
                     key=lambda d: (-int(d["date"].replace("-", "")), d["title"].casefold()))
    assert titles == [s["title"] for s in sources][:3]


def test_niedersachsen_sheet_is_reachable_by_facets(preview_site):
    page = soup(preview_site / "good-practice" / "netzwerk" / "niedersachsen" / "index.html")
    assert listed_slugs(page) == ["forum-der-anerkennungsberatung"]
