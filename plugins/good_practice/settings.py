"""Defaults of the good-practice settings, in one place. pelicanconf only overrides."""

DEFAULTS = {
    # Folders below content/ with one Markdown file per fact sheet.
    "GOOD_PRACTICE_PATHS": ["good-practice"],
    # One page per sheet.
    "GOOD_PRACTICE_URL": "good-practice/{slug}/",
    "GOOD_PRACTICE_SAVE_AS": "good-practice/{slug}/index.html",
    # Each sheet as a PDF download (A4), next to its page; also its address. Empty: no
    # PDFs (quick builds of large test archives).
    "GOOD_PRACTICE_PDF_SAVE_AS": "good-practice/{slug}/{slug}.pdf",
    # Each sheet's card as JSON, which the archive's script loads for the page it shows.
    "GOOD_PRACTICE_CARD_SAVE_AS": "good-practice/{slug}/karte.json",
    # Sheets per page of the archive and of each facet page (paging.py): pages stay
    # light however many sheets there are.
    "GOOD_PRACTICE_PAGE_SIZE": 20,
    # Printed PDFs kept in CACHE_PATH/steckbrief-pdf/ (pdf_cache.py), some 35 KB each: the
    # most recently used ones, and always all of the last build. Room for 400 sheets in the
    # public build and in the preview, and their next edits.
    "GOOD_PRACTICE_PDF_CACHE_KEEP": 1000,
    # The archive; facet pages, criteria page, JSON and feeds live below its address.
    "GOOD_PRACTICE_ARCHIVE_URL": "good-practice/",
    "GOOD_PRACTICE_ARCHIVE_SAVE_AS": "good-practice/index.html",
    # The shared list (content/listen/<name>.yaml, see iq_core's VOCABULARIES) each key
    # takes its values from.
    "GOOD_PRACTICE_VOCABULARIES": {
        "audiences": "adressaten", "topics": "themen", "network": "netzwerke",
        "funding_period": "foerderrunden",
    },
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

