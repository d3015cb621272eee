"""Newsletter content type: front-matter checks, body conventions, Termine period, plain text.

Unit tests call the plugin's functions directly; a few fixture builds check that the
editors see every message through the real build.
"""

import datetime
import types

import pytest
from bs4 import BeautifulSoup
from iq_core.common import check_common
from iq_core.errors import ContentError
from newsletter.body import process_body
from newsletter.generator import link_issues
from newsletter.period import termine_period
from newsletter.plaintext import html_to_text
from newsletter.settings import DEFAULTS
from newsletter.validation import check_front_matter, default_slug, default_title
from pelican.settings import DEFAULT_CONFIG

import sitebuild

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" '
       'viewBox="0 0 1200 600"><rect width="1200" height="600" fill="#eef4f8"/></svg>')
SETTINGS = {**DEFAULTS, "TIMEZONE": "Europe/Berlin", "SITEURL": "", "STATIC_PATHS": ["images"],
            "SLUG_REGEX_SUBSTITUTIONS": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]}
VALID = {"issue": 3, "year": 2025, "date": "2025-06-16", "summary": "Teaser"}


@pytest.fixture
def content_root(tmp_path):
    (tmp_path / "images" / "newsletter").mkdir(parents=True)
    (tmp_path / "images" / "newsletter" / "bild.svg").write_text(SVG)
    return tmp_path


def check(raw, content_root, lines=None, source_path="content/newsletter/2025-03.md"):
    """As a build checks an issue: the reader's common checks (which parse the dates),
    then the newsletter's own; the first mistake is raised."""
    lines = lines or {}
    dates = check_common(source_path, raw, lines, "Europe/Berlin")
    return check_front_matter(source_path, raw, lines, SETTINGS, str(content_root), dates)


# --- front matter ----------------------------------------------------------------------

def test_valid_front_matter_derives_title_and_slug(content_root):
    fields = check({**VALID, "image": {"src": "images/newsletter/bild.svg", "alt": "Ein Bild",
                                       "credit": "© Freepik | pch.vector"}}, content_root)
    assert fields.title == "Newsletter 3 | 25"
    assert fields.slug == "2025-03"
    assert fields.issue_date == datetime.date(2025, 6, 16)
    assert fields.published.isoformat() == "2025-06-16T00:00:00+02:00"
    assert fields.image.path == "images/newsletter/bild.svg"
    assert (fields.image.width, fields.image.height) == (1200, 600)
    assert fields.image.credit == "© Freepik | pch.vector"
    assert fields.status == "published" and fields.events_until is None


def test_explicit_title_overrides_and_two_digit_year():
    assert default_title(12, 2031) == "Newsletter 12 | 31"
    assert default_title(1, 2005) == "Newsletter 1 | 05"
    assert default_slug(3, 2025) == "2025-03"
    assert default_slug(12, 2025) == "2025-12"


def test_title_key_overrides_default(content_root):
    assert check({**VALID, "title": "Sonderausgabe Sommer"}, content_root).title == \
        "Sonderausgabe Sommer"


BAD_FRONT_MATTER = [
    # (changes, key named in the message, words of the problem)
    ({"issue": None}, "issue", "fehlt"),
    ({"year": None}, "year", "fehlt"),
    ({"date": None}, "date", "fehlt"),
    ({"summary": None}, "summary", "fehlt"),
    ({"issue": "3"}, "issue", "keine ganze Zahl"),
    ({"issue": 0}, "issue", "von 1 bis 99"),
    ({"issue": 10**30}, "issue", "von 1 bis 99"),
    ({"issue": True}, "issue", "keine ganze Zahl"),
    ({"year": 25}, "year", "von 2000 bis 2100"),
    ({"year": "2025"}, "year", "keine ganze Zahl"),
    ({"date": "2025-02-30"}, "date", "kein gültiges Datum"),
    ({"events_until": "2025-06-01"}, "events_until", "liegt vor dem Datum"),
    ({"modified": "2025-06-01"}, "modified", "vor dem Erscheinen"),
    ({"events_until": "2025-08-31 10:00"}, "events_until", "ohne Uhrzeit"),
    ({"isue": 3}, "isue", "Meinten Sie „issue“?"),
    ({"image": "images/newsletter/bild.svg"}, "image", "Gruppe von Angaben"),
    ({"image": {"src": "images/newsletter/bild.svg"}}, "image.alt", "Alternativtext fehlt"),
    ({"image": {"src": "images/newsletter/bild.svg", "alt": "  "}}, "image.alt",
     "Alternativtext fehlt"),
    ({"image": {"alt": "Bild"}}, "image.src", "Pfad zur Bilddatei fehlt"),
    ({"image": {"src": "images/newsletter/fehlt.jpg", "alt": "Bild"}}, "image.src",
     "gibt es nicht"),
    ({"image": {"src": "https://example.org/bild.jpg", "alt": "Bild"}}, "image.src",
     "anderen Websites"),
    ({"image": {"src": "images/newsletter/bild.svg", "alt": "Bild", "credits": "©"}},
     "image.credits", "Meinten Sie „credit“?"),
    ({"image": {"src": "images/newsletter/bild.svg", "alt": "Bild", "credit": ["a"]}},
     "image.credit", "ein Text"),
]


@pytest.mark.parametrize("changes, key, problem", BAD_FRONT_MATTER,
                         ids=[f"{c[1]}-{i}" for i, c in enumerate(BAD_FRONT_MATTER)])
def test_each_error_names_file_and_key(content_root, changes, key, problem):
    raw = {**VALID, **changes}
    with pytest.raises(ContentError) as raised:
        check(raw, content_root, lines={k: 2 for k in raw})
    message = raised.value.message()
    assert message.startswith("content/newsletter/2025-03.md")
    assert f"Schlüssel „{key}“" in message
    assert problem in message


def test_unreadable_image_is_reported(content_root):
    (content_root / "images" / "newsletter" / "kaputt.png").write_text("kein Bild")
    with pytest.raises(ContentError, match="„images/newsletter/kaputt.png“ ist keine lesbare Bilddatei"):
        check({**VALID, "image": {"src": "images/newsletter/kaputt.png", "alt": "Bild"}},
              content_root)


def test_image_paths_as_editors_write_them(content_root):
    for src in ["images/newsletter/bild.svg", "/images/newsletter/bild.svg",
                "{static}/images/newsletter/bild.svg"]:
        fields = check({**VALID, "image": {"src": src, "alt": "Bild"}}, content_root)
        assert fields.image.path == "images/newsletter/bild.svg"
        assert fields.image.credit is None
    # Relative to the file (content/newsletter/2025-03.md) as well, but never out of content/.
    (content_root / "newsletter").mkdir()
    fields = check({**VALID, "image": {"src": "../images/newsletter/bild.svg", "alt": "Bild"}},
                   content_root, source_path=str(content_root / "newsletter" / "2025-03.md"))
    assert fields.image.path == "images/newsletter/bild.svg"
    (content_root.parent / "geheim.svg").write_text(SVG)
    with pytest.raises(ContentError, match="führt aus dem Ordner content/ heraus"):
        check({**VALID, "image": {"src": "../../geheim.svg", "alt": "Bild"}}, content_root,
              source_path=str(content_root / "newsletter" / "2025-03.md"))


# --- body --------------------------------------------------------------------------------

def body(markdown_html, content_root, source_text="", source_path="content/newsletter/2025-03.md"):
    return process_body(markdown_html, source_path=source_path,
                        source_text=source_text, settings=SETTINGS,
                        content_root=str(content_root))


