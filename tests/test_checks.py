"""Checks of the written site: dead links, missing files, images without alt, unread files.

(`invoke check` itself runs on a copy of the project in tests/test_editor_changes.py: the
suite never checks the real content/.)"""

import pytest

from conftest import PUBLISHCONF, SITE_BUILD_DATE
from sitebuild import BuildError, check

PAGE = "---\ntitle: {title}\n---\n{body}\n"


def problems(fixture_site, files):
    with pytest.raises(BuildError) as caught:
        fixture_site(files)
    return str(caught.value)


def test_dead_internal_link_names_file_and_line(fixture_site):
    message = problems(fixture_site, {"pages/a.md": PAGE.format(title="A", body="Text\n\n[Kontakt](/kontakkt/)")})
    assert "content/pages/a.md, Zeile 6: Der Link „/kontakkt/“ führt ins Leere." in message


def test_filename_link_to_missing_file(fixture_site):
    message = problems(fixture_site, {"pages/a.md": PAGE.format(title="A", body="[B]({filename}b.md)")})
    assert "content/pages/a.md, Zeile 4: Der Link „{filename}b.md“ zeigt auf eine Datei, die es nicht gibt." in message


def test_image_without_alt_and_missing_image(fixture_site):
    message = problems(fixture_site, {"pages/a.md": PAGE.format(title="A", body="![](/images/fehlt.png)")})
    # Both mistakes of the one image, in one run.
    assert "content/pages/a.md, Zeile 4: Das Bild „/images/fehlt.png“ hat keinen Alternativtext." in message
    assert "content/pages/a.md, Zeile 4: Die Bilddatei „/images/fehlt.png“ gibt es nicht." in message


def test_markdown_file_outside_known_folders_is_an_error(fixture_site):
    message = problems(fixture_site, {"neuigkeiten/a.md": PAGE.format(title="A", body="x")})
    assert "neuigkeiten/a.md: Diese Datei wird von keiner Inhaltsart gelesen" in message


def test_link_to_a_draft_is_dead_in_the_public_build(tmp_path):
    from conftest import build_fixture_site

    files = {"pages/a.md": PAGE.format(title="A", body="[E]({filename}e.md)"),
             "pages/e.md": "---\ntitle: E\nstatus: draft\n---\nx\n"}
    build_fixture_site(tmp_path / "vorschau", files)  # fine in the preview
    with pytest.raises(BuildError, match="Zeile 4: Der Link „/entwurf/e/“ zeigt auf „content/"
                                         "pages/e.md“, einen Entwurf, der nicht veröffentlicht"):
        build_fixture_site(tmp_path / "public", files, public=True)


def test_good_links_pass(fixture_site):
    output = fixture_site({
        "pages/a.md": PAGE.format(title="A", body="[B]({filename}b.md), [B2](../b/), [C](/b/#x), "
                                               "[extern](https://example.org/), [Mail](mailto:a@b.de)"),
        "pages/b.md": PAGE.format(title="B", body="x"),
    })
    assert (output / "a" / "index.html").exists()


def test_check_reports_and_leaves_output_alone(tmp_path):
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "a.md").write_text(PAGE.format(title="A", body="[x](/gibtsnicht/)"), encoding="utf-8")
    with pytest.raises(BuildError, match="gibtsnicht"):
        check(PUBLISHCONF, overrides={"PATH": str(tmp_path / "content"),
                                      "BUILD_DATE": SITE_BUILD_DATE})
