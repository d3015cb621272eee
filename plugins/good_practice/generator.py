"""Reads the sheets, checks them, puts them in the context and writes every output."""

import os

from iq_core.contenttype import ContentTypeGenerator
from iq_core.errors import ContentError
from iq_core.timing import timed
from iq_feeds import add_feed_entries, register_feed, write_feeds

from .content import FactSheet
from .criteria import CRITERIA
from .csv_export import CSV_NAME, sheets_csv
from .facets import FACETS, FacetIndex
from .feeds import feed_entries
from .filterindex import card_file, filter_index
from .opendata import export
from .paging import DEFAULT_SORT, SORTS, result_pages, sort_url, sorted_sheets
from .pdf import write_pdfs

INDEX_NAME = "auswahl.json"  # the compact index of filterindex.py, below the archive


class FactSheetGenerator(ContentTypeGenerator):
    """The good-practice section: sheets, archive, facet pages, criteria page, JSON."""

    item_class = FactSheet
    item_name = "sheet"

    def clash(self, item, kind, value, earlier):
        return ContentError(
            item.source_path,
            f"Die Adresse {self.setting('ARCHIVE_URL')}{value}/ hat schon "
            f"{os.path.relpath(earlier.source_path)}.",
            key="slug", hint="Geben Sie einem der beiden Steckbriefe mit „slug: …“ "
            "eine eigene Adresse.")

    def add_to_context(self):
        self.index = FacetIndex(self.items, self.setting("ARCHIVE_URL"))
        self.context["factsheets"] = self.items
        self.context["GOOD_PRACTICE_CRITERIA"] = CRITERIA
        register_feed(self.context, self.setting("FEED_TITLE"), self.setting("ARCHIVE_URL"))

    def all_read(self):
        """Feed entries hold the whole sheet: made once every type (and Pelican's static
        files, which a photo in the text links to) is read, as the newsletter's."""
        feed_template = self.get_template("partials/good_practice_feed_entry")
        newest = self.items[: self.setting("FEED_MAX_ITEMS")]
        with timed("feeds"):
            self.entries = feed_entries(newest, self.settings,
                                        lambda sheet: feed_template.render(sheet=sheet))
        add_feed_entries(self.context, self.entries)

    # Writing ----------------------------------------------------------------

    def generate_output(self, writer):
        folder = self.setting("ARCHIVE_URL")
        common = {"index": self.index, "facets": FACETS, "criteria": CRITERIA,
                  "csv_name": CSV_NAME, "index_name": INDEX_NAME, "sorts": SORTS,
                  "default_sort": DEFAULT_SORT, "sort_url": sort_url,
                  "relative_urls": self.settings["RELATIVE_URLS"]}
        if self.setting("PDF_SAVE_AS"):
            write_pdfs(self, writer, common)  # first: each sheet's page shows its PDF's size
        self.write_items(writer, **common)
        # Each card once: the archive's and facet pages list the same sheets many times over.
        macros = self.get_template("partials/good_practice_macros").make_module(self.context)
        cards = {sheet.slug: macros.card(sheet, self.settings["SITEURL"]) for sheet in self.items}
        self.write_archive_pages(writer, folder, cards, common)
        writer.write_file(folder + "kriterien/index.html",
                          self.get_template("good_practice_criteria"), self.context,
                          url=folder + "kriterien/", **common)
        for selection in self.index.selections():
            for page in result_pages(selection.sheets, selection.url, self.setting("PAGE_SIZE")):
                writer.write_file(page.url + "index.html", self.get_template("good_practice_facet"),
                                  self.context, selection=selection, page=page, url=page.url,
                                  cards=cards, **common)
        self.write_data_files(writer, folder, cards)
        write_feeds(writer, self.settings, folder=folder, title=self.setting("FEED_TITLE"),
                    description=self.setting("FEED_DESCRIPTION"), entries=self.entries)

    def write_archive_pages(self, writer, folder, cards, common):
        """The archive in each sort order (paging.py), page by page; newest first at the
        archive's own address (ARCHIVE_SAVE_AS)."""
        for sort in SORTS:
            listed = sorted_sheets(self.items, sort)
            for page in result_pages(listed, sort_url(folder, sort), self.setting("PAGE_SIZE")):
                save_as = self.setting("ARCHIVE_SAVE_AS") if page.url == folder \
                    else page.url + "index.html"
                writer.write_file(save_as, self.get_template("good_practice_archive"),
                                  self.context, sheets=self.items, page=page, sort=sort,
                                  url=page.url, cards=cards, **common)

    def write_data_files(self, writer, folder, cards):
        """The open data (JSON, CSV), the script's index and each sheet's card."""
        writer.write_data(folder + "index.json", lambda: export(self.items, self.settings))
        writer.write_data(folder + CSV_NAME, lambda: sheets_csv(self.items, self.settings))
        writer.write_data(folder + INDEX_NAME,
                          lambda: filter_index(self.items, self.index, self.settings))
        for sheet in self.items:
            writer.write_data(self.setting("CARD_SAVE_AS").format(slug=sheet.slug),
                              lambda card=cards[sheet.slug]: card_file(card))


def get_generators(pelican):
    return FactSheetGenerator
