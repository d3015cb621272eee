"""Defaults of the events plugin's settings, in one place. pelicanconf/publishconf override them."""

DEFAULTS = {
    # Folders below content/ with one Markdown file per event.
    "EVENTS_PATHS": ["events"],
    # Event pages: /termine/<slug>/.
    "EVENTS_URL": "termine/{slug}/",
    "EVENTS_SAVE_AS": "termine/{slug}/index.html",
    # The event's own calendar file, next to its page.
    "EVENTS_ICS_NAME": "termin.ics",
    # The section: the overview of coming events, one page and calendar per format below
    # it, and the past events by year.
    "EVENTS_ARCHIVE_URL": "termine/",
    "EVENTS_ARCHIVE_SAVE_AS": "termine/index.html",
    "EVENTS_PAST_URL": "termine/archiv/",
    "EVENTS_CALENDAR_NAME": "termine.ics",
    # The shared list (content/listen/<name>.yaml, see iq_core's VOCABULARIES) each key
    # takes its values from. Each format gets a page and a calendar, named by its plural
    # (Online-Seminar -> /termine/online-seminare/, online-seminare.ics).
    "EVENTS_VOCABULARIES": {"format": "formate", "audiences": "adressaten"},
    # Calendar identity: `<slug>@EVENTS_UID_DOMAIN` unless an event sets `uid`. Independent
    # of SITEURL on purpose: moving the site must never change a subscriber's events.
    "EVENTS_UID_DOMAIN": "iq-niedersachsen.de",
    # How often calendar apps should fetch the subscribed calendar again.
    "EVENTS_REFRESH_HOURS": 12,
    # The subscribable calendars keep past events of this many months.
    "EVENTS_CALENDAR_PAST_MONTHS": 12,
    # How many coming events the home page shows.
    "EVENTS_HOME_COUNT": 3,
}

