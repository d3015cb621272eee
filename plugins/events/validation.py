"""Checks of an event's front matter, with German messages that name file and key.

Everything is checked from the front matter as written (`metadata["front_matter"]`),
so every mistake names the key the editor typed; `date` and `modified` the reader has
checked and parsed already (iq_core.common).
"""

import datetime
import re
from zoneinfo import ZoneInfo

from iq_core.dates import DATE_FORMS, parse_when
from iq_core.common import kind_of
from iq_core.errors import ContentError, Problems, unknown_key_error
from iq_core.addresses import encoded_address, web_address_problem
from iq_core.validation import COMMON_KEYS, check_keys, check_text
from iq_core.vocabulary import vocabulary

EVENT_KEYS = COMMON_KEYS | {
    "start", "end", "format", "location", "online_url", "registration_url", "organiser",
    "audiences", "more_dates", "cancelled", "uid",
}
MORE_DATE_KEYS = {"start", "end", "cancelled"}
# title, summary, slug and lang: checked by the reader for every file (iq_core.common).
TEXT_KEYS = ("location", "organiser", "uid")
URL_KEYS = ("online_url", "registration_url")
UID = re.compile(r"^[A-Za-z0-9._@\-]{1,200}$")
_UTC = datetime.timezone.utc


def validate_event(source_path, raw, lines, settings, metadata=None):
    """Clean values of one event file, or ContentError(s) naming every mistake.
    `metadata`: what the reader made of the file (the dates it parsed)."""
    metadata = metadata or {}
    problems = Problems()
    problems.value(check_keys, source_path, raw, lines, EVENT_KEYS, required=("title", "start"))
    for key in TEXT_KEYS:
        problems.value(check_text, source_path, raw, lines, key)
    timezone = settings["TIMEZONE"]

    def when(key):
        if raw.get(key) is None:
            return None
        return problems.value(_when, source_path, raw[key], key, lines.get(key), timezone)

    start, end = when("start"), when("end")
    dates = metadata.get("front_matter_dates", {})
    date, modified = dates.get("date"), dates.get("modified")
    if start is not None:
        problems.value(_check_span, source_path, start, end, "end", lines.get("end"))
    if date is not None and modified is not None and modified < date:
        problems.add(ContentError(source_path, "„modified“ liegt vor „date“.", key="modified",
                                  line=lines.get("modified"),
                                  hint="„modified“ ist der Tag der letzten Änderung, also nach "
                                       "„date“."))
    if isinstance(raw.get("uid"), str):
        problems.value(_check_uid, source_path, raw["uid"], lines.get("uid"))
    for key in URL_KEYS:
        problems.value(_check_url, source_path, raw.get(key), key, lines.get(key))
    # `format` and `audiences` take their values from the shared lists in content/listen/.
    lists = {key: vocabulary(settings, name)
             for key, name in settings["EVENTS_VOCABULARIES"].items()}
    paths = metadata.get("front_matter_paths") or {}
    data = {
        "format": problems.value(_format, source_path, raw.get("format"), lines.get("format"),
                                 lists["format"]),
        "audiences": problems.value(_audiences, source_path, raw.get("audiences"),
                                    lines.get("audiences"), lists["audiences"], paths,
                                    default=[]),
        "cancelled": problems.value(_flag, source_path, raw.get("cancelled"), "cancelled",
                                    lines.get("cancelled"), default=False),
        "more_dates": problems.value(_more_dates, source_path, raw.get("more_dates"),
                                     lines.get("more_dates"), timezone, start, default=[])
        if start is not None else [],
    }
    problems.raise_any()
    return {
        **data,
        "title": _text(raw["title"]),
        "summary_text": _text(raw.get("summary")),
        "start": start,
        "end": end,
        "location": _text(raw.get("location")),
        "organiser": _text(raw.get("organiser")),
        "online_url": _address(raw.get("online_url")),
        "registration_url": _address(raw.get("registration_url")),
        "uid": _text(raw.get("uid")),
    }


def _check_uid(source_path, uid, line):
    """A calendar identity: printable ASCII without spaces (it is written raw into .ics)."""
    if not UID.match(uid.strip()):
        raise ContentError(source_path, "Die Kalender-Kennung darf nur Buchstaben ohne Umlaute, "
                           "Ziffern und . _ @ - enthalten, keine Leerzeichen.",
                           key="uid", line=line,
                           hint="Lassen Sie „uid“ weg; die Website vergibt dann selbst eine.")


def _text(value):
    if value is None:
        return None
    # One kind of line break; a lone CR must never reach a calendar file.
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _when(source_path, value, key, line, timezone, prefix=""):
    if isinstance(value, bool) or isinstance(value, (int, float)):
        # YAML reads "11:30" as a number (sexagesimal): the date is missing.
        raise ContentError(source_path, f"{prefix}Hier fehlt das Datum.", key=key, line=line,
                           hint=f"Schreiben Sie Datum und Uhrzeit, z. B. {DATE_FORMS}.")
    if not isinstance(value, (str, datetime.date)):
        raise ContentError(source_path, f"{prefix}Hier steht ein Datum, keine Liste.", key=key,
                           line=line, hint=f"Schreiben Sie z. B. {DATE_FORMS}.")
    try:
        parsed = parse_when(value, source_path=source_path, key=key, timezone=timezone, line=line)
    except ContentError as error:
        error.problem = prefix + error.problem
        raise
    if isinstance(parsed, datetime.datetime):
        zone = ZoneInfo(timezone)
        if isinstance(parsed.tzinfo, ZoneInfo):
            # 2025-03-30 02:30 does not exist in Germany: the clocks jump from 2:00 to 3:00.
            back = parsed.astimezone(_UTC).astimezone(zone)
            if back.replace(tzinfo=None) != parsed.replace(tzinfo=None):
                raise ContentError(
                    source_path,
                    f"{prefix}Die Uhrzeit {parsed:%H:%M} gibt es am {parsed:%d.%m.%Y} nicht "
                    "(Umstellung auf Sommerzeit).", key=key, line=line,
                    hint="Wählen Sie eine Uhrzeit ab 3:00 Uhr.")
        # Times with an offset become the same instant in local time.
        parsed = parsed.astimezone(zone)
    return parsed


