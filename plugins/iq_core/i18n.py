"""Template translations and German formatting filters for every generator's Jinja env."""

import gettext
import os

from .dates import german_date, german_time


def install_translations(generator):
    settings = generator.settings
    localedir = os.path.join(settings["THEME"], settings["THEME_TRANSLATIONS_DIR"])
    # Templates are written in German; a catalogue for another language translates them.
    translations = gettext.translation(
        "messages", localedir=localedir, languages=[settings["DEFAULT_LANG"]], fallback=True
    )
    generator.env.install_gettext_translations(translations, newstyle=True)
    generator.env.filters.update({"german_date": german_date, "german_time": german_time})
