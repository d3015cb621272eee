"""Newsletter in the feeds, parsed back: ids, dates, absolute links, order, self links."""

import email.utils
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

PUBLIC = "https://www.iq-niedersachsen.example"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SLUGS = ["2025-03", "2025-02", "2025-01"]
DATES = {"2025-03": "2025-06-16", "2025-02": "2025-04-14", "2025-01": "2025-02-17"}
# Midnight in Berlin: summer time in April and June, standard time in February.
MIDNIGHT = {"2025-03": "2025-06-16T00:00:00+02:00", "2025-02": "2025-04-14T00:00:00+02:00",
            "2025-01": "2025-02-17T00:00:00+01:00"}


def tag_id(slug):
    return f"tag:www.iq-niedersachsen.example,{DATES[slug]}:/newsletter/{slug}"


def rss_items(path):
    return etree.parse(str(path)).getroot().find("channel").findall("item")


def atom_entries(path):
    return etree.parse(str(path)).getroot().findall(f"{ATOM}entry")


def newsletter_items(items, link):
    return [i for i in items if "/newsletter/" in link(i)]


def assert_absolute(html):
    soup = BeautifulSoup(html, "html.parser")
    urls = [a["href"] for a in soup.find_all(href=True)] + [i["src"] for i in soup.find_all(src=True)]
    assert urls, "no links in the content"
    for url in urls:
        assert url.startswith(PUBLIC + "/"), url
    return urls


@pytest.mark.parametrize("folder", ["newsletter/", ""], ids=["newsletter", "site-wide"])
def test_rss(public_site, folder):
    path = public_site / folder / "rss.xml"
    channel = etree.parse(str(path)).getroot().find("channel")
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == f"{PUBLIC}/{folder}rss.xml"
    items = newsletter_items(channel.findall("item"), lambda i: i.findtext("link"))
    assert [i.findtext("link") for i in items] == [f"{PUBLIC}/newsletter/{s}/" for s in SLUGS]
    for item, slug in zip(items, SLUGS):
        guid = item.find("guid")
        assert guid.text == tag_id(slug) and guid.get("isPermaLink") == "false"
        assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).isoformat() == \
            MIDNIGHT[slug]
        assert item.findtext("title") == f"Newsletter {int(slug[-2:])} | 25"
        content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        assert_absolute(content)
    parsed = feedparser.parse(str(path))
    assert not parsed.bozo, parsed.bozo_exception


@pytest.mark.parametrize("folder", ["newsletter/", ""], ids=["newsletter", "site-wide"])
def test_atom(public_site, folder):
    path = public_site / folder / "atom.xml"
    root = etree.parse(str(path)).getroot()
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == f"{PUBLIC}/{folder}atom.xml"
    assert links["alternate"] == f"{PUBLIC}/{folder}"
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    entries = newsletter_items(root.findall(f"{ATOM}entry"),
                               lambda e: e.find(f"{ATOM}link").get("href"))
    assert [e.findtext(f"{ATOM}id") for e in entries] == [tag_id(s) for s in SLUGS]
    for entry, slug in zip(entries, SLUGS):
        for name in ("published", "updated"):
            value = entry.findtext(f"{ATOM}{name}")
            assert RFC3339.match(value) and value == MIDNIGHT[slug]
        assert entry.find(f"{ATOM}link").get("href") == f"{PUBLIC}/newsletter/{slug}/"
        assert entry.find(f"{ATOM}content").get("type") == "html"
    parsed = feedparser.parse(str(path))
    assert not parsed.bozo, parsed.bozo_exception


