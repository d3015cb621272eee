"""What a build tells editors: every problem in German, with the file; never a traceback.

Pelican logs a file it cannot read and goes on; its own messages are English, and an
unexpected exception would print a Python traceback. Here every error Pelican logs is
collected (the build fails on any), content errors keep their German text, known Pelican
messages get a German one, and anything unexpected becomes a German sentence that names
the file, while the technical details go to a log file for the developers.
"""

import logging
import os
import re
import sys
import traceback

# Pelican warnings that our own checks report in German, with the file and the line.
REPORTED_ELSEWHERE = (
    "Unable to find",                    # iq_core.checks: link to a missing file
    "Empty alt attribute",               # iq_core.checks: image without alt text
    "There are ",                        # iq_core.pages: two pages with one address
    "{filename} used for linking",       # iq_core.links turns such links into {static}
    "Replacement Indicator",             # iq_core.links: unknown placeholder
    "Duplicate definition of",           # iq_core.common: a list where a text belongs
)
DETAILS_FILE = "letzter-baufehler.txt"


# Where a message begins: "content/x.md, Zeile 12, Schlüssel „start“: …" (ContentError's
# place) or "content/x.md: …". The file name ends in an extension and has no German
# quotes or brackets, so a sentence such as "Zwei Inhalte … „slug: …“" has no file.
_PLACE = re.compile(r"(?P<file>[^„“(\n]+?\.\w+)(?:, Zeile (?P<line>\d+))?(?:, Schlüssel „[^“]*“)?: ")


def message_order(message):
    """Sort key: file, then line as a number (Zeile 3 before Zeile 12), then the text.
    Messages about the whole site (no file) come first; a file's message without a line
    comes before its lines."""
    place = _PLACE.match(message)
    if place is None:
        return ("", 0, message)
    return (place["file"], int(place["line"] or 0), message)


def in_order(messages):
    """Each message once, in the order editors read them (build, check and preview)."""
    return sorted(set(messages), key=message_order)


def details_path(settings):
    return os.path.join(settings.get("CACHE_PATH") or "cache", DETAILS_FILE)


class ErrorCollector(logging.Handler):
    """Collects every error Pelican logs; Pelican itself would skip the file and go on."""

    def __init__(self, settings):
        super().__init__(level=logging.ERROR)
        self.settings = settings
        self.messages = []

    def emit(self, record):
        # Pelican logs read failures inside its `except` block without exc_info,
        # so the exception being handled is still there to be named.
        exc_info = record.exc_info if record.exc_info and record.exc_info[0] else sys.exc_info()
        self.messages.extend(describe_failure(record, exc_info, self.settings))


def describe_failure(record, exc_info, settings):
    """The messages for editors about one logged failure (a log record or a sentence)."""
    error = exc_info[1] if exc_info else None
    text = record if isinstance(record, str) else record.getMessage()
    if error is None:
        # Our plugins log their German messages; Pelican's own (English) get one here.
        own = not isinstance(record, logging.LogRecord) or not record.name.startswith("pelican")
        return [text if own else pelican_error(record, settings)]
    content_error = find_content_error(error)
    if content_error is not None:
        return [single.message() for single in content_error.each()]
    return [unexpected(error, failed_file(record, settings), settings)]


# Errors Pelican logs itself (no exception), in German. Our checks catch these cases first;
# this is the net below them.
PELICAN_ERRORS = {
    "Skipping %s: could not find information about '%s'":
        "{0}: Die Angabe „{1}“ fehlt, sie ist Pflicht.",
    "Unknown status '%s' for file %s, skipping it. (Not in %s)":
        "{1}: „{0}“ ist kein gültiger Status (published, draft oder hidden).",
    "Skipping %s: file %r would be written outside output path":
        "{0}: Die Adresse „{1}“ läge außerhalb der Website; wählen Sie einen anderen „slug“.",
}


def pelican_error(record, settings):
    """A German sentence for an error Pelican logged without an exception."""
    template = PELICAN_ERRORS.get(str(record.msg))
    if template and record.args:
        return template.format(*(shown_path(str(arg), settings) for arg in record.args))
    return unexpected(RuntimeError(record.getMessage()), None, settings)


def shown_path(text, settings):
    """A content file's path as editors see it (content/…), other values unchanged."""
    root = os.path.abspath(settings.get("PATH", "content"))
    if os.path.isabs(text) and text.startswith(root + os.sep):
        relative = os.path.relpath(text)
        return text if relative.startswith("..") else relative
    return text


def find_content_error(error):
    while error is not None:
        if type(error).__name__ in ("ContentError", "ContentErrors"):
            return error
        error = error.__cause__ or error.__context__
    return None


def failed_file(record, settings):
    """The content file of Pelican's "Could not process %s" message, as editors see it."""
    if isinstance(record, logging.LogRecord) and record.args and \
            str(record.msg).startswith("Could not process"):
        path = os.path.join(settings.get("PATH", "content"), str(record.args[0]))
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    return None


def unexpected(error, source, settings):
    """A German sentence for an error nobody foresaw; the traceback goes to a file."""
    where = f"{source}: Diese Datei" if source else "Die Website"
    if type(error).__name__ == "FileOverwriteFailedError":
        target = re.search(r'"([^"]+)"', str(error))
        name = os.path.relpath(target.group(1), settings.get("OUTPUT_PATH", ".")) \
            if target else "eine Datei"
        return (f"Zwei Inhalte würden dieselbe Seite „{name}“ schreiben. Geben Sie einem der "
                "beiden mit „slug: …“ eine andere Adresse.")
    log = save_details(error, settings)
    return (f"{where} ließ sich wegen eines unerwarteten Fehlers nicht bauen. Prüfen Sie "
            "zuerst Ihre letzte Änderung; hilft das nicht, geben Sie dem Technik-Team "
            f"Bescheid (Einzelheiten für das Technik-Team: {log}).")


def save_details(error, settings):
    path = details_path(settings)
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(type(error), error,
                                                            error.__traceback__)))
    except OSError:
        return "(nicht gespeichert)"
    return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path


def german_warnings():
    """A log handler that shows Pelican's warnings as "Warnung: …", leaving out those our
    checks report in German anyway."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("Warnung: %(message)s"))
    handler.addFilter(lambda record: record.levelno == logging.WARNING
                      and not str(record.msg).startswith(REPORTED_ELSEWHERE))
    return handler


def crash_message(stderr, settings):
    """The build process died before it could report (a bug, not content): German words,
    the details in the log file."""
    path = details_path(settings)
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(stderr)
    except OSError:
        path = "(nicht gespeichert)"
    return ("- Der Bau brach wegen eines unerwarteten Fehlers ab. Prüfen Sie zuerst Ihre letzte "
            "Änderung; hilft das nicht, geben Sie dem Technik-Team Bescheid (Einzelheiten für "
            f"das Technik-Team: {path}).")
