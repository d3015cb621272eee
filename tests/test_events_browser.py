"""Termine in headless Chromium: axe-clean page types, only local requests, and the
"coming" list that drops past events in the reader's browser without a rebuild."""

import datetime

import pytest

from conftest import LocalPage, axe_violations, build_fixture_site, served
from events_support import BUILD_DATE, event

PAGE_TYPES = {
    "Termin": "/termine/2025-06-26-deutsch-am-arbeitsplatz/",
    "Termin abgesagt": "/termine/2027-03-04-willkommenskultur-gestalten/",
    "Termin mehrtägig": "/termine/2016-12-06-iq-kongress-migration-bewegt/",
    "Termine": "/termine/",
    "Format": "/termine/online-seminare/",
    "Archiv": "/termine/archiv/",
    "Archiv 2025": "/termine/archiv/2025/",
    "Abonnieren": "/abonnieren/",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_event_page_types_have_no_axe_violations_and_no_foreign_requests(local_page, path):
    page = local_page.open(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert local_page.foreign_requests == []


FILES = {
    "events/a-juni.md": event("Juni-Seminar", start="2025-06-26 10:00", end="2025-06-26 11:30",
                              format="Online-Seminar"),
    "events/b-juli.md": event("Juli-Seminar", start="2025-07-01 10:00", end="2025-07-01 11:00",
                              format="Online-Seminar"),
    "events/c-august.md": event("August-Fachtag", start="2025-08-14", format="Fachtag"),
}


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    site = build_fixture_site(tmp_path_factory.mktemp("uhr"), FILES,
                              overrides={"BUILD_DATE": BUILD_DATE})
    with served(site) as url:
        yield url


@pytest.fixture
def tab(browser, fixture_url):
    tab = LocalPage(browser, fixture_url)
    yield tab
    tab.close()


def berlin(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def visible_titles(page):
    page.wait_for_load_state("load")
    return page.eval_on_selector_all(
        "[data-event-list] [data-event-end]",
        "items => items.filter(i => !i.closest('[hidden]')).map(i => i.querySelector('a').textContent)")


def visible_months(page):
    return page.eval_on_selector_all(
        "[data-event-month]", "items => items.filter(i => !i.hidden).map(i => i.dataset.eventMonth)")


def test_all_coming_events_show_on_the_build_day(tab):
    tab.page.clock.install(time=berlin(2025, 6, 20, 9, 0))
    page = tab.open("/termine/")
    assert visible_titles(page) == ["Juni-Seminar", "Juli-Seminar", "August-Fachtag"]


def test_a_past_event_leaves_the_list_when_the_clock_is_later(tab):
    # 26 June 2025, 11:31 in Berlin: the June seminar ended a minute ago.
    tab.page.clock.install(time=berlin(2025, 6, 26, 11, 31))
    page = tab.open("/termine/")
    assert visible_titles(page) == ["Juli-Seminar", "August-Fachtag"]
    assert visible_months(page) == ["2025-07", "2025-08"]
    assert page.is_hidden("[data-event-none]")


def test_an_event_stays_while_it_is_running(tab):
    tab.page.clock.install(time=berlin(2025, 6, 26, 11, 29))
    page = tab.open("/termine/")
    assert visible_titles(page)[0] == "Juni-Seminar"


def test_an_all_day_event_stays_until_the_end_of_its_day(tab):
    tab.page.clock.install(time=berlin(2025, 8, 14, 23, 30))
    page = tab.open("/termine/")
    assert visible_titles(page) == ["August-Fachtag"]
    tab.page.clock.set_fixed_time(berlin(2025, 8, 15, 0, 1))
    page.reload()
    assert visible_titles(page) == []
    assert page.is_visible("[data-event-none]")


def test_home_page_shows_the_next_events_that_are_not_over(tab):
    tab.page.clock.install(time=berlin(2025, 7, 2, 8, 0))
    page = tab.open("/")
    assert visible_titles(page) == ["August-Fachtag"]


def test_without_javascript_the_build_list_stays(browser, fixture_url):
    tab = LocalPage(browser, fixture_url, java_script_enabled=False)
    try:
        page = tab.open("/termine/")
        titles = page.eval_on_selector_all(".event-coming [data-event-end] a",
                                           "items => items.map(i => i.textContent)")
        assert titles == ["Juni-Seminar", "Juli-Seminar", "August-Fachtag"]
        assert page.is_visible("text=Juni-Seminar")
    finally:
        tab.close()
