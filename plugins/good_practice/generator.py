"""Reads the sheets, checks them, puts them in the context and writes every output."""

import logging
import os

from iq_core.errors import ContentError, Problems, report
from iq_core.timing import timed
from iq_core.validation import keep_first
from iq_feeds import add_feed_entries, register_feed, write_feeds
from pelican.generators import Generator

from .content import FactSheet
from .criteria import CRITERIA
from .facets import FACETS, FacetIndex
from .feeds import feed_entries
from .opendata import export, json_ld
from .sections import check_sections
from .validation import SheetChecker

logger = logging.getLogger(__name__)


class FactSheetGenerator(Generator):
    """The good-practice section: sheets, archive, facet pages, criteria page, JSON."""

    def __init__(self, *args, **kwargs):
        self.sheets = []       # published, newest first
        self.previews = []     # drafts and hidden sheets, written only when SHOW_DRAFTS
        self.index = None
        self.entries = []
        # Named reader cache: with CACHE_CONTENT / LOAD_CONTENT_CACHE and
        # CONTENT_CACHING_LAYER = "reader", unchanged files are not parsed again.
        super().__init__(*args, readers_cache_name="FactSheetGenerator-Readers", **kwargs)

    # Reading ----------------------------------------------------------------

    def read_sheet(self, path):
        sheet = self.readers.read_file(base_path=self.path, path=path, content_class=FactSheet,
                                       context=self.context)
        raw = sheet.metadata.get("front_matter", {})
        lines = sheet.metadata.get("front_matter_lines", {})
        # What the reader found, with the sheet's own mistakes: all in one run.
        problems = Problems.of(sheet.metadata)
        clean = problems.value(SheetChecker(sheet.source_path, raw, lines,
                                            sheet.metadata.get("front_matter_paths"),
                                            sheet.metadata.get("front_matter_written")).check)
        problems.value(check_sections, sheet.source_path, sheet._content)
        problems.raise_any()
        sheet.apply(clean)
        sheet.json_ld = json_ld(sheet, self.settings)
        return sheet

    def generate_context(self):
        sheets = []
        folder = self.settings["GOOD_PRACTICE_PATH"]
        for path in sorted(self.get_files(folder, extensions=("md", "markdown"))):
            try:
                sheet = self.read_sheet(path)
            except ContentError as error:
                # Report every broken sheet, not just the first; sitebuild fails the build.
                report(error, logger.error)
                self._add_failed_source_path(path)  # read, but broken: not "unread"
                continue
            self.add_source_path(sheet)
            self.add_static_links(sheet)
            sheets.append(sheet)
        sheets = self.check_unique_slugs(sheets)
        sheets.sort(key=lambda sheet: sheet.sort_key)
        self.sheets = [sheet for sheet in sheets if sheet.status == "published"]
        self.previews = [sheet for sheet in sheets if sheet.status != "published"] \
            if self.settings["SHOW_DRAFTS"] else []
        self.index = FacetIndex(self.sheets, self.settings["GOOD_PRACTICE_FOLDER"])
        self.context["factsheets"] = self.sheets
        self.context["GOOD_PRACTICE_CRITERIA"] = CRITERIA
        feed_template = self.get_template("partials/good_practice_feed_entry")
        newest = self.sheets[: self.settings["GOOD_PRACTICE_FEED_MAX_ITEMS"]]
        with timed("feeds"):
            self.entries = feed_entries(newest, self.settings,
                                        lambda sheet: feed_template.render(sheet=sheet))
        add_feed_entries(self.context, self.entries)
        register_feed(self.context, self.settings["GOOD_PRACTICE_FEED_TITLE"],
                      self.settings["GOOD_PRACTICE_FOLDER"])
        self.readers.save_cache()  # only writes when CACHE_CONTENT is on

    def check_unique_slugs(self, sheets):
        """Each address once; a later sheet with a taken address is reported and left out."""
        return keep_first(sheets, lambda sheet: sheet.slug, lambda sheet, earlier: ContentError(
            sheet.source_path,
            f"Die Adresse good-practice/{sheet.slug}/ hat schon "
            f"{os.path.relpath(earlier.source_path)}.",
            key="slug", hint="Geben Sie einem der beiden Steckbriefe mit „slug: …“ "
            "eine eigene Adresse.",
        ), logger.error)

    # Writing ----------------------------------------------------------------

    def generate_output(self, writer):
        folder = self.settings["GOOD_PRACTICE_FOLDER"]
        common = {"index": self.index, "facets": FACETS, "criteria": CRITERIA,
                  "relative_urls": self.settings["RELATIVE_URLS"]}
        for sheet in self.sheets + self.previews:
            writer.write_file(sheet.save_as, self.get_template("good_practice_sheet"),
                              self.context, sheet=sheet, url=sheet.url, **common)
        writer.write_file(folder + "index.html", self.get_template("good_practice_archive"),
                          self.context, sheets=self.sheets, url=folder, **common)
        writer.write_file(folder + "kriterien/index.html",
                          self.get_template("good_practice_criteria"), self.context,
                          url=folder + "kriterien/", **common)
        for selection in self.index.selections():
            writer.write_file(selection.url + "index.html", self.get_template("good_practice_facet"),
                              self.context, selection=selection, sheets=selection.sheets,
                              url=selection.url, **common)
        writer.write_data(folder + "index.json", lambda: export(self.sheets, self.settings))
        write_feeds(writer, self.settings, folder=folder,
                    title=self.settings["GOOD_PRACTICE_FEED_TITLE"],
                    description=self.settings["GOOD_PRACTICE_FEED_DESCRIPTION"],
                    entries=self.entries)


def get_generators(pelican):
    return FactSheetGenerator
