"""The shared feed writer: valid RSS 2.0 and Atom by the W3C validator's rules."""

import datetime
import email.utils
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from iq_core.writer import SiteWriter
from iq_feeds import FeedEntry, entry_id, write_feeds

BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = {
    "SITEURL": "https://www.iq-niedersachsen.example",
    "PUBLIC_SITEURL": "https://www.iq-niedersachsen.example",
    "SITENAME": "IQ Netzwerk Niedersachsen",
    "DEFAULT_LANG": "de",
    "FEEDS_ENABLED": True,
}


def write_finished(settings, **feed):
    """write_feeds through the site's writer, its files complete (as at the build's end)."""
    writer = SiteWriter(settings["OUTPUT_PATH"], settings)
    names = write_feeds(writer, settings, **feed)
    writer.finish()
    return names


def entry(slug, day, content="<p>Text</p>", title=None):
    published = datetime.datetime(2025, 6, day, 9, 0, tzinfo=BERLIN)
    return FeedEntry(
        id=entry_id(SETTINGS, "newsletter", slug, published),
        title=title or f"Ausgabe {slug}",
        url=f"newsletter/{slug}/",
        published=published,
        updated=published + datetime.timedelta(days=1),
        summary="<p>Kurz</p>",
        content=content,
        kind="newsletter",
        categories=("Newsletter",),
    )


@pytest.fixture
def feeds(tmp_path):
    settings = {**SETTINGS, "OUTPUT_PATH": str(tmp_path)}
    entries = [
        entry("2025-01", 2),
        entry("2025-03", 16, content='<p><a href="/ueber-uns/">Über uns</a> '
                                     '<img src="../../images/bild.svg" alt="Bild"> '
                                     '<a href="#artikel">Sprung</a></p>'),
        entry("2025-02", 9, title="<script>alert(1)</script> & „Zitat“"),
    ]
    write_finished(settings, folder="newsletter/", title="Newsletter", description="Alle Ausgaben",
                entries=entries)
    return tmp_path / "newsletter"


def test_entry_ids_are_stable_tag_uris():
    assert entry("2025-03", 16).id == "tag:www.iq-niedersachsen.example,2025-06-16:/newsletter/2025-03"


def test_rss_fields(feeds):
    channel = etree.parse(str(feeds / "rss.xml")).getroot().find("channel")
    assert channel.findtext("link") == "https://www.iq-niedersachsen.example/newsletter/"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "https://www.iq-niedersachsen.example/newsletter/rss.xml"
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [
        f"https://www.iq-niedersachsen.example/newsletter/{slug}/"
        for slug in ("2025-03", "2025-02", "2025-01")
    ]
    for item in items:
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and guid.text.startswith("tag:")
        parsed = email.utils.parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822
        assert parsed.tzinfo is not None
    assert email.utils.parsedate_to_datetime(items[0].findtext("pubDate")) == \
        datetime.datetime(2025, 6, 16, 9, 0, tzinfo=BERLIN)
    assert channel.findtext("lastBuildDate") == "Tue, 17 Jun 2025 09:00:00 +0200"


def test_atom_fields(feeds):
    root = etree.parse(str(feeds / "atom.xml")).getroot()
    assert root.findtext(f"{ATOM}id") == "https://www.iq-niedersachsen.example/newsletter/"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": "https://www.iq-niedersachsen.example/newsletter/atom.xml",
                     "alternate": "https://www.iq-niedersachsen.example/newsletter/"}
    assert root.findtext(f"{ATOM}updated") == "2025-06-17T09:00:00+02:00"  # RFC 3339, newest
    entries = root.findall(f"{ATOM}entry")
    updated = [datetime.datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(e.find(f"{ATOM}content").get("type") == "html" for e in entries)


def test_links_inside_content_are_absolute(feeds):
    for name in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse(str(feeds / name))
        html = parsed.entries[0].content[0].value
        soup = BeautifulSoup(html, "html.parser")
        hrefs = [a["href"] for a in soup.find_all("a")] + [i["src"] for i in soup.find_all("img")]
        assert hrefs == [
            "https://www.iq-niedersachsen.example/ueber-uns/",
            "https://www.iq-niedersachsen.example/newsletter/2025-03/#artikel",
            "https://www.iq-niedersachsen.example/images/bild.svg",
        ]


def test_markup_in_titles_is_escaped_not_executed(feeds):
    parsed = feedparser.parse(str(feeds / "atom.xml"))
    assert parsed.entries[1].title == "<script>alert(1)</script> & „Zitat“"
    raw = (feeds / "rss.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw


def test_same_entries_give_byte_identical_feeds(tmp_path, feeds):
    settings = {**SETTINGS, "OUTPUT_PATH": str(tmp_path / "zweiter")}
    write_finished(settings, folder="newsletter/", title="Newsletter", description="Alle Ausgaben",
                entries=[entry("2025-02", 9, title="<script>alert(1)</script> & „Zitat“"),
                         entry("2025-01", 2),
                         entry("2025-03", 16, content='<p><a href="/ueber-uns/">Über uns</a> '
                                                      '<img src="../../images/bild.svg" alt="Bild"> '
                                                      '<a href="#artikel">Sprung</a></p>')])
    for name in ("rss.xml", "atom.xml"):
        assert (tmp_path / "zweiter" / "newsletter" / name).read_bytes() == (feeds / name).read_bytes()


def test_no_feeds_without_absolute_site_url(tmp_path):
    settings = {**SETTINGS, "FEEDS_ENABLED": False, "OUTPUT_PATH": str(tmp_path)}
    assert write_finished(settings, folder="", title="x", description="y", entries=[entry("a", 1)]) == []
    assert list(tmp_path.iterdir()) == []


def test_public_build_has_site_feed_and_autodiscovery(public_site):
    for name in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse(str(public_site / name))
        assert not parsed.bozo, parsed.bozo_exception
    page = BeautifulSoup((public_site / "ueber-uns" / "index.html").read_text(), "html.parser")
    alternates = {(link["type"], link["href"]) for link in page.find_all("link", rel="alternate")}
    assert ("application/atom+xml", "https://www.iq-niedersachsen.example/atom.xml") in alternates
    assert ("application/rss+xml", "https://www.iq-niedersachsen.example/rss.xml") in alternates


def test_preview_build_has_no_feeds(preview_site):
    assert not (preview_site / "atom.xml").exists()
