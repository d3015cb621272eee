"""The same commit builds byte-identical files: no build time, stable ids, sorted order."""

import sitebuild
from conftest import PUBLISHCONF, SITE_OVERRIDES


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_public_builds_are_byte_identical(public_site, tmp_path):
    second = tmp_path / "output"
    sitebuild.build(PUBLISHCONF, str(second), overrides=SITE_OVERRIDES)
    first_files, second_files = files(public_site), files(second)
    assert sorted(first_files) == sorted(second_files)
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == []
