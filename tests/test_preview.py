"""The instant preview (scripts/preview*.py): the same site as a build, made page by page;
a save shows at once; errors on every page; requests answered while a run is under way."""

import threading
import time
import urllib.error
import urllib.request

import pytest

import sitebuild
from conftest import PELICANCONF, copy_site_lists
from events_support import BUILD_DATE, event
from good_practice_helpers import sheet
from previewserver import make_server
from previewsite import PreviewSite

ISSUE = ("---\nissue: 3\nyear: 2025\ndate: 2025-06-16\nsummary: Neues aus dem Netzwerk\n---\n"
         "Liebe Leserinnen und Leser,\n\nwillkommen.\n\n## Praxistipp für Unternehmen – Mentoring\n\n"
         "Ein Tipp.\n")
PAGE = "---\ntitle: Über uns\n---\nWir sind das IQ Netzwerk.\n"
FILES = {
    "pages/ueber-uns.md": PAGE,
    "newsletter/2025-03.md": ISSUE,
    "good-practice/testsheet.md": sheet(),
    "events/2025-06-26-seminar.md": event("Seminar", start="2025-06-26 10:00",
                                          end="2025-06-26 11:30", format="Online-Seminar"),
    "events/2025-07-03-entwurf.md": event("Entwurf", start="2025-07-03 10:00", status="draft"),
}
OVERRIDES = {"BUILD_DATE": BUILD_DATE, "IQ_GIT_HISTORY": False}


def write_content(folder, files):
    copy_site_lists(folder, files)
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def save(path, text):
    """As an editor's save: new text, and a later modification time even within one tick."""
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    import os

    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path / "content", FILES)


@pytest.fixture
def site(tmp_path, content):
    preview = PreviewSite(PELICANCONF, str(tmp_path / "vorschau"),
                          {**OVERRIDES, "PATH": str(content)})
    preview.rebuild()
    assert preview.problems == []
    return preview


@pytest.fixture
def served(site):
    server = make_server(site, None, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), response.headers, response.url
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers, url


def test_every_file_is_the_one_the_build_writes(site, content, tmp_path):
    built = tmp_path / "gebaut"
    sitebuild.build(PELICANCONF, str(built), overrides={**OVERRIDES, "PATH": str(content),
                                                        "SEARCH_INDEX": False})
    files = {path.relative_to(built).as_posix(): path.read_bytes()
             for path in built.rglob("*") if path.is_file()}
    state = site.current
    assert {name: state.file(name) for name in files} == files
    assert set(state.names()) <= set(files)
    # Guard: pages, listings, a draft, a calendar, e-mails and static files are compared.
    assert {"ueber-uns/index.html", "newsletter/2025-03/email.html",
            "newsletter/2025-03/email.txt", "termine/termine.ics", "termine/index.html",
            "termine/2025-07-03-entwurf/index.html", "good-practice/index.json",
            "good-practice/testsheet/index.html", "theme/css/main.css"} <= set(files)


def test_a_save_shows_on_the_page_and_only_changed_files_are_read_again(site, content, served):
    status, page, headers, _ = get(served + "/ueber-uns/")
    assert status == 200 and "Wir sind das IQ Netzwerk." in page
    assert headers["Cache-Control"] == "no-store"
    assert '<script src="/__vorschau/vorschau.js" data-stand="' in page
    reads = []
    site.cache.read = wrap(site.cache.read, reads)
    save(content / "pages/ueber-uns.md", PAGE.replace("Wir sind", "Neu: wir sind"))
    site.rebuild()
    assert "Neu: wir sind das IQ Netzwerk." in get(served + "/ueber-uns/")[1]
    assert sorted(path for path, fresh in reads if fresh) == [str(content / "pages/ueber-uns.md")]


def wrap(read, calls):
    """Notes each file the reader asked for and whether it was read again."""
    def counting(source_path, really_read):
        def noted(path):
            calls.append((path, True))
            return really_read(path)
        calls.append((source_path, False))
        return read(source_path, noted)
    return counting


def test_listings_and_calendars_are_current_after_a_save(site, content, served):
    save(content / "events/2025-06-26-seminar.md",
         event("Umbenanntes Seminar", start="2025-06-26 10:00", end="2025-06-26 11:30",
               format="Online-Seminar"))
    site.rebuild()
    assert "Umbenanntes Seminar" in get(served + "/termine/")[1]
    assert "SUMMARY:Umbenanntes Seminar" in get(served + "/termine/termine.ics")[1]
    assert "Umbenanntes Seminar" in get(served + "/")[1]


