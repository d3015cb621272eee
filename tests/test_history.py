"""Change history from git (iq_core.history): each file's last commit and number of commits
become SEQUENCE, DTSTAMP and LAST-MODIFIED of its events, `updated` in the feeds and
lastmod in the sitemap, with nothing for editors to do. The repositories here are made
by the tests, with fixed commit times: nothing depends on the clock or on this project's
own history.
"""

import datetime
import logging
import os
import shutil
import subprocess

import pytest
from conftest import build_fixture_site
from events_support import BUILD_DATE, UTC, event, ical_events
from lxml import etree

from iq_core.history import parse_log, read_history

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SEMINAR = "content/events/seminar.md"
HISTORY = {"BUILD_DATE": BUILD_DATE, "IQ_GIT_HISTORY": True}


def git(repo, *args, when="2025-05-01T12:00:00+02:00"):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "r@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(repo, files, when):
    """Write `files` ({path: text}) into the repository and commit them at `when`."""
    if not (repo / ".git").exists():
        repo.mkdir(parents=True, exist_ok=True)
        git(repo, "init", "-q", "-b", "main")
        (repo / ".gitignore").write_text("output/\n", encoding="utf-8")
    for relative, text in files.items():
        (repo / relative).parent.mkdir(parents=True, exist_ok=True)
        (repo / relative).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Änderung", when=when)


def build(repo):
    return build_fixture_site(repo, {}, public=True, overrides=HISTORY)


def seminar(site):
    (item,) = ical_events(site / "termine" / "seminar" / "termin.ics")
    return item


def feed_times(site, title):
    """(published, updated) of the entry in the site-wide Atom feed."""
    root = etree.parse(str(site / "atom.xml")).getroot()
    (entry,) = [e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == title]
    return entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated")


def sitemap_lastmod(site, path):
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    return {u.findtext(f"{SITEMAP}loc").split(".example", 1)[1]: u.findtext(f"{SITEMAP}lastmod")
            for u in root.iter(f"{SITEMAP}url")}[path]


def test_every_commit_of_an_event_raises_its_sequence_and_moves_its_stamps(tmp_path):
    repo = tmp_path / "site"
    commit(repo, {SEMINAR: event("Seminar", start="2025-09-01 10:00")}, "2025-05-01T12:00:00+02:00")
    first = build(repo)
    old = seminar(first)
    assert old.decoded("SEQUENCE") == 0
    assert old.decoded("DTSTAMP") == old.decoded("LAST-MODIFIED") == \
        datetime.datetime(2025, 5, 1, 10, 0, tzinfo=UTC)
    # Without `date`, the event was announced when its file was first committed.
    assert feed_times(first, "Seminar") == ("2025-05-01T10:00:00+00:00",) * 2
    # Another file's commit changes nothing of the seminar.
    commit(repo, {"content/events/anderes.md": event("Anderes", start="2025-09-03 10:00")},
           "2025-05-20T09:00:00+02:00")
    assert seminar(build(repo)).decoded("SEQUENCE") == 0
    # Rescheduled, without touching `modified`: the next commit is the next version.
    commit(repo, {SEMINAR: event("Seminar", start="2025-09-08 10:00")}, "2025-06-02T08:30:00+02:00")
    second = build(repo)
    new = seminar(second)
    assert new.decoded("SEQUENCE") == 1
    assert new.decoded("DTSTAMP") == new.decoded("LAST-MODIFIED") == \
        datetime.datetime(2025, 6, 2, 6, 30, tzinfo=UTC)
    assert str(new["UID"]) == str(old["UID"])
    assert feed_times(second, "Seminar") == ("2025-05-01T10:00:00+00:00",
                                             "2025-06-02T06:30:00+00:00")
    assert sitemap_lastmod(second, "/termine/seminar/") == "2025-06-02"


def test_modified_in_the_front_matter_still_wins(tmp_path):
    repo = tmp_path / "site"
    commit(repo, {SEMINAR: event("Seminar", start="2025-09-01 10:00", date="2025-04-01",
                                 modified="2025-04-15 10:00")}, "2025-05-01T12:00:00+02:00")
    item = seminar(build(repo))
    assert item.decoded("DTSTAMP") == datetime.datetime(2025, 4, 15, 8, 0, tzinfo=UTC)
    assert item.decoded("SEQUENCE") == 0  # the number of changes still comes from git


def test_the_log_is_read_per_file_with_the_newest_commit(tmp_path):
    repo = tmp_path / "site"
    commit(repo, {"content/a b/ä.md": "1", "content/b.md": "1"}, "2025-01-01T10:00:00+01:00")
    commit(repo, {"content/a b/ä.md": "2"}, "2025-02-01T10:00:00+01:00")
    history = read_history({"PATH": str(repo / "content")})
    assert history.note is None
    umlaut = history.of(str(repo / "content" / "a b" / "ä.md"))
    assert (umlaut.commits, umlaut.last) == (2, datetime.datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    assert history.of(str(repo / "content" / "b.md")).commits == 1
    assert history.of(str(repo / "content" / "neu.md")) is None
    # The history is the log and nothing else (no clock, no file times): parsing the log
    # by hand gives exactly what the build read.
    log = git(repo, "log", "-z", "--name-only", "--no-renames", "--format=%x01%ct", "--", "content")
    assert parse_log(log, str(repo.resolve())) == history.files


@pytest.mark.parametrize("where", ["tarball", "shallow"])
def test_without_full_history_the_build_falls_back_and_says_why(tmp_path, caplog, where):
    repo = tmp_path / "site"
    commit(repo, {SEMINAR: event("Seminar", start="2025-09-01 10:00", date="2025-04-01")},
           "2025-05-01T12:00:00+02:00")
    commit(repo, {SEMINAR: event("Seminar", start="2025-09-08 10:00", date="2025-04-01")},
           "2025-06-01T12:00:00+02:00")
    copy = tmp_path / where
    if where == "shallow":
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(copy))
    else:
        shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    with caplog.at_level(logging.WARNING, logger="iq_core.history"):
        item = seminar(build(copy))
    assert item.decoded("SEQUENCE") == 0 and "LAST-MODIFIED" not in item
    assert item.decoded("DTSTAMP") == datetime.datetime(2025, 3, 31, 22, 0, tzinfo=UTC)  # `date`
    (note,) = [r.getMessage() for r in caplog.records if r.name == "iq_core.history"]
    assert note.startswith("Hinweis: Keine Änderungsgeschichte aus git")
    assert ("flach" in note) == (where == "shallow")


def test_the_open_data_export_names_the_day_of_the_last_commit(tmp_path):
    import json

    from good_practice_helpers import sheet

    repo = tmp_path / "site"
    commit(repo, {"content/good-practice/blatt.md": sheet()}, "2024-05-01T09:00:00+02:00")
    commit(repo, {"content/good-practice/blatt.md": sheet(title="Neuer Titel")},
           "2024-07-02T23:30:00+02:00")  # 21:30 UTC: still 2 July in Germany
    (record,) = json.loads((build(repo) / "good-practice" / "index.json").read_text())["sheets"]
    assert (record["date"], record["modified"]) == ("2024-05-01", "2024-07-02")
