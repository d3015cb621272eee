"""Valid HTML: every page (and e-mail) through the Nu HTML validator (npm vnu-jar)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from .pages import problem, url_path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MISSING = ("Der HTML-Prüfer (Nu Validator, Java) fehlt: „./scripts/install-checkers“ "
           "installiert ihn.")


def html_problems(output):
    """'Seite …: Ungültiges HTML …' for every error the validator reports."""
    if not VNU.exists() or not shutil.which("java"):
        return [MISSING]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         str(output)], capture_output=True, text=True)
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
