"""Event pages, /termine/ lists, archive, format pages, drafts, home page and the
newsletter's Termine block, from small fixture sites and from the real content."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from conftest import build_fixture_site
from events_support import BUILD_DATE, event, load_events

TITLE = r"<script>alert(1)</script>, Teil 1; Tag \ Nacht"
FILES = {
    "events/2025-06-26-deutsch.md": event(
        "Deutsch am Arbeitsplatz nutzen & lernen", start="2025-06-26 10:00",
        end="2025-06-26 11:30", format="Online-Seminar", location="Online (MS Teams)",
        organiser="IQ Netzwerk Niedersachsen", audiences="[Unternehmen, Beratungsstellen]",
        registration_url="https://www.iq-niedersachsen.example/anmeldung/deutsch/",
        more_dates="\n  - start: 2025-08-28 10:00\n    end: 2025-08-28 11:30"),
    "events/2025-05-14-konferenz.md": event("Integrationskonferenz", start="2025-05-14",
                                            format="Konferenz", location="Hannover"),
    "events/2024-11-05-fachtag.md": event("Fachtag 2024", start="2024-11-05 09:00",
                                          end="2024-11-05 16:00", format="Fachtag",
                                          location="Oldenburg"),
    "events/2025-07-01-abgesagt.md": event("Abgesagtes Seminar", start="2025-07-01 10:00",
                                           end="2025-07-01 11:00", format="Online-Seminar",
                                           cancelled="true", location="Online (MS Teams)",
                                           registration_url="https://a.example/anmeldung/"),
    "events/2025-06-20-heute.md": event("Heute Nachmittag", start="2025-06-20 14:00",
                                        end="2025-06-20 15:00", format="Online-Seminar"),
    "events/2025-07-10-zeichen.md": event(f"'{TITLE}'", start="2025-07-10 10:00",
                                          location='"Raum 1\\n<b>Haus</b>"'),
    "events/2025-06-30-kongress.md": event("Zweitägiger Kongress", start="2025-06-30",
                                           end="2025-07-01", format="Kongress",
                                           location="Berlin"),
    "events/2025-09-01-entwurf.md": event("Geheimer Entwurf", start="2025-09-01 10:00",
                                          status="draft"),
}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("termine"), FILES,
                              overrides={"BUILD_DATE": BUILD_DATE})


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("termine-public"), FILES, public=True,
                              overrides={"BUILD_DATE": BUILD_DATE})


def test_event_page_shows_german_date_format_place_organiser_audiences_and_links(preview):
    page = soup(preview / "termine" / "2025-06-26-deutsch" / "index.html")
    assert page.h1.get_text(strip=True) == "Deutsch am Arbeitsplatz nutzen & lernen"
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in page.find_all("dt")}
    assert [t.get_text() for t in facts["Termine"].find_all("time")] == [
        "26. Juni 2025, 10:00–11:30 Uhr", "28. August 2025, 10:00–11:30 Uhr"]
    assert facts["Termine"].time["datetime"] == "2025-06-26T10:00+02:00"
    assert facts["Format"].get_text(strip=True) == "Online-Seminar"
    assert facts["Online-Plattform"].get_text(strip=True) == "Online (MS Teams)"
    assert facts["Veranstalter"].get_text(strip=True) == "IQ Netzwerk Niedersachsen"
    assert [li.get_text() for li in facts["Zielgruppen"].find_all("li")] == ["Unternehmen",
                                                                           "Beratungsstellen"]
    links = {a.get_text(strip=True): a["href"] for a in page.main.find_all("a")}
    assert links["Details & Anmeldung"] == "https://www.iq-niedersachsen.example/anmeldung/deutsch/"
    assert links["Zum Kalender hinzufügen"] == "/termine/2025-06-26-deutsch/termin.ics"
    assert (preview / "termine" / "2025-06-26-deutsch" / "termin.ics").is_file()
    article = page.find("article")
    assert article.has_attr("data-pagefind-body")
    assert article["data-pagefind-sort"] == "datum:2025-06-26"
    filters = {s["data-pagefind-filter"]: s.get_text() for s in page.find_all(attrs={"data-pagefind-filter": True})}
    assert filters == {"Typ": "Termin", "Jahr": "2025", "Format": "Online-Seminar"}
    nav = page.find("nav", attrs={"aria-label": "Hauptnavigation"})
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(strip=True) == "Termine"


def json_ld(page):
    return json.loads(page.find("script", type="application/ld+json").string)


def test_json_ld_describes_online_and_cancelled_events(public):
    online = json_ld(soup(public / "termine" / "2025-06-26-deutsch" / "index.html"))
    assert [e["startDate"] for e in online] == ["2025-06-26T10:00+02:00", "2025-08-28T10:00+02:00"]
    first = online[0]
    assert first["@type"] == "Event" and first["name"] == "Deutsch am Arbeitsplatz nutzen & lernen"
    assert first["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert first["location"]["@type"] == "VirtualLocation"
    assert first["url"] == "https://www.iq-niedersachsen.example/termine/2025-06-26-deutsch/"
    cancelled = json_ld(soup(public / "termine" / "2025-07-01-abgesagt" / "index.html"))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    place = json_ld(soup(public / "termine" / "2025-05-14-konferenz" / "index.html"))
    assert place["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert place["location"] == {"@type": "Place", "name": "Hannover", "address": "Hannover"}
    assert place["startDate"] == "2025-05-14"


def test_cancelled_event_is_clearly_marked_without_registration(preview):
    page = soup(preview / "termine" / "2025-07-01-abgesagt" / "index.html")
    assert "Abgesagt" in page.h1.get_text()
    assert "Diese Veranstaltung findet nicht statt." in page.main.get_text()
    texts = [a.get_text(strip=True) for a in page.main.find_all("a")]
    # Nothing to register for, nothing to add to a calendar: the event does not take place.
    assert "Details & Anmeldung" not in texts and "Zum Kalender hinzufügen" not in texts


def test_editor_text_is_escaped_in_html_and_json_ld(preview):
    path = preview / "termine" / "2025-07-10-zeichen" / "index.html"
    html = path.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<b>Haus</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;, Teil 1; Tag \\ Nacht" in html
    page = soup(path)
    assert page.h1.get_text() == TITLE
    assert page.find("dd", class_="event-location").get_text() == "Raum 1\n<b>Haus</b>"
    assert json_ld(page)["name"] == TITLE
    index = (preview / "termine" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in index


def heading_text(heading):
    """The text as read out: „Abgesagt: Titel“ (the marker's colon is for screen readers)."""
    return " ".join(heading.get_text().split())


def months(page):
    coming = page.find("section", class_="event-coming")
    return {section.find(["h2", "h3"]).get_text(strip=True):
            [heading_text(li.find(["h3", "h4"])) for li in section.find_all("li")]
            for section in coming.find_all("section", class_="event-month")}


def test_termine_lists_coming_occurrences_by_month_with_end_instants(preview):
    page = soup(preview / "termine" / "index.html")
    assert months(page) == {
        "Juni 2025": ["Heute Nachmittag", "Deutsch am Arbeitsplatz nutzen & lernen",
                      "Zweitägiger Kongress"],
        "Juli 2025": ["Abgesagt: Abgesagtes Seminar", TITLE],
        "August 2025": ["Deutsch am Arbeitsplatz nutzen & lernen"],
    }
    ends = [li["data-event-end"] for li in page.find_all("li", attrs={"data-event-end": True})]
    assert ends[:3] == ["2025-06-20T13:00:00Z", "2025-06-26T09:30:00Z",
                        "2025-07-01T22:00:00Z"]  # after the last day, Berlin midnight
    assert page.find(attrs={"data-event-none": True}).has_attr("hidden")
    assert page.find("script", src="/theme/js/events.js").has_attr("defer")
    assert "Geheimer Entwurf" not in page.get_text()


def test_past_events_are_in_a_yearly_archive(preview):
    page = soup(preview / "termine" / "index.html")
    archive = {a.get_text(strip=True): a["href"] for a in
               page.find("section", class_="event-archive-links").find_all("a")}
    assert archive == {"Termine 2025": "/termine/archiv/2025/", "Termine 2024": "/termine/archiv/2024/"}
    year = soup(preview / "termine" / "archiv" / "2025" / "index.html")
    items = [h.get_text(strip=True) for h in year.main.find_all("h3")]
    assert items == ["Integrationskonferenz"]
    older = soup(preview / "termine" / "archiv" / "2024" / "index.html")
    assert [h.get_text(strip=True) for h in older.main.find_all("h2")] == ["November 2024"]
    assert soup(preview / "termine" / "archiv" / "index.html").find("a", href="/termine/archiv/2024/")


def test_format_pages_filter_without_javascript(preview):
    page = soup(preview / "termine" / "online-seminare" / "index.html")
    assert page.h1.get_text(strip=True) == "Online-Seminare"
    titles = [heading_text(h) for h in page.find_all("h4")]
    assert titles == ["Heute Nachmittag", "Deutsch am Arbeitsplatz nutzen & lernen",
                      "Abgesagt: Abgesagtes Seminar", "Deutsch am Arbeitsplatz nutzen & lernen"]
    nav = page.find("nav", class_="event-filter")
    # In the order of the list of formats (content/listen/formate.yaml).
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == [
        "Alle Formate", "Online-Seminare", "Fachtage", "Konferenzen", "Kongresse"]
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "/termine/online-seminare/"
    subscribe = page.find("section", class_="event-subscribe")
    hrefs = [a["href"] for a in subscribe.find_all("a")]
    assert "webcal://www.iq-niedersachsen.example/termine/online-seminare.ics" in hrefs
    assert "/termine/online-seminare.ics" in hrefs


def test_draft_has_a_preview_page_only(preview, public):
    page = soup(preview / "termine" / "2025-09-01-entwurf" / "index.html")
    assert "nur in der Vorschau sichtbar" in page.get_text()
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert not (public / "termine" / "2025-09-01-entwurf").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in public.rglob("*")
                         if p.is_file() and p.suffix in (".html", ".ics"))
    assert "Geheimer Entwurf" not in everything


