"""Dates and times as editors write them, in the site's time zone, with German errors."""

import datetime
import os
import re
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from .errors import ContentError
from .limits import YEARS, shortened

DATE_FORMS = "2025-06-26 oder 2025-06-26 10:00"
# The content model's forms: a day, or day and time with a colon (seconds, "T" and an
# offset such as "Z" or "+02:00" as ISO 8601 writes them). Written by hand, nothing else:
# Python's own ISO parser reads "11.30" as 11:00 and 30 hundredths of a second.
_WHEN = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})(?:(?:T|\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
                   r"(?::(?P<second>\d{2}))?(?P<offset>Z|[+-]\d{2}:\d{2})?)?")
# Times as people write them elsewhere: "10.30", "10,30", "10h30", "10" or "10:30 Uhr".
_ALMOST = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})(?:T|\s+)(?P<hour>\d{1,2})"
                     r"(?:(?P<mark>[.,:h])(?P<minute>\d{2}))?\s*(?P<uhr>Uhr)?", re.IGNORECASE)


class WhenError(ValueError):
    """A value that is no date: `problem` says why; `suggestion` is the value meant, if
    it is clear (German, for the content check and `invoke new-event` alike)."""

    def __init__(self, problem, suggestion=None):
        super().__init__(problem)
        self.problem = problem
        self.suggestion = suggestion


def read_when(text):
    """A date, or a datetime (aware when an offset is written), from the text as typed;
    WhenError otherwise. One-digit hours are what people type: "9:00" is 09:00."""
    text = str(text).strip()
    match = _WHEN.fullmatch(text)
    try:
        if match and not match["hour"]:
            return datetime.date.fromisoformat(match["day"])
        if match:
            return datetime.datetime.fromisoformat(
                f"{match['day']}T{int(match['hour']):02d}:{match['minute']}:"
                f"{match['second'] or '00'}{match['offset'] or ''}")
    except ValueError:
        raise WhenError(f"„{shortened(text)}“ ist kein gültiges Datum oder gibt es nicht.") \
            from None
    raise WhenError(*_almost_a_time(text))


def _almost_a_time(text):
    """(problem, suggestion) for a value that is no date: the time corrected, if clear."""
    almost = _ALMOST.fullmatch(text)
    quoted = f"„{shortened(text)}“"
    if almost and int(almost["hour"]) < 24 and int(almost["minute"] or 0) < 60:
        meant = f"{almost['day']} {int(almost['hour']):02d}:{almost['minute'] or '00'}"
        if not almost["minute"]:
            return f"Bei der Uhrzeit in {quoted} fehlen die Minuten.", meant
        if almost["mark"] != ":":
            return f"Die Uhrzeit in {quoted} hat keinen Doppelpunkt.", meant
        return f"In {quoted} gehört „Uhr“ nicht zur Uhrzeit.", meant
    return f"{quoted} ist kein gültiges Datum oder gibt es nicht.", None


def parse_when(value, *, source_path, key, timezone, line=None):
    """A date (all-day) or an aware datetime from a front-matter value.

    Times without an offset are local time in `timezone` (Europe/Berlin), so a
    subscriber's calendar shows them right on both sides of a daylight-saving change.
    """
    if isinstance(value, datetime.datetime):  # PyYAML's timestamps, if a loader gives them
        parsed = value
    elif isinstance(value, datetime.date):
        parsed = value
    else:
        try:
            parsed = read_when(value)
        except WhenError as error:
            hint = (f"Schreiben Sie die Uhrzeit mit Doppelpunkt: {error.suggestion}"
                    if error.suggestion else f"Schreiben Sie z. B. {DATE_FORMS}.")
            raise ContentError(source_path, error.problem, key=key, line=line,
                               hint=hint) from None
    check_year(parsed, source_path, key, line)
    if isinstance(parsed, datetime.datetime) and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(timezone))
    return parsed


def check_year(value, source_path, key, line):
    """Year 1 or 9999 is a typo, and would overflow when the time zone is applied."""
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ContentError(
            source_path, f"Das Jahr {value.year} ist hier nicht möglich (erlaubt: {YEARS[0]} "
            f"bis {YEARS[1]}).", key=key, line=line, hint=f"Schreiben Sie z. B. {DATE_FORMS}.")


def german_date(value, pattern="d. MMMM y"):
    """26. Juni 2025"""
    return format_date(value, pattern, locale="de")


def german_time(value):
    """10:00 (hours of the local time zone)"""
    return format_time(value, "HH:mm", locale="de")


def today(settings):
    """The build's "today" (setting BUILD_DATE) as a date."""
    return build_date(settings.get("BUILD_DATE"), settings.get("TIMEZONE", "UTC"))


def build_date(value, timezone, environ=None, clock=None):
    """The build's "today" as a date: `value` if set, else SOURCE_DATE_EPOCH, else the
    day `clock(zone)` (datetime.now) says in `timezone`."""
    environ = os.environ if environ is None else environ
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if value:
        return datetime.date.fromisoformat(str(value))
    zone = ZoneInfo(timezone)
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=zone).date()
    return (clock or (lambda tz: datetime.datetime.now(tz=tz)))(zone).date()
