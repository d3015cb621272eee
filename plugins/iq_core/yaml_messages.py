"""libyaml's problem texts (English, technical) as sentences editors can act on.

Nothing of libyaml's wording reaches editors: each known problem has a German sentence,
and where the line itself shows the cause (a tab, German quotes „…“, a colon in a value,
a quote that ends before the value does) the message says so and shows the line as it
should be written. An unknown problem gets a general German message, with the line.
"""

import re

from .errors import ContentError

PREFIX = "Der Kopfbereich ist kein gültiges YAML: "

# libyaml's problem texts (their beginnings), as editors would say them: (problem, hint,
# where). `where` "context": libyaml's problem mark lies after the mistake (at the end of
# the header, or on the next line); its context mark shows where the quote, bracket or
# line without a colon starts, the line the editor must look at. "quote": the hint is
# followed by the marked line with its value quoted.
YAML_PROBLEMS = (
    ("could not find expected ':'",
     "In dieser Zeile fehlt der Doppelpunkt nach dem Schlüssel (schlüssel: wert).",
     "Gehört die Zeile zum Text, fehlt davor die Zeile „---“, die den Kopfbereich schließt. "
     "Gehört sie zur Angabe darüber, rücken Sie sie mit Leerzeichen ein.", "context"),
    ("found unexpected end of stream",
     "Ein Anführungszeichen, das hier beginnt, wird nicht geschlossen.",
     "Setzen Sie am Ende des Werts das gleiche Anführungszeichen (\" oder ').", "context"),
    ("did not find expected ',' or ']'",
     "Die eckige Klammer [, die hier beginnt, wird nicht geschlossen, oder zwischen zwei "
     "Einträgen fehlt das Komma.", "Zum Beispiel: topics: [Anerkennung, Beratung]", "context"),
    ("did not find expected ',' or '}'",
     "Die geschweifte Klammer {, die hier beginnt, wird nicht geschlossen, oder zwischen zwei "
     "Angaben fehlt das Komma.", "Schreiben Sie die Angaben besser untereinander, eingerückt.",
     "context"),
    ("did not find expected key",
     "Die Einrückung stimmt nicht.", "Angaben einer Gruppe stehen genau untereinander; ein "
     "Listeneintrag „- …“ steht eingerückt unter seinem Schlüssel.", "problem"),
    ("did not find expected <document start>",
     "Hier steht eine Zeile ohne „schlüssel:“.", "Jede Zeile des Kopfbereichs beginnt mit "
     "einem Schlüssel und Doppelpunkt, oder sie ist eingerückt und gehört zur Zeile darüber.",
     "problem"),
    ("did not find expected comment or line break",
     "Nach einem Wert in Anführungszeichen oder Klammern geht die Zeile weiter.",
     "Setzen Sie den ganzen Wert in Anführungszeichen", "quote"),
    ("block sequence entries are not allowed",
     "Ein Listeneintrag „- …“ steht an einer Stelle, an der ein Wert erwartet wird.",
     "Schreiben Sie ihn in eine eigene Zeile unter den Schlüssel, eingerückt.", "problem"),
    ("did not find expected '-' indicator",
     "In einer Liste beginnt jeder Eintrag mit „- “.",
     "Alle Einträge einer Liste stehen genau untereinander.", "problem"),
    ("found unknown escape character",
     "In doppelten Anführungszeichen hat der Backslash \\ eine Sonderbedeutung.",
     "Setzen Sie den Wert in einfache Anführungszeichen", "quote"),
    ("did not find expected alphabetic or numeric character",
     "Ein Wert beginnt mit * oder &, die in YAML Sonderzeichen sind.",
     "Setzen Sie den Wert in Anführungszeichen", "quote"),
    ("found character that cannot start any token",
     "Ein Wert beginnt mit einem Zeichen, das in YAML eine Sonderbedeutung hat (z. B. @, ` "
     "oder %).", "Setzen Sie den Wert in Anführungszeichen", "quote"),
)
TAB = "Hier steht ein Tabulator (Tab-Taste)."
TAB_HINT = "Rücken Sie nur mit Leerzeichen ein: zwei Leerzeichen je Ebene."
YAML_HINT = ("Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen; ein Wert mit „:“ "
             "oder „#“ gehört in gerade Anführungszeichen \"…\".")
# Quotes that word processors and German keyboards type; YAML takes them as text.
TYPOGRAPHIC_QUOTES = "„“”‚‘’«»"
MAX_SHOWN_LINE = 200  # a longer line is not repeated in the message
KEY_VALUE = re.compile(r"^(?P<key>\s*(?:- )?[^\s:#][^:#]*?):\s+(?P<value>.*?)\s*$")


