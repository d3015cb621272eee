"""Defaults of the good-practice settings, in one place. pelicanconf only overrides."""

DEFAULTS = {
    # Content folder below PATH with one Markdown file per fact sheet.
    "GOOD_PRACTICE_PATH": "good-practice",
    # Output folder of the archive; facet pages, criteria page, JSON and feeds live below it.
    "GOOD_PRACTICE_FOLDER": "good-practice/",
    # One page per sheet. Content looks these up by class name (FactSheet -> FACTSHEET_…).
    "FACTSHEET_URL": "good-practice/{slug}/",
    "FACTSHEET_SAVE_AS": "good-practice/{slug}/index.html",
    "FACTSHEET_LANG_URL": "good-practice/{slug}/{lang}/",
    "FACTSHEET_LANG_SAVE_AS": "good-practice/{slug}/{lang}/index.html",
    # Country code for tel: links of phone numbers written nationally ("030 …").
    "GOOD_PRACTICE_PHONE_COUNTRY_CODE": "49",
    # Feeds carry the newest sheets only: readers want what is new, and every entry
    # holds the whole sheet (the archive and index.json have all of them).
    "GOOD_PRACTICE_FEED_MAX_ITEMS": 50,
    "GOOD_PRACTICE_FEED_TITLE": "Neue Good-Practice-Beispiele – IQ Netzwerk Niedersachsen",
    "GOOD_PRACTICE_FEED_DESCRIPTION": (
        "Neue Steckbriefe von Projekten, die die IQ-Kriterien transferfähig, innovativ, "
        "nachhaltig und effizient erfüllen."
    ),
}


def apply_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