def test_build_date_defaults_to_source_date_epoch_or_berlin_today():
    from iq_core.dates import build_date

    assert build_date("2025-06-20", "Europe/Berlin") == datetime.date(2025, 6, 20)
    # 2025-06-19 22:30 UTC is already 20 June in Berlin.
    instant = datetime.datetime(2025, 6, 19, 22, 30, tzinfo=datetime.timezone.utc)
    epoch = str(int(instant.timestamp()))
    assert build_date(None, "Europe/Berlin", {"SOURCE_DATE_EPOCH": epoch}) == datetime.date(2025, 6, 20)
    # Without either, the clock's day in Berlin (a fixed clock here, never today's date).
    assert build_date(None, "Europe/Berlin", {}, clock=instant.astimezone) == datetime.date(2025, 6, 20)
    assert build_date(None, "UTC", {}, clock=instant.astimezone) == datetime.date(2025, 6, 19)


# The newsletter's Termine block ------------------------------------------------

NEWSLETTER = {
    "events/deutsch.md": event("Deutsch am Arbeitsplatz nutzen & lernen", start="2025-06-26 10:00",
                               end="2025-06-26 11:30", format="Online-Seminar",
                               location="Online (MS Teams)",
                               registration_url="https://www.iq-niedersachsen.example/anmeldung/deutsch/",
                               more_dates="\n  - start: 2025-08-28 10:00\n    end: 2025-08-28 11:30"),
    "events/fachkraefte.md": event("Fachkräftesicherung neu definiert", start="2025-07-01 10:00",
                                   end="2025-07-01 11:00", format="Online-Seminar",
                                   location="Online (MS Teams)"),
    "events/vorher.md": event("Vor dem Zeitraum", start="2025-06-15 10:00"),
    "events/nachher.md": event("Nach dem Zeitraum", start="2025-09-01 10:00"),
    "events/kongress.md": event("Kongress", start="2025-06-14", end="2025-06-16",
                                location="Hannover"),
    "events/abgesagt.md": event("Abgesagt", start="2025-07-03 09:00", end="2025-07-03 12:00",
                                cancelled="true"),
    "events/entwurf.md": event("Entwurf", start="2025-07-04 09:00", status="draft"),
}


