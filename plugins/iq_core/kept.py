"""Data kept between builds (in Pelican's CACHE_PATH), valid only for what made it.

Each file holds a version (e.g. a library's version and a hash of the code that made
the data) beside the data; a file of another version, or one that cannot be read,
counts as nothing kept. Files are written beside and renamed into place, so a build
running at the same time reads the old file or the new one, never half of one.
"""

import os
import pickle
import tempfile


def load_kept(path, version, default):
    if path:
        try:
            with open(path, "rb") as handle:
                stored = pickle.load(handle)
            if stored["version"] == version:
                return stored["data"]
        except (OSError, pickle.PickleError, EOFError, AttributeError, KeyError, TypeError):
            pass
    return default


def save_kept(path, version, data):
    if path:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False) as handle:
            pickle.dump({"version": version, "data": data}, handle)
        os.replace(handle.name, path)
