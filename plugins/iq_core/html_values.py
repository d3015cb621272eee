"""Values of the HTML attributes editors may write, as the HTML checks before
publishing (Nu HTML validator in `invoke verify`) accept them.

The sanitiser (iq_core.html_policy) drops an attribute whose value is not valid:
`width="abc"` goes, and the build writes the image's real size; `colspan="zwei"` goes,
and the cell spans one column. Nothing visible is lost that the editor could have meant.
Only `<time>` is reported (html_policy): its date is what the element is for, and a
<time> without a valid date is invalid HTML too.
"""

import datetime
import re

DIGITS = re.compile(r"^[0-9]+$")
WHOLE_NUMBER = re.compile(r"^-?[0-9]+$")
# The forms of a date and time that editors write; a part of what HTML allows (no
# weeks or durations), so what passes here passes the validator.
DATE_TIME = re.compile(
    r"^(?P<date>[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)?"
    r"(?:(?(date)[T ])(?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,3})?)?)"
    r"(?(date)(?P<zone>Z|[+-][0-9]{2}:?[0-9]{2})?))?$")
ENUMERATED = {
    ("ol", "type"): {"1", "a", "A", "i", "I"},
    ("th", "scope"): {"row", "col", "rowgroup", "colgroup"},
    ("img", "loading"): {"lazy", "eager"},
    ("*", "dir"): {"ltr", "rtl", "auto"},
}


def valid_attribute_value(tag, name, value):
    """False for a value of an allowed attribute that is not valid HTML."""
    value = value or ""
    if name in ("width", "height", "colspan", "rowspan"):
        return bool(DIGITS.match(value)) and int(value) > 0
    if name in ("start", "value"):
        return bool(WHOLE_NUMBER.match(value))
    if name == "reversed":
        return value.lower() in ("", "reversed")
    if name == "id":
        return bool(value) and not re.search(r"\s", value)
    allowed = ENUMERATED.get((tag, name)) or ENUMERATED.get(("*", name))
    if allowed is not None:
        return value in allowed or value.lower() in allowed
    return True


def valid_datetime(value):
    """True for a date, a time or both that HTML's <time> accepts: 2025, 2025-06,
    2025-06-26, 10:00, 2025-06-26T10:00, 2025-06-26 10:00+02:00."""
    found = DATE_TIME.match((value or "").strip())
    if not found or not (found.group("date") or found.group("time")):
        return False
    date, time, zone = found.group("date"), found.group("time"), found.group("zone")
    if date and time and date.count("-") != 2:
        return False  # a time belongs to a whole date
    try:
        if date:
            year, month, day = (date.split("-") + ["01", "01"])[:3]
            datetime.date(int(year), int(month), int(day))
        if time:
            datetime.time.fromisoformat(time)
        if zone and zone != "Z":
            hours, minutes = int(zone[1:3]), int(zone[-2:])
            if hours > 23 or minutes > 59:
                return False
    except ValueError:
        return False
    return True
