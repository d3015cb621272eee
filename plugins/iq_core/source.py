"""A content file's text as editors meant it: UTF-8, any line endings, no hidden characters.

Files come from Windows (CRLF, a byte order mark), from web forms and from copy and paste
(NUL bytes, control characters, bidirectional overrides that make text read differently
than it is stored). Line endings and the byte order mark are accepted; invisible control
characters are mistakes with the line and column, because they break feeds and calendars
in some builds and not in others, and can hide text from the people who review a change.
"""

import re

from .errors import ContentError, Problems
from .limits import MAX_FILE_BYTES

# C0 and C1 controls except tab and line feed; bidirectional embeddings, overrides and
# isolates (the "Trojan Source" characters); noncharacters.
MAX_REPORTED = 20  # enough to see the pattern in a pasted file
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def read_source(source_path):
    """The file's text with LF line endings and without hidden characters, and the
    Problems found (each hidden character with line and column), so the reader can go on
    and report the file's other mistakes in the same run."""
    with open(source_path, "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            source_path, f"Die Datei ist größer als {MAX_FILE_BYTES // 1000} KB.",
            hint="Bilder und Dokumente gehören als eigene Dateien unter content/images/, "
            "nicht in den Text.")
    text = decode_utf8(raw, source_path).removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = Problems()
    if HIDDEN.search(text):
        for number, line in enumerate(text.split("\n"), start=1):
            for match in HIDDEN.finditer(line):
                if len(problems.errors) < MAX_REPORTED:
                    problems.add(hidden_character(source_path, number, match.start() + 1,
                                                  match.group()))
        text = HIDDEN.sub("", text)
    return text, problems


def hidden_character(source_path, line, column, character):
    code = f"U+{ord(character):04X}"
    kind = "eine Richtungsumkehr" if "\u202a" <= character <= "\u2069" else \
        "ein unsichtbares Steuerzeichen"
    return ContentError(
        source_path, f"In Spalte {column} steht {kind} ({code}).",
        line=line,
        hint="Löschen Sie es (oft hilft: die Zeile neu tippen statt einfügen).")


def decode_utf8(raw, source_path):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            source_path,
            "Die Datei ist nicht in UTF-8 gespeichert.",
            line=line,
            hint="Speichern Sie sie im Editor mit der Kodierung „UTF-8“.",
        ) from None