def test_editorial_articles_and_german_anchors(content_root):
    result = body(
        "<p>Liebe Leserinnen und Leser,</p>\n<p>Grüße</p>\n"
        "<h2>Vorbild Niedersachsen: Vielfalt als Fachkräftepotenzial</h2>\n<p>A</p>\n"
        "<h3 id=\"unterpunkt\">Unterpunkt</h3>\n"
        "<h2>Größer, schöner, übersichtlicher</h2>\n<p>B</p>\n"
        "<h2>Größer, schöner, übersichtlicher</h2>\n<p>C</p>\n"
        "<h2>Termine</h2>\n<p>D</p>\n<h2>Unterpunkt</h2>\n<p>E</p>", content_root)
    assert "Liebe Leserinnen und Leser" in result.editorial and "<h2" not in result.editorial
    assert [a.anchor for a in result.articles] == [
        "vorbild-niedersachsen-vielfalt-als-fachkraeftepotenzial",
        "groesser-schoener-uebersichtlicher",
        "groesser-schoener-uebersichtlicher-2",
        "termine-2",  # "termine" is the page's own Termine section
        "unterpunkt-2",  # "unterpunkt" is taken by the h3
    ]
    assert "<h3" in result.articles[0].body and "<p>A</p>" in result.articles[0].body
    assert result.articles[2].body == "<p>C</p>"
    soup = BeautifulSoup(result.html, "html.parser")
    assert [h["id"] for h in soup.find_all("h2")] == [a.anchor for a in result.articles]


def test_anchors_are_stable_across_unrelated_edits(content_root):
    first = body("<h2>Praxistipp für Unternehmen – Dual Career</h2><p>A</p>", content_root)
    second = body("<p>Neues Editorial</p><h2>Praxistipp für Unternehmen – Dual Career</h2>"
                  "<p>Anderer Text</p>", content_root)
    assert first.articles[0].anchor == second.articles[0].anchor == \
        "praxistipp-fuer-unternehmen-dual-career"


@pytest.mark.parametrize("heading, rubric, title", [
    ("Praxistipp für Unternehmen – Dual Career", "Praxistipp für Unternehmen", "Dual Career"),
    ("Praxistipp: Deutsch am Arbeitsplatz", "Praxistipp", "Deutsch am Arbeitsplatz"),
    ("Praxistipp", "Praxistipp", "Praxistipp"),
    ("Aus dem Netzwerk – Zehn Jahre RKW Nord", "Aus dem Netzwerk", "Zehn Jahre RKW Nord"),
    ("Praxistipps aus der Beratung", None, "Praxistipps aus der Beratung"),
    ("Ein Jahr Chancenkarte – Wirkung oder Wunsch?", None,
     "Ein Jahr Chancenkarte – Wirkung oder Wunsch?"),
    ("Vorbild Niedersachsen: Vielfalt", None, "Vorbild Niedersachsen: Vielfalt"),
])
def test_rubric_articles(content_root, heading, rubric, title):
    article = body(f"<h2>{heading}</h2><p>x</p>", content_root).articles[0]
    assert article.rubric == rubric
    assert article.title_html == title
    assert article.heading_text == heading


FIGURE_SOURCES = {
    "same paragraph": ('<p><img alt="Drei Personen" src="/images/newsletter/bild.svg">\n'
                       "Das Foto zeigt drei Personen.\n© Henning Scheffen, Nds. Staatskanzlei</p>"),
    # A paragraph right after the image is its credit only if it starts with ©.
    "credit after a blank line": ('<p><img alt="Drei Personen" src="/images/newsletter/bild.svg"></p>\n'
                                  "<p>© Henning Scheffen, Nds. Staatskanzlei</p>"),
}


@pytest.mark.parametrize("html", FIGURE_SOURCES.values(), ids=FIGURE_SOURCES.keys())
def test_image_with_credit_line_becomes_figure(content_root, html):
    soup = BeautifulSoup(body(html, content_root).html, "html.parser")
    figure = soup.find("figure")
    assert figure is not None and soup.find("p") is None
    img = figure.find("img")
    assert img["alt"] == "Drei Personen"
    assert (img["width"], img["height"]) == ("1200", "600")
    assert img["src"] == "/images/newsletter/bild.svg"
    assert figure.find(class_="nl-credit").get_text() == "© Henning Scheffen, Nds. Staatskanzlei"


def test_caption_and_credit_are_separate(content_root):
    soup = BeautifulSoup(body(FIGURE_SOURCES["same paragraph"], content_root).html, "html.parser")
    assert soup.find(class_="nl-caption").get_text() == "Das Foto zeigt drei Personen."


def test_paragraph_without_credit_mark_after_image_stays_text(content_root):
    html = ('<p><img alt="Bild" src="/images/newsletter/bild.svg"></p>\n'
            "<p>Ein ganz normaler Absatz, © erst später.</p>")
    soup = BeautifulSoup(body(html, content_root).html, "html.parser")
    assert soup.find("figcaption") is None
    assert soup.find("p").get_text() == "Ein ganz normaler Absatz, © erst später."


