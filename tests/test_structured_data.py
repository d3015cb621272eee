"""schema.org JSON-LD as search engines read it: every block of the public fixture build
against schema.org's definitions (schema_org_check.py), what Google needs for events and
articles, the network as one Organization that every item names by its @id, the search
action that matches the real search page, and dateModified from the files' history."""

import json
import os
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import build_fixture_site, copy_site_lists
from events_support import event
from good_practice_helpers import sheet
from schema_org_check import SCHEMA, iso_date, missing_for_google, node_types, nodes, problems

SITEURL = "https://www.iq-niedersachsen.example"
NETWORK = {"@type": "Organization", "@id": f"{SITEURL}/#organisation",
           "name": "IQ Netzwerk Niedersachsen", "url": f"{SITEURL}/"}
# The page types (body data-seitentyp) that describe themselves in JSON-LD.
DESCRIBED = {"Startseite", "Termin", "Newsletter-Ausgabe", "Steckbrief"}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def json_ld_of(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def site_json_ld(output):
    """{page: (its page type, [its JSON-LD blocks])} for every HTML page of a build."""
    found = {}
    for path in sorted(output.rglob("*.html")):
        page = soup(path)
        kind = page.body.get("data-seitentyp") if page.body else None
        found[path.relative_to(output).as_posix()] = (kind, json_ld_of(page))
    return found


@pytest.fixture(scope="module")
def public_json_ld(public_site):
    return site_json_ld(public_site)


def all_nodes(found):
    return [node for _, blocks in found.values() for block in blocks for node in nodes(block)]


def test_every_page_of_a_described_type_has_one_block(public_json_ld):
    described = {page: blocks for page, (kind, blocks) in public_json_ld.items()
                 if kind in DESCRIBED}
    assert [page for page, blocks in described.items() if len(blocks) != 1] == []
    assert [page for page, (kind, blocks) in public_json_ld.items()
            if blocks and kind not in DESCRIBED] == []
    # The fixture: the home page, 17 events, 3 issues, 5 sheets.
    assert len(described) == 26


def test_every_block_fits_schema_org(public_json_ld):
    found = {page: problems(block) for page, (_, blocks) in public_json_ld.items()
             for block in blocks}
    assert {page: listed for page, listed in found.items() if listed} == {}
    types = {name for node in all_nodes(public_json_ld) for name in node_types(node)}
    # Each kind of node the site writes was checked at least once.
    assert {"WebSite", "SearchAction", "EntryPoint", "Organization", "Event", "Place",
            "VirtualLocation", "Audience", "PublicationIssue", "NewsArticle", "Article",
            "Project", "State"} <= types


def test_events_and_articles_have_what_google_needs(public_json_ld):
    described = [n for n in all_nodes(public_json_ld)
                 if {"Event", "NewsArticle", "Article"} & set(node_types(n))]
    assert len(described) > 30  # 17 events (one with two dates), 5 sheets, the issues' articles
    assert [(n.get("name") or n.get("headline"), missing_for_google(n))
            for n in described if missing_for_google(n)] == []
    for node in described:
        if "datePublished" in node:
            assert iso_date(node["dateModified"]).isoformat()[:10] >= node["datePublished"]


def test_home_page_names_the_site_its_search_and_the_network(public_site, public_json_ld):
    kind, [home] = public_json_ld["index.html"]
    assert kind == "Startseite" and home["@context"] == SCHEMA
    site, network = home["@graph"]
    assert site["@type"] == "WebSite" and site["url"] == f"{SITEURL}/"
    assert site["name"] == "IQ Netzwerk Niedersachsen" and site["publisher"] == {"@id": NETWORK["@id"]}
    # The search action is the search page's own form: its address and its field.
    form = soup(public_site / "suche" / "index.html").find("form", role="search")
    field = form.find("input", type="search")["name"]
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {"@type": "EntryPoint",
                                "urlTemplate": f"{form['action']}?{field}={{search_term_string}}"}
    assert action["target"]["urlTemplate"] == f"{SITEURL}/suche/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert network == {**NETWORK, "email": "info@iq-niedersachsen.example",
                       "logo": f"{SITEURL}/theme/img/favicon.svg"}
    assert (public_site / "theme" / "img" / "favicon.svg").is_file()


def test_items_name_the_network_by_its_id(public_json_ld):
    def block(page):
        return public_json_ld[page][1][0]

    issue = block("newsletter/2025-03/index.html")
    assert issue["author"] == issue["publisher"] == NETWORK
    assert {(a["author"]["@id"], a["publisher"]["@id"]) for a in issue["hasPart"]} == \
        {(NETWORK["@id"], NETWORK["@id"])}
    factsheet = block("good-practice/kmu-toolbox/index.html")
    assert factsheet["author"] == factsheet["publisher"] == NETWORK
    # "organiser: IQ Netzwerk Niedersachsen" is the network itself; another organiser is
    # named as written, without the network's @id or address.
    seminar = block("termine/2025-07-15-diversity-management/index.html")
    assert seminar["organizer"] == NETWORK
    conference = block("termine/2025-05-14-integrationskonferenz/index.html")
    assert conference["organizer"] == {"@type": "Organization",
                                       "name": "Bündnis „Niedersachsen packt an“"}
    # Without history (the fixture build) nothing changed after publication.
    assert (factsheet["datePublished"], factsheet["dateModified"]) == ("2022-10-01", "2022-10-01")
    assert issue["dateModified"] == issue["datePublished"] == "2025-06-16"


