"""The preview's web server: pages from memory, the reload script and the error overlay.

Every HTML page gets, before `</body>`, the script that reloads it when the site changes
(vorschau/vorschau.js) and, while the last run found problems, a German overlay that
lists them all. Requests are answered from the last state without errors; a run in
progress never holds one up.
"""

import html
import http.server
import mimetypes
import os
import time
from urllib.parse import parse_qs, unquote, urlsplit

from buildmessages import unexpected

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "vorschau", "vorschau.js")
# Tells this process's states from those of a preview started before (a restart reloads).
PROCESS = f"{os.getpid()}-{time.monotonic_ns()}"
KEEPALIVE_SECONDS = 15
TYPES = {".ics": "text/calendar; charset=utf-8", ".xml": "application/xml; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".txt": "text/plain; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}

OVERLAY_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;"
    "margin:0;padding:1rem 1.5rem;background:#fff;color:#1a1a1a;border-top:6px solid #b00020;"
    "box-shadow:0 -4px 16px rgba(0,0,0,.35);font:16px/1.5 system-ui,sans-serif;text-align:left")


def stand(version):
    return f"{PROCESS}-{version}"


def name_for(path):
    """The site's file for a URL path: "/termine/" → "termine/index.html"."""
    name = unquote(path).lstrip("/")
    return name + "index.html" if not name or name.endswith("/") else name


def overlay(problems):
    items = "".join(f"<li>{html.escape(message)}</li>" for message in problems)
    count = "ein Problem" if len(problems) == 1 else f"{len(problems)} Probleme"
    return (f'<div id="iq-vorschau-fehler" role="alert" lang="de" style="{OVERLAY_STYLE}">'
            f'<h2 style="margin:0 0 .5rem;font-size:1.25rem;color:#b00020">Die Vorschau hat '
            f'{count} gefunden</h2><p style="margin:0 0 .5rem">Die Seiten zeigen den letzten '
            "Stand ohne Fehler. Dieser Hinweis verschwindet, sobald Sie die Korrektur "
            'speichern.</p><ul style="margin:0 0 .5rem;padding-left:1.5rem">'
            f"{items}</ul><button type=\"button\" id=\"iq-vorschau-fehler-ausblenden\">"
            "Hinweis ausblenden</button></div>")


def with_preview_parts(page, version, problems):
    """The page with the reload script and, if there are problems, the overlay."""
    parts = (overlay(problems) if problems else "") + \
        f'<script src="/__vorschau/vorschau.js" data-stand="{stand(version)}" defer></script>'
    end = page.rfind(b"</body>")
    end = len(page) if end < 0 else end
    return page[:end] + parts.encode("utf-8") + page[end:]


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    site = None     # previewsite.PreviewSite
    indexer = None  # previewsearch.SearchIndexer or None
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.answer(body=True)

    def do_HEAD(self):
        self.answer(body=False)

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass  # editors read the preview's messages, not every request

    def answer(self, body):
        path = urlsplit(self.path).path
        if path == "/__vorschau/stand":
            return self.stream_versions()
        if path == "/__vorschau/vorschau.js":
            with open(SCRIPT, "rb") as handle:
                return self.send(200, handle.read(), ".js", body)
        if path.startswith("/pagefind/"):
            return self.send_search_file(path, body)
        if path == "/__vorschau/seite":
            return self.page_of_file(body)
        site = self.site
        version, problems, state = site.version, list(site.problems), site.current
        name = name_for(path)
        try:
            data = state.file(name)
            if data is None and not name.endswith(".html") and state.file(name + "/index.html"):
                return self.redirect(path + "/")
            status = 200
            if data is None:
                status, name, data = 404, "404.html", state.file("404.html") or b""
        except Exception as error:  # noqa: BLE001 (a page that fails is shown as a message)
            status, name, data = 500, "fehler.html", b"<!DOCTYPE html><html lang=de><body></body></html>"
            problems.append(unexpected(error, None, {"CACHE_PATH": site.cache_path}))
        # Not the web editor (/admin/): it saves into content/, and a reload after every
        # save would throw the editor out of the entry (its policy forbids the script too).
        if name.endswith(".html") and not name.startswith("admin/"):
            data = with_preview_parts(data, version, problems)
        self.send(status, data, os.path.splitext(name)[1], body)

    def page_of_file(self, body):
        """/__vorschau/seite?datei=newsletter/2025-03.md leads to that file's page."""
        wanted = parse_qs(urlsplit(self.path).query).get("datei", [""])[0].strip("/")
        wanted = wanted[len("content/"):] if wanted.startswith("content/") else wanted
        url = self.site.current.pages.get(wanted)
        if url is None:
            message = f"Zur Datei „{wanted}“ gibt es (noch) keine Seite.".encode()
            return self.send(404, message, ".txt", body)
        self.redirect(url, status=302)

    def send_search_file(self, path, body):
        bundle = self.indexer.bundle if self.indexer else None
        data = None
        if bundle:
            target = os.path.realpath(os.path.join(bundle, unquote(path)[len("/pagefind/"):]))
            if target.startswith(os.path.realpath(bundle) + os.sep) and os.path.isfile(target):
                with open(target, "rb") as handle:
                    data = handle.read()
        if data is None:
            return self.send(404, b"", ".txt", body)
        self.send(200, data, os.path.splitext(path)[1], body)

    def send(self, status, data, extension, body):
        kind = TYPES.get(extension) or mimetypes.guess_type("x" + extension)[0] or \
            "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def redirect(self, location, status=301):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream_versions(self):
        """Server-sent events: the site's version now and after every run."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        version = self.site.version
        try:
            self.wfile.write(f"data: {stand(version)}\n\n".encode())
            self.wfile.flush()
            while True:
                new = self.site.wait_for_change(version, KEEPALIVE_SECONDS)
                message = ": weiter\n\n" if new == version else f"data: {stand(new)}\n\n"
                version = new
                self.wfile.write(message.encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def make_server(site, indexer, port, host="127.0.0.1"):
    handler = type("Handler", (PreviewHandler,), {"site": site, "indexer": indexer})
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_preview(site, indexer, port):
    with make_server(site, indexer, port) as server:
        print(f"Vorschau: http://localhost:{server.server_address[1]}/ (beenden mit Strg+C)",
              flush=True)
        server.serve_forever()
