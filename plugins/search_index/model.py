"""compound_split's German model, kept in SQLite instead of in memory.

The library ships its model as a Python module of three dict literals (1.9 million
n-grams); importing it costs 340 MB of memory and 1.6 s, for the few hundred lookups a
build needs. Once per model version the module's text is read piece by piece (never
imported) into a SQLite file in Pelican's CACHE_PATH; a build then looks n-grams up
there. The library's own `split_compound` does the splitting, unchanged: it finds the
model as `compound_split.de_ngram_probs`, here a stand-in module whose three tables
answer `.get()` from SQLite.
"""

import ast
import glob
import importlib.metadata
import importlib.util
import os
import re
import sqlite3
import sys
import tempfile
import types

TABLES = ("prefix", "infix", "suffix")
FORMAT = 2  # of the SQLite file; a new format is a new file
MODULE = "compound_split.de_ngram_probs"
DUTCH = "compound_split.nl_ngram_probs"
ENTRY = re.compile(r"'((?:[^'\\]|\\.)*)': (-?[0-9.]+(?:e-?[0-9]+)?)")
TABLE_START = re.compile(r"^(prefix|infix|suffix)=\{")


def model_version():
    try:
        return importlib.metadata.version("compound-split")
    except importlib.metadata.PackageNotFoundError:
        return None


def model_source():
    """The model module's file, found without importing it."""
    return importlib.util.find_spec(MODULE).origin


class Table:
    """One of the model's dicts, as far as `split_compound` uses it: `.get(key, default)`."""

    def __init__(self, connection, name):
        # A key written twice counts as in a Python dict literal: the last one.
        self._query = f"SELECT p FROM {name} WHERE key = ? ORDER BY rowid DESC LIMIT 1"
        self._connection = connection

    def get(self, key, default=None):
        row = self._connection.execute(self._query, (key,)).fetchone()
        return default if row is None else row[0]


def database_path(cache_path):
    return os.path.join(cache_path, f"Suchindex-Modell-{model_version()}-{FORMAT}.sqlite")


def open_model(cache_path):
    """The stand-in module over the SQLite model, converted first if needed."""
    path = database_path(cache_path)
    if not os.path.exists(path):
        convert(model_source(), path)
        for old in glob.glob(os.path.join(cache_path, "Suchindex-Modell-*.sqlite")):
            if old != path:  # of another model version or format
                os.remove(old)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    module = types.ModuleType(MODULE, "compound_split's German model, answered from SQLite.")
    for name in TABLES:
        setattr(module, name, Table(connection, name))
    return module


def install_model(cache_path):
    """Make `compound_split.char_split` find the SQLite model (and no Dutch one)."""
    if not isinstance(sys.modules.get(MODULE), types.ModuleType) or \
            not isinstance(getattr(sys.modules.get(MODULE), "prefix", None), Table):
        sys.modules[MODULE] = open_model(cache_path)
    if DUTCH not in sys.modules:
        sys.modules[DUTCH] = _without_dutch_model()


def word_start_probability(cache_path, ngram):
    """How likely the model finds a word starting with `ngram`, as the library looks it up
    for a head (its linking "s" cut off); None if the model has never seen it."""
    install_model(cache_path)
    from compound_split.char_split import cut_off_fugen_s

    return sys.modules[MODULE].prefix.get(cut_off_fugen_s(ngram))


def _without_dutch_model():
    """char_split imports its Dutch model next to the German one: 15 MB of literals for a
    language we never split. Asking this stand-in for a model fails loudly."""
    stand_in = types.ModuleType(DUTCH, "Stand-in: the site splits German words only.")

    def missing(attribute):
        raise AttributeError(f"{DUTCH}.{attribute}: the Dutch model is not loaded "
                             "(plugins/search_index splits German words only)")

    stand_in.__getattr__ = missing
    return stand_in


def tables(source):
    """(table, its (key, probability) pairs) from the model's text: one line per table."""
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            start = TABLE_START.match(line)
            if start:
                yield start.group(1), _pairs(line)


def _pairs(line):
    for found in ENTRY.finditer(line):
        key = found.group(1)
        if "\\" in key:
            key = ast.literal_eval(f"'{key}'")
        yield key, float(found.group(2))


def convert(source, path):
    """Write the SQLite model beside `path` and rename it into place (builds at the same
    time see no half-written file)."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    handle, scratch = tempfile.mkstemp(dir=folder, suffix=".sqlite-neu")
    os.close(handle)
    try:
        connection = sqlite3.connect(scratch)
        connection.execute("PRAGMA journal_mode = OFF")  # a scratch file: no journal needed
        with connection:
            for name in TABLES:
                connection.execute(f"CREATE TABLE {name} (key TEXT, p REAL)")
            for name, pairs in tables(source):
                connection.executemany(f"INSERT INTO {name} VALUES (?, ?)", pairs)
            # Indexed after filling: a sorted build, half the time of inserting in order.
            for name in TABLES:
                connection.execute(f"CREATE INDEX {name}_key ON {name} (key)")
        connection.close()
        os.replace(scratch, path)
    except BaseException:
        os.unlink(scratch)
        raise
