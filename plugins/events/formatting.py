"""German date and time forms of events, for pages, lists and the newsletter.

"26. Juni 2025, 10:00–11:30 Uhr" on the event page, and the newsletter's own line
form "26. Juni 2025 | 10 - 11:30 Uhr | MS Teams".
"""

import re

from babel.dates import format_date

_ONLINE_PLATFORM = re.compile(r"^\s*online\s*\((?P<platform>[^)]+)\)\s*$", re.I)


def day(value):
    """26. Juni 2025"""
    return format_date(value, "d. MMMM y", locale="de")


def month_heading(value):
    """Juni 2025"""
    return format_date(value, "LLLL y", locale="de")


def date_range(first, last):
    """26. Juni 2025 · 6.–7. Dezember 2016 · 30. Juni – 2. Juli 2025 · across years in full."""
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}.–{day(last)}"
    if first.year == last.year:
        return f"{format_date(first, 'd. MMMM', locale='de')} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def clock(value):
    """10:00, 9:30 (hours without a leading zero, as German text writes them)."""
    return f"{value.hour}:{value.minute:02d}"


def short_clock(value):
    """10, 11:30 (the newsletter leaves out ":00")."""
    return str(value.hour) if value.minute == 0 else clock(value)


def when(occurrence):
    """The event page's form: "26. Juni 2025, 10:00–11:30 Uhr"."""
    start, end = occurrence.start, occurrence.end
    if occurrence.all_day:
        return date_range(start, end)
    if not occurrence.has_end:
        return f"{day(start)}, {clock(start)} Uhr"
    if start.date() == end.date():
        return f"{day(start)}, {clock(start)}–{clock(end)} Uhr"
    return f"{day(start)}, {clock(start)} Uhr – {day(end)}, {clock(end)} Uhr"


def newsletter_date(occurrence):
    return date_range(occurrence.start_date, occurrence.end_date)


def newsletter_time(occurrence):
    """"10 - 11:30 Uhr"; empty for all-day events."""
    if occurrence.all_day:
        return ""
    if not occurrence.has_end:
        return f"{short_clock(occurrence.start)} Uhr"
    return f"{short_clock(occurrence.start)} - {short_clock(occurrence.end)} Uhr"


def short_place(location):
    """"Online (MS Teams)" -> "MS Teams": the newsletter names the platform only."""
    if not location:
        return ""
    match = _ONLINE_PLATFORM.match(location)
    text = match.group("platform") if match else location
    return " ".join(text.split())


def moment(value):
    """A single date or time as text: "26. Juni 2025" or "26. Juni 2025, 10:00 Uhr"."""
    if hasattr(value, "hour"):
        return f"{day(value)}, {clock(value)} Uhr"
    return day(value)


def install_filters(generator):
    """generator_init: `event_moment` (a single date or time as text) in the templates."""
    generator.env.filters["event_moment"] = moment
