"""Defaults of the search index's settings, in one place."""

DEFAULTS = {
    "SEARCH_INDEX": True,
    # Splits of earlier builds, below CACHE_PATH (not the content cache: it changes no output).
    "SEARCH_SPLITS_FILE": "Suchindex-Komposita",
    # Folder of the compound model converted to SQLite (once per model version, seconds);
    # None: CACHE_PATH.
    "SEARCH_MODEL_PATH": None,
}
