"""Newsletter pages of a real build: issue pages, archive, home, email and text versions, drafts."""

import re
import shutil
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

PUBLIC = "https://www.iq-niedersachsen.example"
ISSUES = ["2025-03", "2025-02", "2025-01"]  # newest first


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def issue_page(site, slug="2025-03"):
    return soup(site / "newsletter" / slug / "index.html")


# --- issue page --------------------------------------------------------------------------

def test_issue_page_masthead_number_date_and_versions(preview_site):
    page = issue_page(preview_site)
    assert page.title.get_text() == "Newsletter 3 | 25 – IQ Netzwerk Niedersachsen"
    article = page.find("article", attrs={"data-pagefind-body": True})
    assert article["data-pagefind-sort"] == "datum:2025-06-16"
    assert article.find("h1").get_text() == "Newsletter 3 | 25"
    time = article.find("time")
    assert time["datetime"] == "2025-06-16" and time.get_text() == "16. Juni 2025"
    filters = {f["data-pagefind-filter"]: f.get_text() for f in
               article.find_all(attrs={"data-pagefind-filter": True})}
    assert filters == {"Typ": "Newsletter", "Jahr": "2025"}
    versions = {a.get_text(): a["href"] for a in page.find(class_="nl-versions").find_all("a")}
    assert versions == {"E-Mail-Fassung (HTML)": "/newsletter/2025-03/email.html",
                        "Nur-Text-Fassung": "/newsletter/2025-03/email.txt"}
    current = page.find("nav", attrs={"aria-label": "Hauptnavigation"}).find(
        "a", attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Newsletter"


def test_header_image_is_a_figure_with_alt_size_and_visible_credit(preview_site):
    figure = issue_page(preview_site).find("figure", class_="nl-hero")
    img = figure.img
    assert img["src"] == "/images/newsletter/2025-03-news.svg"
    assert img["alt"].startswith("Die Illustration zeigt einen Monitor")
    assert (img["width"], img["height"]) == ("1200", "600")
    assert figure.figcaption.get_text(strip=True) == "© Freepik | pch.vector"
    assert (preview_site / "images" / "newsletter" / "2025-03-news.svg").is_file()


def test_editorial_toc_and_articles_with_stable_anchors(preview_site):
    page = issue_page(preview_site)
    editorial = page.find("section", class_="nl-editorial")
    assert editorial.find("p").get_text() == "Liebe Leserinnen und Leser,"
    toc = page.find("nav", class_="nl-toc")
    targets = [a["href"] for a in toc.find_all("a")]
    articles = page.find_all("section", class_="nl-article")
    assert len(articles) == 7
    assert targets == [f"#{s.h2['id']}" for s in articles] + ["#termine"]
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert targets[0] == "#vorbild-niedersachsen-vielfalt-als-fachkraeftepotenzial"
    assert "#praxistipp-fuer-unternehmen-dual-career" in targets
    assert "#vhs-heidekreis-bringt-iq-mentoring-zur-integrationskonferenz-2025" in targets
    for target in targets:
        assert page.find(id=target[1:]) is not None


def test_rubric_article_is_marked(preview_site):
    page = issue_page(preview_site)
    rubrics = page.find_all("section", class_="nl-article-rubric")
    assert len(rubrics) == 1
    heading = rubrics[0].h2
    assert heading.find(class_="nl-rubric").get_text() == "Praxistipp für Unternehmen:"
    assert heading.get_text() == "Praxistipp für Unternehmen: Dual Career"
    toc_entry = page.find("nav", class_="nl-toc").find("a", href="#praxistipp-fuer-unternehmen-dual-career")
    assert toc_entry.find(class_="nl-rubric").get_text() == "Praxistipp für Unternehmen"
    # 1 | 25 has two rubrics: "Aus dem Netzwerk" and "Praxistipp".
    labels = [s.find(class_="nl-rubric").get_text() for s in
              issue_page(preview_site, "2025-01").find_all("section", class_="nl-article-rubric")]
    assert labels == ["Aus dem Netzwerk:", "Praxistipp für Unternehmen:"]


def test_body_images_are_figures_with_credit(preview_site):
    page = issue_page(preview_site)
    figures = page.find("article").find_all("figure", class_="nl-figure")
    credits = [f.find(class_="nl-credit").get_text() for f in figures]
    assert credits == ["© Freepik | pch.vector", "© Henning Scheffen, Nds. Staatskanzlei",
                       "© kargah e.V."]
    for figure in figures:
        assert figure.img["alt"].strip() and figure.img["width"] and figure.img["height"]
    assert figures[1].find(class_="nl-caption").get_text().startswith("Lija Weber, Kateryna Smirnow")


def test_german_text_renders_as_typed(preview_site):
    html = (preview_site / "newsletter" / "2025-03" / "index.html").read_text(encoding="utf-8")
    text = issue_page(preview_site).find("article").get_text()
    # Gender stars: two in one paragraph, no emphasis.
    assert "beider Partner*innen sowie der Familie" in text
    assert "Bewerber*innen aus dem Ausland und Ihren neuzugewanderten Fachkräften gezielte " \
           "Unterstützung bei der Einreise und Jobsuche ihrer Partner*innen" in text
    assert "Ökonom*innen, Ingenieur*innen" in text
    assert "<em>" not in html
    # German and straight quotation marks, as the editors typed them.
    assert "„Arbeitgeber Niedersachsen – sicher“" in html
    assert 'des Bündnisses "Niedersachsen packt an" unter dem Motto „Patenschaften – Gemeinsam Stark“' \
        in text
    assert "“Arbeitgeber" not in html and "&ldquo;" not in html
    # Non-breaking spaces stay where they were typed.
    assert "45\u00a0%" in text and "§\u00a081a AufenthG" in text and "kargah e.\u00a0V." in text
    # A paragraph that starts with a date stays a paragraph and keeps its day.
    first = issue_page(preview_site, "2025-01")
    dated = [p.get_text() for p in first.find_all("p") if p.get_text().startswith("1. ")]
    assert dated[:3] == [
        dated[0], "1. Januar 2023: Aus den Informationsstellen werden die IQ Servicestellen "
        "Fachkräfteeinwanderung. Sie begleiten Unternehmen vom ersten Kontakt bis zur Einarbeitung.",
        "1. Juni 2024: Mit der Chancenkarte können Fachkräfte auch ohne Jobangebot zur "
        "Arbeitssuche einreisen.",
    ]
    assert dated[0].startswith("1. März 2020: Das Fachkräfteeinwanderungsgesetz tritt in Kraft.")
    assert "Akteur*innen" in dated[0]
    assert all(s.find("ol") is None for s in first.find_all("section", class_="nl-article"))


def test_termine_section_and_previous_next(preview_site):
    page = issue_page(preview_site, "2025-02")
    termine = page.find("section", class_="nl-termine")
    assert termine.h2.get_text() == "Termine" and termine.h2["id"] == "termine"
    assert termine.find("a", href="/termine/")
    pager = page.find("nav", class_="nl-pager")
    assert pager.find("a", rel="prev")["href"] == "/newsletter/2025-01/"
    assert pager.find("a", rel="next")["href"] == "/newsletter/2025-03/"
    assert pager.find("a", string="Alle Ausgaben")["href"] == "/newsletter/"
    newest = issue_page(preview_site, "2025-03").find("nav", class_="nl-pager")
    assert newest.find("a", rel="next") is None
    assert newest.find("a", rel="prev").get_text() == "Newsletter 2 | 25"
    assert issue_page(preview_site, "2025-01").find("nav", class_="nl-pager").find(
        "a", rel="prev") is None


# --- archive and home --------------------------------------------------------------------

def test_archive_lists_issues_newest_first_by_year(preview_site):
    page = soup(preview_site / "newsletter" / "index.html")
    assert page.h1.get_text() == "Newsletter"
    years = page.find_all("section", class_="nl-archive-year")
    assert [s.h2.get_text() for s in years] == ["Jahrgang 2025"]
    cards = years[0].find_all("li", class_="card")
    assert [c.h3.a["href"] for c in cards] == [f"/newsletter/{s}/" for s in ISSUES]
    assert [c.h3.get_text() for c in cards] == ["Newsletter 3 | 25", "Newsletter 2 | 25",
                                                "Newsletter 1 | 25"]
    assert cards[0].time["datetime"] == "2025-06-16"
    assert "ein Jahr Chancenkarte" in cards[0].find(class_="teaser").get_text()


def test_archive_groups_years_newest_first(fixture_site):
    files = {f"newsletter/{y}-{n}.md": ISSUE_TEMPLATE.format(issue=n, year=y, date=f"{y}-0{n}-10",
                                                             status="published")
             for y in (2024, 2025) for n in (1, 2)}
    page = soup(fixture_site(files) / "newsletter" / "index.html")
    groups = [(s.h2.get_text(), [a.get_text() for a in s.select("h3 a")])
              for s in page.find_all("section", class_="nl-archive-year")]
    assert groups == [("Jahrgang 2025", ["Newsletter 2 | 25", "Newsletter 1 | 25"]),
                      ("Jahrgang 2024", ["Newsletter 2 | 24", "Newsletter 1 | 24"])]


def test_home_shows_newest_issue(preview_site):
    panel = soup(preview_site / "index.html").find("section", attrs={"aria-labelledby": "home-newsletter"})
    link = panel.find("a")
    assert link["href"] == "/newsletter/2025-03/" and link.get_text() == "Newsletter 3 | 25"


# --- email version ---------------------------------------------------------------------

def email(site, slug="2025-03"):
    return soup(site / "newsletter" / slug / "email.html")


@pytest.mark.parametrize("slug", ISSUES)
def test_email_is_self_contained_and_absolute(public_site, slug):
    page = email(public_site, slug)
    assert page.find("script") is None
    assert page.find("link", rel="stylesheet") is None and not page.find_all("link")
    assert "@import" not in str(page)
    for tag in page.find_all(href=True):
        href = tag["href"]
        if "skip-link" in tag.get("class", []):
            assert href == "#inhalt"  # the site's skip link, inside the message
            continue
        assert urlparse(href).scheme in ("https", "mailto"), href
        if href.startswith("https"):
            assert href.startswith(PUBLIC + "/"), href
    for tag in page.find_all(src=True):
        assert tag["src"].startswith(PUBLIC + "/"), tag["src"]
    for img in page.find_all("img"):
        assert img.get("alt", "").strip(), img
        assert int(img["width"]) <= 600 and int(img["height"]) > 0


def hero_image(page):
    return page.find(class_="nl-email-hero").find("img")


def test_email_layout_inline_styles_and_width(public_site):
    page = email(public_site)
    raw = (public_site / "newsletter" / "2025-03" / "email.html").read_text(encoding="utf-8")
    # MJML's layout: tables for presentation only, at most 600 px, and Outlook's ghost
    # table in a conditional comment (Word ignores max-width).
    assert page.find_all("table") and all(t["role"] == "presentation" for t in page.find_all("table"))
    for table in page.find_all("table"):
        width = re.search(r"(?<![-\w])width:\s*(\d+)px", table.get("style", ""))
        assert width is None or int(width.group(1)) <= 600
    assert re.search(r'<!--\[if mso \| IE\]><table [^>]*width="600"', raw)
    assert "max-width:600px" in raw.replace(" ", "")
    # No HTML5 elements whose styles Outlook and Yahoo drop, no script, no form.
    names = {tag.name for tag in page.find_all(True)}
    assert not names & {"main", "header", "nav", "section", "footer", "article", "figure",
                        "figcaption", "time", "script", "form", "svg"}, names
    # The CSS is inlined: headings, paragraphs and links carry their own styles.
    for name in ("h1", "h2", "p", "a", "td"):
        assert all("style" in tag.attrs for tag in page.body.find_all(name)), name
    # Only @media rules remain in a <style> element (for small screens).
    styles = page.find_all("style")
    assert styles and all(s.get_text().strip().startswith("@media") for s in styles)
    # Images in the text column fit it; the header image spans the full width.
    hero = hero_image(page)
    assert (hero["width"], hero["height"]) == ("600", "300")
    body_images = [img for img in page.find_all("img") if img is not hero and
                   "eu-emblem" not in img["src"]]
    assert [(img["width"], img["height"]) for img in body_images] == [("552", "368")] * 2


def test_email_links_to_web_version_and_has_footer_placeholders(public_site):
    page = email(public_site)
    browser = page.find("a", string="Im Browser ansehen")
    assert browser["href"] == f"{PUBLIC}/newsletter/2025-03/"
    # The contents link to the web version's articles: local anchors are dead in
    # several mail apps (Gmail iOS, Outlook apps, Yahoo, Samsung).
    toc = page.find(class_="nl-email-toc")
    assert toc.find("a")["href"] == \
        f"{PUBLIC}/newsletter/2025-03/#vorbild-niedersachsen-vielfalt-als-fachkraeftepotenzial"
    assert not [a["href"] for a in page.find_all("a", href=True) if a["href"].startswith("#")]
    footer = " ".join(td.get_text(" ", strip=True) for td in page.find_all(class_="nl-email-footer"))
    assert "Newsletter abbestellen: {{ unsubscribe }}" in footer
    assert "{{ imprint }}" in footer
    assert "Kofinanziert von der Europäischen Union" in footer
    contact = page.find("a", string="Kontaktseite")
    assert contact["href"] == f"{PUBLIC}/kontakt/"
    text = page.get_text()
    assert "beider Partner*innen sowie der Familie" in text and "45\u00a0%" in text
    assert page.find("h2", string="Termine") is not None


def test_preview_email_links_public_site_and_shows_images_locally(preview_site):
    page = email(preview_site)
    assert page.find("a", string="Im Browser ansehen")["href"] == f"{PUBLIC}/newsletter/2025-03/"
    # From the preview's own server, as PNG like in the sent e-mail (no SVG in mail clients).
    assert hero_image(page)["src"] == \
        "/bilder/images/newsletter/2025-03-news-1200.png"
    assert "Vorschau" in page.find(class_="nl-preview-note").get_text()


def test_text_version(public_site):
    text = (public_site / "newsletter" / "2025-03" / "email.txt").read_text(encoding="utf-8")
    assert text.startswith(f"Im Browser ansehen\n({PUBLIC}/newsletter/2025-03/)\n")
    assert "Newsletter 3 | 25\n=================\n\n16. Juni 2025" in text
    assert "Praxistipp für Unternehmen\n\nDual Career\n-----------\n" in text
    assert f"Kontaktseite ({PUBLIC}/kontakt/)" in text.replace("\n", " ")
    assert "Termine\n-------\n" in text
    assert "[Bild: Die Anerkennungsberaterin Janina Seeberger" in text
    assert "© kargah e.V." in text
    assert "beider Partner*innen sowie der Familie" in text.replace("\n", " ")
    assert "{{ unsubscribe }}" in text and "{{ imprint }}" in text
    assert "<" not in text.replace("<http", "")
    assert "Zum Inhalt springen" not in text and "style" not in text
    assert all(len(line) <= 72 or "://" in line for line in text.splitlines())


def test_public_build_has_no_preview_note(public_site):
    assert email(public_site).find(class_="nl-preview-note") is None


OVERVIEW_SENTENCE = "Alle Termine und Seminarangebote finden Sie in unserer Veranstaltungsübersicht"


def test_the_overview_sentence_stands_once_in_every_form_of_the_issue(public_site):
    """The Termine block carries it; the templates once added it a second time."""
    from lxml import etree

    issue = public_site / "newsletter" / "2025-03"
    feed = etree.parse(str(public_site / "newsletter" / "atom.xml")).getroot()
    (entry,) = [e for e in feed.iter("{http://www.w3.org/2005/Atom}entry")
                if e.findtext("{http://www.w3.org/2005/Atom}title") == "Newsletter 3 | 25"]
    forms = {
        "Seite": soup(issue / "index.html").find("main").get_text(),
        "E-Mail": email(public_site).get_text(),
        "Text": (issue / "email.txt").read_text(encoding="utf-8"),
        "Feed": BeautifulSoup(entry.findtext("{http://www.w3.org/2005/Atom}content"),
                              "html.parser").get_text(),
    }
    counts = {name: " ".join(text.split()).count(OVERVIEW_SENTENCE) for name, text in forms.items()}
    assert counts == {"Seite": 1, "E-Mail": 1, "Text": 1, "Feed": 1}


# --- drafts, Termine contract, determinism (fixture builds) ---------------------------

ISSUE_TEMPLATE = """---
issue: {issue}
year: {year}
date: {date}
summary: Teaser {issue}
status: {status}
---
Editorial {issue}

## Artikel {issue}

Zitronenfalter-{status}-{issue}
"""


def draft_files():
    return {
        "newsletter/2025-01.md": ISSUE_TEMPLATE.format(issue=1, year=2025, date="2025-02-17",
                                                       status="published"),
        "newsletter/2025-02.md": ISSUE_TEMPLATE.format(issue=2, year=2025, date="2025-04-14",
                                                       status="draft"),
        "newsletter/2025-03.md": ISSUE_TEMPLATE.format(issue=3, year=2025, date="2025-06-16",
                                                       status="hidden"),
    }


def test_public_build_writes_nothing_of_draft_or_hidden_issues(fixture_site):
    output = fixture_site(draft_files(), public=True)
    assert (output / "newsletter" / "2025-01" / "index.html").is_file()
    assert not (output / "newsletter" / "2025-02").exists()
    assert not (output / "newsletter" / "2025-03").exists()
    everything = "".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in output.rglob("*") if p.is_file())
    for word in ["Zitronenfalter-draft", "Zitronenfalter-hidden", "Newsletter 2 | 25",
                 "Newsletter 3 | 25", "2025-02/", "2025-03/"]:
        assert word not in everything
    assert not (output / "drafts").exists()