def test_feed_entry_has_the_full_issue_with_absolute_links(public_site):
    parsed = feedparser.parse(str(public_site / "newsletter" / "atom.xml"))
    newest = parsed.entries[0]
    assert newest.title == "Newsletter 3 | 25"
    html = newest.content[0].value
    urls = assert_absolute(html)
    assert f"{PUBLIC}/images/newsletter/2025-03-news.svg" in urls
    assert f"{PUBLIC}/images/newsletter/2025-03-spielecke.svg" in urls
    assert f"{PUBLIC}/kontakt/" in urls and f"{PUBLIC}/termine/" in urls
    soup = BeautifulSoup(html, "html.parser")
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert headings[0] == "Vorbild Niedersachsen: Vielfalt als Fachkräftepotenzial"
    assert "Praxistipp für Unternehmen: Dual Career" in headings and headings[-1] == "Termine"
    assert len(headings) == 8
    text = soup.get_text()
    assert "beider Partner*innen sowie der Familie" in text and "45\u00a0%" in text
    assert "© Henning Scheffen, Nds. Staatskanzlei" in text
    assert newest.summary.startswith("<p>Landeskampagne „Arbeitgeber Niedersachsen – sicher“")


def test_site_wide_feed_has_each_issue_once(public_site):
    ids = [e.id for e in feedparser.parse(str(public_site / "atom.xml")).entries]
    assert [i for i in ids if "/newsletter/" in i] == [tag_id(s) for s in SLUGS]


def test_autodiscovery_on_every_page(public_site):
    for path in ["newsletter/2025-03/index.html", "newsletter/index.html", "ueber-uns/index.html"]:
        page = BeautifulSoup((public_site / path).read_text(encoding="utf-8"), "html.parser")
        hrefs = {link["href"] for link in page.find_all("link", rel="alternate")}
        assert {f"{PUBLIC}/newsletter/rss.xml", f"{PUBLIC}/newsletter/atom.xml"} <= hrefs, path
    archive = BeautifulSoup((public_site / "newsletter" / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
    assert archive.find("a", string="Newsletter als RSS-Feed")["href"] == f"{PUBLIC}/newsletter/rss.xml"


def test_preview_has_no_newsletter_feeds(preview_site):
    assert not (preview_site / "newsletter" / "rss.xml").exists()
    assert not (preview_site / "newsletter" / "atom.xml").exists()
    page = (preview_site / "newsletter" / "index.html").read_text(encoding="utf-8")
    assert "rss.xml" not in page


ISSUE = """---
issue: {issue}
year: 2025
date: {date}
summary: Teaser {issue}
{extra}
---
Editorial {issue} mit [Link](/newsletter/) und [Sprung](#artikel-{issue}).

## Artikel {issue}

Text {issue}
"""


def test_updated_comes_from_content_and_drafts_stay_out(fixture_site):
    output = fixture_site({
        "newsletter/2025-01.md": ISSUE.format(issue=1, date="2025-02-17", extra=""),
        "newsletter/2025-02.md": ISSUE.format(issue=2, date="2025-04-14",
                                              extra="modified: 2025-04-20 10:30"),
        "newsletter/2025-03.md": ISSUE.format(issue=3, date="2025-06-16", extra="status: draft"),
    }, public=True)
    for folder in (output / "newsletter", output):
        root = etree.parse(str(folder / "atom.xml")).getroot()
        entries = root.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newsletter 2 | 25",
                                                                  "Newsletter 1 | 25"]
        assert entries[0].findtext(f"{ATOM}published") == "2025-04-14T00:00:00+02:00"
        assert entries[0].findtext(f"{ATOM}updated") == "2025-04-20T10:30:00+02:00"
        assert root.findtext(f"{ATOM}updated") == "2025-04-20T10:30:00+02:00"
        rss = (folder / "rss.xml").read_text(encoding="utf-8")
        assert "Newsletter 3 | 25" not in rss and "Teaser 3" not in rss
        content = feedparser.parse(str(folder / "atom.xml")).entries[0].content[0].value
        urls = assert_absolute(content)
        assert f"{PUBLIC}/newsletter/" in urls
        assert f"{PUBLIC}/newsletter/2025-02/#artikel-2" in urls