@pytest.fixture(scope="module")
def newsletter_block(tmp_path_factory):
    generator = load_events(tmp_path_factory.mktemp("newsletter"), NEWSLETTER,
                            SITEURL="https://www.iq-niedersachsen.example")

    def render(first, last):
        issue = type("Issue", (), {"termine_start": first, "termine_end": last})()
        template = generator.env.from_string('{% include "partials/newsletter_termine.html" %}')
        return BeautifulSoup(template.render(generator.context, issue=issue), "html.parser")
    return render


def test_newsletter_block_lists_exactly_the_events_of_its_period(newsletter_block):
    block = newsletter_block(datetime.date(2025, 6, 16), datetime.date(2025, 8, 31))
    items = block.find_all("li", class_="nl-termin")
    assert [li.find("a", class_="nl-termin-title").get_text() for li in items] == [
        "Kongress", "Deutsch am Arbeitsplatz nutzen & lernen", "Fachkräftesicherung neu definiert",
        "Abgesagt", "Deutsch am Arbeitsplatz nutzen & lernen"]
    lines = [li.find(class_="nl-termin-line").get_text() for li in items]
    assert lines == ["14.–16. Juni 2025 | Hannover",
                     "26. Juni 2025 | 10 - 11:30 Uhr | MS Teams",
                     "1. Juli 2025 | 10 - 11 Uhr | MS Teams",
                     "3. Juli 2025 | 9 - 12 Uhr",
                     "28. August 2025 | 10 - 11:30 Uhr | MS Teams"]
    links = {a.get_text(): a["href"] for a in items[1].find_all("a")}
    assert links["Details & Anmeldung"] == "https://www.iq-niedersachsen.example/anmeldung/deutsch/"
    assert links["Deutsch am Arbeitsplatz nutzen & lernen"] == \
        "https://www.iq-niedersachsen.example/termine/deutsch/"
    # Without a registration link, "Details" leads to the event page; cancelled: no link.
    assert items[2].find("a", class_="nl-termin-link")["href"] == \
        "https://www.iq-niedersachsen.example/termine/fachkraefte/"
    assert items[3].find(class_="nl-termin-badge").get_text() == "Abgesagt:"
    assert items[3].find("a", class_="nl-termin-link") is None


