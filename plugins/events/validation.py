"""Checks of an event's front matter, with German messages that name file and key.

Everything is checked from the front matter as written (`metadata["front_matter"]`),
so every mistake names the key the editor typed; `date` and `modified` the reader has
checked and parsed already (iq_core.common).
"""

import re

from iq_core.common import kind_of
from iq_core.errors import ContentError, Problems
from iq_core.addresses import encoded_address, web_address_problem
from iq_core.fields import keys, required_keys
from iq_core.validation import check_keys, check_text
from iq_core.vocabulary import vocabulary

from .fields import EVENT_FIELDS
from .date_checks import check_span, flag, more_dates, rescheduled_from, when_value

EVENT_KEYS = keys(EVENT_FIELDS)
REQUIRED_KEYS = required_keys(EVENT_FIELDS)
# title, summary, slug and lang: checked by the reader for every file (iq_core.common).
TEXT_KEYS = ("location", "organiser", "uid")
URL_KEYS = ("online_url", "registration_url")
UID = re.compile(r"^[A-Za-z0-9._@\-]{1,200}$")


def validate_event(source_path, raw, lines, settings, metadata=None):
    """Clean values of one event file, or ContentError(s) naming every mistake.
    `metadata`: what the reader made of the file (the dates it parsed)."""
    metadata = metadata or {}
    problems = Problems()
    problems.value(check_keys, source_path, raw, lines, EVENT_KEYS, required=REQUIRED_KEYS)
    for key in TEXT_KEYS:
        problems.value(check_text, source_path, raw, lines, key)
    timezone = settings["TIMEZONE"]

    def when(key):
        if raw.get(key) is None:
            return None
        return problems.value(when_value, source_path, raw[key], key, lines.get(key), timezone)

    start, end = when("start"), when("end")
    dates = metadata.get("front_matter_dates", {})
    date, modified = dates.get("date"), dates.get("modified")
    if start is not None:
        problems.value(check_span, source_path, start, end, "end", lines.get("end"))
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
        "cancelled": problems.value(flag, source_path, raw.get("cancelled"), "cancelled",
                                    lines.get("cancelled"), default=False),
        "rescheduled_from": problems.value(
            rescheduled_from, source_path, raw.get("rescheduled_from"), start,
            "rescheduled_from", lines.get("rescheduled_from"), timezone),
        "more_dates": problems.value(more_dates, source_path, raw.get("more_dates"),
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


