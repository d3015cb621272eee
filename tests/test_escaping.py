"""HTML or script typed into any metadata field is text everywhere: pages, feeds, calendars, JSON."""

import json

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import build_fixture_site

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)> & „Böse“"
Q = json.dumps(EVIL, ensure_ascii=False)  # JSON is YAML: a safe way to write the value

FILES = {
    "pages/seite.md": f"---\ntitle: {Q}\nsummary: {Q}\n---\nText.\n",
    "newsletter/2025-03.md": (
        f"---\nissue: 3\nyear: 2025\ndate: 2025-06-16\nsummary: {Q}\n---\nEditorial.\n\n"
        "## Artikel\n\nText.\n"
    ),
    "events/2025-06-26-test.md": (
        f"---\ntitle: {Q}\nstart: 2025-06-26 10:00\nend: 2025-06-26 11:30\nformat: Online-Seminar\n"
        f"location: {Q}\norganiser: {Q}\naudiences: [{Q}]\nsummary: {Q}\n"
        "registration_url: https://www.iq-niedersachsen.example/anmeldung/\n---\nText.\n"
    ),
    "good-practice/test.md": (
        f"---\ntitle: {Q}\nsubtitle: {Q}\ndate: 2025-01-01\nsummary: {Q}\n"
        f"criteria:\n  innovative: {Q}\n  sustainable: true\naudiences: [{Q}]\n"
        f"instrument:\n  type: {Q}\n  name: {Q}\n  description: {Q}\n"
        f"project: {Q}\nduration: {Q}\nprovider: {Q}\ncompetence_centre: {Q}\n"
        f"network: Niedersachsen\nfunding_period: 2019–2022\ntopics: [{Q}]\n"
        f"contact:\n  role: {Q}\n  name: {Q}\n  address: {Q}\n"
        f"links:\n  - title: {Q}\n    url: https://www.netzwerk-iq.de/\n---\n"
        "## Ausgangslage/Herausforderung\n\nA.\n\n## Umsetzung\n\nB.\n\n## Fazit\n\nC.\n"
    ),
    # Audiences and topics come from the shared lists: the markup is typed there, as a value
    # and as the label the site shows.
    "listen/adressaten.yaml": f"- {Q}\n- Unternehmen\n",
    "listen/themen.yaml": f"- value: Boese\n  label: {Q}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("boese"), FILES, public=True)


def no_live_markup(html, where):
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s for s in soup.find_all("script") if "alert(" in (s.string or "")
               and s.get("type") != "application/ld+json"]
    assert scripts == [], where
    assert soup.find_all(attrs={"onerror": True}) == [], where


def test_html_pages_show_the_markup_as_text(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    shown = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        no_live_markup(html, path)
        shown += "<script>alert('x')</script>" in BeautifulSoup(html, "html.parser").get_text()
    assert shown >= 4  # the page, the issue, the event and the sheet show it as text


def test_json_ld_cannot_close_its_script_element(site):
    for path in site.rglob("*.html"):
        for block in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(
                "script", type="application/ld+json"):
            assert "</script" not in block.string.lower()
            json.loads(block.string)


def test_feeds_carry_the_markup_as_text(site):
    feeds = sorted(site.rglob("atom.xml")) + sorted(site.rglob("rss.xml"))
    assert len(feeds) >= 6
    for path in feeds:
        parsed = feedparser.parse(str(path))
        assert not parsed.bozo, (path, parsed.bozo_exception)
        for entry in parsed.entries:
            for value in [entry.get("summary", "")] + [c.value for c in entry.get("content", [])]:
                no_live_markup(value, path)


def test_calendars_keep_the_text_exactly(site):
    calendars = sorted(site.rglob("*.ics"))
    assert calendars
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            assert str(event["SUMMARY"]) == EVIL
            assert str(event["LOCATION"]).startswith(EVIL)


def test_open_data_keeps_the_text_exactly(site):
    data = json.loads((site / "good-practice" / "index.json").read_text(encoding="utf-8"))
    sheets = data["sheets"]
    assert sheets[0]["title"] == EVIL
