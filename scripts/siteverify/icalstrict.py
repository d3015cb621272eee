"""The strict calendar reader: libical, through the small C program icalstrict.c.

icalendar and vobject read almost anything; subscribers' calendar apps do not. libical
(Evolution, KDE, many servers) checks each file against RFC 5545 and, for its METHOD,
RFC 5546 (for PUBLISH: one ORGANIZER per VEVENT and more). The program is compiled once
per version of its source, into cache/ (scripts/install-checkers installs libical-dev).
"""

import hashlib
import shutil
import subprocess
from pathlib import Path

SOURCE = Path(__file__).with_name("icalstrict.c")
ROOT = Path(__file__).resolve().parents[2]


class StrictReaderMissing(Exception):
    """libical or a C compiler is not installed (German text)."""


def strict_reader(cache=ROOT / "cache"):
    """Path of the compiled reader (compiled when its source is new)."""
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:12]
    program = Path(cache) / f"icalstrict-{digest}"
    if program.exists():
        return program
    if not shutil.which("gcc") or not shutil.which("pkg-config"):
        raise StrictReaderMissing("gcc und pkg-config fehlen; scripts/install-checkers "
                                  "installiert sie.")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"],
                           capture_output=True, text=True, check=False)
    if flags.returncode != 0:
        raise StrictReaderMissing("libical fehlt (Debian: libical-dev); scripts/install-checkers "
                                  "installiert es.")
    program.parent.mkdir(parents=True, exist_ok=True)
    partial = program.with_suffix(".tmp")
    done = subprocess.run(["gcc", "-O1", "-o", str(partial), str(SOURCE), *flags.stdout.split()],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StrictReaderMissing(f"icalstrict.c ließ sich nicht übersetzen: {done.stderr}")
    partial.replace(program)
    return program


def strict_problems(paths, program=None):
    """{path: [libical's findings]} for every calendar file in `paths` (one run for all)."""
    paths = [str(path) for path in paths]
    findings = {path: [] for path in paths}
    if not paths:
        return findings
    done = subprocess.run([str(program or strict_reader()), *paths], capture_output=True,
                          text=True, check=False)
    for line in done.stdout.splitlines():
        path, _, finding = line.partition(": ")
        if path in findings and not finding.endswith(" VEVENT"):
            findings[path].append(finding)
    return findings
