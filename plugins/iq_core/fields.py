"""The content model as declarations: each content type's front-matter keys with their
kind, whether they are required, their German label and help text, and the shared list
(content/listen/) or fixed values they take.

One source for two readers: the validators take their allowed and required keys from
here (`keys`, `required_keys`), and the web editor's configuration (plugins/cms/config.py)
makes its forms from the same declarations, so a form and `invoke check` cannot disagree
about which keys exist, which are required and which values a list allows. What a value
must look like in detail (a date after another, a working address) stays in the
validators, which report it with the file's line.

Kinds: "text" (one line), "longtext" (several lines), "number", "date" (2025-06-26),
"datetime" (2025-06-26 10:00, local time, or a date alone), "boolean", "url", "email",
"choice" (one value of `vocabulary` or `options`), "choices" (a list of them), "object"
(nested `fields`), "objects" (a list of objects with `fields`), "image" (a file below
content/images/), "criterion" (true, or a text that gives the reason).
"""

from typing import NamedTuple


class Field(NamedTuple):
    name: str                   # the front-matter key
    kind: str                   # see the module text
    label: str                  # German, as the form shows it
    hint: str = ""              # German help below the field
    required: bool = False
    vocabulary: str = None      # a shared list (content/listen/<name>.yaml) for choice(s)
    options: tuple = ()         # fixed values for choice(s): ((value, label), …)
    fields: tuple = ()          # nested fields of an object / objects
    pattern: tuple = None       # (regular expression, German message) a text must match


SLUG_PATTERN = ("^[a-z0-9]+(-[a-z0-9]+)*$",
                "Nur Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche, z. B. „kmu-toolbox“.")
URL_PATTERN = ("^https?://[^\\s<>\"]+$",
               "Eine vollständige Adresse mit https://, ohne Leerzeichen.")
EMAIL_PATTERN = (r"^[^@\s<>()\[\],;:\"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$",
                 "Eine E-Mail-Adresse wie name@beispiel.de, ohne „mailto:“.")
STATUS_OPTIONS = (("published", "veröffentlicht"), ("draft", "Entwurf (nur in der Vorschau)"),
                  ("hidden", "versteckt (nirgends öffentlich)"))

TITLE = Field("title", "text", "Titel", required=True)
DATE = Field("date", "date", "Veröffentlichungsdatum",
             "An diesem Tag erscheint der Inhalt; ein späterer Tag plant ihn vor.")
MODIFIED = Field("modified", "date", "Zuletzt geändert",
                 "Nur ausfüllen, wenn ein anderes Datum als das der letzten Änderung in git "
                 "erscheinen soll.")
SLUG = Field("slug", "text", "Adresse (slug)",
             "Leer lassen: die Adresse entsteht aus dem Titel.", pattern=SLUG_PATTERN)
STATUS = Field("status", "choice", "Status",
               "Leer lassen heißt veröffentlicht.", options=STATUS_OPTIONS)
SUMMARY = Field("summary", "longtext", "Kurzbeschreibung",
                "Ein bis zwei Sätze für Listen und Feeds.")
LANG = Field("lang", "choice", "Sprache", "Die Website erscheint auf Deutsch.",
             options=(("de", "Deutsch"),))

COMMON_FIELDS = (TITLE, DATE, MODIFIED, SLUG, STATUS, SUMMARY, LANG)
PAGE_FIELDS = COMMON_FIELDS


def keys(fields):
    """The keys a file may have."""
    return {field.name for field in fields}


def required_keys(fields):
    """The keys a file must have, in declaration order."""
    return tuple(field.name for field in fields if field.required)


def replaced(fields, *changed):
    """`fields` with some declarations replaced by name (a type that requires `date`, …)."""
    by_name = {field.name: field for field in changed}
    return tuple(by_name.pop(field.name, field) for field in fields) + tuple(by_name.values())


def nested(fields, name):
    """The declaration of `name` among `fields` (a nested object's own fields)."""
    return next(field for field in fields if field.name == name)
