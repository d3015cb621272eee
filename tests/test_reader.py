"""Every content mistake stops the build with a German message naming file and place."""

import pytest

from sitebuild import BuildError

PAGE = "---\ntitle: Test\n{extra}---\nHallo\n"


def build_error(fixture_site, files):
    with pytest.raises(BuildError) as caught:
        fixture_site(files)
    return str(caught.value)


@pytest.mark.parametrize(("source", "expected"), [
    (PAGE.format(extra="sumary: x\n"),
     ["content/pages/fehler.md", "Zeile 3", "„sumary“", "Meinten Sie „summary“?"]),
    (PAGE.format(extra="date: 2025-02-30\n"),
     ["content/pages/fehler.md", "„date“", "2025-02-30", "kein gültiges Datum"]),
    (PAGE.format(extra="status: entwurf\n"),
     ["„status“", "published", "draft", "hidden"]),
    ("---\ntitle: Test: kaputt: ja\n---\nHallo\n",
     ["content/pages/fehler.md", "Zeile 2", "kein gültiges YAML"]),
    ("title: Test\n\nHallo\n", ["content/pages/fehler.md", "Kopfbereich fehlt"]),
    ("---\nsummary: ohne Titel\n---\nHallo\n", ["„title“", "fehlt"]),
    ("---\ntitle: [eine, Liste]\n---\nHallo\n", ["„title“", "Text"]),
])
def test_mistake_is_named(fixture_site, source, expected):
    message = build_error(fixture_site, {"pages/fehler.md": source})
    for part in expected:
        assert part in message, message


def test_file_not_in_utf8_names_the_line(fixture_site):
    source = "---\ntitle: Test\n---\nGr\xfc\xdfe\n".encode("latin-1")
    message = build_error(fixture_site, {"pages/fehler.md": source})
    assert "content/pages/fehler.md, Zeile 4" in message
    assert "UTF-8" in message


def test_all_mistakes_are_reported_at_once(fixture_site):
    message = build_error(fixture_site, {
        "pages/eins.md": PAGE.format(extra="sumary: x\n"),
        "pages/zwei.md": PAGE.format(extra="status: weg\n"),
    })
    assert "eins.md" in message and "zwei.md" in message


def test_german_slug(fixture_site):
    output = fixture_site({"pages/ueber.md": "---\ntitle: Über Größe & Maß\n---\nText\n"})
    assert (output / "ueber-groesse-mass" / "index.html").exists()


def test_every_mistake_of_one_file_in_one_run(fixture_site):
    source = ("---\ntitle: Test\nsumary: x\nstatus: entwurf\nslug: Über Uns\n---\n"
              "Text <script>alert(1)</script>\n\n![](../images/fehlt.png)\n")
    message = build_error(fixture_site, {"pages/fehler.md": source})
    lines = [line for line in message.splitlines() if line.startswith("- ")]
    for expected in ("Zeile 3, Schlüssel „sumary“", "Zeile 4, Schlüssel „status“",
                     "Zeile 5, Schlüssel „slug“", "Zeile 7: Das HTML-Element <script>",
                     "Zeile 9: Das Bild „../images/fehlt.png“ hat keinen Alternativtext",
                     "Zeile 9: Die Bilddatei „../images/fehlt.png“ gibt es nicht"):
        assert any(expected in line for line in lines), (expected, message)
    assert len(lines) == 6, message


def test_a_stopped_conversion_does_not_spoil_the_next_file(tmp_path):
    """Python-Markdown stopped halfway (recursion, time budget) converted nothing properly
    afterwards: the next file appeared as raw Markdown and lost its problems."""
    from pelican import Pelican
    from pelican.readers import Readers
    from pelican.settings import read_settings

    from conftest import PELICANCONF
    from iq_core.errors import ContentError

    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "tief.md").write_text("---\ntitle: Tief\n---\n" + "".join(
        "    " * level + "- a\n" for level in range(300)), encoding="utf-8")
    (pages / "langsam.md").write_text("---\ntitle: Langsam\n---\n" + "![" * 30000,
                                      encoding="utf-8")
    (pages / "normal.md").write_text("---\ntitle: Normal\n---\n*Text* mit "
                                     "![Zähler](https://tracker.example/p.png)\n",
                                     encoding="utf-8")
    settings = read_settings(PELICANCONF, override={"PATH": str(tmp_path / "content"),
                                                    "IQ_MARKDOWN_SECONDS": 1})
    Pelican(settings)
    reader = Readers(settings).readers["md"]
    for broken, words in (("tief.md", "verschachtelt"), ("langsam.md", "länger als 1 Sekunden")):
        with pytest.raises(ContentError, match=words):
            reader.read(str(pages / broken))
        html, metadata = reader.read(str(pages / "normal.md"))
        assert html.startswith("<p><em>Text</em> mit"), html
        assert any("anderen Website" in e.message() for e in metadata["content_problems"])
