"""`invoke new-issue`, `new-event`, `new-factsheet`: a correct file to start from.

New files start as drafts (`status: draft`): a half-written item never reaches readers.
"""

import datetime
import json
import os
import re
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEMPLATES = os.path.join(HERE, "vorlagen")
BERLIN = ZoneInfo("Europe/Berlin")


class ScaffoldError(Exception):
    """Something the editor asked for cannot be created; the message says why, in German."""


def today():
    return datetime.datetime.now(BERLIN).date()


def slugify_german(text):
    from iq_core.reader import german_slug  # plugins/ is on sys.path (tasks.py, the tests)

    return german_slug(text, {})


def render(template, **values):
    with open(os.path.join(TEMPLATES, template), encoding="utf-8") as handle:
        return handle.read().format(**values)


def write_new(content_root, relative, text):
    target = os.path.join(content_root, relative)
    if os.path.exists(target):
        raise ScaffoldError(f"Die Datei {os.path.relpath(target, ROOT)} gibt es schon. "
                            "Wählen Sie einen anderen Titel oder eine andere Nummer.")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return target


def next_issue_number(content_root, year):
    folder = os.path.join(content_root, "newsletter")
    numbers = [int(m.group(1)) for name in (os.listdir(folder) if os.path.isdir(folder) else [])
               if (m := re.fullmatch(rf"{year}-(\d+)\.md", name))]
    return max(numbers, default=0) + 1


def new_issue(content_root, year=None, issue=None, date=None):
    date = date or today()
    year = int(year or date.year)
    issue = int(issue or next_issue_number(content_root, year))
    text = render("newsletter.md", issue=issue, year=year, date=date.isoformat())
    return write_new(content_root, f"newsletter/{year}-{issue:02d}.md", text)


def parse_start(start):
    try:
        return datetime.datetime.fromisoformat(start.replace("T", " "))
    except ValueError:
        raise ScaffoldError(f"„{start}“ ist kein Datum mit Uhrzeit. Schreiben Sie z. B. "
                            "--start \"2026-12-01 10:00\".") from None


def new_event(content_root, title, start=None):
    if not title:
        raise ScaffoldError('Bitte geben Sie einen Titel an: invoke new-event --title "…"')
    begin = parse_start(start) if start else datetime.datetime.combine(
        today() + datetime.timedelta(days=28), datetime.time(10, 0))
    end = begin + datetime.timedelta(hours=1, minutes=30)
    slug = slugify_german(title)
    text = render("event.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  start=f"{begin:%Y-%m-%d %H:%M}", end=f"{end:%Y-%m-%d %H:%M}")
    return write_new(content_root, f"events/{begin:%Y-%m-%d}-{slug}.md", text)


def new_factsheet(content_root, title):
    if not title:
        raise ScaffoldError('Bitte geben Sie einen Titel an: invoke new-factsheet --title "…"')
    text = render("factsheet.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  date=today().isoformat())
    return write_new(content_root, f"good-practice/{slugify_german(title)}.md", text)
