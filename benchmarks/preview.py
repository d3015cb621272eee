"""Preview benchmark: from saving a file to the updated page being served.

    python benchmarks/preview.py                  # today's content and 1,000 generated items
    python benchmarks/preview.py --sizes 0        # today's content only (0 = content/)
    python benchmarks/preview.py --no-search      # without the search index in the background

For each size, the content is copied to a scratch folder (the edits must not touch the
real files) and `scripts/preview.py` is started on it, as `invoke livereload` starts it.
Then, one after the other, a file of each content type is edited (a newsletter issue, a
fact sheet, an event, a page, another event): a new paragraph with a unique word is
appended and the file saved. Timed is the span from just before the save to the moment
the page of that file, polled every 10 ms, contains the word. Reported is the median
of the edits (and each one). The preview's background search build runs as it does for
editors (niced, on the second core) unless --no-search.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
from run import content_for  # the script's folder is on sys.path

KINDS = ["newsletter", "good-practice", "events", "pages", "events"]
POLL_SECONDS = 0.01


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace"), response.url
    except urllib.error.HTTPError as error:
        return error.code, "", url


def start_preview(content, folder, port, search):
    command = [sys.executable, os.path.join(ROOT, "scripts", "preview.py"), "--content", content,
               "--port", str(port), "--folder", folder]
    if not search:
        command.append("--no-search")
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    while time.perf_counter() - started < 600:
        try:
            if fetch(base + "/")[0] == 200:
                return process, base, time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("Die Vorschau startete nicht.")


def files_to_edit(content):
    """One file per entry of KINDS (the middle file of its folder, then the next); generated
    content has no pages, a second newsletter issue takes their place."""
    chosen = []
    for kind in KINDS:
        folder = os.path.join(content, kind)
        if not os.path.isdir(folder) or not os.listdir(folder):
            kind = "newsletter"
        names = sorted(n for n in os.listdir(os.path.join(content, kind)) if n.endswith(".md"))
        taken = [path for path in chosen if path.startswith(kind + "/")]
        chosen.append(f"{kind}/{names[(len(names) // 2 + len(taken)) % len(names)]}")
    return chosen


def time_edit(base, content, relative, word):
    status, _, page = fetch(f"{base}/__vorschau/seite?datei={relative}")
    if status != 200:
        raise RuntimeError(f"Keine Seite zu {relative} ({status})")
    path = os.path.join(content, relative)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    started = time.perf_counter()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.rstrip("\n") + f"\n\nNeu: {word}.\n")
    while True:
        if word in fetch(page)[1]:
            return time.perf_counter() - started
        if time.perf_counter() - started > 120:
            raise RuntimeError(f"{relative}: die Änderung erschien nicht")
        time.sleep(POLL_SECONDS)


def measure(size, search):
    source = os.path.join(ROOT, "content") if size == 0 else content_for(size)
    with tempfile.TemporaryDirectory(prefix="iq-vorschau-bench-",
                                     ignore_cleanup_errors=True) as scratch:
        content = os.path.join(scratch, "content")
        shutil.copytree(source, content)
        process, base, startup = start_preview(content, os.path.join(scratch, "arbeit"),
                                               free_port(), search)
        try:
            time.sleep(1)  # the first page requests are done; the preview is idle
            edits = []
            for number, relative in enumerate(files_to_edit(content)):
                seconds = time_edit(base, content, relative, f"Messwort{number}x{size}")
                edits.append((relative, seconds))
                time.sleep(0.5)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {"size": size, "startup": startup, "edits": edits,
            "median": statistics.median(seconds for _, seconds in edits)}


def report(results):
    lines = ["| Inhalte | Start | Median Speichern → Seite | einzelne Änderungen |",
             "| --- | ---: | ---: | --- |"]
    for result in results:
        label = "heutige Inhalte" if result["size"] == 0 else f"{result['size']:,} Einträge"
        single = ", ".join(f"{relative.split('/')[0]} {seconds:.2f} s"
                           for relative, seconds in result["edits"])
        lines.append(f"| {label.replace(',', '.')} | {result['startup']:.1f} s | "
                     f"**{result['median']:.2f} s** | {single} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000],
                        help="0 = die echten Inhalte, sonst erzeugte Einträge")
    parser.add_argument("--no-search", action="store_true")
    args = parser.parse_args()
    print(report([measure(size, not args.no_search) for size in args.sizes]))


if __name__ == "__main__":
    main()
