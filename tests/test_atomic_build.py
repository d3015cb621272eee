"""A failed build leaves the last good output untouched, file for file, and no folder behind."""

import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import PELICANCONF, ROOT, build_fixture_site
from sitebuild import BuildError


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_failed_build_keeps_last_good_output(tmp_path):
    output = build_fixture_site(tmp_path, {"pages/a.md": "---\ntitle: Gut\n---\nText\n"})
    before = snapshot(output)
    with pytest.raises(BuildError):
        build_fixture_site(tmp_path, {"pages/b.md": "---\ntitel: Schlecht\n---\nText\n"})
    assert snapshot(output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []


def test_successful_build_replaces_output(tmp_path):
    output = build_fixture_site(tmp_path, {"pages/a.md": "---\ntitle: Alt\n---\nText\n"})
    (tmp_path / "content" / "pages" / "a.md").unlink()
    build_fixture_site(tmp_path, {"pages/b.md": "---\ntitle: Neu\n---\nText\n"})
    assert (output / "neu" / "index.html").exists()
    assert not (output / "alt").exists()


def test_failed_build_leaves_no_folder_anywhere(tmp_path):
    """Neither the staging folder nor the search step's scratch folder next to it."""
    with pytest.raises(BuildError):
        build_fixture_site(tmp_path, {"pages/b.md": "---\ntitel: Schlecht\n---\nText\n"})
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_interrupted_build_leaves_no_folder(tmp_path):
    """Ctrl+C while Pelican writes: no staging folder, no scratch folder, output as it was."""
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    for number in range(150):  # enough pages that the build is still running when stopped
        (content / f"s{number}.md").write_text(f"---\ntitle: Seite {number}\n---\n"
                                               + "Text. " * 400, encoding="utf-8")
    output = tmp_path / "output"
    output.mkdir()
    (output / "alt.html").write_text("alt", encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, str(pathlib.Path(ROOT) / "scripts" / "sitebuild.py"), PELICANCONF,
         str(output), "--content", str(tmp_path / "content")],
        cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while not list(tmp_path.glob(".build-*")) and build.poll() is None:
        time.sleep(0.02)
    time.sleep(0.5)  # well inside Pelican's run
    interrupted = build.poll() is None
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl+C in the terminal does
    _, stderr = build.communicate(timeout=120)
    assert interrupted, "der Bau war schon fertig; der Test braucht mehr Seiten"
    assert build.returncode == 130, stderr.decode()
    assert "Abgebrochen" in stderr.decode() and "Traceback" not in stderr.decode()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in output.iterdir()] == ["alt.html"]


def test_folders_of_killed_builds_are_removed_by_the_next(tmp_path):
    dead = [tmp_path / ".build-999999999-abc", tmp_path / ".build-999999999-abc.suche"]
    for folder in dead:  # no process has this number
        folder.mkdir()
        (folder / "index.html").write_text("halb", encoding="utf-8")
    alive = tmp_path / f".build-{os.getpid()}-xyz"  # a build that is still running
    alive.mkdir()
    build_fixture_site(tmp_path, {"pages/a.md": "---\ntitle: Gut\n---\nText\n"})
    assert not any(folder.exists() for folder in dead)
    assert alive.exists()


def test_link_in_the_theme_stops_the_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(pathlib.Path(ROOT) / "theme", theme)
    (theme / "static" / "geheim.txt").symlink_to("/etc/hostname")
    with pytest.raises(BuildError) as raised:
        build_fixture_site(tmp_path, {"pages/a.md": "---\ntitle: Gut\n---\nText\n"},
                           overrides={"THEME": str(theme)})
    assert "theme/static/geheim.txt: Die Datei ist eine Verknüpfung" in str(raised.value)
