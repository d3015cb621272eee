"""Reading ahead on the second core (iq_core.readahead): the same site and the same
messages as reading in one process; a helper that dies leaves its files to the build."""

import pytest

import sitebuild
from conftest import PELICANCONF, build_fixture_site
from events_support import BUILD_DATE, event
from good_practice_helpers import sheet

FILES = {
    "pages/ueber-uns.md": "---\ntitle: Über uns\n---\nWir sind das IQ Netzwerk.\n",
    "newsletter/2025-03.md": "---\nissue: 3\nyear: 2025\ndate: 2025-06-16\nsummary: Neu\n---\n"
                             "Editorial.\n\n## Praxistipp für Unternehmen – Tandem\n\nText.\n",
    "good-practice/eins.md": sheet(title="Erstes Beispiel"),
    **{f"events/2025-07-{day:02d}-seminar.md": event(f"Seminar {day}",
                                                     start=f"2025-07-{day:02d} 10:00")
       for day in range(1, 13)},
}
BROKEN = {
    "events/2025-06-31-kaputt.md": event("Kaputt", start="2025-06-31 10:00"),
    "good-practice/zwei.md": sheet(title="Zweites", drop=("subtitle",)),
    "pages/leer.md": "kein Kopfbereich\n",
}


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def build(tmp_path, name, content, ahead):
    return build_fixture_site(tmp_path / name, content, public=True, overrides={
        "BUILD_DATE": BUILD_DATE, "IQ_READ_AHEAD_FILES": ahead, "SEARCH_INDEX": False})


@pytest.fixture
def helpers(monkeypatch):
    """The build's read-ahead helpers; each has read a few files before Pelican reads, as
    in a large build where the helper is under way while Pelican reads (a small site is
    read before a helper has even started)."""
    made = []
    original = sitebuild.read_ahead

    def read_ahead_started(settings):
        ahead = original(settings)
        if ahead is not None:
            with ahead.arrived:
                assert ahead.arrived.wait_for(lambda: len(ahead.results) >= 5, timeout=60)
        made.append(ahead)
        return ahead

    monkeypatch.setattr(sitebuild, "read_ahead", read_ahead_started)
    return made


def test_the_site_is_the_same_read_ahead_or_not(tmp_path, helpers):
    ahead, alone = build(tmp_path, "voraus", FILES, 1), build(tmp_path, "allein", FILES, None)
    assert files(ahead) == files(alone)
    assert "termine/2025-07-12-seminar/index.html" in files(ahead)  # guard: events were read
    # Guard: the helper read some of the files, the second build read alone.
    assert helpers[0].from_helper > 0 and helpers[1] is None


def test_the_messages_are_the_same_read_ahead_or_not(tmp_path, helpers):
    messages = {}
    for name, threshold in (("voraus", 1), ("allein", None)):
        with pytest.raises(sitebuild.BuildError) as failure:
            build(tmp_path, name, {**FILES, **BROKEN}, threshold)
        messages[name] = str(failure.value).replace(str(tmp_path / name), "…")
    assert messages["voraus"] == messages["allein"]
    for wanted in ("2025-06-31-kaputt.md, Zeile 3, Schlüssel „start“: „2025-06-31 10:00“ "
                   "ist kein gültiges Datum", "zwei.md, Schlüssel „subtitle“",
                   "leer.md, Zeile 1: Der Kopfbereich fehlt."):
        assert wanted in messages["voraus"]
    assert "unerwartet" not in messages["voraus"]
    assert helpers[0].from_helper >= 5  # guard: broken files came from the helper too


def test_files_of_a_helper_that_died_are_read_by_the_build(tmp_path):
    from iq_core.readahead import ReadAhead, markdown_files
    from iq_core.reader import IQReader
    from pelican.settings import read_settings

    content = tmp_path / "content"
    for relative, text in FILES.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    settings = read_settings(PELICANCONF, override={"PATH": str(content)})
    reader = IQReader(settings)
    paths = markdown_files(str(content))
    ahead = ReadAhead(settings, paths)
    ahead.process.kill()  # at once: most files are left to the build
    try:
        for path in paths:
            body, metadata = ahead.read(path, reader.read)
            assert metadata["source_text"] == open(path, encoding="utf-8").read()
    finally:
        ahead.close()
