"""Shared fixtures: full builds of the fixture site, a local server, headless Chromium.

The tests never read the real content/ (editors change it every day) and never ask the
clock: the session builds use the frozen sample site under tests/site/content and a fixed
"today" (SITE_BUILD_DATE). Full builds run once per test session. Content-type tests build tiny fixture sites
with `build_fixture_site`. Browser tests use Debian's /usr/bin/chromium through
Playwright and fail on any request that leaves the local server.
"""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

import sitebuild  # noqa: E402

PELICANCONF = os.path.join(ROOT, "pelicanconf.py")
PUBLISHCONF = os.path.join(ROOT, "publishconf.py")
# The fixture site: a frozen copy of the sample content, built as of a fixed day.
SITE_CONTENT = os.path.join(ROOT, "tests", "site", "content")
SITE_BUILD_DATE = "2026-11-30"
# No git history either: the repository's commits are this project's, not the fixture's
# (tests/test_history.py builds sites in repositories with fixed commit times).
SITE_OVERRIDES = {"PATH": SITE_CONTENT, "BUILD_DATE": SITE_BUILD_DATE, "IQ_GIT_HISTORY": False}
from siteverify.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 (the same browser)


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory):
    """The fixture site built with pelicanconf.py (root-relative links, drafts shown)."""
    output = tmp_path_factory.mktemp("preview") / "output"
    sitebuild.build(PELICANCONF, str(output), overrides=SITE_OVERRIDES)
    return output


@pytest.fixture(scope="session")
def public_site(tmp_path_factory):
    """The fixture site built with publishconf.py (absolute links, feeds, no drafts)."""
    output = tmp_path_factory.mktemp("public") / "output"
    sitebuild.build(PUBLISHCONF, str(output), overrides=SITE_OVERRIDES)
    return output


def copy_site_lists(content, files=()):
    """The sample site's shared lists (content/listen/) into `content`, except those that
    `files` names ({"listen/themen.yaml": text of the test's own, or None: no such list})."""
    lists = os.path.join(SITE_CONTENT, "listen")
    os.makedirs(os.path.join(content, "listen"), exist_ok=True)
    for name in sorted(os.listdir(lists)):
        if f"listen/{name}" not in files:
            shutil.copyfile(os.path.join(lists, name), os.path.join(content, "listen", name))


def build_fixture_site(tmp_path, files, *, public=False, overrides=None):
    """Build a tiny site from `files` ({path below content/: text}), with the sample
    site's shared lists unless `files` has its own (see copy_site_lists).

    Returns the output folder. Raises sitebuild.BuildError with the editors' message.
    """
    content = tmp_path / "content"
    copy_site_lists(content, files)
    for relative, text in files.items():
        if text is None:
            continue
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    output = tmp_path / "output"
    # A fixed "today" unless the test sets its own: no fixture build asks the clock.
    settings = {"PATH": str(content), "BUILD_DATE": SITE_BUILD_DATE, "IQ_GIT_HISTORY": False,
                **(overrides or {})}
    # In this process: the full build through a child process is tested by the session
    # builds and tests/test_atomic_build.py; here the messages matter, quickly.
    sitebuild.build(PUBLISHCONF if public else PELICANCONF, str(output), overrides=settings,
                    in_process=True)
    return output


@pytest.fixture
def fixture_site(tmp_path):
    return functools.partial(build_fixture_site, tmp_path)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


@contextlib.contextmanager
def served(directory):
    """`directory` on a local server: its base URL (no trailing slash), while in use."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(preview_site):
    """Base URL of the preview build on a local server (no trailing slash)."""
    with served(preview_site) as url:
        yield url


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (STARTTLS of a local mail server):
    (certificate file, key file)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian chromium fehlt: der Testbefehl aus README.md installiert ihn.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class LocalPage:
    """A browser tab that records every request to a host other than the local server."""

    def __init__(self, browser, base_url, **context_options):
        self.base_url = base_url
        self.foreign_requests = []
        self.context = browser.new_context(**context_options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url + "/") or url == self.base_url or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def open(self, path, width=None):
        if width:
            self.page.set_viewport_size({"width": width, "height": 800})
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def local_page(browser, site_url):
    tab = LocalPage(browser, site_url)
    yield tab
    tab.close()


AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")


def axe_violations(page):
    """axe-core WCAG 2.1 A/AA violations of the open page (rule id, first targets)."""
    if not os.path.exists(AXE):
        pytest.fail("axe-core fehlt: der Testbefehl aus README.md installiert es (npm ci).")
    page.add_script_tag(path=AXE)
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
    ]


def html_files(folder):
    return sorted(p for p in folder.rglob("*.html"))


def has_tool(name):
    return shutil.which(name) is not None
