"""Every e-mail version of an issue against what real mail clients support: caniemail.com's
test results, through npm doiuse-email (pinned in package.json), which email_clients.mjs
runs over all files in one node process.

A feature that a client of CLIENTS does not support at all is a problem, unless ALLOWED
says why the e-mail still reads well there. Partial support is not reported: caniemail
rates even <body>, margin and padding "partial" in Gmail and Outlook, so it would flag
every e-mail ever written; what partial means is in caniemail's notes, not in the verdict.
"""

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

from .pages import problem, url_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("email_clients.mjs")
PACKAGE = ROOT / "node_modules" / "doiuse-email"
MISSING = ("Die Prüfung der E-Mails gegen die E-Mail-Programme (npm doiuse-email, Node.js) "
           "fehlt: „./scripts/install-checkers“ installiert sie.")

# caniemail's client ids (family.platform, as in doiuse-email's data) and their names in
# the report: the clients our subscribers read with. doiuse-email's own list lacks
# outlook.com; its data has it (email_clients.mjs adds it). Thunderbird is tested on macOS
# only (its Windows entries cover a few dozen of the 260 features); it is the same Gecko
# engine on every system.
CLIENTS = {
    "gmail.desktop-webmail": "Gmail (Browser)",
    "gmail.ios": "Gmail (iOS)",
    "gmail.android": "Gmail (Android)",
    "gmail.mobile-webmail": "Gmail (mobiler Browser)",
    "outlook.windows": "Outlook (Windows)",
    "outlook.windows-mail": "Windows Mail",
    "outlook.macos": "Outlook (macOS)",
    "outlook.outlook-com": "Outlook.com",
    "outlook.ios": "Outlook (iOS)",
    "outlook.android": "Outlook (Android)",
    "apple-mail.macos": "Apple Mail (macOS)",
    "apple-mail.ios": "Apple Mail (iOS)",
    "yahoo.desktop-webmail": "Yahoo Mail (Browser)",
    "yahoo.ios": "Yahoo Mail (iOS)",
    "yahoo.android": "Yahoo Mail (Android)",
    "thunderbird.macos": "Thunderbird",
    "samsung-email.android": "Samsung Email (Android)",
}

# Progressive enhancements that degrade gracefully: caniemail feature id → why an e-mail
# that uses it still reads well in a client without it. Everything else is a failure.
ALLOWED = {
    "css-at-media": "Media queries only narrow the side padding on phones; without them "
                    "the 600 px column keeps its desktop padding and still fits.",
    "html-body": "Every HTML e-mail has a <body>; apps that drop it lose only its own "
                 "styles, and the outer table repeats the background.",
    "html-role": "role=\"presentation\" only tells screen readers that a table is layout; "
                 "where it is dropped, the table looks the same.",
    # MJML's own output (tests/test_email_clients.py checks that the three hiding
    # properties stand on the preheader only, nowhere in the message itself):
    "css-display-none": "Only the preheader (<mj-preview>) is hidden with it; where that "
                        "fails, the issue's summary shows as the first line.",
    "css-opacity": "Only on the preheader, as a second way to hide it (see css-display-none).",
    "css-overflow": "Only on the preheader, as a third way to hide it (see css-display-none).",
    "css-outline": "MJML's image reset (outline: none); images have no outline to remove "
                   "in a client that ignores it.",
    "css-word-break": "MJML lets a very long word (a written-out address) break in the text "
                      "cells; without it, it wraps at the next hyphen or slash.",
    "html-aria-label": "MJML names the message for screen readers (aria-label on its "
                       "wrapper); a client that drops it reads the message as before.",
}


def email_files(output):
    """Every e-mail version in the built site (newsletter/<Ausgabe>/email.html), sorted."""
    output = Path(output)
    return sorted(path for path in output.rglob("email.html")
                  if path.relative_to(output).parts[0] != "pagefind")


def unsupported_features(paths, clients=CLIENTS):
    """{path: [(feature id, feature title, client id), …]} of what a client lacks entirely,
    or {path: German error text} for a file that could not be checked; one node run.
    Raises CheckerMissing without node or doiuse-email."""
    paths = [str(path) for path in paths]
    if not paths:
        return {}
    if not shutil.which("node") or not PACKAGE.exists():
        raise CheckerMissing(MISSING)
    done = subprocess.run(["node", str(SCRIPT), ",".join(clients), *paths],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CheckerMissing(f"Die Prüfung der E-Mail-Programme ist abgebrochen: "
                             f"{done.stderr.strip()}")
    report = json.loads(done.stdout)
    found = {}
    for path in paths:
        result = report[path]
        if "error" in result:
            found[path] = f"nicht prüfbar: {result['error']}"
        else:
            found[path] = sorted((item["feature"], item["title"], item["client"])
                                 for item in result["findings"] if item["support"] == "none")
    return found


class CheckerMissing(Exception):
    """node, doiuse-email or the client list is broken (German text)."""


def unexplained(findings, allowed=ALLOWED):
    """The findings that ALLOWED does not explain."""
    return [finding for finding in findings if finding[0] not in allowed]


def report_lines(page, findings, clients=CLIENTS):
    """One German line per unexplained feature of the e-mail at `page` (URL path), naming
    the clients that lack it and caniemail's page about it."""
    if isinstance(findings, str):
        return [problem(page, f"E-Mail {findings}")]
    lacking = defaultdict(list)
    for feature, title, client in unexplained(findings):
        lacking[(feature, title)].append(client)
    order = list(clients)
    return [problem(page, f"„{title}“ ({feature}) wird von "
                          f"{', '.join(clients[c] for c in sorted(ids, key=order.index))} "
                          f"nicht unterstützt (https://www.caniemail.com/features/{feature}/).")
            for (feature, title), ids in sorted(lacking.items())]


def email_client_problems(output):
    """Report lines for every e-mail of the built site in `output`."""
    files = email_files(output)
    try:
        found = unsupported_features(files)
    except CheckerMissing as missing:
        return [str(missing)]
    return [line for path in files
            for line in report_lines(url_path(output, path), found[str(path)])]
