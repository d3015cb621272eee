"""Valid HTML: every page through the Nu HTML validator (npm vnu-jar).

Not the newsletter e-mails: MJML writes the attributes mail clients need (bgcolor,
align, cellpadding on tables), which HTML5 calls obsolete. The e-mails are checked
against what mail clients support instead (caniemail's data).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from .pages import html_pages, problem, url_path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MISSING = ("Der HTML-Prüfer (Nu Validator, Java) fehlt: „./scripts/install-checkers“ "
           "installiert ihn.")


def html_problems(output):
    """'Seite …: Ungültiges HTML …' for every error the validator reports."""
    if not VNU.exists() or not shutil.which("java"):
        return [MISSING]
    pages = [str(path) for path in html_pages(output)]
    if not pages:
        return []
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    problems = []
    for message in report["messages"]:
        if message.get("type") != "error":
            continue
        file = message.get("url", "").removeprefix("file:")
        page = url_path(os.path.abspath(output), file) if file else "?"
        line = message.get("lastLine")
        where = f" (Zeile {line})" if line else ""
        problems.append(problem(page, f"ungültiges HTML{where}: {message['message']}"))
    return problems
