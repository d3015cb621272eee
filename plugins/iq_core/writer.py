"""The site's one writer: Pelican's, plus the files that are no template page.

Calendars, feeds, e-mails and the open-data JSON are written through `write_data`, like
Pelican writes pages: inside the output folder only (`sanitised_join`), folders created,
each name once, logged like Pelican's own files. A content type hands over a function
that makes the file, not the file: the public build calls it at once, the preview
(scripts/preview.py) only when a browser asks for that file.
"""

import functools
import logging
import os

from pelican.utils import sanitised_join
from pelican.writers import Writer

logger = logging.getLogger(__name__)


class DuplicateOutput(Exception):
    """Two files of the site would have one name; the build names the clash."""


class SiteWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.data_names = set()

    def write_data(self, name, make):
        """Write `make()` (bytes or text, UTF-8 with \\n line ends) to `name`."""
        self.claim(name)
        self.save_data(name, make())

    def claim(self, name):
        if name in self.data_names:
            raise DuplicateOutput(f"{name} würde zweimal geschrieben")
        self.data_names.add(name)

    def exists(self, name):
        """Whether the site has the file `name` ("termine/index.html"), written or copied."""
        try:
            return os.path.isfile(sanitised_join(self.output_path, name))
        except RuntimeError:  # a name outside the output folder
            return False

    def save_data(self, name, data):
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        logger.info('Writing "%s"', path)


def made_once(make):
    """`make` for several files made together (an e-mail's HTML and text): called once,
    on the first file's request."""
    return functools.cache(make)


def get_writer(pelican):
    """The writer class: SiteWriter, or the preview's (setting IQ_WRITER)."""
    return pelican.settings.get("IQ_WRITER") or SiteWriter
