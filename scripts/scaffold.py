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


def file_slug(title, command):
    """The file name's part from the title; a title of only signs ("!!!", " – ") has
    none (the slug would be empty or a lone hyphen)."""
    slug = slugify_german(title).strip("-")
    if not re.search(r"[a-z0-9]", slug):
        raise ScaffoldError(f"Aus dem Titel „{title.strip()}“ lässt sich kein Dateiname bilden. "
                            f"Geben Sie einen Titel mit Buchstaben oder Ziffern an: invoke "
                            f"{command} --title \"…\"")
    return slug


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


def issue_year(year, date):
    """The year as a number: four digits in the newsletter's range (2000 to 2100)."""
    if year is None:
        return date.year
    text = str(year).strip()
    if not re.fullmatch(r"\d{4}", text) or not 2000 <= int(text) <= 2100:
        raise ScaffoldError(f"„{text}“ ist kein Jahr für eine Ausgabe. Schreiben Sie das Jahr "
                            f"vierstellig, z. B. --year {date.year}.")
    return int(text)


def issue_number(number, content_root, year):
    """The number in the year: from 1 to 99 (the address has two digits); the next free
    one if none is given."""
    if number is None:
        return next_issue_number(content_root, year)
    from newsletter.validation import MAX_ISSUES

    text = str(number).strip()
    if not re.fullmatch(r"\d+", text) or not 1 <= int(text) <= MAX_ISSUES:
        raise ScaffoldError(f"„{text}“ ist keine Nummer für eine Ausgabe. Schreiben Sie eine "
                            f"Zahl von 1 bis {MAX_ISSUES}, z. B. --number 3.")
    return int(text)


def new_issue(content_root, year=None, issue=None, date=None):
    """A draft issue; `date` is the day it is written (today). An issue of another year
    gets the 1st of January of that year, with a note to the editor: today would be a
    day of the wrong year, and the issue would list that year's events."""
    written = date or today()
    year = issue_year(year, written)
    issue = issue_number(issue, content_root, year)
    published, note = written, ""
    if year != written.year:
        published, note = datetime.date(year, 1, 1), "   # Tag des Erscheinens eintragen"
    text = render("newsletter.md", issue=issue, year=year, date=published.isoformat(),
                  date_note=note)
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
    slug = file_slug(title, "new-event")
    text = render("event.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  start=start_text, end=end_text)
    return write_new(content_root, f"events/{begin:%Y-%m-%d}-{slug}.md", text)


def new_factsheet(content_root, title, date=None):
    if not title:
        raise ScaffoldError('Bitte geben Sie einen Titel an: invoke new-factsheet --title "…"')
    text = render("factsheet.md", title_yaml=json.dumps(title, ensure_ascii=False),
                  date=(date or today()).isoformat())
    return write_new(content_root, f"good-practice/{file_slug(title, 'new-factsheet')}.md", text)
