"""The screenshots of the editors' chapter "Im Browser bearbeiten" (docs/redaktion/
web-editor.md), taken anew in Chromium whenever the web editor changes:

    .venv/bin/python scripts/cms_screenshots.py

Builds the fixture site (tests/site/content, never the real content/) into a scratch
folder, runs decap-server on a scratch git copy of it and photographs /admin/ as an editor
sees it: German browser, Berlin time. The PNGs are reduced to 256 colours (each well
under 150 KB), so the repository stays small.
"""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(HERE, "scripts"), os.path.join(HERE, "plugins")]

from cmsserver import start_decap_server, stop_decap_server  # noqa: E402
from siteverify.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
import sitebuild  # noqa: E402

FIXTURE = os.path.join(HERE, "tests", "site", "content")
PICTURES = os.path.join(HERE, "docs", "redaktion", "bilder")
SIZE = {"width": 1280, "height": 760}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


@contextlib.contextmanager
def served(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def scratch_checkout(folder):
    shutil.copytree(FIXTURE, os.path.join(folder, "content"))
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)


def save_small(png, name):
    """The screenshot in 256 colours: a tenth of the size, text still sharp."""
    from PIL import Image

    path = os.path.join(PICTURES, name)
    with Image.open(png) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)
    print(f"{os.path.relpath(path, HERE)}: {os.path.getsize(path) // 1024} KB")


def photograph(page, base, folder):
    shot = functools.partial(page.screenshot, path=os.path.join(folder, "bild.png"))

    def take(name):
        shot()
        save_small(os.path.join(folder, "bild.png"), name)

    page.goto(base + "/admin/")
    page.get_by_role("button", name="Anmelden").wait_for()
    take("web-editor-anmelden.png")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Termine").first.click()
    page.get_by_text("Deutsch am Arbeitsplatz").first.wait_for()
    take("web-editor-liste.png")
    page.goto(base + "/admin/#/collections/termine/new")
    page.get_by_label("Titel").fill("Fachtag Anerkennung in der Pflege")
    page.get_by_label("Beginn").fill("2026-06-26T10:00")
    page.locator("[data-slate-editor]").click()
    page.keyboard.type("Ein Fachtag für Beratende und Arbeitgeber in Hannover.")
    page.wait_for_timeout(500)
    take("web-editor-formular.png")


def photograph_required_field(page, base, folder):
    """A fresh browser (no unsaved form from before): the title left empty."""
    page.goto(base + "/admin/")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Termine").first.wait_for()
    page.goto(base + "/admin/#/collections/termine/new")
    page.get_by_label("Beginn").fill("2026-07-01T09:30")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_text("Jetzt veröffentlichen").click()
    page.get_by_text("Titel ist erforderlich.").wait_for()
    page.screenshot(path=os.path.join(folder, "bild.png"))
    save_small(os.path.join(folder, "bild.png"), "web-editor-pflichtfeld.png")


def main():
    from playwright.sync_api import sync_playwright

    os.makedirs(PICTURES, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="iq-bilder-") as folder:
        output, checkout = os.path.join(folder, "output"), os.path.join(folder, "checkout")
        sitebuild.build(os.path.join(HERE, "pelicanconf.py"), output, overrides={
            "PATH": FIXTURE, "BUILD_DATE": "2026-11-30", "IQ_GIT_HISTORY": False})
        os.makedirs(checkout)
        scratch_checkout(checkout)
        server = start_decap_server(checkout)
        try:
            with served(output) as base, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                     args=CHROMIUM_ARGS + ["--lang=de-DE"])
                for take in (photograph, photograph_required_field):
                    page = browser.new_page(locale="de-DE", timezone_id="Europe/Berlin",
                                            viewport=SIZE)
                    take(page, base, folder)
                    page.context.close()
                browser.close()
        finally:
            stop_decap_server(server)


if __name__ == "__main__":
    main()
