"""newsletter: issues as web pages, an archive, feeds and an email version.

Editors write content/newsletter/2025-03.md (see docs/redaktion/newsletter.md); the
site validates it, derives the title "Newsletter 3 | 25" and writes /newsletter/2025-03/
with email.html and email.txt next to it, and /newsletter/.
"""

from pelican import signals

from .feeds import collect_entries
from .generator import NewsletterGenerator
from .settings import apply_defaults


def get_generators(pelican):
    return NewsletterGenerator


def register():
    signals.initialized.connect(apply_defaults)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(collect_entries)
