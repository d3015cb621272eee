"""libyaml's problem texts (English, technical) as sentences editors can act on."""

from .errors import ContentError

# libyaml's problem texts (their beginnings), as editors would say them.
YAML_PROBLEMS = (
    ("mapping values are not allowed",
     "Ein Doppelpunkt steht an einer Stelle, an der YAML keinen erwartet. Steht er im Text, "
     "setzen Sie den ganzen Wert in Anführungszeichen: title: \"Thema: Untertitel\"."),
    ("could not find expected ':'",
     "Hier fehlt der Doppelpunkt nach dem Schlüssel (schlüssel: wert), oder eine Zeile ist "
     "falsch eingerückt."),
    ("found unexpected end of stream",
     "Ein Anführungszeichen wird nicht geschlossen."),
    ("did not find expected ',' or ']'",
     "Eine eckige Klammer [ wird nicht geschlossen, oder zwischen zwei Einträgen fehlt das "
     "Komma."),
    ("did not find expected ',' or '}'",
     "Eine geschweifte Klammer { wird nicht geschlossen, oder zwischen zwei Angaben fehlt das "
     "Komma."),
    ("did not find expected key",
     "Die Einrückung stimmt nicht (Angaben einer Gruppe stehen genau untereinander), oder ein "
     "Wert geht nach dem schließenden Anführungszeichen weiter."),
    ("did not find expected <document start>",
     "Hier steht eine Zeile ohne „schlüssel:“. Jede Zeile des Kopfbereichs beginnt mit einem "
     "Schlüssel und Doppelpunkt, oder sie ist eingerückt und gehört zur Zeile darüber."),
    ("did not find expected comment or line break",
     "Nach einem Wert in Anführungszeichen oder Klammern geht die Zeile weiter. Setzen Sie "
     "den ganzen Wert in Anführungszeichen."),
    ("block sequence entries are not allowed",
     "Ein Listeneintrag „- …“ steht an einer Stelle, an der ein Wert erwartet wird. Schreiben "
     "Sie ihn in eine eigene Zeile unter den Schlüssel, eingerückt."),
    ("did not find expected '-' indicator",
     "In einer Liste beginnt jeder Eintrag mit „- “, und alle Einträge stehen genau "
     "untereinander."),
    ("found unknown escape character",
     "In doppelten Anführungszeichen hat der Backslash \\ eine Sonderbedeutung. Setzen Sie den "
     "Wert in einfache Anführungszeichen ('…')."),
    ("did not find expected alphabetic or numeric character",
     "Ein Wert beginnt mit * oder &, die in YAML Sonderzeichen sind. Setzen Sie den Wert in "
     "Anführungszeichen."),
    ("found character that cannot start any token",
     "Ein Wert beginnt mit einem Zeichen, das in YAML eine Sonderbedeutung hat (z. B. @, ` "
     "oder %). Setzen Sie den Wert in Anführungszeichen."),
)
TAB = "Hier steht ein Tabulator. Einrücken bitte nur mit Leerzeichen."
YAML_HINT = ("Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen; ein Wert mit „:“ "
             "oder „#“ gehört in Anführungszeichen.")


def yaml_error(error, source_path, first_line, header):
    mark = getattr(error, "problem_mark", None)
    line = first_line + mark.line if mark else None
    problem = getattr(error, "problem", None) or ""
    if problem.startswith("found a tab character") or (
            mark and problem.startswith("found character")
            and "\t" in header.split("\n")[mark.line][: mark.column + 1]):
        return ContentError(source_path, f"Der Kopfbereich ist kein gültiges YAML: {TAB}",
                            line=line)
    for english, german in YAML_PROBLEMS:
        if problem.startswith(english):
            return ContentError(source_path, f"Der Kopfbereich ist kein gültiges YAML: {german}",
                                line=line)
    return ContentError(source_path, "Der Kopfbereich ist kein gültiges YAML.", line=line,
                        hint=YAML_HINT)
