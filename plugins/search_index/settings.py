"""Defaults of the search index's settings, in one place."""

DEFAULTS = {
    "SEARCH_INDEX": True,
    # Splits of earlier builds, below CACHE_PATH (not the content cache: it changes no output).
    "SEARCH_SPLITS_FILE": "Suchindex-Komposita",
    # Folder of the compound model converted to SQLite (once per model version, seconds);
    # None: CACHE_PATH.
    "SEARCH_MODEL_PATH": None,
    # Pages written before a helper process starts to prepare them for the index on the
    # second core (below this, the build's own process is quicker); None: no helper.
    "SEARCH_HELPER_AFTER_PAGES": 300,
}
