"""good_practice: the IQ good-practice fact sheets ("Good Practice – auf den Punkt").

Reads `content/good-practice/*.md`, checks every sheet against the content model
(German errors for editors), and writes the sheet pages, the faceted archive with
its static facet pages, the criteria page, the open-data export and the feeds.
"""

from pelican import signals

from .generator import get_generators
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


def register():
    signals.get_generators.connect(get_generators)
