"""The three worst holes, each shown open in plain Pelican / PyYAML and closed in this site.

Each guard runs the same hostile input through the tools without this project's plugins:
if a guard ever stops leaking (a new Pelican closes the hole), the fixture no longer tests
anything and must be made hostile again. The matching test shows this site refusing it
with a German message that names the file, and writing nothing.
"""

import subprocess
import sys

import pytest
import yaml

from conftest import PUBLISHCONF
from sitebuild import BuildError, build

SECRET = "GEHEIMNIS-sicherheit-41c2"


def hostile_site(tmp_path, body="Text.", header="title: Seite"):
    """content/ with one page, and a secret file next to content/ (outside it)."""
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (tmp_path / "geheim.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "content" / "images").mkdir()
    (pages / "seite.md").write_text(f"---\n{header}\n---\n{body}\n", encoding="utf-8")
    return tmp_path / "content"


def plain_pelican(tmp_path, content):
    """Pelican 4.12 with its defaults and no plugins (Markdown metadata, not YAML)."""
    for page in (content / "pages").glob("*.md"):
        text = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        page.write_text(f"Title: Seite\n\n{text}", encoding="utf-8")
    settings = tmp_path / "plain.py"
    settings.write_text(f"PATH = {str(content)!r}\nPAGE_PATHS = ['pages']\nPLUGINS = []\n"
                        "STATIC_PATHS = ['images']\n", encoding="utf-8")
    output = tmp_path / "plain-output"
    subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
                    str(settings), "-q"], check=False, capture_output=True, text=True)
    return output


def published(folder, text):
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def refused(tmp_path, content, *expected):
    with pytest.raises(BuildError) as raised:
        build(PUBLISHCONF, str(tmp_path / "output"), overrides={"PATH": str(content)})
    message = str(raised.value)
    for part in expected:
        assert part in message, message
    assert not (tmp_path / "output").exists()
    assert SECRET not in message
    return message


def test_guard_plain_pelican_copies_what_attach_points_at(tmp_path):
    content = hostile_site(tmp_path / "plain", body="[x]({attach}/../geheim.txt)")
    assert published(plain_pelican(tmp_path / "plain", content), SECRET)


def test_attach_out_of_content_is_refused(tmp_path):
    content = hostile_site(tmp_path, body="[x]({attach}/../geheim.txt)")
    refused(tmp_path, content, "content/pages/seite.md, Zeile 4",
            "„{attach}/../geheim.txt“ führt aus dem Ordner content/ heraus")


def test_guard_plain_pelican_copies_the_target_of_a_link(tmp_path):
    content = hostile_site(tmp_path / "plain")
    (content / "images" / "foto.png").symlink_to(tmp_path / "plain" / "geheim.txt")
    assert published(plain_pelican(tmp_path / "plain", content), SECRET)


def test_symbolic_link_in_content_is_refused(tmp_path):
    content = hostile_site(tmp_path)
    (content / "images" / "foto.png").symlink_to(tmp_path / "geheim.txt")
    refused(tmp_path, content, "content/images/foto.png: Die Datei ist eine Verknüpfung")


def test_guard_plain_yaml_lets_the_last_duplicate_key_win():
    assert yaml.safe_load("status: draft\nstatus: published\n")["status"] == "published"


def test_duplicate_key_is_refused_and_the_draft_stays_unpublished(tmp_path):
    content = hostile_site(tmp_path, header=f"title: {SECRET}\nstatus: draft\nstatus: published")
    refused(tmp_path, content, "content/pages/seite.md, Zeile 4, Schlüssel „status“",
            "steht zweimal im Kopfbereich (zuerst in Zeile 3)")
