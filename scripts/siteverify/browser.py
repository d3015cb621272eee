"""One page of each type in headless Chromium (Debian's, through Playwright): accessibility
by axe-core (WCAG 2.1 A/AA, with axe's German texts), requests to other hosts, the bytes a
phone downloads, and no sideways scrolling on a 320-px screen.

Pages are opened at the site's own address (SITEURL, or a stand-in for a preview build) and
every request to it is answered from the built folder, so a public build with absolute
links is checked as it will be served; every other request is recorded and refused.
"""

import contextlib
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import note, problem

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_GERMAN = ROOT / "node_modules" / "axe-core" / "locales" / "de.json"
STAND_IN = "https://vorschau.invalid"
# What a page makes a phone download before it is usable: HTML, CSS, JavaScript, fonts,
# data. Not counted: images, and Pagefind's bundle, which only the search loads on use.
BUDGET = 60_000
COUNTED = {"document", "stylesheet", "script", "fetch", "xhr", "font"}
NARROWEST = 320
MISSING = ("Chromium oder axe-core fehlt: „./scripts/install-checkers“ installiert beides.")


class SitePage:
    """A browser tab on the built site; records every request that leaves it."""

    def __init__(self, browser, output, base_url):
        self.output, self.base_url = Path(output), base_url.rstrip("/")
        self.foreign_requests, self.sizes = [], {}
        self.context = browser.new_context()
        self.context.route("**/*", self.answer)
        self.page = self.context.new_page()
        self.page.on("response", self.count)

    def file_for(self, url):
        path = unquote(urlsplit(url[len(self.base_url):]).path).lstrip("/")
        file = self.output / path
        return file / "index.html" if not path or file.is_dir() else file

    def answer(self, route):
        url = route.request.url
        if url.startswith("data:"):
            route.continue_()
        elif url == self.base_url or url.startswith(self.base_url + "/"):
            file = self.file_for(url)
            if file.is_file():
                route.fulfill(path=str(file))
            else:
                route.fulfill(status=404, body="")
        else:
            self.foreign_requests.append(url)
            route.abort()

    def count(self, response):
        kind = response.request.resource_type
        if kind in COUNTED and "/pagefind/" not in response.url:
            with contextlib.suppress(Exception):  # a refused request has no body
                self.sizes[response.url] = len(response.body())

    def open(self, path, width=1280):
        self.page.set_viewport_size({"width": width, "height": 800})
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


def german_number(value):
    """91.443"""
    return f"{value:_}".replace("_", ".")


def axe_findings(page):
    """(rule, German help, first targets) of each WCAG 2.1 A/AA violation of the open page."""
    page.add_script_tag(path=str(AXE))
    locale = json.loads(AXE_GERMAN.read_text(encoding="utf-8"))
    result = page.evaluate(
        """(locale) => { axe.configure({locale}); return axe.run(document, {runOnly:
             {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}); }""",
        locale)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
            for v in result["violations"]]


def page_problems(tab, kind, path):
    """Report lines for one page: accessibility, foreign requests, weight, narrow screens."""
    tab.sizes.clear()
    tab.foreign_requests.clear()
    page = tab.open(path)
    found = [f"Barrierefreiheit ({kind}, Regel {rule}): {help_} – betrifft {targets}."
             for rule, help_, targets in axe_findings(page)]
    found += [f"fragt {url} bei einem fremden Server an." for url in tab.foreign_requests]
    total = sum(tab.sizes.values())
    notes = []
    if total >= BUDGET:
        notes.append(f"zu schwer für ein Telefon: {german_number(total)} Bytes HTML, CSS und "
                     f"JavaScript (erlaubt sind unter {german_number(BUDGET)}).")
    tab.open(path, width=NARROWEST)
    wide = tab.page.evaluate("document.documentElement.scrollWidth")
    if wide > NARROWEST:
        found.append(f"ist auf einem {NARROWEST} Pixel schmalen Bildschirm {wide} Pixel "
                     "breit (man muss seitwärts scrollen).")
    return [problem(path, text) for text in found] + [note(path, text) for text in notes]


def browser_problems(output, page_types, site_url=None, browser=None):
    """Report lines for one page of each type ({type: URL path}), in `browser` (a
    Playwright browser; by default Debian's Chromium, started here)."""
    if not AXE.exists() or (browser is None and not Path(CHROMIUM).exists()):
        return [MISSING]
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return browser_problems(output, page_types, site_url, chromium)
            finally:
                chromium.close()
    problems = []
    tab = SitePage(browser, output, site_url or STAND_IN)
    try:
        for kind, path in sorted(page_types.items()):
            problems += page_problems(tab, kind, path)
    finally:
        tab.close()
    return problems