def _check_span(source_path, start, end, key, line, prefix=""):
    if end is None:
        return
    if isinstance(start, datetime.datetime) != isinstance(end, datetime.datetime):
        raise ContentError(
            source_path,
            f"{prefix}Beginn und Ende brauchen beide eine Uhrzeit oder beide keine.",
            key=key, line=line,
            hint="Ganztägig: „start: 2016-12-06“ und „end: 2016-12-07“. Mit Uhrzeit: "
                 "„start: 2025-06-26 10:00“ und „end: 2025-06-26 11:30“.")
    if end < start:
        raise ContentError(source_path, f"{prefix}Das Ende liegt vor dem Beginn.", key=key,
                           line=line, hint="Prüfen Sie Datum und Uhrzeit von „start“ und „end“.")


def _address(value):
    """An address as valid HTML (spaces encoded: iq_core.addresses)."""
    text = _text(value)
    return encoded_address(text) if text else None


def _check_url(source_path, value, key, line):
    if value is None:
        return
    text = str(value).strip()
    problem = web_address_problem(value)
    if problem:
        reason, hint = problem
        if re.match(r"^https?//", text):
            hint = "Nach „https“ fehlt der Doppelpunkt: „https://…“."
        raise ContentError(source_path, reason, key=key, line=line, hint=hint)


def _format(source_path, value, line, formats):
    """The format's label (its page and calendar: events.listing.formats_in_use)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ContentError(source_path, f"Hier steht {kind_of(value)}, erwartet ist ein Format.",
                           key="format", line=line, hint="Schreiben Sie z. B. „format: "
                           "Online-Seminar“; die Formate stehen in " + formats.shown + ".")
    return formats.entry(source_path, value.strip(), "format", line).label


def _audiences(source_path, value, line, audiences, paths):
    """The labels of the audiences' entries in the shared list, every unknown one at once."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(source_path, "Hier steht eine Liste von Zielgruppen.",
                           key="audiences", line=line,
                           hint="Schreiben Sie z. B. „audiences: [Unternehmen, Beratungsstellen]“.")
    entries = audiences.entries_for(source_path, [v.strip() for v in value], "audiences",
                                    lambda index: paths.get(("audiences", index), line))
    return [entry.label for entry in entries]


def _flag(source_path, value, key, line, prefix=""):
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ContentError(source_path, f"{prefix}Hier steht „true“ (ja) oder „false“ (nein), "
                           f"nicht „{value}“.", key=key, line=line,
                           hint=f"Für eine abgesagte Veranstaltung: „{key}: true“.")
    return value


def _more_dates(source_path, value, line, timezone, first_start):
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        raise ContentError(source_path, "Hier steht eine Liste weiterer Termine.",
                           key="more_dates", line=line,
                           hint="Jeder Eintrag beginnt mit „- start: …“, darunter eingerückt "
                                "„end: …“.")
    dates, seen = [], {_key(first_start)}
    for number, entry in enumerate(value, start=1):
        prefix = f"Im {number}. Eintrag: "
        if not isinstance(entry, dict):
            raise ContentError(source_path, f"{prefix}Hier fehlt „start: …“.", key="more_dates",
                               line=line, hint="Schreiben Sie „- start: 2025-08-28 10:00“.")
        for key in entry:
            if key not in MORE_DATE_KEYS:
                error = unknown_key_error(source_path, key, MORE_DATE_KEYS, line=line)
                error.problem = f"{prefix}{error.problem}"
                error.key = f"more_dates → {key}"
                raise error
        if entry.get("start") is None:
            raise ContentError(source_path, f"{prefix}„start“ fehlt.", key="more_dates → start",
                               line=line, hint="Schreiben Sie „- start: 2025-08-28 10:00“.")
        start = _when(source_path, entry["start"], "more_dates → start", line, timezone, prefix)
        end = None
        if entry.get("end") is not None:
            end = _when(source_path, entry["end"], "more_dates → end", line, timezone, prefix)
        _check_span(source_path, start, end, "more_dates → end", line, prefix)
        if _key(start) in seen:
            raise ContentError(source_path, f"{prefix}Diesen Termin gibt es schon.",
                               key="more_dates → start", line=line,
                               hint="Jeder Termin steht nur einmal in der Datei.")
        seen.add(_key(start))
        dates.append({"start": start, "end": end,
                      "cancelled": _flag(source_path, entry.get("cancelled"),
                                         "more_dates → cancelled", line, prefix)})
    return dates


def _key(value):
    return value.astimezone(_UTC) if isinstance(value, datetime.datetime) else value
