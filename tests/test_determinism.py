"""The same commit builds byte-identical files: no build time, stable ids, sorted order."""

import sitebuild
from conftest import PUBLISHCONF


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_public_builds_are_byte_identical(public_site, tmp_path):
    second = tmp_path / "output"
    sitebuild.build(PUBLISHCONF, str(second))
    first_files, second_files = files(public_site), files(second)
    assert sorted(first_files) == sorted(second_files)
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == []


def test_writing_in_two_processes_gives_the_same_site_as_in_one(public_site, tmp_path):
    """scripts/splitwriting.py: each file is written by one of two processes; the site is
    byte for byte the one a single process writes."""
    single = tmp_path / "output"
    sitebuild.build(PUBLISHCONF, str(single), overrides={"IQ_SPLIT_WRITING": False})
    split_files, single_files = files(public_site), files(single)
    assert sorted(split_files) == sorted(single_files)
    assert [name for name in split_files if split_files[name] != single_files[name]] == []
    # Guard: the site has pages, e-mails, calendars and feeds of both kinds of process.
    assert {"newsletter/2025-03/email.html", "termine/termine.ics", "rss.xml",
            "good-practice/index.json", "index.html"} <= set(split_files)
