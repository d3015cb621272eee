"""The full site: every page German, navigable, with the legal pages and funding notice."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import html_files

LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "kontakt"]
PAGES = ["ueber-uns", "abonnieren", *LEGAL_PAGES]
NAVIGATION = ["Newsletter", "Good Practice", "Termine", "Über uns", "Abonnieren"]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("slug", PAGES)
def test_page_exists_with_title(preview_site, slug):
    page = soup(preview_site / slug / "index.html")
    assert page.h1 and page.h1.get_text(strip=True)
    assert page.title.get_text().endswith("IQ Netzwerk Niedersachsen")


def test_every_page_is_german_with_landmarks_and_skip_link(preview_site):
    for path in html_files(preview_site):
        if path.name == "email.html":
            continue  # the newsletter's e-mail version is a mail, not a page of the site
        page = soup(path)
        assert page.html["lang"] == "de", path
        if path.parent.name == "admin":
            continue  # the web editor: Decap fills its body (tests/test_cms_*.py)
        skip = page.find("a", class_="skip-link")
        assert skip and skip["href"] == "#inhalt", path
        assert page.find("main", id="inhalt"), path
        assert page.find("header") and page.find("footer") and page.find("nav"), path
        assert page.find("meta", attrs={"name": "viewport"}), path


def test_main_navigation_and_current_page(preview_site):
    page = soup(preview_site / "ueber-uns" / "index.html")
    nav = page.find("nav", attrs={"aria-label": "Hauptnavigation"})
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == NAVIGATION
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Über uns"


def test_footer_has_legal_links_and_funding_notice(preview_site):
    footer = soup(preview_site / "index.html").footer
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    for label in ["Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Kontakt"]:
        assert label in links
    text = footer.get_text(" ", strip=True)
    assert "Kofinanziert von der Europäischen Union" in text
    for funder in ["Bundesministerium für Arbeit und Soziales (BMAS)",
                   "Bundesamt für Migration und Flüchtlinge (BAMF)",
                   "Europäischen Sozialfonds Plus", "Land Niedersachsen"]:
        assert funder in text
    emblem = footer.find("img")
    assert emblem["alt"] and (emblem.get("width") and emblem.get("height"))


def test_accessibility_statement_has_its_sections(preview_site):
    headings = [h.get_text(strip=True) for h in
                soup(preview_site / "barrierefreiheit" / "index.html").find_all("h2")]
    for section in ["Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                    "Barrieren melden: Kontakt", "Schlichtungsverfahren"]:
        assert section in headings


def test_placeholders_are_marked(preview_site):
    page = soup(preview_site / "impressum" / "index.html")
    placeholders = page.find_all(class_="placeholder")
    assert placeholders and all("Platzhalter" in p.get_text() for p in placeholders)


def test_home_shows_what_the_network_does_and_the_three_sections(preview_site):
    page = soup(preview_site / "index.html")
    assert page.h1.get_text(strip=True) == "IQ Netzwerk Niedersachsen"
    hrefs = {a["href"] for a in page.main.find_all("a")}
    for section in ["/newsletter/", "/good-practice/", "/termine/", "/abonnieren/"]:
        assert section in hrefs


def local_targets(path, site_root):
    page = soup(path)
    base = "/" + path.relative_to(site_root).as_posix()
    for tag, attribute in [("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")]:
        for element in page.find_all(tag):
            value = element.get(attribute)
            if not value or value.startswith(("#", "mailto:", "tel:", "webcal:")):
                continue
            url = urlparse(urljoin(base, value))
            if url.scheme or url.netloc:
                continue
            yield value, url.path


def resolves(site_root, url_path):
    target = site_root / url_path.lstrip("/")
    return target.is_file() or (target / "index.html").is_file()


def test_every_internal_link_resolves(preview_site):
    broken = []
    for path in html_files(preview_site):
        for value, url_path in local_targets(path, preview_site):
            if not resolves(preview_site, url_path):
                broken.append((path.relative_to(preview_site).as_posix(), value))
    assert broken == []


EXTERNAL_RESOURCE = re.compile(r"""<(?:script|img|iframe|source|video|audio|embed|link)\b[^>]*\b(?:src|href|srcset)=["']https?://""", re.I)


def test_preview_pages_load_nothing_from_other_hosts(preview_site):
    offenders = []
    for path in html_files(preview_site):
        for match in EXTERNAL_RESOURCE.finditer(path.read_text(encoding="utf-8")):
            if 'rel="alternate"' not in match.group(0) and "rel=\"canonical\"" not in match.group(0):
                offenders.append((path.name, match.group(0)))
    css = "".join(p.read_text() for p in preview_site.rglob("*.css"))
    assert re.findall(r"url\(\s*['\"]?https?:|@import", css) == []
    assert offenders == []


def test_public_build_uses_absolute_site_url(public_site):
    page = soup(public_site / "ueber-uns" / "index.html")
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet == "https://www.iq-niedersachsen.example/theme/css/main.css"
