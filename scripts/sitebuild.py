"""Build, check and serve the site. Used by tasks.py and by the tests (the preview: preview.py).

A build never damages the published output: Pelican writes into a fresh staging
folder next to the target, and the target is replaced only when every step
succeeded. Any error Pelican logs (a file it could not read, a content error)
fails the build, instead of the page silently going missing.
"""

import argparse
import functools
import logging
import http.server
import json
import os
import subprocess
import sys
import tempfile

from buildmessages import (ErrorCollector, crash_message, describe_failure, german_warnings,
                           in_order)
from staging import STAGING_PREFIX, remove_leftovers, remove_staging, replace_folder, shown

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class BuildError(Exception):
    """The build failed; the message says why, in German."""


def run_pelican(settings_file, output, overrides=None, shown_as="output"):
    """Run Pelican in a child process, so every build starts from clean module state.

    Messages name `shown_as` where the child wrote into a staging folder: editors know
    output/, not a temporary folder.
    """
    command = [sys.executable, os.path.abspath(__file__), "--stage", settings_file, output,
               "--overrides", json.dumps(overrides or {})]
    result = subprocess.run(command, cwd=HERE, capture_output=True, text=True)
    stderr = result.stderr.replace(os.path.abspath(output), shown_as).strip()
    if result.returncode != 0:
        if "Traceback (most recent call last)" in stderr or not stderr:
            from pelican.settings import read_settings

            settings = read_settings(settings_file, override=overrides or {})
            raise BuildError(crash_message(result.stderr, settings))
        raise BuildError(stderr)
    if stderr:
        print(stderr, file=sys.stderr)


def site_messages(settings_file, output, overrides, prepare=None):
    """One Pelican run with the site's plugins (which also check the written site, index
    it for the search and write the sitemap): every error as a German message.
    `prepare(pelican)`: called when Pelican has loaded the plugins, before it runs."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={**overrides, "OUTPUT_PATH": output})
    collector = ErrorCollector(settings)
    root = logging.getLogger()
    root.addHandler(collector)
    ahead = None
    try:
        pelican = Pelican(settings)
        from iq_core.timing import timed  # importable once Pelican has loaded the plugins

        if prepare is not None:
            prepare(pelican)
        else:
            ahead = read_ahead(pelican.settings)
        with timed("pelican"):
            pelican.run()
    except Exception as error:  # noqa: BLE001 (every failure becomes a message for editors)
        collector.messages.extend(describe_failure("Abbruch", (type(error), error, None),
                                                   settings))
    finally:
        root.removeHandler(collector)
        if ahead is not None:
            ahead.close()
    return in_order(collector.messages)


def read_ahead(settings):
    """A large site's files read ahead on the second core (iq_core.readahead), or None."""
    from iq_core.readahead import ReadAhead, markdown_files

    files = markdown_files(settings["PATH"])
    threshold = settings.get("IQ_READ_AHEAD_FILES")
    if threshold is None or len(files) < threshold or settings.get("IQ_READ_CACHE"):
        return None
    ahead = ReadAhead(settings, files)
    settings["IQ_READ_CACHE"] = ahead
    return ahead


def stage(settings_file, output, overrides):
    """The build's child process: exit 1 with every error listed, or 0."""
    logging.basicConfig(level=logging.WARNING, handlers=[german_warnings()])
    messages = site_messages(settings_file, output, overrides)
    if messages:
        print("\n".join(f"- {message}" for message in messages), file=sys.stderr)
        sys.exit(1)


def run_in_process(settings_file, output, overrides=None, shown_as="output"):
    """As run_pelican, in this process (the tests: hundreds of small builds, each without a
    new interpreter; the preview runs Pelican in its process the same way)."""
    messages = site_messages(settings_file, output, overrides or {})
    if messages:
        raise BuildError("\n".join(f"- {message}" for message in messages)
                         .replace(os.path.abspath(output), shown_as))


def build(settings_file, output, overrides=None, in_process=False):
    """Build into a staging folder; replace `output` only when all steps succeeded.

    `overrides` replaces settings (the tests point PATH at tiny content fixtures).
    `in_process`: Pelican runs in this process, not in a child (see run_in_process).
    """
    output = os.path.abspath(output)
    parent = os.path.dirname(output)
    os.makedirs(parent, exist_ok=True)
    remove_leftovers(parent)
    staging = tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent)
    run = run_in_process if in_process else run_pelican
    try:
        run(settings_file, staging, overrides, shown_as=shown(output))
    except BaseException:
        remove_staging(staging)
        raise
    replace_folder(staging, output)


def check(settings_file, overrides=None, in_process=False):
    """Everything a build checks, reported at once; the published output stays untouched.
    The search index is left out: it checks nothing."""
    run = run_in_process if in_process else run_pelican
    with tempfile.TemporaryDirectory(prefix="iq-check-") as scratch:
        run(settings_file, os.path.join(scratch, "output"),
            {"SEARCH_INDEX": False, **(overrides or {})})


def build_or_exit(settings_file, output, overrides=None):
    try:
        build(settings_file, output, overrides)
    except KeyboardInterrupt:
        print("\nAbgebrochen. Die bisherige Website bleibt unverändert.", file=sys.stderr)
        sys.exit(130)
    except BuildError as error:
        print(f"Der Bau ist fehlgeschlagen:\n\n{error}\n", file=sys.stderr)
        print(f"Die bisherige Website in {os.path.relpath(output)}/ bleibt unverändert.",
              file=sys.stderr)
        sys.exit(1)


def check_or_exit(settings_file):
    try:
        check(settings_file)
    except KeyboardInterrupt:
        print("\nAbgebrochen.", file=sys.stderr)
        sys.exit(130)
    except BuildError as error:
        print(f"Die Prüfung hat Fehler gefunden:\n\n{error}\n", file=sys.stderr)
        print("Bitte korrigieren Sie die genannten Stellen; output/ wurde nicht verändert.",
              file=sys.stderr)
        sys.exit(1)
    print("Alles in Ordnung: keine Fehler in den Inhalten.")


def serve(output, port):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=output)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Vorschau: http://localhost:{port}/ (beenden mit Strg+C)")
        server.serve_forever()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Die Website bauen.")
    parser.add_argument("settings", help="pelicanconf.py oder publishconf.py")
    parser.add_argument("output", help="Zielordner")
    parser.add_argument("--content", help="anderer Inhaltsordner als content/ (z. B. für Benchmarks)")
    parser.add_argument("--stage", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--overrides", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    overrides = json.loads(args.overrides)
    if args.content:
        overrides["PATH"] = os.path.abspath(args.content)
    if args.stage:
        stage(os.path.abspath(args.settings), args.output, overrides)
    else:
        build_or_exit(os.path.abspath(args.settings), args.output, overrides)


if __name__ == "__main__":
    main()
