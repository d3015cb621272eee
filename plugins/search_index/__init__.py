"""search_index: the site search (Pagefind), with German compound words split.

When Pelican has written the site, every indexable page is prepared (the parts of its
compound words added, see compounds.py) into a scratch folder, and Pagefind writes its
index into `pagefind/`. `SEARCH_INDEX = False` leaves it out (`invoke check`).
"""

import os
import shutil

from pelican import signals

from iq_core.steps import WrittenSiteStep
from iq_core.timing import timed

from .compounds import CompoundSplitter
from .pagefind import run_pagefind
from .pages import prepare_pages, scratch_folder
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


class SearchIndex(WrittenSiteStep):
    def finish(self):
        if not self.settings["SEARCH_INDEX"]:
            return
        cache_path = self.settings["CACHE_PATH"]
        splitter = CompoundSplitter(
            self.settings["SEARCH_MODEL_PATH"] or cache_path,
            os.path.join(cache_path, self.settings["SEARCH_SPLITS_FILE"]))
        scratch = scratch_folder(self.output_path)
        os.makedirs(scratch, exist_ok=True)
        try:
            with timed("search index"):
                if prepare_pages(self.output_path, scratch, splitter):
                    run_pagefind(scratch, os.path.join(self.output_path, "pagefind"))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        splitter.save()


def get_generators(pelican):
    return SearchIndex


def register():
    signals.get_generators.connect(get_generators)
