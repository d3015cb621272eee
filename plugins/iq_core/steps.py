"""The base of the steps over the written site: checks, search index, sitemap.

Pelican's `finalized` signal hands over only the Pelican object, but these steps also
need what was read (the run's context). So each step is a generator: Pelican gives it
the shared context like every other generator, and it listens to `finalized` with a
weak receiver, which ends with this run's generators (no state outlives a run).
"""

from pelican import signals
from pelican.generators import Generator


class WrittenSiteStep(Generator):
    """Subclasses implement `finish()`: the site is written into `self.output_path`, and
    `self.writer` knows which files it has."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.writer = None
        signals.finalized.connect(self._on_finalized)  # weak: ends with this object

    def generate_output(self, writer):
        self.writer = writer  # the run's writer (iq_core.writer.SiteWriter)

    def _on_finalized(self, pelican):
        if pelican.settings is self.settings:  # this run, not another in the same process
            self.writer.finish()  # every file written, also those of the helper program
            self.finish()

    def finish(self):
        raise NotImplementedError


class WrittenFiles(WrittenSiteStep):
    """The step every build has (iq_core): the writer's files are complete at the end,
    whichever other steps there are."""

    def finish(self):
        pass


def get_generators(pelican):
    return WrittenFiles
