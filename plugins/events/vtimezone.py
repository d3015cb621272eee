"""The calendars' VTIMEZONE for Europe/Berlin, in the classic RRULE form.

icalendar's add_missing_timezones() writes RDATE lists that ical.js and vobject misread
by an hour around the change; the RRULE form is read the same by every client.
"""

import datetime

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard


def berlin_timezone(tzid):
    """VTIMEZONE for Central European Time with the EU rules since 1996 (RRULE form)."""
    zone = Timezone()
    zone.add("tzid", tzid)
    zone.add("x-lic-location", tzid)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone
