"""events: the event calendar (content/events/*.md).

Event pages at /termine/<slug>/, the overview /termine/ with coming events by month,
a yearly archive, one page per format, and iCalendar files (all events, per format,
per event) that Outlook, Google and Apple calendars read alike. Puts `events`,
`event_occurrences` and `upcoming_events` into the context for the home page and the
newsletter's Termine block (`partials/newsletter_termine.html`).
"""

from pelican import signals

from .formatting import install_filters
from .generator import EventsGenerator
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


def get_generators(pelican):
    return EventsGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_filters)
