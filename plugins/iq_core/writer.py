"""The site's one writer: Pelican's, plus the files that are no template page.

Calendars, feeds, e-mails and the open-data JSON are written through `write_data` or
`write_job`, like Pelican writes pages: inside the output folder only (`sanitised_join`),
folders created, each name once, logged like Pelican's own files. A content type hands
over what makes the file, not the file:
- `write_data(name, make)`: `make()` gives the file; the build calls it at once, the
  preview (scripts/preview.py) only when a browser asks for that file;
- `write_shared(name, make)`: the same for a file that several items may ask for;
- `write_job(names, job)`: `job()` gives (function, *arguments) of plain data, and
  `function(kept, *arguments, paths)` writes the files itself, so a large build can run it
  in the helper program on the second core (iq_core.helper) while Pelican renders on; the
  preview again only on request. Such files are complete when `finish()` returns; the
  steps after writing call it first.
"""

import logging
import os
import tempfile

from pelican.utils import sanitised_join
from pelican.writers import Writer

from .helper import Helper, run
from .settings import DEFAULTS

logger = logging.getLogger(__name__)


class DuplicateOutput(Exception):
    """Two files of the site would have one name; the build names the clash."""


class SiteWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.data_names = set()
        self.helper = Helper((settings or {}).get("IQ_HELPER_AFTER_JOBS",
                                                  DEFAULTS["IQ_HELPER_AFTER_JOBS"]))

    def write_data(self, name, make):
        """Write `make()` (bytes or text, UTF-8 with \\n line ends) to `name`."""
        self.claim(name)
        save(self.path_of(name), make())

    def write_shared(self, name, make):
        """Like write_data, for a file that several items show (an image's web size): the
        first to ask has it written, the others find it there."""
        if name not in self.data_names:
            self.write_data(name, make)

    def write_job(self, names, job):
        """Files `names` that a job writes (see module)."""
        for name in names:
            self.claim(name)
        function, *arguments = job()
        self.helper.submit(function, *arguments, [self.path_of(name) for name in names])

    def finish(self):
        """Every job's files written (jobs the helper never got run here); idempotent."""
        _, unsent = self.helper.results()
        for job in unsent:
            run(*job[:2], ({}, *job[2]))

    def claim(self, name):
        if name in self.data_names:
            raise DuplicateOutput(f"{name} würde zweimal geschrieben")
        self.data_names.add(name)

    def path_of(self, name):
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        logger.info('Writing "%s"', path)
        return path

    def exists(self, name):
        """Whether the site has the file `name` ("termine/index.html"), written or copied."""
        if name in self.data_names:
            return True
        try:
            return os.path.isfile(sanitised_join(self.output_path, name))
        except RuntimeError:  # a name outside the output folder
            return False


def save(path, data):
    """`data` (bytes, or text as UTF-8) into the file `path`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)


def job_files(names, job):
    """{name: bytes} of a job's files, made in a scratch folder (the preview, on request)."""
    function, *arguments = job()
    with tempfile.TemporaryDirectory(prefix="iq-datei-") as folder:
        paths = [os.path.join(folder, str(number)) for number, _ in enumerate(names)]
        function({}, *arguments, paths)
        made = {}
        for name, path in zip(names, paths):
            with open(path, "rb") as handle:
                made[name] = handle.read()
        return made


def get_writer(pelican):
    """The writer class: SiteWriter, or the preview's (setting IQ_WRITER)."""
    return pelican.settings.get("IQ_WRITER") or SiteWriter
