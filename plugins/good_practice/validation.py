"""Checks of a fact sheet's front matter against the content model, with German errors.

Every check works on the front matter as written (`metadata["front_matter"]`): the
site reader drops keys whose value is null, and the content model allows null for
`project` and `duration`. Each check returns the clean value the site uses, so the
templates, the facets and the JSON export all read the same checked data.
"""

from iq_core.common import kind_of, text_error
from iq_core.errors import ContentError, Problems, closest_key
from iq_core.fields import keys, nested, required_keys
from iq_core.validation import check_keys

from .contact import ContactChecks, suggest
from .criteria import BY_KEY, CRITERIA
from .fields import SHEET_FIELDS

MAX_LABEL_CHARS = 120  # an audience or topic: a filter in the archive
REQUIRED_KEYS = required_keys(SHEET_FIELDS)
SHEET_KEYS = keys(SHEET_FIELDS)
INSTRUMENT_KEYS = tuple(field.name for field in nested(SHEET_FIELDS, "instrument").fields)
TEXT_KEYS = ("title", "subtitle", "summary", "slug", "lang", "provider", "competence_centre")
NULLABLE_TEXT_KEYS = ("project", "duration")


class SheetChecker(ContactChecks):
    """Checks one sheet's front matter; every error names file, key and what is allowed."""

    def __init__(self, source_path, raw, lines, paths=None, written=None, lists=None):
        self.source_path = source_path
        # key -> its shared list (iq_core.vocabulary.Vocabulary): audiences, topics,
        # network and funding_period take their values from content/listen/.
        self.lists = lists or {}
        self.raw = raw
        self.top_lines = lines
        self.paths = paths or {}  # the reader's line of every nested key
        self.written = written or {}  # values as typed (YAML reads 0511 123 as text, 0511 as 329)

    def line(self, *path):
        return self.paths.get(tuple(path)) or self.top_lines.get(path[0])

    def error(self, problem, *path, hint=None, key=None):
        return ContentError(self.source_path, problem, key=key or label_of(path),
                            line=self.line(*path), hint=hint)

    # Values -----------------------------------------------------------------

    def text(self, value, *path, required=False):
        """A one-line text (numbers are taken as text, e.g. `duration: 2016`)."""
        if value is None or value == "":
            if required:
                raise self.error("Diese Angabe fehlt, sie ist Pflicht.", *path,
                                 hint=text_hint(path))
            return None
        if isinstance(value, (bool, int, float)):
            raise text_error(self.source_path, label_of(path), value, self.line(*path),
                             self.written.get(tuple(path)))
        if not isinstance(value, str):
            raise self.error(f"Hier steht {kind_of(value)}, erwartet ist ein Text.", *path,
                             hint=text_hint(path))
        text = value.strip()
        if not text:
            return self.text(None, *path, required=required)
        return text

    def text_list(self, value, key, required=False):
        if value is None or value == []:
            if required:
                raise self.error("Diese Angabe fehlt, sie ist Pflicht.", key,
                                 hint=f"Schreiben Sie unter „{key}:“ je Eintrag eine Zeile „- …“.")
            return []
        if not isinstance(value, list):
            raise self.error(
                f"Hier steht {kind_of(value)}, erwartet ist eine Liste von Texten.", key,
                hint=f"Schreiben Sie unter „{key}:“ je Eintrag eine eigene Zeile, die mit "
                "„- “ beginnt, oder „[Erster Eintrag, Zweiter Eintrag]“.")
        problems = Problems()
        items = [problems.value(self.text, item, key, index, required=True)
                 for index, item in enumerate(value)]
        for index, item in enumerate(items):
            if item and len(item) > MAX_LABEL_CHARS:  # each value names a filter and its page
                problems.add(self.error(f"Der Eintrag ist mit {len(item)} Zeichen zu lang "
                                        f"(höchstens {MAX_LABEL_CHARS}).", key, index,
                                        hint="Schreiben Sie einen kurzen Namen; Erklärungen "
                                        "gehören in den Text."))
        problems.raise_any()
        return items

    def mapping(self, value, key, allowed):
        if not isinstance(value, dict):
            raise self.error(
                f"Hier steht {kind_of(value)}, erwartet ist eine Gruppe von Angaben "
                f"({', '.join(allowed)}).", key,
                hint=f"Schreiben Sie „{key}:“ allein in eine Zeile und darunter, eingerückt, "
                f"je eine Zeile „{allowed[0]}: …“.")
        for name in value:
            if name not in allowed:
                hint = suggest(name, allowed)
                raise self.error(
                    f"Unter „{key}“ kennt die Website die Angabe „{name}“ nicht.", key, name,
                    key=f"{key}: {name}",
                    hint=hint + "Erlaubt sind: " + ", ".join(allowed) + ".")
        return value

    # Keys -------------------------------------------------------------------

    def check(self):
        """The clean values; every mistake of the sheet raised together."""
        raw = self.raw
        problems = Problems()
        problems.value(check_keys, self.source_path, raw, self.top_lines, SHEET_KEYS)
        for key in REQUIRED_KEYS:
            if raw.get(key) in (None, "", [], {}):
                problems.add(self.error("Diese Angabe fehlt, sie ist Pflicht.", key,
                                        hint=f"Ergänzen Sie im Kopfbereich eine Zeile „{key}: …“ "
                                        "(siehe docs/redaktion/good-practice.md)."))
        clean = {key: problems.value(self.text, raw.get(key), key)
                 for key in TEXT_KEYS + NULLABLE_TEXT_KEYS}
        checks = (("criteria", self.criteria, []), ("instrument", self.instrument, None),
                  ("audiences", lambda v: self.listed(v, "audiences", required=True), ()),
                  ("topics", lambda v: self.listed(v, "topics"), ()),
                  ("network", lambda v: self.listed_one(v, "network"), None),
                  ("funding_period", lambda v: self.listed_one(v, "funding_period"), None),
                  ("contact", self.contact, None), ("links", self.links, []))
        for key, check, default in checks:
            missing = key in REQUIRED_KEYS and raw.get(key) in (None, "", [], {})
            clean[key] = default if missing else \
                problems.value(check, raw.get(key), default=default)
        problems.raise_any()
        return clean

    def criteria(self, value):
        allowed = [criterion.key for criterion in CRITERIA]
        explained = ", ".join(f"{c.key} ({c.label})" for c in CRITERIA)
        if not isinstance(value, dict):
            raise self.error(
                f"Hier steht {kind_of(value)}, erwartet sind die erfüllten IQ-Kriterien, "
                "je eines in einer eingerückten Zeile.", "criteria",
                hint=f"Zum Beispiel „  innovative: Begründung“ oder „  innovative: true“. "
                f"Erlaubt sind: {explained}.")
        for name in value:
            if name not in BY_KEY:
                guess = closest_key(name, allowed)
                hint = f"Meinten Sie „{guess}“? " if guess else ""
                raise self.error(
                    f"„{name}“ ist kein IQ-Kriterium.", "criteria", name, key=f"criteria: {name}",
                    hint=hint + f"Erlaubt sind genau diese vier: {explained}.")
        met = []
        for criterion in CRITERIA:
            if criterion.key not in value:
                continue
            reason = value[criterion.key]
            if reason is False or reason is None:
                continue  # written as not met (the web editor's unticked box)
            if reason is True:
                met.append((criterion, None))
                continue
            if not isinstance(reason, str) or not reason.strip():
                raise self.error(
                    f"Hier steht {kind_of(reason)}; erwartet ist eine Begründung (Text) oder „true“.",
                    "criteria", criterion.key, key=f"criteria: {criterion.key}",
                    hint="Ein Kriterium, das der Steckbrief nicht erfüllt, lassen Sie ganz weg.")
            met.append((criterion, reason.strip()))
        if not met:
            raise self.error("Kein IQ-Kriterium ist als erfüllt angegeben.", "criteria",
                             hint="Ein Good-Practice-Steckbrief erfüllt mindestens eines: "
                             f"„  innovative: true“ oder eine Begründung. Erlaubt: {explained}.")
        return met

    def instrument(self, value):
        self.mapping(value, "instrument", INSTRUMENT_KEYS)
        return {name: self.text(value.get(name), "instrument", name, required=True)
                for name in INSTRUMENT_KEYS}

    def listed(self, value, key, required=False):
        """The entries of the key's list for a list of values (all unknown ones at once)."""
        texts = self.text_list(value, key, required=required)
        return self.lists[key].entries_for(self.source_path, texts, key,
                                           lambda index: self.line(key, index))

    def listed_one(self, value, key):
        """The entry of the key's list for one value, or None when there is none."""
        text = self.text(value, key)
        if text is None:
            return None
        return self.lists[key].entry(self.source_path, text, key, self.line(key))


def text_hint(path):
    if isinstance(path[-1], int):
        return f"Schreiben Sie unter „{path[0]}:“ je Eintrag eine Zeile „- Ihr Text“."
    return f"Schreiben Sie „{path[-1]}: Ihr Text“ in eine Zeile."


def label_of(path):
    """The key as editors see it: "criteria: innovative", "links: url"."""
    names = [str(part) for part in path if not isinstance(part, int)]
    return ": ".join(names) if names else None
