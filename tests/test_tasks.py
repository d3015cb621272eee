"""`invoke --list` and every task's help speak German: editors read them.

Invoke's own headings ("Available tasks:", "Usage:", "Options:") come from invoke itself;
everything the project writes is compared line by line, so an English docstring fails."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

LIST = [
    "  build           Die Vorschau bauen (Entwürfe mit Hinweis).",
    "  check           Alle Inhalte prüfen und alle Fehler auf einmal melden.",
    "  clean           Die gebaute Website (output/) löschen.",
    "  cms             Web-Editor (/admin/) auf diesem Computer, ohne Konto.",
    "  cms-config      Die Konfiguration des Web-Editors zeigen (admin/config.yml).",
    "  livereload      Sofort-Vorschau: jede gespeicherte Änderung im Browser.",
    "  new-event       Neue Veranstaltung anlegen (als Entwurf).",
    "  new-factsheet   Neuen Good-Practice-Steckbrief anlegen (als Entwurf).",
    "  new-issue       Neue Newsletter-Ausgabe anlegen (als Entwurf).",
    "  publish         Die öffentliche Website bauen (ohne Entwürfe).",
    "  serve           Die gebaute Website (output/) im Browser zeigen.",
    "  test            Alle Tests ausführen (Testwerkzeuge: siehe README).",
    "  testmail        Eine Newsletter-Ausgabe als Test-E-Mail schicken.",
    "  verify          Die öffentliche Website bauen und wie für Leser prüfen (CI).",
]
# Words of the English docstrings these replaced; none belongs in German help.
ENGLISH = ("the", "and", "with", "build", "start", "run", "all", "check", "serve", "remove",
           "site", "tests", "every", "file", "save", "shows")
# Each task's options and their help, as `invoke --help <task>` shows them.
OPTIONS = {
    "build": {"--output": "Zielordner (Standard: output/)"},
    "check": {},
    "clean": {},
    "cms": {"--port": "Port der Vorschau (Standard: 8000)"},
    "cms-config": {"--public": "Die Fassung der öffentlichen Website (Anmeldung bei "
                               "GitHub/GitLab, Prüf-Ablauf) statt der lokalen"},
    "livereload": {"--port": "Port (Standard: 8000)"},
    "new-event": {"--start": 'Beginn: "2026-12-01 10:00", oder nur 2026-12-01 (ganztägig)',
                  "--title": "Titel der Veranstaltung"},
    "new-factsheet": {"--title": "Titel des Steckbriefs"},
    "new-issue": {"--number": "Nummer im Jahr, 1 bis 99 (Standard: die nächste)",
                  "--year": "Jahr, vierstellig (Standard: dieses Jahr)"},
    "publish": {"--output": "Zielordner (Standard: output/)"},
    "serve": {"--port": "Port (Standard: 8000)"},
    "test": {},
    "testmail": {"--inline-images": "Bilder in die E-Mail einbetten (vor dem Veröffentlichen)",
                 "--issue": "Ausgabe wie in der Adresse, z. B. 2025-03",
                 "--to": "Empfängeradresse, z. B. name@example.org"},
    "verify": {"--output": "Zielordner (Standard: output/)"},
}


def invoke(*args):
    result = subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def listed(text):
    """The entries of `invoke --list`, each on one line (invoke wraps long ones)."""
    entries = []
    for line in text.splitlines()[1:]:
        if line.startswith(" " * 18) and entries:
            entries[-1] += " " + line.strip()
        elif line.strip():
            entries.append(line)
    return entries


def test_invoke_list_is_german():
    text = invoke("--list")
    assert text.splitlines()[0] == "Available tasks:"  # invoke's own heading
    assert listed(text) == LIST


def options_of(help_text):
    """{--option: its help} from the "Options:" block (help wrapped over several lines)."""
    block = help_text.split("Options:\n", 1)[1]
    options, last = {}, None
    for line in block.splitlines():
        # "-i STRING, --issue=STRING  help", or a switch: "-n, --inline-images  help".
        match = re.match(r"^  (?:-\w(?: \S+)?, )?(--[\w-]+)(?:=\S+)?\s{2,}(.*)$", line)
        if match:
            last = match.group(1)
            options[last] = match.group(2).strip()
        elif last and line.strip():
            options[last] += " " + line.strip()
    return options


@pytest.mark.parametrize("task", OPTIONS)
def test_every_task_help_is_german(task):
    text = invoke("--help", task)
    docstring = text.split("Docstring:\n", 1)[1].split("\n\nOptions:", 1)[0]
    first = docstring.strip().splitlines()[0].strip()
    assert f"  {task:<15} {first}" in LIST  # the same sentence as in the list
    assert options_of(text) == OPTIONS[task]
    words = set(re.findall(r"[a-z]+", docstring.replace("publishconf.py", "")))
    assert not words & set(ENGLISH), docstring
