"""`invoke new-issue`, `new-event`, `new-factsheet`: a correct file to start from.

New files start as drafts (`status: draft`): a half-written item never reaches readers.
What the editor must replace are placeholders from iq_core.placeholders, the list the
content check uses too: a file published with one left in is an error naming the line.
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
    """The template filled with `values` and the placeholders (`{ph[name]}`)."""
    from iq_core.placeholders import template_values

    with open(os.path.join(TEMPLATES, template), encoding="utf-8") as handle:
        return handle.read().format(**template_values(), **values)


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
    """A naive local datetime, or a date alone: the content model's all-day event. The
    forms are the content check's (iq_core.dates), so what is written here also builds."""
    from iq_core.dates import WhenError, read_when

    try:
        begin = read_when(start)
    except WhenError as error:
        if error.suggestion:
            raise ScaffoldError(f"{error.problem} Schreiben Sie die Uhrzeit mit Doppelpunkt: "
                                f"--start \"{error.suggestion}\"") from None
        raise ScaffoldError(f"„{start.strip()}“ ist kein Datum. Schreiben Sie z. B. --start "
                            "2026-12-01 (ganztägig) oder --start \"2026-12-01 10:00\" (mit "
                            "Uhrzeit).") from None
    if isinstance(begin, datetime.datetime) and begin.tzinfo is not None:
        # The file is written in German time; "…T08:00Z" is the same moment there.
        begin = begin.astimezone(BERLIN).replace(tzinfo=None)
    return begin


def event_times(begin):
    """(start, end) as the front matter writes them: an all-day event ends the same day
    (the editor writes a later date for several days), one with a time 90 minutes later."""
    if not isinstance(begin, datetime.datetime):
        return begin.isoformat(), begin.isoformat()
    end = begin + datetime.timedelta(hours=1, minutes=30)
    return f"{begin:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"


def new_event(content_root, title, start=None):
    if not title:
        raise ScaffoldError('Bitte geben Sie einen Titel an: invoke new-event --title "…"')
    begin = parse_start(start) if start else datetime.datetime.combine(
        today() + datetime.timedelta(days=28), datetime.time(10, 0))
    start_text, end_text = event_times(begin)
    slug = slugify_german(title)
    text = render("event.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  start=start_text, end=end_text)
    return write_new(content_root, f"events/{begin:%Y-%m-%d}-{slug}.md", text)


def new_factsheet(content_root, title, date=None):
    if not title:
        raise ScaffoldError('Bitte geben Sie einen Titel an: invoke new-factsheet --title "…"')
    text = render("factsheet.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  date=(date or today()).isoformat())
    return write_new(content_root, f"good-practice/{slugify_german(title)}.md", text)
