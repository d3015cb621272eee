"""Helpers for the events tests: event files as editors write them, calendars parsed back."""

import datetime
import os
import textwrap
import types

import icalendar
import vobject
from pelican import signals
from pelican.settings import read_settings

from conftest import PELICANCONF, ROOT, copy_site_lists

UTC = datetime.timezone.utc
# A fixed "today" for fixture builds (pinned through the BUILD_DATE setting).
BUILD_DATE = "2025-06-20"


def event(title="Testseminar", **keys):
    """Front matter + body of an event file; values are written exactly as given."""
    lines = [f"title: {title}"] if title is not None else []
    lines += [f"{key}: {value}" for key, value in keys.items()]
    return "---\n" + "\n".join(lines) + "\n---\nBeschreibung der Veranstaltung.\n"


def raw_event(text):
    return textwrap.dedent(text).lstrip()


def read(path):
    return path.read_text(encoding="utf-8")


def ical(path):
    """The calendar parsed by icalendar (the library that wrote it)."""
    return icalendar.Calendar.from_ical(path.read_bytes())


def vcal(path):
    """The calendar parsed by a second, independent reader (vobject), which applies our VTIMEZONE."""
    return vobject.readOne(path.read_text(encoding="utf-8"))


def ical_events(path):
    return [c for c in ical(path).walk("VEVENT")]


def vobject_events(path):
    calendar = vcal(path)
    return list(calendar.vevent_list) if hasattr(calendar, "vevent") else []


def utc(value):
    return value.astimezone(UTC)


def unfolded_lines(data):
    """Content lines of an iCalendar file after RFC 5545 unfolding."""
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "bare LF in calendar"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def load_events(tmp_path, files, **overrides):
    """Run the events generator in this process on `files` and return it (context filled).

    Used where tests need the Python objects (the newsletter partial, occurrence fields).
    """
    import events
    import iq_core
    import iq_feeds
    from events.generator import EventsGenerator
    from iq_core.i18n import install_translations
    from iq_core.reader import add_reader
    from iq_core.settings import apply_defaults

    content = tmp_path / "content"
    copy_site_lists(content, files)
    for relative, text in files.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = read_settings(PELICANCONF, override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"),
        "THEME": os.path.join(ROOT, "theme"), "BUILD_DATE": BUILD_DATE, "IQ_GIT_HISTORY": False,
        **overrides})
    apply_defaults(types.SimpleNamespace(settings=settings, plugins=[iq_core, iq_feeds, events]))
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(install_translations)
    context = settings.copy()
    # What Pelican.run() puts into the shared context before the generators start.
    context.update(generated_content={}, static_content={}, static_links=set(),
                   localsiteurl=settings["SITEURL"])
    generator = EventsGenerator(context=context, settings=settings, path=str(content),
                                theme=settings["THEME"], output_path=str(tmp_path / "output"))
    generator.generate_context()
    return generator
