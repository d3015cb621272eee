"""Site checks of a built site that hold for any content (`invoke verify`, and CI before it
deploys): valid HTML, accessibility of each page type, feeds and calendars that readers
read, nothing loaded from another host, the page weight a phone downloads, and every
newsletter e-mail against what the common mail clients support (caniemail).

They never look for particular issues, sheets or events, so editors' daily work cannot
fail them; only a page that is broken for readers does. The developers' tests run the same
checks over the fixture site (tests/test_site_checks.py).
"""

import os
import sys
from urllib.parse import urlsplit

from .browser import browser_problems
from .email_clients import email_client_problems
from .feeds import feed_problems
from .html import html_problems
from .pages import html_pages, is_note, one_page_per_type
from .static import static_problems


def verify(output, site_url=None, *, browser=None, page_types=None):
    """Every problem of the built site in `output`, as German report lines (sorted).
    `browser`: a running Playwright browser to use (the tests'), None to start Chromium,
    False to leave the browser checks out. `page_types`: one_page_per_type(output), if
    the caller has it already."""
    own_hosts = {urlsplit(site_url).hostname} if site_url else set()
    problems = html_problems(output) + static_problems(output, own_hosts) \
        + feed_problems(output) + email_client_problems(output)
    if browser is not False:
        types = page_types if page_types is not None else one_page_per_type(output)
        problems += browser_problems(output, types, site_url, browser)
    return sorted(set(problems))


def report(output, site_url=None):
    """Print the report; 0 when the site is fine, 1 when not (the exit code for CI)."""
    pages = html_pages(output)
    if not pages:
        print(f"In {os.path.relpath(output)}/ ist keine gebaute Website.", file=sys.stderr)
        return 1
    types = one_page_per_type(output)
    print(f"Prüfe {len(pages)} Seiten in {os.path.relpath(output)}/ (im Browser je eine "
          f"Seite der {len(types)} Seitentypen) …")
    problems = verify(output, site_url, page_types=types)
    notes = [line for line in problems if is_note(line)]
    blocking = [line for line in problems if not is_note(line)]
    if notes:
        print(f"\n{counted(len(notes), 'Hinweis', 'Hinweise')} (verhindern die Veröffentlichung "
              "nicht):\n")
        print("\n".join(f"- {line}" for line in notes))
    if blocking:
        print(f"\nDie Prüfung der Website hat {counted(len(blocking), 'Problem', 'Probleme')} "
              "gefunden:\n", file=sys.stderr)
        print("\n".join(f"- {line}" for line in blocking), file=sys.stderr)
        return 1
    print("Alles in Ordnung: gültiges HTML, barrierefrei, Feeds und Kalender lesbar, "
          "nichts von fremden Servern, E-Mails für die gängigen E-Mail-Programme"
          + ("." if notes else ", leicht genug für Telefone."))
    return 0


def counted(number, one, many):
    """1 Problem, 3 Probleme"""
    return f"{number} {one if number == 1 else many}"