def test_image_inside_text_stays_inline(content_root):
    html = '<p><img alt="Symbol" src="/images/newsletter/bild.svg"> steht mitten im Satz.</p>'
    soup = BeautifulSoup(body(html, content_root).html, "html.parser")
    assert soup.find("figure") is None and soup.p.img["alt"] == "Symbol"


def test_image_without_credit_is_a_figure_and_warned(content_root, caplog):
    # A file name of its own: Pelican's logger drops a message it has logged before.
    # The reader hands over {static}/…; the warning names the path as written, and its line.
    source = "---\nissue: 3\n---\nText\n\n![Bild](../images/newsletter/bild.svg)\n"
    soup = BeautifulSoup(body('<p><img alt="Bild" src="{static}/images/newsletter/bild.svg"></p>',
                              content_root, source,
                              source_path=str(content_root / "newsletter" / "ohne-credit.md")).html,
                         "html.parser")
    assert soup.find("figure") and soup.find("figcaption") is None
    assert "ohne-credit.md, Zeile 6: Beim Bild „../images/newsletter/bild.svg“ fehlt die Zeile " \
           "mit den Bildrechten" in caplog.text
    assert "http" not in caplog.text and "„/images" not in caplog.text


def test_body_image_errors_name_file_and_line(content_root):
    source = "---\nissue: 3\n---\nText\n\n![](/images/newsletter/bild.svg)\n"
    with pytest.raises(ContentError) as raised:
        body('<p><img alt="" src="/images/newsletter/bild.svg"></p>', content_root, source)
    assert raised.value.message().startswith("content/newsletter/2025-03.md, Zeile 6:")
    assert "keinen Alternativtext" in raised.value.message()
    with pytest.raises(ContentError, match="gibt es nicht"):
        body('<p><img alt="Bild" src="/images/newsletter/fehlt.png"></p>', content_root)
    with pytest.raises(ContentError, match="anderen Websites"):
        body('<p><img alt="Bild" src="https://example.org/x.png"></p>', content_root)


def test_single_hash_heading_is_an_error(content_root):
    with pytest.raises(ContentError, match="einzelnen #"):
        body("<h1>Newsletter</h1><p>x</p>", content_root, "# Newsletter\n")


def test_text_stays_as_typed(content_root):
    html = "<p>„Partner*innen“ und 45\u00a0% – §\u00a081a &amp; Co.</p>"
    assert body(html, content_root).editorial == \
        "<p>„Partner*innen“ und 45\u00a0% – §\u00a081a &amp; Co.</p>"


# --- Termine period ----------------------------------------------------------------------

D = datetime.date


def test_period_until_events_until():
    assert termine_period(D(2025, 6, 16), D(2025, 8, 31), D(2025, 7, 1)) == \
        (D(2025, 6, 16), D(2025, 8, 31))


def test_period_until_day_before_next_issue():
    assert termine_period(D(2025, 4, 14), None, D(2025, 6, 16)) == \
        (D(2025, 4, 14), D(2025, 6, 15))


def test_period_twelve_weeks_without_next_issue():
    assert termine_period(D(2025, 6, 16)) == (D(2025, 6, 16), D(2025, 9, 8))
    assert termine_period(D(2025, 6, 16), weeks=4) == (D(2025, 6, 16), D(2025, 7, 14))


def test_period_never_ends_before_it_starts():
    assert termine_period(D(2025, 6, 16), None, D(2025, 6, 16)) == \
        (D(2025, 6, 16), D(2025, 6, 16))


def fake_issue(date, status="published", events_until=None, number=1):
    return types.SimpleNamespace(issue_date=date, events_until=events_until, status=status,
                                 year=date.year, issue=number,
                                 sort_key=(date, date.year, number))


