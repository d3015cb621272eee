"""Reads content/events/*.md and writes event pages, lists, archive and calendars."""

import os

from iq_core.contenttype import ContentTypeGenerator
from iq_core.dates import today
from iq_core.errors import ContentError
from iq_core.jsonld import public_site_url
from iq_core.timing import timed
from iq_feeds import add_feed_entries

from . import calendar, listing
from .calendar_cache import VeventCache
from .feed import feed_entry
from .jsonld import event_json_ld
from .model import Event


def calendar_site_url(settings):
    """Absolute address for links inside calendars and JSON-LD.

    The preview has no SITEURL (root-relative links); calendar apps need absolute
    links, so the preview's calendars point at the public address (as all JSON-LD does).
    """
    return public_site_url(settings)


class EventsGenerator(ContentTypeGenerator):
    """The event calendar: pages, /termine/, archive, format pages and .ics files."""

    item_class = Event
    item_name = "event"

    def identities(self, item):
        yield "slug", item.slug
        for occurrence in item.occurrences:
            yield "uid", occurrence.uid

    def reserved(self, items):
        # The overview's own folders (the past events, one per format in use) are no event's.
        folders = {self.setting("PAST_URL").strip("/").rsplit("/", 1)[-1]}
        folders |= {f.slug for f in listing.formats_in_use(items, self.settings)}
        return {("slug", folder) for folder in folders}

    def clash(self, item, kind, value, earlier):
        if kind == "uid":
            return ContentError(item.source_path,
                                f"Die Kalender-Kennung „{value}“ hat schon {_name(earlier)}.",
                                key="uid", hint="Jede Veranstaltung braucht eine eigene „uid“; "
                                                "lassen Sie „uid“ bei neuen Terminen weg.")
        taken = "ist für eine Übersichtsseite reserviert" if earlier is None \
            else f"hat schon {_name(earlier)}"
        return ContentError(item.source_path,
                            f"Die Adresse „{self.setting('ARCHIVE_URL')}{value}/“ {taken}.",
                            key="slug", hint="Geben Sie „slug: …“ mit einem anderen Namen an.")

    def add_to_context(self):
        occurrences = sorted((o for e in self.items for o in e.occurrences),
                             key=lambda o: o.sort_key())
        zone = self.items[0].zone if self.items else None
        self.coming, self.past = listing.split_by_build_date(
            occurrences, today(self.settings), zone) if zone else ([], [])
        self.formats = listing.formats_in_use(self.items, self.settings)
        self.context["events"] = self.items
        self.context["event_occurrences"] = occurrences
        # The newsletter's Termine block: occurrences of a period (partials/newsletter_termine.html).
        self.context["events_between"] = listing.OccurrenceIndex(occurrences).between
        # A few more than shown: the page script drops those that ended since the build.
        # Cancelled dates stay in the lists (marked), but the home page's few next events
        # are those that take place.
        taking_place = [o for o in self.coming if not o.cancelled]
        self.context["upcoming_events"] = taking_place[: self.settings["EVENTS_HOME_COUNT"] + 3]
        self.context["event_formats"] = self.formats
        # Published events only: drafts never reach a feed, even in the preview.
        add_feed_entries(self.context, [feed_entry(e, self.settings) for e in self.items])

    # Output ---------------------------------------------------------------

    def page_values(self, event):
        return {"event_json_ld": event_json_ld(event, calendar_site_url(self.settings))}

    def generate_output(self, writer):
        common = {"events_site_url": calendar_site_url(self.settings),
                  "event_formats": self.formats}
        self.write_items(writer, **common)
        self._write_lists(writer, common)
        # All calendar files at once: each VEVENT is serialised once for all of them.
        self._write_calendars(writer, common["events_site_url"])

    def _write_lists(self, writer, common):
        past = self.setting("PAST_URL")
        years = listing.by_year(self.past)
        writer.write_file(self.setting("ARCHIVE_SAVE_AS"), self.get_template("events"),
                          self.context, months=listing.by_month(self.coming),
                          current_format=None, archive_years=list(years), **common)
        for event_format in self.formats:
            coming = [o for o in self.coming if o.event.format == event_format.name]
            writer.write_file(f"{event_format.url}index.html", self.get_template("events"),
                              self.context, months=listing.by_month(coming),
                              current_format=event_format, archive_years=list(years), **common)
        writer.write_file(f"{past}index.html", self.get_template("events_archive_index"),
                          self.context, archive_years=years, **common)
        for year, occurrences in years.items():
            writer.write_file(f"{past}{year}/index.html", self.get_template("events_archive"),
                              self.context, year=year, archive_years=list(years),
                              months=listing.by_month(sorted(occurrences, key=lambda o: o.sort_key())),
                              **common)

    def _write_calendars(self, writer, site_url):
        settings = self.settings
        window = listing.calendar_window(
            [o for e in self.items for o in e.occurrences], today(settings),
            settings["EVENTS_CALENDAR_PAST_MONTHS"])
        cache = VeventCache(settings)
        calendars = calendar.CalendarSet(settings, site_url, cache.load())
        with timed("calendars"):
            for save_as, make in calendar.calendar_files(settings, site_url,
                                                         self.items + self.previews, window,
                                                         self.formats, calendars):
                writer.write_data(save_as, make)
        cache.save(calendars.used)


def _name(event):
    return f"„{os.path.basename(event.source_path)}“"