EVENTS = {
    "events/2025-09-10-fachtag.md": event("Vielfalt im Betrieb", start="2025-09-10",
                                          format="Fachtag", location="Haus der Region, Hannover"),
    "events/2025-09-11-sprechstunde.md": event(
        "Sprechstunde Anerkennung", start="2025-09-11 10:00", end="2025-09-11 11:30",
        format="Online-Seminar", location="Online (Zoom)", organiser="Bündnis Fachkräfte"),
    "events/2025-09-12-mit-anreisser.md": event("Mit Anreißer", start="2025-09-12",
                                                summary="Ein eigener Anreißer.",
                                                location="Celle", organiser="IQ Testnetz"),
    "events/2025-09-13-tag.md": event('"„Tag der offenen Tür“ im Netzwerk"', start="2025-09-13"),
    "events/2025-09-15-beratungstag.md": event('"Verschoben: Beratungstag"',
                                               start="2025-09-15 10:00", location="Hannover",
                                               rescheduled_from="2025-09-08 10:00"),
}


@pytest.fixture(scope="module")
def events_json_ld(tmp_path_factory):
    """The JSON-LD of a small site with EVENTS, whose network has a name of its own."""
    output = build_fixture_site(tmp_path_factory.mktemp("termine"), EVENTS, public=True,
                                overrides={"ORGANIZATION_NAME": "IQ Testnetz",
                                           "ORGANIZATION_EMAIL": "kontakt@testnetz.example"})
    return site_json_ld(output)


def test_events_always_have_description_and_organizer(events_json_ld):
    found = events_json_ld
    network = {"@type": "Organization", "@id": f"{SITEURL}/#organisation",
               "name": "IQ Testnetz", "url": f"{SITEURL}/"}
    assert found["index.html"][1][0]["@graph"][1] == {
        **network, "email": "kontakt@testnetz.example", "logo": f"{SITEURL}/theme/img/favicon.svg"}

    def event_data(slug, missing=()):
        [data] = found[f"termine/{slug}/index.html"][1]
        assert problems(data) == [] and missing_for_google(data) == list(missing)
        return data["description"], data["organizer"]

    assert event_data("2025-09-10-fachtag") == (
        "Fachtag „Vielfalt im Betrieb“ am 10. September 2025 in Haus der Region, Hannover.",
        network)
    assert event_data("2025-09-11-sprechstunde") == (
        "Online-Seminar „Sprechstunde Anerkennung“ am 11. September 2025, 10:00–11:30 Uhr, "
        "online (Zoom).", {"@type": "Organization", "name": "Bündnis Fachkräfte"})
    assert event_data("2025-09-12-mit-anreisser") == ("Ein eigener Anreißer.", network)
    # Without format and place: "Veranstaltung", and the title's own quotation marks. A
    # place the editor did not give cannot be made up: Google will miss the location.
    assert event_data("2025-09-13-tag", missing=["location"]) == (
        "Veranstaltung „Tag der offenen Tür“ im Netzwerk am 13. September 2025.", network)


def test_a_moved_event_says_so_with_its_previous_start(events_json_ld):
    [data] = events_json_ld["termine/2025-09-15-beratungstag/index.html"][1]
    assert problems(data) == []
    # The marker word the editor wrote into the title is the status, not the name.
    assert data["name"] == "Beratungstag"
    assert data["eventStatus"] == f"{SCHEMA}/EventRescheduled"
    assert (data["startDate"], data["previousStartDate"]) == \
        ("2025-09-15T10:00+02:00", "2025-09-08T10:00+02:00")
    assert data["description"] == ("Veranstaltung „Beratungstag“ am 15. September 2025, "
                                   "10:00 Uhr in Hannover. Der bisherige Termin war am "
                                   "8. September 2025, 10:00 Uhr.")


ISSUE = """---
issue: {issue}
year: 2026
date: {date}
summary: Eine Ausgabe zum Testen.
---
Liebe Leserinnen und Leser,

## Ein Artikel

Text.
"""


def commit_all(folder, when):
    """A git repository in `folder` with everything in one commit at `when` (ISO 8601)."""
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
                   "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=Test", "-c", "user.email=test@example.org",
                     "commit", "-q", "-m", "Inhalte"]):
        subprocess.run(["git", *command], cwd=folder, env=environment, check=True)


def test_date_modified_follows_the_files_history(tmp_path):
    files = {"newsletter/2026-04.md": ISSUE.format(issue=4, date="2026-10-01"),
             "newsletter/2026-05.md": ISSUE.format(issue=5, date="2026-10-20"),
             "good-practice/ohne.md": sheet(slug="ohne-modified"),
             "good-practice/mit.md": sheet(slug="mit-modified", modified="2024-06-01")}
    content = tmp_path / "content"
    copy_site_lists(content)
    (content / "pages").mkdir()
    for relative, text in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    commit_all(tmp_path, "2026-10-05T09:30:00+00:00")
    output = build_fixture_site(tmp_path, {}, public=True, overrides={"IQ_GIT_HISTORY": True})
    found = site_json_ld(output)

    def dates(page):
        [data] = found[page][1]
        assert problems(data) == []
        return data["datePublished"], data["dateModified"]

    # The last commit, in the site's time zone (summer time in Berlin).
    assert dates("newsletter/2026-04/index.html") == ("2026-10-01", "2026-10-05T11:30:00+02:00")
    assert {a["dateModified"] for a in found["newsletter/2026-04/index.html"][1][0]["hasPart"]} \
        == {"2026-10-05T11:30:00+02:00"}
    # Committed before its publication day: unchanged since it came out.
    assert dates("newsletter/2026-05/index.html") == ("2026-10-20", "2026-10-20")
    assert dates("good-practice/ohne-modified/index.html") == \
        ("2024-05-01", "2026-10-05T11:30:00+02:00")
    # `modified` as written wins over git.
    assert dates("good-practice/mit-modified/index.html") == \
        ("2024-05-01", "2024-06-01T00:00:00+02:00")
