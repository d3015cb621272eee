"""A failed build leaves the last good output untouched, file for file."""

import pytest

from conftest import build_fixture_site
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
