"""site_checks: the checks of the written site, before it replaces the published one.

Links and images in every page's text that point nowhere, images without alt text,
markup that only appears after Pelican's link replacement, and files under content/
that nothing reads. Each problem is logged as an error with file and line; the build
(scripts/sitebuild.py) then fails and keeps the published site as it was.
"""

import logging

from pelican import signals

from iq_core.errors import report
from iq_core.steps import WrittenSiteStep

from .checks import check_written_site

logger = logging.getLogger(__name__)


class SiteChecks(WrittenSiteStep):
    def finish(self):
        exists = self.writer.exists
        for problem in check_written_site(self.context, self.settings, exists):
            report(problem, logger.error)


def get_generators(pelican):
    return SiteChecks


def register():
    signals.get_generators.connect(get_generators)
