"""`invoke livereload`: the editors' preview, updated within a second of saving.

The site lives in memory (previewsite.PreviewSite) and each page is made when the
browser asks for it. A save under content/ or theme/ starts a new run at once
(watchfiles: the system tells us, nothing is polled); the open page reloads itself when
the run is done (a small script that listens at /__vorschau/stand). A content error
appears on every page as a German overlay listing every problem with file and line,
the same messages as `invoke check`, until the fix is saved; meanwhile the pages show
the last state without errors. A change to the code (plugins/, scripts/, the settings)
restarts the preview. The search index is built in the background by a full build in a
process of its own and may lag a few seconds behind.
"""

import argparse
import contextlib
import io
import logging
import os
import signal
import sys
import threading

from buildmessages import german_warnings
from previewsearch import SearchIndexer
from previewserver import serve_preview
from previewsite import PreviewSite

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE = ("plugins", "scripts", "pelicanconf.py", "publishconf.py", "tasks.py")


def rebuild(site, indexer):
    # Pelican reports each run on stdout in English; the preview says it in German.
    with contextlib.redirect_stdout(io.StringIO()):
        site.rebuild()
    if site.problems:
        print(f"Die Vorschau hat {len(site.problems)} Problem(e) gefunden (auch im Browser):")
        print("\n".join(f"- {message}" for message in site.problems), flush=True)
    else:
        print("Vorschau aktualisiert.", flush=True)
        if indexer:
            indexer.request()


def watch(site, indexer, content, theme, stop):
    """Runs after every save until `stop` is set; restarts the process on a code change."""
    import watchfiles

    watched = [content, theme, *(os.path.join(HERE, path) for path in CODE)]
    for changes in watchfiles.watch(*[path for path in watched if os.path.exists(path)],
                                    stop_event=stop, debounce=50, step=20,
                                    watch_filter=ignore_editor_files):
        if any(is_code(path) for _, path in changes):
            print("Der Code hat sich geändert: die Vorschau startet neu.", flush=True)
            if indexer:
                indexer.stop()  # its build would outlive this process
            os.execv(sys.executable, [sys.executable, *sys.argv])
        rebuild(site, indexer)


def ignore_editor_files(change, path):
    name = os.path.basename(path)
    return not (name.startswith((".#", "~$")) or name.endswith(("~", ".swp", ".swx"))
                or "__pycache__" in path)


def is_code(path):
    relative = os.path.relpath(path, HERE)
    return relative.split(os.sep)[0] in CODE and path.endswith(".py")


def stop_on_signal(number, frame):
    raise KeyboardInterrupt


def main(argv=None):
    parser = argparse.ArgumentParser(description="Vorschau der Website, die sich beim "
                                                 "Speichern selbst aktualisiert.")
    parser.add_argument("--settings", default=os.path.join(HERE, "pelicanconf.py"))
    parser.add_argument("--content", help="anderer Inhaltsordner als content/")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--folder", default=os.path.join(HERE, "cache", "vorschau"),
                        help="Arbeitsordner der Vorschau (statische Dateien, Suchindex)")
    parser.add_argument("--no-search", action="store_true", help="keinen Suchindex bauen")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, handlers=[german_warnings()])
    # Ended by the system (not Ctrl+C): end as tidily, with the background build.
    signal.signal(signal.SIGTERM, stop_on_signal)
    overrides = {"PATH": os.path.abspath(args.content)} if args.content else {}
    site = PreviewSite(args.settings, os.path.join(args.folder, "seiten"), overrides)
    indexer = None if args.no_search else SearchIndexer(
        args.settings, os.path.join(args.folder, "suche"), overrides)
    rebuild(site, indexer)
    content = overrides.get("PATH") or os.path.join(HERE, "content")
    stop = threading.Event()
    watcher = threading.Thread(target=watch, daemon=True,
                               args=(site, indexer, content, os.path.join(HERE, "theme"), stop))
    watcher.start()
    try:
        serve_preview(site, indexer, args.port)
    except KeyboardInterrupt:
        print("\nVorschau beendet.")
    finally:
        stop.set()
        if indexer:
            indexer.stop()


if __name__ == "__main__":
    main()
