"""Feeds of new fact sheets (RSS and Atom through iq_feeds), parsed back."""

import datetime
import json

import feedparser
import pytest
from good_practice_helpers import front_matter, sheet
from lxml import etree

from conftest import SITE_CONTENT, build_fixture_site

SITEURL = "https://www.iq-niedersachsen.example"
ATOM = "{http://www.w3.org/2005/Atom}"


def published_sources():
    from pathlib import Path
    sources = [front_matter(p) for p in sorted(Path(SITE_CONTENT, "good-practice").glob("*.md"))]
    return [s for s in sources if s.get("status", "published") == "published"]


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory):
    files = {
        "good-practice/alt.md": sheet(title="Altes Blatt", slug="alt", date="2023-01-05",
                                      criteria={"innovative": "Neue Idee.", "efficient": True}),
        "good-practice/neu.md": sheet(title="Neues Blatt", slug="neu", date="2024-06-01",
                                      modified="2024-07-01", summary="Kurz *und* gut."),
        "good-practice/entwurf.md": sheet(title="Entwurfsblatt", slug="entwurf", status="draft"),
    }
    return build_fixture_site(tmp_path_factory.mktemp("feeds"), files, public=True)


def test_feed_of_new_sheets_parses_back(feed_site):
    rss = etree.parse(str(feed_site / "good-practice" / "rss.xml")).getroot().find("channel")
    items = rss.findall("item")
    assert [i.findtext("title") for i in items] == ["Neues Blatt", "Altes Blatt"]
    assert items[0].findtext("link") == f"{SITEURL}/good-practice/neu/"
    guid = items[0].find("guid")
    assert guid.text == "tag:www.iq-niedersachsen.example,2024-06-01:/good-practice/neu"
    assert guid.get("isPermaLink") == "false"
    assert rss.findtext("link") == f"{SITEURL}/good-practice/"
    assert [c.text for c in items[1].findall("category")] == ["Good Practice", "innovativ", "effizient"]

    atom = etree.parse(str(feed_site / "good-practice" / "atom.xml")).getroot()
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Neues Blatt", "Altes Blatt"]
    assert entries[0].findtext(f"{ATOM}updated").startswith("2024-07-01")
    assert entries[0].findtext(f"{ATOM}published").startswith("2024-06-01")
    assert atom.findtext(f"{ATOM}updated").startswith("2024-07-01")
    self_link = atom.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"{SITEURL}/good-practice/atom.xml"


def test_feed_entry_carries_the_sheet(feed_site):
    parsed = feedparser.parse(str(feed_site / "good-practice" / "atom.xml"))
    assert not parsed.bozo
    newest, oldest = parsed.entries
    assert "<em>und</em>" in newest.summary  # the editor's summary, as HTML
    assert oldest.summary == "Untertitel des Tests"  # no summary: the subtitle
    content = oldest.content[0].value
    for text in ["Untertitel des Tests", "innovativ: Neue Idee.", "effizient", "Jobcenter",
                 "Instrument Testkarten", "Testträger e.V.", "Ausgangslage/Herausforderung", "Fazittext."]:
        assert text in content


def test_feed_holds_only_the_newest_sheets(tmp_path):
    files = {f"good-practice/s{day}.md": sheet(title=f"Blatt {day}", slug=f"s{day}", date=f"2024-05-{day:02d}")
             for day in range(1, 5)}
    output = build_fixture_site(tmp_path, files, public=True,
                                overrides={"GOOD_PRACTICE_FEED_MAX_ITEMS": 2})
    for name in ["good-practice/rss.xml", "rss.xml"]:
        titles = [e.title for e in feedparser.parse(str(output / name)).entries]
        assert titles == ["Blatt 4", "Blatt 3"], name
    assert len(json.loads((output / "good-practice" / "index.json").read_text())["sheets"]) == 4


def test_drafts_are_in_no_feed(feed_site):
    for name in ["good-practice/rss.xml", "good-practice/atom.xml", "rss.xml", "atom.xml"]:
        assert "Entwurfsblatt" not in (feed_site / name).read_text(encoding="utf-8")


def test_site_wide_feed_has_the_sheets(feed_site):
    parsed = feedparser.parse(str(feed_site / "atom.xml"))
    links = [entry.link for entry in parsed.entries]
    assert f"{SITEURL}/good-practice/neu/" in links and f"{SITEURL}/good-practice/alt/" in links


def test_real_feed_lists_every_published_sheet_newest_first(public_site):
    parsed = feedparser.parse(str(public_site / "good-practice" / "rss.xml"))
    assert not parsed.bozo
    sources = published_sources()
    assert sorted(e.link for e in parsed.entries) == \
        sorted(f"{SITEURL}/good-practice/{s['slug']}/" for s in sources)
    dates = [datetime.datetime(*e.published_parsed[:6]) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_feeds_are_discoverable_and_linked(public_site):
    page = (public_site / "good-practice" / "index.html").read_text(encoding="utf-8")
    assert f'type="application/rss+xml" title="Neue Good-Practice-Beispiele – IQ Netzwerk Niedersachsen (RSS)" href="{SITEURL}/good-practice/rss.xml"' in page
    assert f'href="{SITEURL}/good-practice/atom.xml">Atom-Feed</a>' in page


def test_preview_writes_no_feed(preview_site):
    assert not (preview_site / "good-practice" / "rss.xml").exists()
    assert "RSS-Feed" not in (preview_site / "good-practice" / "index.html").read_text(encoding="utf-8")
