"""Defaults of the search index's settings, in one place."""

DEFAULTS = {
    "SEARCH_INDEX": True,
    # Splits of earlier builds, below CACHE_PATH (not the content cache: it changes no output).
    "SEARCH_SPLITS_FILE": "Suchindex-Komposita",
}
