"""Lighthouse (mobile emulation) for the home, archive, fact-sheet and event pages.

    python benchmarks/lighthouse.py                 # builds the public site into a temp folder
    python benchmarks/lighthouse.py --site output   # an existing build (preview or public)

Serves the build on 127.0.0.1 (Python's http.server), runs the pinned npm `lighthouse`
(package.json; `npm ci` installs it) with Debian's Chromium and prints the performance
and accessibility scores as a Markdown table. Lighthouse's defaults stay: mobile form
factor, simulated slow 4G and a 4x slower CPU. Not part of the test suite: one run
takes about 15 s per page and its performance score varies with the machine's load.

The public build links absolute addresses (https://www.iq-niedersachsen.example/...):
served locally its stylesheets would not load, so a public build made here sets
IQ_SITEURL to the local server's address (publishconf.py reads it).
"""

import argparse
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LIGHTHOUSE = os.path.join(ROOT, "node_modules", ".bin", "lighthouse")
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pages_of(site):
    """The four page types: home, newsletter archive, the first fact sheet and event page."""
    def first_page(folder, has_file):
        base = os.path.join(site, folder)
        for name in sorted(os.listdir(base)):
            if os.path.isfile(os.path.join(base, name, has_file)):
                return f"/{folder}/{name}/"
        raise SystemExit(f"Keine Seite unter {base}")
    facets = {"kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde", "kriterien"}
    sheet = next(f"/good-practice/{name}/" for name in sorted(os.listdir(os.path.join(site, "good-practice")))
                 if name not in facets and os.path.isdir(os.path.join(site, "good-practice", name)))
    return [("Startseite", "/"), ("Newsletter-Archiv", "/newsletter/"), ("Steckbrief", sheet),
            # An event page is the folder with the event's own calendar next to it.
            ("Termin", first_page("termine", "termin.ics"))]


def run_lighthouse(url, scratch):
    report = os.path.join(scratch, "report.json")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    command = [LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility",
               f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, env=env, check=True, cwd=scratch)
    with open(report, encoding="utf-8") as handle:
        data = json.load(handle)
    scores = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
    # Audits and insights under 0.9, so a score under 100 says why (insights such as
    # cache headers of the local server are hints and need not cost points).
    failing = sorted(audit["id"] for audit in data["audits"].values()
                     if audit.get("score") is not None and audit["score"] < 0.9
                     and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    metrics = {key: data["audits"][key]["displayValue"]
               for key in ("first-contentful-paint", "largest-contentful-paint",
                           "total-blocking-time", "cumulative-layout-shift")
               if key in data["audits"]}
    return scores, failing, metrics


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", help="gebaute Website (Standard: öffentlicher Bau in einen Temp-Ordner)")
    args = parser.parse_args()
    if not os.path.exists(LIGHTHOUSE):
        raise SystemExit("lighthouse fehlt: `npm ci` im Projektordner installiert es.")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="iq-lighthouse-") as scratch:
        site = args.site
        if not site:
            site = os.path.join(scratch, "site")
            env = dict(os.environ, IQ_SITEURL=f"http://127.0.0.1:{port}")
            subprocess.run([sys.executable, "scripts/sitebuild.py", "publishconf.py", site],
                           cwd=ROOT, env=env, check=True)
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        try:
            for label, path in pages_of(site):
                scores, failing, metrics = run_lighthouse(f"http://127.0.0.1:{port}{path}", scratch)
                rows.append((label, path, scores, failing, metrics))
                print(f"  {label}: {scores}", file=sys.stderr)
        finally:
            server.shutdown()
    print("| Seite | Adresse | Performance | Barrierefreiheit | FCP / LCP / TBT / CLS | Audits und Hinweise unter 0,9 |")
    print("| --- | --- | ---: | ---: | --- | --- |")
    for label, path, scores, failing, metrics in rows:
        print(f"| {label} | `{path}` | {scores['performance']} | {scores['accessibility']} | "
              f"{' / '.join(metrics.values())} | {', '.join(failing) or '–'} |")


if __name__ == "__main__":
    main()
