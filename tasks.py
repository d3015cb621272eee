"""Tasks for editors and developers (invoke), shaped like Pelican's quickstart tasks.

    invoke build        build the preview site into output/
    invoke serve        serve output/ at http://localhost:8000/
    invoke livereload   instant preview: pages made on request, updated on every save
    invoke publish      build the public site (publishconf.py) into output/
    invoke check        check all content, report every problem at once (output/ untouched)
    invoke verify       build the public site and check it as readers get it (CI, before deploying)
    invoke new-issue    start a newsletter issue (as a draft)
    invoke new-event    start an event (as a draft)
    invoke new-factsheet  start a good-practice fact sheet (as a draft)
    invoke clean        remove output/
    invoke test         run all tests
"""

import os
import shutil
import sys

from invoke import task

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "scripts"))
sys.path.insert(0, os.path.join(HERE, "plugins"))  # iq_core for scaffold.py

import scaffold  # noqa: E402
import sitebuild  # noqa: E402

CONFIG = {
    "settings": os.path.join(HERE, "pelicanconf.py"),
    "publish_settings": os.path.join(HERE, "publishconf.py"),
    "output": os.path.join(HERE, "output"),
    "port": 8000,
    "content": os.path.join(HERE, "content"),
}


def created(path):
    print(f"Neue Datei: {os.path.relpath(path, HERE)}\n"
          "Öffnen Sie sie im Editor und füllen Sie sie aus. Sie ist ein Entwurf (status: draft):\n"
          "in der Vorschau sichtbar, öffentlich erst, wenn Sie die Zeile „status: draft“ löschen.\n"
          "Prüfen mit „invoke check“, ansehen mit „invoke livereload“.")


def scaffolded(make):
    try:
        created(make())
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        sys.exit(1)


@task(help={"year": "Jahr (Standard: dieses Jahr)", "number": "Nummer im Jahr (Standard: die nächste)"})
def new_issue(c, year=None, number=None):
    """Start a newsletter issue: content/newsletter/JJJJ-NN.md."""
    scaffolded(lambda: scaffold.new_issue(CONFIG["content"], year=year, issue=number))


@task(help={"title": "Titel der Veranstaltung", "start": "Beginn, z. B. \"2026-12-01 10:00\""})
def new_event(c, title="", start=None):
    """Start an event: content/events/JJJJ-MM-TT-titel.md."""
    scaffolded(lambda: scaffold.new_event(CONFIG["content"], title, start))


@task(help={"title": "Titel des Steckbriefs"})
def new_factsheet(c, title=""):
    """Start a good-practice fact sheet: content/good-practice/titel.md."""
    scaffolded(lambda: scaffold.new_factsheet(CONFIG["content"], title))


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


@task
def check(c):
    """Check all content and report every problem at once, in German; output/ stays as it is."""
    sitebuild.check_or_exit(CONFIG["publish_settings"])


@task
def build(c, output=None):
    """Build the preview site (drafts shown with a banner)."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["settings"], target)
    print(f"Fertig: die Vorschau liegt in {os.path.relpath(target)}/. "
          f"Ansehen mit „invoke serve“, dann http://localhost:{CONFIG['port']}/ öffnen.")


@task
def publish(c, output=None):
    """Build the public site with publishconf.py (absolute links, feeds, no drafts)."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["publish_settings"], target)
    print(f"Fertig: die öffentliche Website liegt in {os.path.relpath(target)}/.")


@task
def verify(c, output=None):
    """Öffentliche Website bauen und prüfen, wie Leser sie bekommen (vor jeder Veröffentlichung).

    Gültiges HTML, Barrierefreiheit, Feeds und Kalender, nichts von fremden Servern,
    Seitengewicht; gilt für beliebige Inhalte, CI führt es vor dem Veröffentlichen aus."""
    import siteverify
    from pelican.settings import read_settings

    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["publish_settings"], target)
    sys.exit(siteverify.report(target, read_settings(CONFIG["publish_settings"])["SITEURL"]))


@task
def serve(c, port=None):
    """Serve output/ on localhost."""
    sitebuild.serve(CONFIG["output"], int(port or CONFIG["port"]))


@task
def livereload(c, port=None):
    """Instant preview: save a file and the open page shows it within a second; mistakes
    appear in the browser until they are fixed."""
    import preview

    preview.main(["--port", str(port or CONFIG["port"])])


@task
def test(c):
    """Run all tests (needs the test tools: see README, second command)."""
    c.run(f"{sys.executable} -m pytest", pty=False)
