"""iq_core: what every content type of the site shares.

The reader (YAML front matter, German text, German errors), the settings defaults,
template translations and filters, and the rule that drafts are never published.
"""

from pelican import signals

from .i18n import install_translations
from .reader import add_reader
from .settings import apply_defaults
from .visibility import drop_unpublished_pages, validate_page


def register():
    signals.initialized.connect(apply_defaults)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(install_translations)
    signals.content_object_init.connect(validate_page)
    signals.page_generator_finalized.connect(drop_unpublished_pages)
