"""newsletter: issues as web pages, an archive, feeds and an email version.

Editors write content/newsletter/2025-03.md (see docs/redaktion/newsletter.md); the
site validates it, derives the title "Newsletter 3 | 25" and writes /newsletter/2025-03/
with email.html and email.txt next to it, and /newsletter/.
"""

from pelican import signals

from .generator import NewsletterGenerator
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


def get_generators(pelican):
    return NewsletterGenerator


def register():
    signals.get_generators.connect(get_generators)
