"""The instant preview in Chromium: the open page reloads itself after a save, an error
appears as an accessible German overlay and disappears with the fix."""

import threading

import pytest

from conftest import PELICANCONF, LocalPage, axe_violations
from events_support import BUILD_DATE, event
from previewserver import make_server
from previewsite import PreviewSite
from test_preview import FILES, PAGE, save, write_content


@pytest.fixture
def preview(tmp_path, browser):
    content = write_content(tmp_path / "content", FILES)
    site = PreviewSite(PELICANCONF, str(tmp_path / "vorschau"),
                       {"BUILD_DATE": BUILD_DATE, "PATH": str(content)})
    site.rebuild()
    server = make_server(site, None, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    tab = LocalPage(browser, f"http://127.0.0.1:{server.server_address[1]}")
    yield site, content, tab
    tab.close()
    server.shutdown()
    server.server_close()


def test_the_open_page_shows_a_save_and_an_error_by_itself(preview):
    site, content, tab = preview
    page = tab.open("/ueber-uns/")
    page.evaluate("window.__vorschauBereit = true")  # a mark that a reload removes
    save(content / "pages/ueber-uns.md", PAGE.replace("Wir sind", "Gespeichert: wir sind"))
    site.rebuild()
    # No click, no reload by the test: the page's script reloads it.
    page.wait_for_selector("text=Gespeichert: wir sind das IQ Netzwerk.", timeout=15000)
    assert page.evaluate("window.__vorschauBereit") is None  # a new document: reloaded

    save(content / "events/2025-06-26-seminar.md",
         event("Seminar", start="2025-06-31 10:00", format="Online-Seminar"))
    site.rebuild()
    overlay = page.wait_for_selector("#iq-vorschau-fehler", timeout=15000)
    assert overlay.get_attribute("role") == "alert"
    assert "„2025-06-31 10:00“ ist kein gültiges Datum" in overlay.inner_text()
    assert axe_violations(page) == []
    assert tab.foreign_requests == []

    page.click("#iq-vorschau-fehler-ausblenden")
    assert not overlay.is_visible()
    save(content / "events/2025-06-26-seminar.md",
         event("Seminar", start="2025-06-30 10:00", format="Online-Seminar"))
    site.rebuild()
    page.wait_for_function("!document.getElementById('iq-vorschau-fehler')", timeout=15000)
