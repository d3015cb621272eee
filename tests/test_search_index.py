"""plugins/search_index: compound splits from the SQLite model equal the library's own,
splits are kept between builds for the same model only, and the index of a build is the
same with the model and with the splits of a build before."""

import json
import shutil
import subprocess
import sys

import pytest

from search_index import model
from search_index.compounds import CompoundSplitter
from search_index.pagefind import run_pagefind
from search_index.pages import add_parts_the_site_knows, prepare_pages

WORDS = ["Arbeitsmarktchancen", "Anerkennungsberatung", "Qualifizierungsmaßnahme",
         "Integrationskurs", "Fachkräfteeinwanderung", "Ärztekammer", "Pflegefachkraft",
         "Weiterbildungsangebote", "Unternehmensberatung", "Berufsanerkennungsverfahren"]

LIBRARY_SPLITS = """
import json, sys
from compound_split import char_split
print(json.dumps([list(char_split.split_compound(w)[0]) for w in json.loads(sys.argv[1])]))
"""


@pytest.fixture(scope="module")
def splitter(tmp_path_factory):
    """The SQLite model in the real cache folder (converted once per model version)."""
    from conftest import ROOT

    return CompoundSplitter(f"{ROOT}/cache")


def test_sqlite_model_splits_like_the_library_with_its_own_model(splitter):
    # The library with its own model, in a process of its own (340 MB while it runs).
    result = subprocess.run([sys.executable, "-c", LIBRARY_SPLITS, json.dumps(WORDS)],
                            capture_output=True, text=True, check=True)
    expected = [tuple(split) for split in json.loads(result.stdout)]
    assert [tuple(splitter.split_compound(word)) for word in WORDS] == expected
    assert splitter.parts("Anerkennungsberatung") == ("Anerkennung", "Beratung")


def test_model_conversion_reads_every_entry_of_the_module_text(tmp_path):
    source = tmp_path / "model.py"
    source.write_text("prefix={'abc': 1.0, 'ä\\'b': -0.5, 'abc': 0.75}\ninfix={'x': 2e-05}\n"
                      "suffix={'zz': 0.25}\n", encoding="utf-8")
    database = tmp_path / "m.sqlite"
    model.convert(str(source), str(database))
    import sqlite3

    connection = sqlite3.connect(database)
    assert connection.execute("SELECT key, p FROM prefix ORDER BY rowid").fetchall() == \
        [("abc", 1.0), ("ä'b", -0.5), ("abc", 0.75)]
    assert connection.execute("SELECT key, p FROM infix").fetchall() == [("x", 2e-05)]
    assert connection.execute("SELECT key, p FROM suffix").fetchall() == [("zz", 0.25)]
    assert not list(tmp_path.glob("*.sqlite-neu"))  # written beside and renamed
    # Looked up as the library looks up its dict: the last of two equal keys, a default.
    prefix = model.Table(connection, "prefix")
    assert prefix.get("abc", -1) == 0.75 and prefix.get("ä'b") == -0.5
    assert prefix.get("fehlt", -1) == -1


def test_dutch_model_is_never_loaded(splitter):
    splitter.split_compound("Arbeitsmarktchancen")
    with pytest.raises(AttributeError, match="Dutch model is not loaded"):
        sys.modules[model.DUTCH].prefix


def test_compound_splits_kept_between_builds_only_for_the_same_model(tmp_path, monkeypatch):
    splits_file = str(tmp_path / "cache" / "Suchindex-Komposita")
    first = CompoundSplitter(str(tmp_path / "cache"), splits_file)
    assert first.splits == {}
    first.splits[("Anerkennungsberatung", 2)] = ("Anerkennung", "Beratung")
    first.save()
    again = CompoundSplitter(str(tmp_path / "cache"), splits_file)
    # A kept split is used without asking the model.
    monkeypatch.setattr(again, "split_candidates", lambda word: pytest.fail(word))
    assert again.parts("Anerkennungsberatung") == ("Anerkennung", "Beratung")
    monkeypatch.setattr("search_index.compounds.model_version", lambda: "anderes Modell")
    assert CompoundSplitter(str(tmp_path / "cache"), splits_file).splits == {}


def _bundle(folder):
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_index_is_the_same_with_the_model_and_with_kept_splits(public_site, tmp_path, splitter):
    """The build's own index, byte for byte, from the model and from the splits of a build
    before (then the model is never asked)."""
    built = _bundle(public_site / "pagefind")
    splits_file = str(tmp_path / "Suchindex-Komposita")
    for name in ("model", "known words"):
        site = tmp_path / name
        shutil.copytree(public_site, site, ignore=shutil.ignore_patterns("pagefind"))
        words = CompoundSplitter(splitter.cache_path, splits_file)
        if name == "known words":
            words.split_candidates = lambda word: pytest.fail(word)
        scratch = tmp_path / f"{name}.suche"
        reports = prepare_pages(str(site), str(scratch), words)
        assert reports
        add_parts_the_site_knows(str(site), str(scratch), reports)
        run_pagefind(str(scratch), str(site / "pagefind"))
        words.save()
        assert _bundle(site / "pagefind") == built, name
        indexed = {str(p.relative_to(scratch)) for p in scratch.rglob("*.html")}
        # Guards: real pages are in, noindex pages (404, search, e-mail versions) are not.
        assert {"ueber-uns/index.html", "newsletter/2025-03/index.html"} <= indexed
        assert "404.html" not in indexed and "suche/index.html" not in indexed
        assert not any(page.endswith("email.html") for page in indexed)
    assert any(name.endswith(".pf_fragment") for name in built)
