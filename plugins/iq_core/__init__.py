"""iq_core: what every content type of the site shares.

The reader (strict YAML front matter, safe HTML, German text, German errors), the
settings defaults, template translations and filters, images in web sizes (and as PNG
for e-mail), the rule that drafts are never published, and containment: nothing outside content/ and theme/ reaches the site.
"""

from pelican import signals

from .containment import keep_static_inside, report_links
from .i18n import install_translations
from .imagefiles import image_generator
from .imagemarkup import install_image_filters
from .jsonld import install_home_json_ld
from .originals import leave_capped_to_the_writer, originals_generator
from .pages import check_page_addresses
from .reader import add_reader
from .contenttype import all_read
from .settings import DEFAULTS, apply_defaults  # noqa: F401 (DEFAULTS: see apply_defaults)
from .steps import get_generators
from .visibility import drop_unpublished_pages, validate_page
from .vocabulary import load_vocabularies
from .writer import get_writer


def register():
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(load_vocabularies)  # after the defaults: it reads settings
    signals.initialized.connect(report_links)
    signals.static_generator_finalized.connect(keep_static_inside)
    signals.static_generator_finalized.connect(leave_capped_to_the_writer)  # after: kept files
    signals.readers_init.connect(add_reader)
    signals.get_writer.connect(get_writer)
    signals.get_generators.connect(get_generators)
    signals.get_generators.connect(image_generator)
    signals.get_generators.connect(originals_generator)
    signals.generator_init.connect(install_translations)
    signals.generator_init.connect(install_image_filters)
    signals.generator_init.connect(install_home_json_ld)
    signals.content_object_init.connect(validate_page)
    signals.page_generator_finalized.connect(check_page_addresses)
    signals.page_generator_finalized.connect(drop_unpublished_pages)
    signals.all_generators_finalized.connect(all_read)
