"""Scheduled publishing: an item whose `date` lies after the build's day appears in the
preview with a banner ("erscheint am …") and nowhere public until that day; the build of
that day (the daily rebuild) publishes it. A fixed "today" (BUILD_DATE), never the clock."""

import pytest
from bs4 import BeautifulSoup
from good_practice_helpers import sheet

from conftest import build_fixture_site
from events_support import event
from output_scan import find

TODAY = "2026-11-30"
ISSUE = """---
issue: 4
year: 2026
date: {date}
summary: Geplante Ausgabe mit einem Artikel.
---
Liebe Leserinnen und Leser,

## Geplanter Artikel Zeitreise

Text des Artikels.
"""
PAGE = "---\ntitle: Geplante Seite Zeitreise\ndate: {date}\n---\nText der Seite.\n"


def files(date):
    return {
        "newsletter/2026-04.md": ISSUE.format(date=date),
        "good-practice/geplant.md": sheet(title="Geplanter Steckbrief Zeitreise", date=date),
        "events/geplant.md": event("Geplantes Seminar Zeitreise", date=date,
                                   start="2027-03-01 10:00", end="2027-03-01 11:00"),
        "pages/geplant.md": PAGE.format(date=date),
    }


ADDRESSES = ["newsletter/2026-04/index.html", "good-practice/geplanter-steckbrief-zeitreise/index.html",
             "termine/geplant/index.html", "geplante-seite-zeitreise/index.html"]


def build(tmp_path, date, *, public, today=TODAY):
    return build_fixture_site(tmp_path, files(date), public=public,
                              overrides={"BUILD_DATE": today})


def test_future_items_are_nowhere_in_the_public_site(tmp_path):
    output = build(tmp_path, "2026-12-15", public=True)
    for address in ADDRESSES:
        assert not (output / address).exists(), address
    # Not in a listing, feed, calendar, sitemap, search index or JSON export either.
    assert find(output, "Zeitreise") == []


def test_preview_shows_them_with_the_day_they_appear(tmp_path):
    output = build(tmp_path, "2026-12-15", public=False)
    for address in ADDRESSES:
        page = BeautifulSoup((output / address).read_text(encoding="utf-8"), "html.parser")
        banner = page.select_one(".draft-banner")
        assert banner is not None, address
        assert " ".join(banner.get_text(" ").split()) == (
            "Geplant: Erscheint am 15. Dezember 2026 auf der öffentlichen Website; "
            "bis dahin ist diese Seite nur in der Vorschau sichtbar.")


@pytest.mark.parametrize("today", ["2026-12-15", "2027-01-10"])
def test_the_build_of_that_day_publishes_them(tmp_path, today):
    output = build(tmp_path, "2026-12-15", public=True, today=today)
    for address in ADDRESSES:
        page = BeautifulSoup((output / address).read_text(encoding="utf-8"), "html.parser")
        assert page.select_one(".draft-banner") is None, address
    assert find(output, "Zeitreise") != []


LINKING = "---\ntitle: Verweise\n---\nText davor.\n\nSiehe [den Steckbrief]({filename}../good-practice/geplant.md).\n"


def test_a_link_to_a_scheduled_item_says_when_it_appears(tmp_path):
    from sitebuild import BuildError

    site = files("2026-12-15") | {"pages/verweise.md": LINKING}
    with pytest.raises(BuildError) as caught:
        build_fixture_site(tmp_path, site, public=True, overrides={"BUILD_DATE": TODAY})
    assert ("content/pages/verweise.md, Zeile 6: Der Link „/good-practice/geplanter-steckbrief-"
            "zeitreise/“ zeigt auf „content/good-practice/geplant.md“, das erst am 15. Dezember "
            "2026 erscheint") in str(caught.value)
    assert "führt ins Leere" not in str(caught.value)


def test_items_scheduled_for_the_same_day_may_link_to_each_other(tmp_path):
    site = files("2026-12-15") | {"pages/verweise.md": LINKING.replace(
        "title: Verweise\n", "title: Verweise\ndate: 2026-12-15\n")}
    output = build_fixture_site(tmp_path, site, public=True, overrides={"BUILD_DATE": TODAY})
    assert not (output / "verweise").exists()


def test_a_link_to_a_draft_says_it_is_a_draft(tmp_path):
    from sitebuild import BuildError

    draft = sheet(title="Entwurf Zeitreise", status="draft")
    site = {"good-practice/geplant.md": draft, "pages/verweise.md": LINKING}
    with pytest.raises(BuildError) as caught:
        build_fixture_site(tmp_path, site, public=True)
    assert ("content/pages/verweise.md, Zeile 6: Der Link „/good-practice/entwurf-zeitreise/“ "
            "zeigt auf „content/good-practice/geplant.md“, einen Entwurf") in str(caught.value)
