"""scripts/prereading.py: files read by the second process reach Pelican exactly as if
Pelican's reader had read them itself: content, metadata, errors and log messages."""

import logging

import pytest
from pelican import Pelican, signals
from pelican.readers import Readers
from pelican.settings import read_settings

from conftest import PELICANCONF
from prereading import AHEAD, PreReading, markdown_files

PAGE = "---\ntitle: {title}\nsummary: Kurz & <b>knapp</b>\n---\n\n{body}\n"
FILES = {
    "pages/a-seite.md": PAGE.format(title="Über uns", body="Text mit *Betonung* und Partner*innen."),
    "pages/b-kaputt.md": "---\ntitle: [Fehler\n---\n\nText\n",
    "pages/c-doppelt.md": "---\ntitle: Doppelt\nslug: [erste-adresse, zweite-adresse]\n---\n\nText\n",
    "pages/d-kein-kopf.md": "Nur Text, kein Kopfbereich.\n",
    "newsletter/2025-01.md": PAGE.format(title="Newsletter", body="## Editorial\n\nHallo."),
}


def read_all(settings, files):
    readers = Readers(settings)
    results = {}
    for path in files:
        try:
            content, metadata = readers.readers["md"].read(path)
            # Problems the reader leaves for the content type: compared by their messages.
            problems = [error.message() for error in metadata.pop("content_problems", [])]
            results[path] = ("ok", content, metadata, problems)
        except Exception as error:  # noqa: BLE001
            results[path] = ("error", type(error).__name__, str(error))
    return results


@pytest.fixture
def settings(tmp_path):
    for relative, text in FILES.items():
        target = tmp_path / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = read_settings(PELICANCONF, override={"PATH": str(tmp_path / "content")})
    Pelican(settings)  # the plugins set up their readers (iq_core's Markdown reader)
    return settings


def test_files_read_ahead_are_what_the_reader_gives(settings, caplog):
    files = markdown_files(settings["PATH"])
    pre_reading = PreReading(settings)
    assert pre_reading.enabled
    pre_reading.start(signals)
    try:
        pre_reading._process.join(timeout=60)  # let the second process take every file
        assert all(taken == AHEAD for taken in pre_reading.taken)
        with caplog.at_level(logging.WARNING):
            got = read_all(settings, files)
    finally:
        pre_reading.stop()
    expected = read_all(settings, files)
    assert got == expected
    broken = next(path for path in files if path.endswith("b-kaputt.md"))
    assert expected[broken][0] == "error"  # guards: a broken file fails, others are read
    assert "kein gültiges YAML" in expected[broken][2]
    doubled = expected[next(path for path in files if "c-doppelt" in path)]
    assert "erwartet ist ein Text" in doubled[3][0]
    assert sum(result[0] == "ok" for result in expected.values()) == 3


def test_off_with_the_content_cache_or_when_switched_off(settings):
    assert not PreReading({**settings, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}).enabled
    assert not PreReading({**settings, "IQ_PREREADING": False}).enabled