def test_an_error_shows_on_every_page_with_file_and_line_until_it_is_fixed(site, content, served):
    save(content / "events/2025-06-26-seminar.md",
         event("Seminar", start="2025-06-31 10:00", format="Online-Seminar"))
    site.rebuild()
    for path in ("/", "/ueber-uns/", "/gibt-es-nicht/"):
        page = get(served + path)[1]
        assert 'id="iq-vorschau-fehler" role="alert"' in page
        assert ("events/2025-06-26-seminar.md, Zeile 3, Schlüssel „start“: „2025-06-31 10:00“ "
                "ist kein gültiges Datum") in page
        assert "Die Vorschau hat ein Problem gefunden" in page
    # The pages show the last state without errors meanwhile.
    assert "Seminar" in get(served + "/termine/2025-06-26-seminar/")[1]
    save(content / "events/2025-06-26-seminar.md",
         event("Seminar", start="2025-06-30 10:00", format="Online-Seminar"))
    site.rebuild()
    page = get(served + "/ueber-uns/")[1]
    assert "iq-vorschau-fehler" not in page


def test_messages_are_those_of_invoke_check(site, content):
    save(content / "good-practice/testsheet.md", sheet(drop=("subtitle",)))
    (content / "pages/neu.md").write_text("---\ntitel: Neu\n---\nText\n", encoding="utf-8")
    site.rebuild()
    with pytest.raises(sitebuild.BuildError) as failure:
        sitebuild.check(PELICANCONF, {**OVERRIDES, "PATH": str(content)})
    assert site.problems == [line[2:] for line in str(failure.value).splitlines()]
    assert len(site.problems) >= 2


def test_addresses_redirects_and_missing_pages(site, served):
    status, _, _, url = get(served + "/ueber-uns")
    assert status == 200 and url.endswith("/ueber-uns/")
    status, page, _, _ = get(served + "/gibt-es-nicht/")
    assert status == 404 and "vorschau.js" in page
    status, _, _, url = get(served + "/__vorschau/seite?datei=content/events/2025-06-26-seminar.md")
    assert status == 200 and url.endswith("/termine/2025-06-26-seminar/")
    status, text, _, _ = get(served + "/__vorschau/seite?datei=events/fehlt.md")
    assert status == 404 and "fehlt.md" in text
    status, _, headers, _ = get(served + "/termine/termine.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    assert get(served + "/theme/../../pelicanconf.py")[0] == 404
    # The web editor keeps its page as built: no reload after each of its own saves.
    status, page, _, _ = get(served + "/admin/")
    assert status == 200 and "decap-cms.js" in page and "vorschau.js" not in page


def test_drafts_are_shown_with_their_banner(site, served):
    status, page, _, _ = get(served + "/termine/2025-07-03-entwurf/")
    assert status == 200 and "Entwurf" in page


def test_requests_are_answered_while_a_run_is_under_way(site, content, served):
    """A run holds the building lock; a request meanwhile gets the last state at once."""
    with site._building:
        started = threading.Thread(target=site.rebuild)
        started.start()
        status, page, _, _ = get(served + "/ueber-uns/")
        assert status == 200 and "Wir sind das IQ Netzwerk." in page
        assert started.is_alive()  # the run is still waiting: the answer did not wait for it
    started.join()


def test_version_stream_reports_each_run(site, served):
    request = urllib.request.urlopen(served + "/__vorschau/stand", timeout=30)
    first = request.readline().decode()
    request.readline()
    assert first.startswith("data: ")
    threading.Thread(target=site.rebuild).start()
    second = request.readline().decode()
    request.close()
    assert second.startswith("data: ") and second != first


def test_a_save_starts_a_run_by_itself(site, content):
    """The watcher (watchfiles) notices a save and runs the site again."""
    import preview

    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, daemon=True,
                               args=(site, None, str(content), str(content / "pages"), stop))
    watcher.start()
    try:
        time.sleep(0.5)  # the watcher is listening
        version = site.version
        save(content / "pages/ueber-uns.md", PAGE.replace("Wir", "Ihr"))
        assert site.wait_for_change(version, 30) != version
        assert b"Ihr sind" in site.current.file("ueber-uns/index.html")
    finally:
        stop.set()
        watcher.join(timeout=10)
