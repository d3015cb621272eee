"""Every generated page is valid HTML according to the current Nu validator (npm vnu-jar)."""

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = os.path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


def validate(folder):
    if not os.path.exists(VNU) or not shutil.which("java"):
        pytest.fail("vnu-jar oder Java fehlt: der Testbefehl aus README.md installiert beides.")
    result = subprocess.run(
        ["java", "-jar", VNU, "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [(m.get("url", "").rsplit("output/", 1)[-1], m.get("lastLine"), m["message"])
            for m in messages if m.get("type") == "error"]


def test_preview_site_is_valid_html(preview_site):
    assert validate(preview_site) == []


def test_public_site_is_valid_html(public_site):
    assert validate(public_site) == []


def test_validator_reports_invalid_html(tmp_path):
    # Guards the test itself: a broken page must be reported.
    (tmp_path / "broken.html").write_text("<!DOCTYPE html><html lang=de><title>x</title><p><div></span>")
    assert validate(tmp_path) != []