def test_newsletter_block_period_edges_and_empty_period(newsletter_block):
    block = newsletter_block(datetime.date(2025, 7, 1), datetime.date(2025, 7, 1))
    assert [a.get_text() for a in block.find_all("a", class_="nl-termin-title")] == [
        "Fachkräftesicherung neu definiert"]
    empty = newsletter_block(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
    assert empty.find("li") is None
    assert "keine Termine" in empty.find(class_="nl-termine-none").get_text()
    assert empty.find("h2").get_text() == "Termine"


def test_occurrence_objects_for_the_newsletter(tmp_path):
    generator = load_events(tmp_path, NEWSLETTER)
    occurrences = generator.context["event_occurrences"]
    assert [o.start_date for o in occurrences] == sorted(o.start_date for o in occurrences)
    assert all(isinstance(o.start_date, datetime.date) for o in occurrences)
    assert "Entwurf" not in [o.event.title for o in occurrences]
    kongress = next(o for o in occurrences if o.event.title == "Kongress")
    assert kongress.all_day and kongress.end == datetime.date(2025, 6, 16)
    assert [e.title for e in generator.context["events"]][0] == "Kongress"
    upcoming = generator.context["upcoming_events"]
    assert upcoming[0].start_date >= datetime.date(2025, 6, 20)


# The real content ---------------------------------------------------------------

SEMINARS = [
    "Deutsch am Arbeitsplatz nutzen & lernen",
    "Fachkräftesicherung neu definiert – Chancen durch das Fachkräfteeinwanderungsgesetz",
    "Erfolgreich kommunizieren in der Beratungsarbeit",
    "Anerkennung ausländischer Qualifikationen – ein Wegweiser durch den Dschungel",
    "Diversity Management – Eine Strategie der Fachkräftesicherung",
    "Willkommenskultur gestalten! Die vielfaltsbewusste Behörde",
    "Kein Platz für Diskriminierung! Möglichkeiten für öffentliche Arbeitgeber",
    "Kompetent beraten! Sprach- und kultursensible Verwaltungsarbeit",
    "Alles auf Vielfalt! Bewerbungsverfahren neu denken",
    "Gekommen, um zu bleiben! Onboardingprozesse gestalten",
]


def test_real_content_has_the_seminars_of_newsletter_3_25(public_site):
    import icalendar

    calendar = icalendar.Calendar.from_ical(
        (public_site / "termine" / "2025-06-26-deutsch-am-arbeitsplatz" / "termin.ics").read_bytes())
    assert [e.decoded("DTSTART").date() for e in calendar.walk("VEVENT")] == [
        datetime.date(2025, 6, 26), datetime.date(2025, 8, 28)]
    archive = soup(public_site / "termine" / "archiv" / "2025" / "index.html")
    titles = [h.get_text(" ", strip=True) for h in archive.main.find_all("h3")]
    seminar_titles = [t for t in titles if t in SEMINARS]
    assert len(seminar_titles) == 11 and set(seminar_titles) == set(SEMINARS)
    assert "9. Integrationskonferenz: Patenschaften – Gemeinsam stark" in titles
    kongress = soup(public_site / "termine" / "2016-12-06-iq-kongress-migration-bewegt" / "index.html")
    assert kongress.find("time").get_text() == "6.–7. Dezember 2016"


def test_real_content_shows_coming_events_and_one_cancelled(preview_site):
    page = soup(preview_site / "termine" / "index.html")
    items = page.find("section", class_="event-coming").find_all("li", attrs={"data-event-end": True})
    assert items, "no coming events in the sample content"
    assert any("event-is-cancelled" in li["class"] for li in items)
    home = soup(preview_site / "index.html").find("section", class_="home-events")
    visible = [li for li in home.find_all("li") if not li.has_attr("hidden")]
    assert len(visible) == 3


# The site-wide feed ---------------------------------------------------------------

def test_published_events_are_in_the_site_wide_feed(public):
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.parse(str(public / "atom.xml")).getroot()
    entries = {e.findtext(f"{atom}id"): e for e in root.iter(f"{atom}entry")}
    # The id is the calendar UID, never a date: a rescheduled event stays one entry.
    deutsch = entries["tag:www.iq-niedersachsen.example,2000-01-01:/termin/"
                      "2025-06-26-deutsch@iq-niedersachsen.de"]
    assert deutsch.findtext(f"{atom}title") == "Deutsch am Arbeitsplatz nutzen & lernen"
    assert deutsch.find(f"{atom}link").get("href") == \
        "https://www.iq-niedersachsen.example/termine/2025-06-26-deutsch/"
    assert [c.get("term") for c in deutsch.iter(f"{atom}category")] == ["Termin", "Online-Seminar"]
    assert "26. Juni 2025, 10:00–11:30 Uhr" in deutsch.findtext(f"{atom}summary")
    titles = [e.findtext(f"{atom}title") for e in entries.values()]
    assert "Abgesagt: Abgesagtes Seminar" in titles
    assert TITLE in titles  # the feed writer escapes it; parsed back it is the plain text
    assert "Geheimer Entwurf" not in (public / "atom.xml").read_text(encoding="utf-8")
    assert len(entries) == len(FILES) - 1
    rss = (public / "rss.xml").read_text(encoding="utf-8")
    assert "/termin/2025-06-26-deutsch@iq-niedersachsen.de</guid>" in rss
