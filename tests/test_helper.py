"""The helper program on the second core (iq_core.helper): the same site with it as
without it, jobs answered in order, a failing job fails the build instead of hanging."""

import pytest

from conftest import build_fixture_site
from events_support import BUILD_DATE, event
from good_practice_helpers import sheet
from iq_core.helper import Helper
from iq_feeds.writer import write_feed_files

ISSUE = ("---\nissue: {n}\nyear: 2025\ndate: 2025-0{n}-16\nsummary: Ausgabe {n}\n---\n"
         "Liebe Leserinnen und Leser,\n\n## Praxistipp für Unternehmen – Mentoring\n\n"
         "Eine Anerkennungsberatung hilft.\n")
FILES = {
    **{f"newsletter/2025-0{n}.md": ISSUE.format(n=n) for n in (1, 2, 3)},
    "good-practice/eins.md": sheet(title="Erstes Beispiel"),
    "good-practice/zwei.md": sheet(title="Zweites Beispiel"),
    "events/2025-06-26-seminar.md": event("Seminar", start="2025-06-26 10:00",
                                          format="Online-Seminar"),
}


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def test_the_site_is_the_same_with_and_without_the_helper(tmp_path):
    sites = {}
    for name, after in (("helfer", 1), ("allein", None)):
        sites[name] = files(build_fixture_site(
            tmp_path / name, FILES, public=True,
            overrides={"BUILD_DATE": BUILD_DATE, "IQ_HELPER_AFTER_JOBS": after,
                       "SEARCH_HELPER_AFTER_PAGES": after}))
    assert sites["helfer"] == sites["allein"]
    # Guard: e-mails, feeds and the search index were made (by the helper in one build).
    assert {"newsletter/2025-03/email.html", "newsletter/2025-03/email.txt", "rss.xml",
            "good-practice/atom.xml", "pagefind/pagefind-entry.json"} <= set(sites["helfer"])


def test_jobs_are_answered_in_order_and_the_first_jobs_wait_for_the_helper(tmp_path):
    helper = Helper(start_after=3)
    paths = [[str(tmp_path / f"{n}.atom"), str(tmp_path / f"{n}.rss")] for n in range(4)]
    settings = {"SITEURL": "https://www.iq-niedersachsen.example", "SITENAME": "IQ"}
    for number, pair in enumerate(paths):
        helper.submit(write_feed_files, settings, f"f{number}/", "T", "D", [], pair)
        assert (helper.process is None) == (number < 2)
    answers, unsent = helper.results()
    assert answers == [None] * 4 and unsent == []
    assert all((tmp_path / f"{n}.rss").read_bytes().startswith(b"<?xml") for n in range(4))


def test_a_failing_job_fails_with_its_error_and_nothing_hangs():
    helper = Helper(start_after=1)
    helper.submit(write_feed_files, {}, "f/", "T", "D", [], ["/nirgends/a", "/nirgends/b"])
    with pytest.raises(RuntimeError, match="KeyError: 'SITEURL'"):
        helper.results()
    assert helper.process.poll() is not None


def test_below_the_threshold_no_helper_starts(tmp_path):
    helper = Helper(start_after=10)
    helper.submit(write_feed_files, {}, "f/", "T", "D", [], [])
    answers, unsent = helper.results()
    assert helper.process is None and answers == [] and len(unsent) == 1
