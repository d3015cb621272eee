"""Editors' daily work never blocks publishing.

A copy of the project whose content/ an editor changes as editors do (add, edit, reschedule,
cancel, delete; and dates pass: the build runs years later): `invoke check` accepts it,
`invoke verify` passes, and the developers' tests still pass, because they read only
tests/site/content and a fixed date. (The content in the copy starts as the fixture site,
so this test depends on nothing editors write.) The copy is a git repository: the sample
content is one commit, the editors' changes the next, so subscribers' calendars and feed
readers must see the changes as updates of the same entries (iq_core.history).
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SITE_CONTENT

# Years after the fixture site's dates: every event is past, every item old.
LATER = int(datetime.datetime(2031, 6, 1, 8, tzinfo=datetime.timezone.utc).timestamp())
NEW_EVENT = """---
title: Neues Online-Seminar zur Anerkennung
start: 2027-05-06 10:00
end: 2027-05-06 11:30
format: Online-Seminar
location: Online (MS Teams)
organiser: IQ Netzwerk Niedersachsen
audiences: [Unternehmen, Beratungsstellen]
---
Ein neues Seminar, am Tag der Änderung angelegt.
"""
# The suite's modules that once failed on editors' changes (newest issue on the home page,
# archive years, filters of every sheet, coming events).
SUITE = ["tests/test_newsletter_site.py", "tests/test_good_practice_pages.py",
         "tests/test_events.py", "tests/test_site.py"]


def copy_project(target):
    """The project's files as git knows them (a fresh clone's), content/ from the fixture."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source = Path(ROOT, name)
        if source.is_file() and not name.startswith("content/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shutil.copytree(SITE_CONTENT, target / "content")
    os.symlink(Path(ROOT, "node_modules"), target / "node_modules")
    model = sorted(Path(ROOT, "cache").glob("Suchindex-Modell-*"))  # converted once, reused
    (target / "cache").mkdir()
    for file in model:
        os.symlink(file, target / "cache" / file.name)


def edit(path, pattern, replacement):
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, (path, pattern)
    path.write_text(changed, encoding="utf-8")


def change_like_editors(content):
    events, sheets, issues = content / "events", content / "good-practice", content / "newsletter"
    (events / "2027-05-06-neues-seminar.md").write_text(NEW_EVENT, encoding="utf-8")
    issue = (issues / "2025-03.md").read_text(encoding="utf-8")
    issue = issue.replace("issue: 3", "issue: 4").replace("date: 2025-06-16", "date: 2025-09-15")
    (issues / "2025-04.md").write_text(issue.replace("events_until: 2025-08-31",
                                                     "events_until: 2025-11-30"), encoding="utf-8")
    edit(sheets / "erklaerkarten.md", r"^title: (.*)$", r"title: \1 (neu aufgelegt)")
    edit(issues / "2025-02.md", r"^summary: ", "summary: Aktualisiert – ")
    later = events / "2027-03-04-willkommenskultur-gestalten.md"  # rescheduled
    edit(later, r"^start: 2027-03-04", "start: 2027-03-11")
    edit(later, r"^end: 2027-03-04", "end: 2027-03-11")
    earlier = events / "2027-01-21-deutsch-am-arbeitsplatz.md"  # moved into the past
    edit(earlier, r"^start: 2027-01-21", "start: 2026-10-01")
    edit(earlier, r"^end: 2027-01-21", "end: 2026-10-01")
    edit(events / "2027-04-13-gekommen-um-zu-bleiben.md", r"^(title: .*)$", r"\1\ncancelled: true")
    (sheets / "podcast-fachkraefteeinwanderung.md").unlink()
    (events / "2025-08-14-alles-auf-vielfalt.md").unlink()


def run(project, *command, **environment):
    result = subprocess.run([sys.executable, *command], cwd=project, capture_output=True,
                            text=True, env={**os.environ, **environment})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def commit_all(project, when):
    """Commit the copy's files at a fixed time (nothing depends on the clock)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "r@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    for command in (["add", "-A"], ["commit", "-q", "-m", "Redaktion"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("kopie")
    copy_project(project)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    commit_all(project, CONTENT_BEFORE)
    change_like_editors(project / "content")
    commit_all(project, CONTENT_CHANGED)
    return project


CONTENT_BEFORE = "2026-11-02T09:00:00+01:00"
CONTENT_CHANGED = "2026-11-20T15:45:00+01:00"


@pytest.fixture(scope="module")
def verified(project):
    """`invoke verify`'s report on the changed copy; the public site is in output/."""
    return run(project, "-m", "invoke", "verify", SOURCE_DATE_EPOCH=str(LATER))


def test_check_accepts_the_changes_years_later(project):
    out = run(project, "-m", "invoke", "check", SOURCE_DATE_EPOCH=str(LATER))
    assert "Alles in Ordnung" in out


def test_site_checks_pass_on_the_changed_site_years_later(project, verified):
    assert "Alles in Ordnung" in verified
    output = project / "output"
    assert (output / "termine" / "2027-05-06-neues-seminar" / "index.html").is_file()
    assert (output / "newsletter" / "2025-04" / "index.html").is_file()
    assert not (output / "good-practice" / "podcast-fachkraefteeinwanderung").exists()
    assert not (output / "termine" / "2025-08-14-alles-auf-vielfalt").exists()


def test_developers_suite_passes_on_the_changed_project(project):
    out = run(project, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITE,
              SOURCE_DATE_EPOCH=str(LATER))
    assert " passed" in out and "failed" not in out


def test_subscribers_see_the_changes_as_updates_of_the_same_entries(project, verified):
    import icalendar
    from lxml import etree

    def vevent(slug):
        path = project / "output" / "termine" / slug / "termin.ics"
        (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return event

    changed = datetime.datetime(2026, 11, 20, 14, 45, tzinfo=datetime.timezone.utc)
    moved = vevent("2027-03-04-willkommenskultur-gestalten")  # rescheduled, nothing else
    assert str(moved["UID"]) == "2027-03-04-willkommenskultur-gestalten@iq-niedersachsen.de"
    assert moved.decoded("SEQUENCE") == 1
    assert moved.decoded("DTSTART").date() == datetime.date(2027, 3, 11)
    # `modified` (2026-11-18) stays as the editor wrote it; the version still rises.
    cancelled = vevent("2027-04-13-gekommen-um-zu-bleiben")
    assert (cancelled.decoded("SEQUENCE"), str(cancelled["STATUS"])) == (1, "CANCELLED")
    assert str(cancelled["SUMMARY"]).startswith("Abgesagt: ")
    assert cancelled.decoded("DTSTAMP") == cancelled.decoded("LAST-MODIFIED") == changed
    untouched = vevent("2027-02-09-anerkennung-auslaendischer-qualifikationen")
    assert untouched.decoded("SEQUENCE") == 0
    atom = "{http://www.w3.org/2005/Atom}"
    feed = etree.parse(str(project / "output" / "atom.xml")).getroot()
    ids = [entry.findtext(f"{atom}id") for entry in feed.iter(f"{atom}entry")]
    assert len(ids) == len(set(ids))
    assert "tag:www.iq-niedersachsen.example,2000-01-01:/termin/" \
        "2027-03-04-willkommenskultur-gestalten@iq-niedersachsen.de" in ids
