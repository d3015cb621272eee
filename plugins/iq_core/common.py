"""Checks of the keys every content file has (title, date, status, slug, lang …).

Run by the reader for every Markdown file, before any content type sees it, and all at
once: a file with three mistakes gets three messages in one run.
"""

import datetime
from zoneinfo import ZoneInfo

from .dates import parse_when
from .errors import ContentError, Problems
from .limits import MAX_SLUG_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, shortened

STATUSES = ("published", "draft", "hidden")
LANGUAGES = ("de",)
SLUG_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"
ONE_LINE = ("title", "slug", "status", "lang")  # headings, addresses, calendar summaries


def kind_of(value):
    """How an editor would call what they wrote."""
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return f"„{'true' if value else 'false'}“ (ja/nein)"
    if isinstance(value, (int, float)):
        return f"die Zahl {value}"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "eine Gruppe von Angaben"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"das Datum {value}"
    return f"„{shortened(value)}“"


def text_error(source_path, key, value, line=None, written=None):
    """A value where a text belongs: `title: yes` is True to YAML, `title: 2025` a number.

    `written`: the value as typed, if known (else Python's spelling of it is shown).
    """
    typed = written if written is not None else value
    if isinstance(value, bool):
        problem = f"„{typed}“ liest YAML als Ja/Nein-Angabe, erwartet ist ein Text."
    elif isinstance(value, (int, float)):
        problem = f"„{typed}“ liest YAML als Zahl, erwartet ist ein Text."
    else:
        problem = f"Hier steht {kind_of(value)}, erwartet ist ein Text."
        return ContentError(source_path, problem, key=key, line=line,
                            hint=f"Schreiben Sie „{key}: Ihr Text“ in eine Zeile.")
    name = str(key).rsplit(": ", 1)[-1]  # "contact: phone" -> phone
    return ContentError(source_path, problem, key=key, line=line,
                        hint=f"Ist „{typed}“ als Text gemeint, setzen Sie es in "
                        f"Anführungszeichen: {name}: \"{typed}\".")


def check_text_value(source_path, raw, lines, key, *, maximum=None, written=None):
    value = raw.get(key)
    if value is None:
        return
    if not isinstance(value, str):
        raise text_error(source_path, key, value, lines.get(key), (written or {}).get((key,)))
    if maximum and len(value) > maximum:
        raise ContentError(
            source_path, f"Der Text ist mit {len(value)} Zeichen zu lang (höchstens {maximum}).",
            key=key, line=lines.get(key), hint="Kürzen Sie ihn.")
    if key in ONE_LINE and "\n" in value.strip():
        raise ContentError(
            source_path, "Hier steht ein Zeilenumbruch; dieser Text steht in einer Zeile.",
            key=key, line=lines.get(key),
            hint=f"Schreiben Sie „{key}: …“ in eine Zeile (ohne | oder > und ohne \\n).")


def check_common(source_path, raw, lines, timezone, written=None):
    """All mistakes in the common keys, raised together (`written`: values as typed).
    Returns `date` and `modified` as aware datetimes (a day alone: midnight in `timezone`):
    the one place where they are parsed."""
    problems = Problems()
    for key in raw:
        if not isinstance(key, str):
            problems.add(ContentError(
                source_path, f"„{key}“ ist kein Schlüssel: Schlüssel sind Wörter wie „title“.",
                hint="Prüfen Sie, ob vor dem Doppelpunkt ein Wort steht."))
    for key, maximum in (("title", MAX_TITLE_CHARS), ("summary", MAX_SUMMARY_CHARS),
                         ("slug", MAX_SLUG_CHARS), ("status", None), ("lang", None)):
        problems.value(check_text_value, source_path, raw, lines, key, maximum=maximum,
                       written=written)
    if isinstance(raw.get("status"), str):
        problems.value(check_status, source_path, raw, lines)
    if isinstance(raw.get("lang"), str) and raw["lang"].strip() not in LANGUAGES:
        problems.add(ContentError(
            source_path, f"„{raw['lang']}“: die Website erscheint nur auf Deutsch.", key="lang",
            line=lines.get("lang"),
            hint="Löschen Sie die Zeile „lang: …“ (oder schreiben Sie „lang: de“)."))
    if isinstance(raw.get("slug"), str):
        problems.value(check_slug, source_path, raw["slug"], lines.get("slug"))
    dates = {}
    for key in ("date", "modified"):
        if raw.get(key) is not None:
            when = problems.value(parse_when, raw[key], source_path=source_path, key=key,
                                  line=lines.get(key), timezone=timezone)
            if when is not None:
                dates[key] = as_datetime(when, timezone)
    problems.raise_any()
    return dates


def as_datetime(when, timezone):
    """A day (all-day) as midnight of that day in `timezone`; a datetime as it is."""
    if isinstance(when, datetime.datetime):
        return when
    return datetime.datetime.combine(when, datetime.time(), tzinfo=ZoneInfo(timezone))


def check_status(source_path, raw, lines):
    status = raw.get("status", "published")
    if status not in STATUSES:
        raise ContentError(
            source_path,
            f"„{status}“ ist kein gültiger Status.",
            key="status",
            line=lines.get("status"),
            hint="Erlaubt sind: published (veröffentlicht), draft (Entwurf), hidden (versteckt).",
        )


def empty_slug_error(source_path, line):
    """The address made from the title is empty (a title of "!!!" or "🎉")."""
    return ContentError(
        source_path, "Aus diesem Titel lässt sich keine Adresse bilden (er enthält keine "
        "Buchstaben oder Ziffern).", key="title", line=line,
        hint="Geben Sie die Adresse mit „slug: …“ an, z. B. „slug: fragen“.")


def check_slug(source_path, slug, line):
    text = slug.strip()
    parts = text.split("-")
    if not text or any(c not in SLUG_CHARACTERS for c in text) or "" in parts:
        raise ContentError(
            source_path, f"„{shortened(slug)}“ taugt nicht als Adresse.", key="slug", line=line,
            hint="Erlaubt sind Kleinbuchstaben ohne Umlaute, Ziffern und einzelne Bindestriche, "
            "z. B. „kmu-toolbox“. Meist lassen Sie „slug“ einfach weg: dann bildet die "
            "Website die Adresse selbst.")