def test_preview_renders_draft_with_banner_but_never_lists_it(fixture_site):
    output = fixture_site(draft_files())
    draft = (output / "newsletter" / "2025-02" / "index.html").read_text(encoding="utf-8")
    assert "Zitronenfalter-draft-2" in draft
    assert "nur in der Vorschau sichtbar" in draft
    assert '<meta name="robots" content="noindex">' in draft
    assert (output / "newsletter" / "2025-02" / "email.html").is_file()
    published = output / "newsletter" / "2025-01" / "index.html"
    assert '<meta name="robots"' not in published.read_text(encoding="utf-8")
    for listing in [output / "newsletter" / "index.html", output / "index.html", published]:
        text = listing.read_text(encoding="utf-8")
        assert "2025-02/" not in text and "2025-03/" not in text, listing
        assert "Newsletter 2 | 25" not in text
    pager = soup(output / "newsletter" / "2025-02" / "index.html").find("nav", class_="nl-pager")
    assert pager.find("a", rel="prev")["href"] == "/newsletter/2025-01/"


def test_termine_partial_gets_the_issue_and_its_period(tmp_path, fixture_site):
    theme = tmp_path / "theme"
    shutil.copytree(f"{ROOT}/theme", theme)
    (theme / "templates" / "partials" / "newsletter_termine.html").write_text(
        '<p class="termine-probe">{{ issue.title }}: {{ issue.termine_start.isoformat() }} bis '
        '{{ issue.termine_end.isoformat() }}</p>', encoding="utf-8")
    files = draft_files()
    files["newsletter/2025-02.md"] = files["newsletter/2025-02.md"].replace(
        "status: draft", "status: published\nevents_until: 2025-05-31")
    files["newsletter/2025-03.md"] = files["newsletter/2025-03.md"].replace("hidden", "published")
    output = fixture_site(files, overrides={"THEME": str(theme)})
    expected = {"2025-01": "Newsletter 1 | 25: 2025-02-17 bis 2025-04-13",
                "2025-02": "Newsletter 2 | 25: 2025-04-14 bis 2025-05-31",
                "2025-03": "Newsletter 3 | 25: 2025-06-16 bis 2025-09-08"}
    for slug, probe in expected.items():
        page = soup(output / "newsletter" / slug / "index.html")
        section = page.find("section", class_="nl-termine")
        assert section.find(class_="termine-probe").get_text() == probe
        mail = soup(output / "newsletter" / slug / "email.html")
        assert mail.find(class_="termine-probe").get_text() == probe
        text = (output / "newsletter" / slug / "email.txt").read_text(encoding="utf-8")
        assert f"Termine\n-------\n\n{probe}" in text


