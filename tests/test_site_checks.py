"""The site checks (`invoke verify`, scripts/siteverify) over the fixture site: it passes,
and each kind of breakage a reader would suffer is reported, in German, with its page."""

import shutil

import pytest

import siteverify
from siteverify.pages import one_page_per_type

SITEURL = "https://www.iq-niedersachsen.example"
PAGE_TYPES = {"Startseite", "Newsletter-Ausgabe", "Newsletter-Archiv", "Steckbrief",
              "Good-Practice-Archiv", "Facettenseite", "Kriterienseite", "Termin",
              "Terminübersicht", "Terminarchiv", "Terminarchiv-Übersicht", "Inhaltsseite",
              "Suche", "Fehlerseite"}


def test_every_page_type_is_found_from_the_built_pages(public_site):
    assert set(one_page_per_type(public_site)) == PAGE_TYPES


def test_public_site_passes_every_check(public_site, browser):
    assert siteverify.verify(public_site, SITEURL, browser=browser) == []


def test_preview_site_passes_every_check(preview_site, browser):
    assert siteverify.verify(preview_site, browser=browser) == []


# The page the browser checks open for the type "Inhaltsseite" (the first, by address).
CONTENT_PAGE = "/abonnieren/"


def test_the_broken_page_is_the_one_the_browser_checks(public_site):
    assert one_page_per_type(public_site)["Inhaltsseite"] == CONTENT_PAGE


@pytest.fixture(scope="module")
def broken_site(public_site, tmp_path_factory):
    """A copy of the public site with one breakage of each kind."""
    site = tmp_path_factory.mktemp("kaputt") / "output"
    shutil.copytree(public_site, site, ignore=shutil.ignore_patterns("pagefind"))
    page = site / CONTENT_PAGE.strip("/") / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</main>", '<img src="/theme/img/favicon.svg"><div></span></main>', 1)
    html = html.replace("</head>", '<script src="https://cdn.example.org/x.js"></script>'
                        '<link rel="stylesheet" href="/theme/css/schwer.css"></head>', 1)
    html = html.replace("</main>", '<p style="width: 2000px">breit</p></main>', 1)
    page.write_text(html, encoding="utf-8")
    (site / "theme" / "css" / "schwer.css").write_text("/*" + "x" * 70_000 + "*/")
    (site / "theme" / "css" / "fremd.css").write_text(
        '@import "https://fonts.example.org/a.css"; body { color: red }')
    (site / "atom.xml").write_text("<feed><title>kaputt</feed>", encoding="utf-8")
    calendar = site / "termine" / "termine.ics"  # an event without start, the time zone intact
    calendar.write_bytes(calendar.read_bytes().replace(b"DTSTART;", b"X-START;"))
    # A calendar that lenient readers take, but not RFC 5546 (PUBLISH needs an ORGANIZER).
    single = site / "termine" / ONE_EVENT / "termin.ics"
    unfolded = single.read_bytes().replace(b"\r\n ", b"")
    single.write_bytes(b"".join(line for line in unfolded.splitlines(keepends=True)
                                if not line.startswith(b"ORGANIZER")))
    # An SVG in an e-mail: browsers show it, Gmail and Outlook do not.
    mail = site / "newsletter" / "2025-03" / "email.html"
    mail.write_text(mail.read_text(encoding="utf-8").replace(
        "</body>", f'<img src="{SITEURL}/theme/img/eu-emblem.svg" alt="EU" width="72" '
                   'height="48"></body>', 1), encoding="utf-8")
    return site


ONE_EVENT = "2027-02-09-anerkennung-auslaendischer-qualifikationen"


@pytest.fixture(scope="module")
def broken_report(broken_site, browser):
    return siteverify.verify(broken_site, SITEURL, browser=browser)


@pytest.mark.parametrize("expected", [
    "Seite /abonnieren/: ungültiges HTML",
    "Seite /abonnieren/: lädt https://cdn.example.org/x.js von einem fremden Server",
    "Seite /abonnieren/: Das Skript https://cdn.example.org/x.js im <head> blockiert",
    "Seite /abonnieren/: Dem Bild /theme/img/favicon.svg fehlen width und height",
    "Seite /abonnieren/: fragt https://cdn.example.org/x.js bei einem fremden Server an.",
    "Seite /abonnieren/: Barrierefreiheit (Inhaltsseite, Regel image-alt): Abbildungen müssen",
    "Seite /abonnieren/: Hinweis: zu schwer für ein Telefon:",
    "Seite /abonnieren/: ist auf einem 320 Pixel schmalen Bildschirm",
    "Seite /theme/css/fremd.css: lädt https://fonts.example.org/a.css von einem fremden",
    "Seite /atom.xml: kein gültiges XML",
    "Seite /termine/termine.ics: dem Termin „Deutsch am Arbeitsplatz nutzen & lernen“ fehlt DTSTART.",
    "Seite /abonnieren/: Hinweis: zu schwer für ein Telefon: 9",
    f"Seite /termine/{ONE_EVENT}/termin.ics: libical (streng nach RFC 5545/5546) meldet: "
    "VEVENT: Failed iTIP restrictions for ORGANIZER property.",
    "Seite /newsletter/2025-03/email.html: „SVG image format“ (image-svg) wird von "
    "Gmail (Browser), Gmail (mobiler Browser), Outlook (Windows), Outlook (macOS) nicht "
    "unterstützt",
])
def test_each_breakage_is_reported_in_german_with_its_page(broken_report, expected):
    assert any(expected in line for line in broken_report), broken_report


def test_report_prints_the_problems_and_fails(broken_site, capsys, monkeypatch):
    monkeypatch.setattr(siteverify, "browser_problems", lambda *args: [])  # seen above
    assert siteverify.report(broken_site, SITEURL) == 1
    err = capsys.readouterr().err
    assert "Die Prüfung der Website hat" in err and "- Seite /abonnieren/:" in err


def test_report_of_an_empty_folder_fails(tmp_path, capsys):
    assert siteverify.report(tmp_path) == 1
    assert "keine gebaute Website" in capsys.readouterr().err


def test_a_heavy_page_is_a_note_that_does_not_stop_publishing(tmp_path, capsys, monkeypatch):
    """Weight grows with the content (an archive lists every sheet): reported, not blocking."""
    heavy = ["Seite /good-practice/: Hinweis: zu schwer für ein Telefon: 60.155 Bytes …"]
    (tmp_path / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    monkeypatch.setattr(siteverify, "verify", lambda *args, **kwargs: heavy)
    assert siteverify.report(tmp_path) == 0
    out = capsys.readouterr().out
    assert "1 Hinweis (verhindern die Veröffentlichung nicht):" in out and heavy[0] in out
    monkeypatch.setattr(siteverify, "verify", lambda *args, **kwargs: heavy + ["Seite /: kaputt"])
    assert siteverify.report(tmp_path) == 1
    assert "hat 1 Problem gefunden" in capsys.readouterr().err
