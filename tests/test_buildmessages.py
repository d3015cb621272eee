"""Messages of the build: Pelican's own errors and anything unexpected become German
sentences; the technical details go to a file for the developers, never to editors."""

import logging

import pytest
from pelican.writers import FileOverwriteFailedError

from buildmessages import describe_failure, in_order
from conftest import build_fixture_site
from events_support import event
from sitebuild import BuildError


def record(name, message, *args):
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, None)


def settings(tmp_path):
    return {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache"),
            "OUTPUT_PATH": str(tmp_path / ".build-1-x")}


def test_pelicans_own_errors_are_german(tmp_path):
    page = str(tmp_path / "content" / "pages" / "a.md")
    messages = describe_failure(record("pelican.contents", "Skipping %s: could not find "
                                       "information about '%s'", page, "title"),
                                None, settings(tmp_path))
    assert messages == [f"{page}: Die Angabe „title“ fehlt, sie ist Pflicht."]


def test_our_plugins_messages_pass_as_they_are(tmp_path):
    message = "content/pages/a.md, Zeile 3: Ein Fehler."
    assert describe_failure(record("iq_core.pages", "%s", message), None,
                            settings(tmp_path)) == [message]


def test_unexpected_errors_name_the_file_and_keep_details_for_developers(tmp_path):
    try:
        {}["schluessel"]
    except KeyError as error:
        exc_info = (KeyError, error, error.__traceback__)
    failed = record("pelican.generators", "Could not process %s\n%s", "pages/a.md", "x")
    [message] = describe_failure(failed, exc_info, settings(tmp_path))
    assert message.startswith(str(tmp_path / "content" / "pages" / "a.md") + ": Diese Datei")
    assert "KeyError" not in message and "Traceback" not in message
    details = (tmp_path / "cache" / "letzter-baufehler.txt").read_text(encoding="utf-8")
    assert "KeyError: 'schluessel'" in details and "Traceback" in details


def test_two_pages_writing_one_file_is_said_without_the_staging_folder(tmp_path):
    error = FileOverwriteFailedError(f'Failed to overwrite "{tmp_path}/.build-1-x/kontakt/'
                                     'index.html" as Pelican has already written to it')
    [message] = describe_failure("Abbruch", (type(error), error, None), settings(tmp_path))
    assert message.startswith("Zwei Inhalte würden dieselbe Seite „kontakt/index.html“")
    assert ".build-" not in message


def test_messages_come_by_file_then_line_as_a_number():
    messages = [
        "content/events/b.md, Zeile 3, Schlüssel „start“: Fehler.",
        "content/events/a.md, Zeile 32: Fehler.",
        "content/events/a.md, Zeile 7, Schlüssel „end“: Fehler.",
        "content/events/a.md, Zeile 10: Zweiter Fehler.",
        "content/events/a.md, Zeile 10: Erster Fehler.",
        "content/events/a.md: Diese Datei ließ sich nicht bauen (Einzelheiten: cache/x.txt).",
        "Zwei Inhalte würden dieselbe Seite „kontakt/index.html“ schreiben. Mit „slug: …“.",
        "content/events/a.md, Zeile 7, Schlüssel „end“: Fehler.",  # twice: shown once
    ]
    assert in_order(messages) == [
        "Zwei Inhalte würden dieselbe Seite „kontakt/index.html“ schreiben. Mit „slug: …“.",
        "content/events/a.md: Diese Datei ließ sich nicht bauen (Einzelheiten: cache/x.txt).",
        "content/events/a.md, Zeile 7, Schlüssel „end“: Fehler.",
        "content/events/a.md, Zeile 10: Erster Fehler.",
        "content/events/a.md, Zeile 10: Zweiter Fehler.",
        "content/events/a.md, Zeile 32: Fehler.",
        "content/events/b.md, Zeile 3, Schlüssel „start“: Fehler.",
    ]
    assert in_order(reversed(messages)) == in_order(messages)


def test_a_builds_messages_of_one_file_follow_its_lines(tmp_path):
    """Sorted as text, Zeile 12 came before Zeile 3."""
    keys = {"strat": "2025-06-26", "start": "2025-06-26"}
    keys.update({f"x{number}": "1" for number in range(6)})  # lines 5 to 10, all unknown
    keys.update(cancelled="ja", format="Onlineseminar")     # lines 11 and 12
    with pytest.raises(BuildError) as failure:
        build_fixture_site(tmp_path, {"events/a.md": event(**keys)})
    lines = [int(line.split("Zeile ")[1].split(",")[0])
             for line in str(failure.value).splitlines() if "Zeile " in line]
    assert lines == [3, 5, 6, 7, 8, 9, 10, 11, 12]