def test_link_issues_sets_neighbours_and_periods():
    first, second, third = (fake_issue(D(2025, 2, 17), number=1),
                            fake_issue(D(2025, 4, 14), number=2),
                            fake_issue(D(2025, 6, 16), events_until=D(2025, 8, 31), number=3))
    draft = fake_issue(D(2025, 5, 1), status="draft", number=9)
    link_issues([first, second, third], [draft], weeks=12)
    assert (first.previous_issue, first.next_issue) == (None, second)
    assert (second.previous_issue, second.next_issue) == (first, third)
    assert (third.previous_issue, third.next_issue) == (second, None)
    assert (first.termine_start, first.termine_end) == (D(2025, 2, 17), D(2025, 4, 13))
    assert (second.termine_start, second.termine_end) == (D(2025, 4, 14), D(2025, 6, 15))
    assert (third.termine_start, third.termine_end) == (D(2025, 6, 16), D(2025, 8, 31))
    # A draft sees its published neighbours; it never becomes one, nor shortens a period.
    assert (draft.previous_issue, draft.next_issue) == (second, third)
    assert draft.termine_end == D(2025, 6, 15)


# --- plain text --------------------------------------------------------------------------

def test_plain_text_writes_out_links_and_keeps_structure():
    html = ('<body><div data-plain="skip">Vorschautext</div><h1>Newsletter 3 | 25</h1>'
            '<p>Lesen Sie <a href="https://example.org/a">den Bericht</a> und '
            '<a href="https://example.org/">https://example.org/</a>.</p>'
            "<h2>Termine</h2><ul><li>Erster\u00a0Punkt</li><li><p>Zweiter</p></li></ul>"
            '<figure><img alt="Drei Personen" src="x"><figcaption>© Foto</figcaption></figure>'
            "<!-- Kommentar --></body>")
    text = html_to_text(BeautifulSoup(html, "html.parser").body, width=72)
    assert text == (
        "Newsletter 3 | 25\n=================\n\n"
        "Lesen Sie den Bericht (https://example.org/a) und https://example.org/.\n\n"
        "Termine\n-------\n\n- Erster\u00a0Punkt\n- Zweiter\n\n[Bild: Drei Personen]\n\n© Foto\n"
    )


def test_plain_text_wraps_without_breaking_urls():
    url = "https://www.iq-niedersachsen.example/newsletter/2025-03/#ein-sehr-langer-anker"
    html = f'<p>{"Wort " * 20}<a href="{url}">Link</a></p>'
    text = html_to_text(BeautifulSoup(html, "html.parser"), width=40)
    assert all(len(line) <= 40 or url in line for line in text.splitlines())
    assert f"({url})" in text


# --- through the real build ------------------------------------------------------------

ISSUE = """---
issue: {issue}
year: 2025
date: {date}
summary: Teaser
---
Editorial

## Artikel

Text
"""


def test_build_reports_every_broken_file_and_duplicates(fixture_site):
    files = {
        "newsletter/a.md": ISSUE.format(issue=1, date="2025-02-17"),
        "newsletter/b.md": ISSUE.format(issue=1, date="2025-03-01"),
        "newsletter/c.md": ISSUE.format(issue=2, date="2025-13-01"),
        "newsletter/d.md": ISSUE.format(issue=3, date="2025-06-16").replace(
            "Text", "![](/images/fehlt.png)"),
        "newsletter/e.md": ISSUE.format(issue=4, date="2025-09-01").replace(
            "year: 2025", "year: 2025\nslug: 2025-01"),
    }
    with pytest.raises(sitebuild.BuildError) as raised:
        fixture_site(files)
    message = str(raised.value)
    assert "newsletter/b.md, Zeile 2, Schlüssel „issue“: Die Ausgabe 1 des Jahres 2025 gibt es " \
           "schon in „newsletter/a.md“." in message
    assert "newsletter/c.md, Zeile 4, Schlüssel „date“" in message
    assert "newsletter/d.md, Zeile 11: Das Bild „/images/fehlt.png“ hat keinen Alternativtext." \
        in message
    assert "newsletter/e.md, Zeile 4, Schlüssel „slug“: Die Adresse „2025-01“ hat schon" in message


def test_missing_front_matter_is_reported(fixture_site):
    with pytest.raises(sitebuild.BuildError, match="newsletter/x.md, Zeile 1: Der Kopfbereich fehlt"):
        fixture_site({"newsletter/x.md": "## Nur Text\n"})
