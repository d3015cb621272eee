"""Reads content/events/*.md and writes event pages, lists, archive and calendars."""

import logging
import os

from pelican.generators import Generator

from iq_core.errors import ContentError, Problems, report
from iq_core.reader import german_slug, short_slug
from iq_core.timing import timed

from iq_feeds import add_feed_entries

from . import calendar, listing
from .feed import feed_entry
from .jsonld import event_json_ld
from .model import Event
from .validation import validate_event

logger = logging.getLogger(__name__)


def calendar_site_url(settings):
    """Absolute address for links inside calendars and JSON-LD.

    The preview has no SITEURL (root-relative links); calendar apps need absolute
    links, so the preview's calendars point at the public address.
    """
    site_url = settings.get("SITEURL") or ""
    if site_url.startswith(("http://", "https://")):
        return site_url.rstrip("/")
    return settings["PUBLIC_SITEURL"].rstrip("/")


class EventsGenerator(Generator):
    """The event calendar: pages, /termine/, archive, format pages and .ics files."""

    def __init__(self, *args, **kwargs):
        # Named reader cache: with CACHE_CONTENT / LOAD_CONTENT_CACHE and
        # CONTENT_CACHING_LAYER = "reader", unchanged files are not parsed again.
        super().__init__(*args, readers_cache_name="EventsGenerator-Readers", **kwargs)

    def generate_context(self):
        self.events = []   # published, listed everywhere
        self.unlisted = []  # drafts and hidden: a page in the preview only
        for event in self._read_all():
            if event.status == "published":
                self.events.append(event)
            elif self.settings["SHOW_DRAFTS"]:
                self.unlisted.append(event)
        # A file with a taken address or UID is reported and left out, so the build
        # can go on and list every other problem too (it fails at the end).
        rejected = self._check_identities(self.events + self.unlisted)
        self.events = [e for e in self.events if e not in rejected]
        self.unlisted = [e for e in self.unlisted if e not in rejected]
        self.events.sort(key=lambda e: e.sort_key)
        occurrences = sorted((o for e in self.events for o in e.occurrences),
                             key=lambda o: o.sort_key())
        zone = self.events[0].zone if self.events else None
        coming, past = listing.split_by_build_date(
            occurrences, self.settings["BUILD_DATE"], zone) if zone else ([], [])
        self.coming, self.past = coming, past
        self.formats = listing.formats_in_use(self.events, self.settings)
        self.context["events"] = self.events
        self.context["event_occurrences"] = occurrences
        # The newsletter's Termine block: occurrences of a period (partials/newsletter_termine.html).
        self.context["events_between"] = listing.OccurrenceIndex(occurrences).between
        # A few more than shown: the page script drops those that ended since the build.
        self.context["upcoming_events"] = coming[: self.settings["EVENTS_HOME_COUNT"] + 3]
        self.context["event_formats"] = self.formats
        self._add_feed_entries()
        self.readers.save_cache()  # only writes when CACHE_CONTENT is on

    def _read_all(self):
        folder = self.settings["EVENTS_PATH"]
        if not os.path.isdir(os.path.join(self.path, folder)):
            return []
        events = []
        for path in sorted(self.get_files(folder, extensions=("md", "markdown"))):
            try:
                event = self._read(path)
            except ContentError as error:
                # Report every broken file, then fail the build (scripts/sitebuild.py).
                report(error, logger.error)
                self._add_failed_source_path(path)
                continue
            # Known to Pelican: {filename} links to events resolve, and the site checks
            # (iq_core.checks) see that this file is read and check its links.
            self.add_source_path(event)
            self.add_static_links(event)
            events.append(event)
        return events

    def _read(self, path):
        event = self.readers.read_file(base_path=self.path, path=path, content_class=Event,
                                       context=self.context)
        raw = event.metadata.get("front_matter", {})
        lines = event.metadata.get("front_matter_lines", {})
        # What the reader found, with the event's own mistakes: all in one run.
        problems = Problems.of(event.metadata)
        data = problems.value(validate_event, event.source_path, raw, lines, self.settings)
        if raw.get("slug") is None:
            # The file name, not the title, names the page and the calendar identity:
            # correcting a title never changes a subscriber's event.
            base = os.path.splitext(os.path.basename(path))[0]
            event.slug = short_slug(german_slug(base, self.settings))
            if not event.slug:
                problems.add(ContentError(
                    event.source_path, f"Aus dem Dateinamen „{os.path.basename(path)}“ lässt "
                    "sich keine Adresse bilden.", hint="Benennen Sie die Datei wie "
                    "„2025-06-26-deutsch-am-arbeitsplatz.md“ oder geben Sie „slug: …“ an."))
        problems.raise_any()
        event.apply(data, self.settings)
        return event

    def _check_identities(self, events):
        reserved = {"archiv"} | {f.slug for f in listing.formats_in_use(events, self.settings)}
        slugs, uids, rejected = {}, {}, []
        for event in sorted(events, key=lambda e: e.source_path):
            try:
                if event.slug in reserved:
                    raise ContentError(event.source_path,
                                       f"Die Adresse „termine/{event.slug}/“ ist für eine "
                                       "Übersichtsseite reserviert.", key="slug",
                                       hint="Geben Sie „slug: …“ mit einem anderen Namen an.")
                if event.slug in slugs:
                    raise ContentError(event.source_path,
                                       f"Die Adresse „termine/{event.slug}/“ hat schon "
                                       f"{_name(slugs[event.slug])}.", key="slug",
                                       hint="Geben Sie „slug: …“ mit einem anderen Namen an.")
                for occurrence in event.occurrences:
                    if occurrence.uid in uids and uids[occurrence.uid] is not event:
                        raise ContentError(event.source_path,
                                           f"Die Kalender-Kennung „{occurrence.uid}“ hat schon "
                                           f"{_name(uids[occurrence.uid])}.", key="uid",
                                           hint="Jede Veranstaltung braucht eine eigene „uid“; "
                                                "lassen Sie „uid“ bei neuen Terminen weg.")
            except ContentError as error:
                report(error, logger.error)
                rejected.append(event)
                continue
            slugs[event.slug] = event
            for occurrence in event.occurrences:
                uids[occurrence.uid] = event
        return rejected

    def _add_feed_entries(self):
        # Published events only: drafts never reach a feed, even in the preview.
        add_feed_entries(self.context, [feed_entry(e, self.settings) for e in self.events])

    # Output ---------------------------------------------------------------

    def generate_output(self, writer):
        site_url = calendar_site_url(self.settings)
        common = {"events_site_url": site_url, "event_formats": self.formats}
        for event in self.events + self.unlisted:
            writer.write_file(event.save_as, self.get_template(event.template), self.context,
                              event=event, event_json_ld=event_json_ld(event, site_url),
                              **common)
        self._write_lists(writer, common)
        # All calendar files at once: each VEVENT is serialised once for all of them.
        self._write_calendars(writer, site_url)

    def _write_lists(self, writer, common):
        index = self.settings["EVENTS_INDEX_URL"]
        archive = self.settings["EVENTS_ARCHIVE_URL"]
        years = listing.by_year(self.past)
        writer.write_file(f"{index}index.html", self.get_template("events"), self.context,
                          months=listing.by_month(self.coming), current_format=None,
                          archive_years=list(years), **common)
        for event_format in self.formats:
            coming = [o for o in self.coming if o.event.format == event_format.name]
            writer.write_file(f"{event_format.url}index.html", self.get_template("events"),
                              self.context, months=listing.by_month(coming),
                              current_format=event_format, archive_years=list(years), **common)
        writer.write_file(f"{archive}index.html", self.get_template("events_archive_index"),
                          self.context, archive_years=years, **common)
        for year, occurrences in years.items():
            writer.write_file(f"{archive}{year}/index.html", self.get_template("events_archive"),
                              self.context, year=year, archive_years=list(years),
                              months=listing.by_month(sorted(occurrences, key=lambda o: o.sort_key())),
                              **common)

    def _write_calendars(self, writer, site_url):
        settings = self.settings
        window = listing.calendar_window(
            [o for e in self.events for o in e.occurrences], settings["BUILD_DATE"],
            settings["EVENTS_CALENDAR_PAST_MONTHS"])
        cache = calendar.VeventCache(settings)
        calendars = calendar.CalendarSet(settings, site_url, cache.load())
        with timed("calendars"):
            for save_as, make in calendar.calendar_files(settings, site_url,
                                                         self.events + self.unlisted, window,
                                                         self.formats, calendars):
                writer.write_data(save_as, make)
        cache.save(calendars.used)


def _name(event):
    return f"„{os.path.basename(event.source_path)}“"
