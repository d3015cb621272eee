"""Dates and times as editors write them, in the site's time zone, with German errors."""

import datetime
import os
import re
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from .errors import ContentError
from .limits import YEARS, shortened

DATE_FORMS = "2025-06-26 oder 2025-06-26 10:00"
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_when(value, *, source_path, key, timezone, line=None):
    """A date (all-day) or an aware datetime from a front-matter value.

    Times without an offset are local time in `timezone` (Europe/Berlin), so a
    subscriber's calendar shows them right on both sides of a daylight-saving change.
    """
    if isinstance(value, datetime.datetime):
        parsed = value
    elif isinstance(value, datetime.date):
        return value
    else:
        text = str(value).strip()
        try:
            if _DATE_ONLY.match(text):
                day = datetime.date.fromisoformat(text)
                check_year(day, source_path, key, line)
                return day
            parsed = datetime.datetime.fromisoformat(text.replace("T", " ", 1))
        except ValueError:
            raise ContentError(
                source_path,
                f"„{shortened(text)}“ ist kein gültiges Datum oder gibt es nicht.",
                key=key,
                line=line,
                hint=f"Schreiben Sie z. B. {DATE_FORMS}.",
            ) from None
    check_year(parsed, source_path, key, line)
    if parsed.tzinfo is None:
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
