"""Messages of the build: Pelican's own errors and anything unexpected become German
sentences; the technical details go to a file for the developers, never to editors."""

import logging

from pelican.writers import FileOverwriteFailedError

from buildmessages import describe_failure


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
