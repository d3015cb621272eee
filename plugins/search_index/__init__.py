"""search_index: the site search (Pagefind), with German compound words split.

When Pelican has written the site, every indexable page is prepared (the parts of its
compound words added, see compounds.py) into a scratch folder, and Pagefind writes its
index into `pagefind/`. `SEARCH_INDEX = False` leaves it out (`invoke check`).
"""

import os
import shutil

from pelican import signals

from iq_core.helper import Helper
from iq_core.steps import WrittenSiteStep
from iq_core.timing import timed

from iq_core.written import html_files

from .compounds import CompoundSplitter
from .pagefind import run_pagefind
from .pages import add_parts_the_site_knows, prepare_page_job, prepare_pages, scratch_folder
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


class SearchIndex(WrittenSiteStep):
    """Pages are prepared as Pelican writes them: from SEARCH_HELPER_AFTER_PAGES pages on
    by the helper program on the second core (iq_core.helper), while Pelican writes the rest."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = None
        if not self.settings["SEARCH_INDEX"]:
            return
        # Absolute: the helper program runs in plugins/, where a relative "cache" would
        # convert the model a second time (plugins/cache/).
        cache_path = os.path.abspath(self.settings["CACHE_PATH"])
        self.splitter = CompoundSplitter(
            os.path.abspath(self.settings["SEARCH_MODEL_PATH"] or cache_path),
            os.path.join(cache_path, self.settings["SEARCH_SPLITS_FILE"]))
        self.scratch = scratch_folder(self.output_path)
        self.helper = Helper(self.settings["SEARCH_HELPER_AFTER_PAGES"])
        signals.content_written.connect(self._page_written)  # weak: ends with this run

    def _page_written(self, path, context):
        if path.endswith(".html") and os.path.dirname(path).startswith(self.output_path):
            self.helper.submit(prepare_page_job, path, self.output_path, self.scratch,
                               self.splitter.cache_path, self.splitter.splits_file)

    def finish(self):
        if self.helper is None:
            return
        os.makedirs(self.scratch, exist_ok=True)
        try:
            with timed("search index"):
                answers, _ = self.helper.results()
                done = {path: report for path, report, _ in answers}
                for _, _, found in answers:
                    self.splitter.splits.update(found)
                # Pages the helper never got (a small site: all of them), or written
                # without Pelican's writer.
                rest = [path for path in html_files(self.output_path) if path not in done]
                reports = {path: report for path, report in done.items() if report}
                reports.update(prepare_pages(self.output_path, self.scratch, self.splitter, rest))
                if reports:
                    add_parts_the_site_knows(self.output_path, self.scratch, reports)
                    run_pagefind(self.scratch, os.path.join(self.output_path, "pagefind"))
        finally:
            self.helper.close()  # also when Pelican failed before: no helper outlives a run
            shutil.rmtree(self.scratch, ignore_errors=True)
        self.splitter.save()


def get_generators(pelican):
    return SearchIndex


def register():
    signals.get_generators.connect(get_generators)