def yaml_error(error, source_path, first_line, header):
    """The ContentError for PyYAML's `error` in `header` (whose first line is the file's
    line `first_line`)."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or ""
    lines = header.split("\n")
    text = lines[mark.line] if mark and mark.line < len(lines) else ""

    def error_at(message, hint, at=mark):
        return ContentError(source_path, PREFIX + message, hint=hint,
                            line=first_line + at.line if at else None)

    if problem.startswith("found a tab character") or (
            problem.startswith("found character") and "\t" in text[: mark.column + 1]):
        return error_at(TAB, TAB_HINT)
    if problem.startswith("mapping values are not allowed"):
        return error_at(*colon_problem(lines, mark.line))
    if problem.startswith("did not find expected key") and mark.column > 0 \
            and any(quote in text[: mark.column] for quote in "\"'"):
        return error_at("Der Wert geht nach dem schließenden Anführungszeichen weiter.",
                        quoted_hint(text, "Setzen Sie den ganzen Wert in einfache "
                                    "Anführungszeichen"))
    for english, german, hint, where in YAML_PROBLEMS:
        if problem.startswith(english):
            if where == "quote":
                return error_at(german, quoted_hint(text, hint))
            at = getattr(error, "context_mark", None) if where == "context" else mark
            return error_at(german, hint, at or mark)
    return error_at("Diese Zeile lässt sich nicht lesen.", YAML_HINT)


def colon_problem(lines, index):
    """(problem, hint) for a colon where YAML expects none, from the line itself."""
    text = lines[index]
    if any(quote in text for quote in TYPOGRAPHIC_QUOTES):
        quotes = [quote for quote in text if quote in TYPOGRAPHIC_QUOTES]
        kind, shown = ("deutschen", "„…“") if "„" in quotes else \
            ("typografischen", f"{quotes[0]}…{quotes[-1]}")
        return (f"Der Wert steht in {kind} Anführungszeichen {shown} und enthält einen "
                "Doppelpunkt. YAML kennt nur gerade Anführungszeichen \"…\"; diese hier "
                "gehören für YAML zum Text, und der Doppelpunkt gilt als neuer Schlüssel.",
                quoted_hint(text, "Setzen Sie den Wert in gerade Anführungszeichen \"…\"",
                            strip=True))
    above = next((line for line in reversed(lines[:index])
                  if line.strip() and not line.lstrip().startswith("#")), "")
    if _indent(text) > _indent(above) and KEY_VALUE.match(above):
        return ("Diese Zeile ist weiter eingerückt als die Zeile darüber, die schon einen "
                "Wert hat.", "Rücken Sie sie so weit ein wie die anderen Angaben ihrer Gruppe "
                "(oben gar nicht, in einer Gruppe zwei Leerzeichen).")
    return ("Der Wert enthält einen Doppelpunkt; YAML liest ihn als neuen Schlüssel.",
            quoted_hint(text, "Setzen Sie den ganzen Wert in Anführungszeichen"))


def quoted_hint(text, advice, strip=False):
    """`advice`, with the line as it should be written: `title: "Fachtag: Vielfalt"`.
    `strip`: the typographic quotes around the value are left out (and a second form
    keeps them, for a title that shows them)."""
    match = KEY_VALUE.match(text)
    if not match or len(text) > MAX_SHOWN_LINE:
        return advice + "."
    key, value = match.group("key").strip(), match.group("value")
    if "\\" in value and len(value) > 1 and value[0] == value[-1] == '"':
        value = value[1:-1]  # a backslash in double quotes: the same text in single quotes
    if not strip:
        return f"{advice}: {key}: {_quoted(value)}"
    bare = value.strip(TYPOGRAPHIC_QUOTES + " ")
    quotes = [quote for quote in value if quote in TYPOGRAPHIC_QUOTES]
    if not quotes or bare == value:  # the quotes stand in the key or inside the text
        return f"{advice}: {key}: {_quoted(value)}"
    shown = "„…“" if "„" in quotes else f"{quotes[0]}…{quotes[-1]}"
    return (f"{advice}: {key}: {_quoted(bare)} – sollen die {shown} auf der Seite "
            f"erscheinen: {key}: {_quoted(value)}")


def _quoted(value):
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _indent(line):
    return len(line) - len(line.lstrip(" "))


# A line of dashes meant as "---": two or more hyphens, or dashes that a word processor
# made from them ("—"). A single "-" is an empty list item.
DASHES = re.compile(r"^[ \t]*(?:--+|[-–—]*[–—][-–—]*)[ \t]*$")


def header_missing_error(text, source_path):
    """Why the file has no front matter between two lines `---`: the closing line is
    missing or mistyped, the opening line is mistyped, or there is none at all."""
    lines = text.split("\n")
    first = next((number for number, line in enumerate(lines) if line.strip()), None)
    if first is None or not DASHES.match(lines[first]):
        return ContentError(
            source_path, "Der Kopfbereich fehlt.", line=1,
            hint="Die Datei beginnt nicht mit der Zeile „---“. So beginnt jede Inhaltsdatei: "
            "eine Zeile „---“, dann die Angaben "
            "(z. B. „title: …“), dann wieder eine Zeile „---“, dann der Text.")
    if lines[first].strip() != "---":
        return ContentError(
            source_path, f"Der Kopfbereich beginnt mit „{lines[first].strip()}“ statt mit "
            "„---“.", line=first + 1, hint="Schreiben Sie genau drei Bindestriche „---“ "
            "(Textprogramme machen daraus gern einen Gedankenstrich „—“).")
    for number, line in enumerate(lines[first + 1:], start=first + 2):
        if DASHES.match(line) and line.strip() != "---":
            return ContentError(
                source_path, f"Der Kopfbereich soll wohl mit „{line.strip()}“ schließen.",
                line=number, hint="Schreiben Sie genau drei Bindestriche „---“ (Textprogramme "
                "machen daraus gern einen Gedankenstrich „—“).")
    return ContentError(
        source_path, "Die Zeile „---“, die den Kopfbereich schließt, fehlt (der Kopfbereich "
        f"beginnt in Zeile {first + 1}).", line=first + 1,
        hint="Schreiben Sie nach der letzten Angabe, vor dem Text, eine Zeile nur mit „---“.")
