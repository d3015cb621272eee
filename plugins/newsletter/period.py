"""Which calendar events an issue's "Termine" section lists."""

import datetime


def termine_period(issue_date, events_until=None, next_issue_date=None, weeks=12):
    """(first day, last day), both inclusive.

    From the issue's date to `events_until` if the editors set it; else to the day before
    the next issue appears (its events are then in that issue); else for `weeks` weeks.
    """
    if events_until is not None:
        end = events_until
    elif next_issue_date is not None:
        end = next_issue_date - datetime.timedelta(days=1)
    else:
        end = issue_date + datetime.timedelta(weeks=weeks)
    # Two issues on the same day: the earlier one still lists that day.
    return issue_date, max(issue_date, end)
