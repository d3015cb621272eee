"""Befehle für Redaktion und Entwicklung (invoke), wie Pelicans Quickstart-Tasks.

    invoke build          Vorschau nach output/ bauen
    invoke serve          output/ unter http://localhost:8000/ zeigen
    invoke livereload     Sofort-Vorschau: jede gespeicherte Änderung sofort im Browser
    invoke cms            Web-Editor auf diesem Computer (/admin/) mit Sofort-Vorschau
    invoke cms-config     die Konfiguration des Web-Editors zeigen (aus dem Inhaltsmodell)
    invoke publish        die öffentliche Website (publishconf.py) nach output/ bauen
    invoke check          alle Inhalte prüfen, alle Fehler auf einmal (output/ bleibt)
    invoke verify         öffentliche Website bauen und prüfen, wie Leser sie bekommen (CI)
    invoke new-issue      neue Newsletter-Ausgabe (als Entwurf)
    invoke new-event      neue Veranstaltung (als Entwurf)
    invoke new-factsheet  neuer Good-Practice-Steckbrief (als Entwurf)
    invoke testmail       eine Newsletter-Ausgabe als Test-E-Mail an sich selbst schicken
    invoke clean          output/ löschen
    invoke test           alle Tests ausführen

Editors read `invoke --list` and `invoke --help <befehl>`: every task's docstring and
every option's help are German (tests/test_tasks.py).
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
          "Öffnen Sie sie im Editor und ersetzen Sie die Platzhalter der Vorlage.\n"
          "Sie ist ein Entwurf (status: draft): "
          "in der Vorschau sichtbar, öffentlich erst, wenn Sie die Zeile „status: draft“ löschen.\n"
          "Prüfen mit „invoke check“, ansehen mit „invoke livereload“.")


def scaffolded(make):
    try:
        created(make())
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        sys.exit(1)


@task(help={"year": "Jahr, vierstellig (Standard: dieses Jahr)",
            "number": "Nummer im Jahr, 1 bis 99 (Standard: die nächste)"})
def new_issue(c, year=None, number=None):
    """Neue Newsletter-Ausgabe anlegen (als Entwurf).

    Die Datei heißt content/newsletter/JJJJ-NN.md."""
    scaffolded(lambda: scaffold.new_issue(CONFIG["content"], year=year, issue=number))


@task(help={"title": "Titel der Veranstaltung",
            "start": "Beginn: \"2026-12-01 10:00\", oder nur 2026-12-01 (ganztägig)"})
def new_event(c, title="", start=None):
    """Neue Veranstaltung anlegen (als Entwurf).

    Die Datei heißt content/events/JJJJ-MM-TT-titel.md; ein Datum ohne Uhrzeit ergibt
    eine ganztägige Veranstaltung."""
    scaffolded(lambda: scaffold.new_event(CONFIG["content"], title, start))


@task(help={"title": "Titel des Steckbriefs"})
def new_factsheet(c, title=""):
    """Neuen Good-Practice-Steckbrief anlegen (als Entwurf).

    Die Datei heißt content/good-practice/titel.md."""
    scaffolded(lambda: scaffold.new_factsheet(CONFIG["content"], title))


@task
def clean(c):
    """Die gebaute Website (output/) löschen."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


@task
def check(c):
    """Alle Inhalte prüfen und alle Fehler auf einmal melden.

    Geprüft wird wie beim Veröffentlichen (publishconf.py); output/ bleibt unverändert."""
    sitebuild.check_or_exit(CONFIG["publish_settings"])


@task(help={"output": "Zielordner (Standard: output/)"})
def build(c, output=None):
    """Die Vorschau bauen (Entwürfe mit Hinweis)."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["settings"], target)
    print(f"Fertig: die Vorschau liegt in {os.path.relpath(target)}/. "
          f"Ansehen mit „invoke serve“, dann http://localhost:{CONFIG['port']}/ öffnen.")


@task(help={"output": "Zielordner (Standard: output/)"})
def publish(c, output=None):
    """Die öffentliche Website bauen (ohne Entwürfe).

    Mit publishconf.py: vollständige Adressen, Feeds und Kalender."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["publish_settings"], target)
    print(f"Fertig: die öffentliche Website liegt in {os.path.relpath(target)}/.")


@task(help={"output": "Zielordner (Standard: output/)"})
def verify(c, output=None):
    """Die öffentliche Website bauen und wie für Leser prüfen (CI).

    Gültiges HTML, Barrierefreiheit, Feeds und Kalender, nichts von fremden Servern,
    Seitengewicht; gilt für beliebige Inhalte, CI führt es vor dem Veröffentlichen aus."""
    import siteverify
    from pelican.settings import read_settings

    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["publish_settings"], target)
    sys.exit(siteverify.report(target, read_settings(CONFIG["publish_settings"])["SITEURL"]))


@task(help={"issue": "Ausgabe wie in der Adresse, z. B. 2025-03",
            "to": "Empfängeradresse, z. B. name@example.org",
            "inline_images": "Bilder in die E-Mail einbetten (vor dem Veröffentlichen)"})
def testmail(c, issue="", to="", inline_images=False):
    """Eine Newsletter-Ausgabe als Test-E-Mail schicken.

    Baut die öffentliche Website in einen eigenen Ordner (output/ bleibt) und schickt
    email.html und email.txt der Ausgabe über den Mailserver aus IQ_SMTP_HOST, IQ_SMTP_PORT,
    IQ_SMTP_STARTTLS, IQ_SMTP_USER, IQ_SMTP_FROM; das Passwort nur aus IQ_SMTP_PASSWORD."""
    from testmail import send_or_exit

    send_or_exit(CONFIG["publish_settings"], issue, to, inline=inline_images)


@task(help={"port": "Port (Standard: 8000)"})
def serve(c, port=None):
    """Die gebaute Website (output/) im Browser zeigen."""
    sitebuild.serve(CONFIG["output"], int(port or CONFIG["port"]))


@task(help={"port": "Port (Standard: 8000)"})
def livereload(c, port=None):
    """Sofort-Vorschau: jede gespeicherte Änderung im Browser.

    Die offene Seite zeigt eine Änderung in unter einer Sekunde; Fehler erscheinen im
    Browser, bis sie behoben sind."""
    import preview

    preview.main(["--port", str(port or CONFIG["port"])])


@task(help={"port": "Port der Vorschau (Standard: 8000)"})
def cms(c, port=None):
    """Web-Editor (/admin/) auf diesem Computer, ohne Konto.

    Der Web-Editor (/admin/ der Vorschau) speichert direkt in diesen Ordner; dazu läuft die
    Sofort-Vorschau wie bei „invoke livereload“. Beenden mit Strg+C."""
    import preview
    from cmsserver import CmsServerError, decap_server_for_preview, stop_decap_server_pid

    port = int(port or CONFIG["port"])
    try:
        server = decap_server_for_preview(HERE)
    except CmsServerError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    print(f"Web-Editor: http://localhost:{port}/admin/ öffnen und „Anmelden“ klicken.\n"
          "Gespeichert wird direkt in content/; sichtbar machen mit git (commit, push).",
          flush=True)
    try:
        preview.main(["--port", str(port)])
    finally:
        stop_decap_server_pid(server)


@task(help={"public": "Die Fassung der öffentlichen Website (Anmeldung bei GitHub/GitLab, "
                      "Prüf-Ablauf) statt der lokalen"})
def cms_config(c, public=False):
    """Die Konfiguration des Web-Editors zeigen (admin/config.yml).

    Sie entsteht aus denselben Angaben, nach denen die Inhalte geprüft werden, und aus den
    Listen in content/listen/; jeder Bau schreibt sie nach admin/config.yml."""
    import importlib

    from cms.admin import admin_config, config_yaml
    from iq_core.settings import with_defaults
    from pelican.settings import read_settings

    settings = read_settings(CONFIG["publish_settings" if public else "settings"])
    for plugin in ("iq_core", "good_practice", "events", "newsletter", "cms"):
        settings = with_defaults(settings, importlib.import_module(plugin).DEFAULTS)
    print(config_yaml(admin_config(settings)), end="")


@task
def test(c):
    """Alle Tests ausführen (Testwerkzeuge: siehe README)."""
    c.run(f"{sys.executable} -m pytest", pty=False)