def test_two_builds_are_byte_identical(tmp_path):
    from conftest import build_fixture_site

    files = {**draft_files(), "images/newsletter/bild.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"></svg>')}
    files["newsletter/2025-01.md"] = files["newsletter/2025-01.md"].replace(
        "Editorial 1", "Editorial\n\n![Ein Bild](/images/newsletter/bild.svg)\n© Name")
    outputs = []
    for run in ("a", "b"):
        outputs.append(build_fixture_site(tmp_path / run, files, public=True))
    for path in sorted((outputs[0] / "newsletter").rglob("*")):
        if path.is_file():
            twin = outputs[1] / path.relative_to(outputs[0])
            assert path.read_bytes() == twin.read_bytes(), path


def test_filename_links_resolve_on_page_email_and_feed(fixture_site):
    files = draft_files()
    files["pages/kontakt.md"] = "---\ntitle: Kontakt\n---\nSchreiben Sie uns.\n"
    files["newsletter/2025-01.md"] = files["newsletter/2025-01.md"].replace(
        "Editorial 1", "Editorial mit [Kontaktseite]({filename}/pages/kontakt.md)")
    output = fixture_site(files, public=True)
    page = soup(output / "newsletter" / "2025-01" / "index.html")
    assert page.find("a", string="Kontaktseite")["href"] == f"{PUBLIC}/kontakt/"
    mail = soup(output / "newsletter" / "2025-01" / "email.html")
    assert mail.find("a", string="Kontaktseite")["href"] == f"{PUBLIC}/kontakt/"
    feed = (output / "newsletter" / "atom.xml").read_text(encoding="utf-8")
    assert f'href="{PUBLIC}/kontakt/"' in feed.replace("&quot;", '"') and "{filename}" not in feed
