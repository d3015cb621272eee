"""Checks of an event's dates: `start`, `end`, `rescheduled_from`, `cancelled` and every
entry of `more_dates`, with German messages that name the key (and the entry)."""

import datetime
from zoneinfo import ZoneInfo

from iq_core.dates import DATE_FORMS, parse_when
from iq_core.errors import ContentError, unknown_key_error
from iq_core.fields import keys

from .fields import MORE_DATE_FIELDS

MORE_DATE_KEYS = keys(MORE_DATE_FIELDS)
_UTC = datetime.timezone.utc


def when_value(source_path, value, key, line, timezone, prefix=""):
    """A date (all day) or an aware datetime in `timezone`, from what the editor wrote."""
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


def check_span(source_path, start, end, key, line, prefix=""):
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


def flag(source_path, value, key, line, prefix=""):
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ContentError(source_path, f"{prefix}Hier steht „true“ (ja) oder „false“ (nein), "
                           f"nicht „{value}“.", key=key, line=line,
                           hint=f"Für eine abgesagte Veranstaltung: „{key}: true“.")
    return value


def rescheduled_from(source_path, value, start, key, line, timezone, prefix=""):
    """The date an event (or one of its dates) had before it was moved, or None."""
    if value is None:
        return None
    before = when_value(source_path, value, key, line, timezone, prefix)
    if start is not None and same_time(before, start):
        raise ContentError(source_path, f"{prefix}„rescheduled_from“ ist der bisherige Beginn, "
                           "hier steht aber derselbe wie bei „start“.", key=key, line=line,
                           hint="Schreiben Sie bei „rescheduled_from“ den alten Termin und bei "
                                "„start“ den neuen; ist nichts verschoben, lassen Sie die "
                                "Zeile weg.")
    return before


def more_dates(source_path, value, line, timezone, first_start):
    """Each further date: start, end, cancelled, rescheduled_from (its calendar identity is
    the original start, model.Occurrence.uid, so two entries must not share one)."""
    if value is None or value == []:  # `more_dates: []`: none (the web editor writes it)
        return []
    if not isinstance(value, list):
        raise ContentError(source_path, "Hier steht eine Liste weiterer Termine.",
                           key="more_dates", line=line,
                           hint="Jeder Eintrag beginnt mit „- start: …“, darunter eingerückt "
                                "„end: …“.")
    dates, seen, identities = [], {moment(first_start)}, set()
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
        start = when_value(source_path, entry["start"], "more_dates → start", line, timezone,
                           prefix)
        end = None
        if entry.get("end") is not None:
            end = when_value(source_path, entry["end"], "more_dates → end", line, timezone, prefix)
        check_span(source_path, start, end, "more_dates → end", line, prefix)
        if moment(start) in seen:
            raise ContentError(source_path, f"{prefix}Diesen Termin gibt es schon.",
                               key="more_dates → start", line=line,
                               hint="Jeder Termin steht nur einmal in der Datei.")
        seen.add(moment(start))
        before = rescheduled_from(source_path, entry.get("rescheduled_from"), start,
                                  "more_dates → rescheduled_from", line, timezone, prefix)
        identity = moment(before if before is not None else start)
        if identity in identities:
            raise ContentError(source_path, f"{prefix}Ein anderer Eintrag war ursprünglich "
                               "schon an diesem Termin.", key="more_dates → rescheduled_from",
                               line=line, hint="„rescheduled_from“ nennt den alten Termin "
                               "genau dieses Eintrags; jeder alte Termin steht nur einmal da.")
        identities.add(identity)
        dates.append({"start": start, "end": end, "rescheduled_from": before,
                      "cancelled": flag(source_path, entry.get("cancelled"),
                                        "more_dates → cancelled", line, prefix)})
    return dates


def moment(value):
    """A date or an instant, comparable however its time zone was written."""
    return value.astimezone(_UTC) if isinstance(value, datetime.datetime) else value


def same_time(first, second):
    return type(first) is type(second) and moment(first) == moment(second)
