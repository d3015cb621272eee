"""Search engines and link previews: sitemap, robots.txt, canonical URLs, OpenGraph, 404."""

from bs4 import BeautifulSoup
from lxml import etree

from conftest import build_fixture_site

SITE = "https://www.iq-niedersachsen.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def sitemap_urls(output):
    tree = etree.parse(str(output / "sitemap.xml"))
    return {loc.text: entry.findtext("s:lastmod", namespaces=NS)
            for entry in tree.getroot() for loc in entry.findall("s:loc", NS)}


def test_sitemap_lists_published_pages_only(public_site):
    urls = sitemap_urls(public_site)
    assert f"{SITE}/" in urls and f"{SITE}/ueber-uns/" in urls
    assert f"{SITE}/suche/" not in urls and f"{SITE}/404.html" not in urls
    # The e-mail copy of an issue is for mailing tools; search engines get the issue page.
    assert f"{SITE}/newsletter/2025-03/" in urls
    assert not any(url.endswith("email.html") for url in urls)
    assert all(url.startswith(SITE + "/") for url in urls)


def test_sitemap_has_no_draft_and_dates_from_content(tmp_path):
    output = build_fixture_site(tmp_path, {
        "pages/a.md": "---\ntitle: A\ndate: 2025-06-16\nmodified: 2025-07-01 10:00\n---\nx\n",
        "pages/b.md": "---\ntitle: B\nstatus: draft\n---\nx\n",
        "pages/c.md": "---\ntitle: C\nstatus: hidden\n---\nx\n",
    }, public=True)
    urls = sitemap_urls(output)
    assert urls[f"{SITE}/a/"] == "2025-07-01"
    assert not any("/b/" in url or "/c/" in url or "entwurf" in url for url in urls)


def test_robots_txt_points_to_sitemap(public_site):
    robots = (public_site / "robots.txt").read_text()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots and "Allow: /" in robots


def test_canonical_and_share_metadata(public_site):
    page = soup(public_site / "ueber-uns" / "index.html")
    assert page.find("link", rel="canonical")["href"] == f"{SITE}/ueber-uns/"
    meta = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert meta["og:url"] == f"{SITE}/ueber-uns/"
    assert meta["og:title"].startswith("Über uns")
    assert meta["og:image"] == f"{SITE}/theme/img/teilen.png"
    assert meta["og:locale"] == "de_DE"
    assert (public_site / "theme" / "img" / "teilen.png").exists()
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_404_page_helps(public_site):
    page = soup(public_site / "404.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.find("link", rel="canonical")
    main = page.main
    assert main.find("form", role="search")["action"] == f"{SITE}/suche/"
    hrefs = {a["href"] for a in main.find_all("a")}
    for section in ("newsletter/", "good-practice/", "termine/"):
        assert f"{SITE}/{section}" in hrefs


def test_every_page_has_a_search_box_in_the_header(preview_site):
    for name in ("index.html", "ueber-uns/index.html", "404.html"):
        header = soup(preview_site / name).header
        form = header.find("form", role="search")
        assert form["action"] == "/suche/" and form.find("input", type="search")["name"] == "q"
        assert header.find("label", attrs={"for": "kopf-suche"})
