"""Front matter, strictly: what an editor sees in the file is what the site gets.

PyYAML on its own lets the last of two equal keys win silently (`status: draft` …
`status: published` publishes a draft), expands aliases (a dozen lines of nested aliases
cost minutes and gigabytes) and builds values from tags (`!!binary`, `!!set`). So the
parser's events are read first (libyaml, flat, no values built): duplicate keys, anchors,
aliases, tags, merge keys, keys that are not plain words, nesting depth and sizes are
all reported at once, each with its line. Only a header without any of that is built
into values, by PyYAML's safe loader (dates and times stay text for the site's checks).

The same pass notes the line of every key, nested ones included, so no check has to
open the file again to say where a mistake is.
"""

import yaml

from .errors import ContentError, Problems
from .limits import (MAX_DEPTH, MAX_HEADER_CHARS, MAX_KEY_CHARS, MAX_NUMBER_DIGITS,
                     MAX_VALUE_CHARS, shortened)
from .source import HIDDEN
from .yaml_messages import yaml_error

# libyaml's parser when PyYAML has it (its wheels do): several times faster per file.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):
    """Safe loader that leaves dates and times as text for the site's own checks."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class FrontMatter:
    """The checked header: `data` (a dict), `lines` ({key: line} of the top level),
    `paths` ({("links", 0, "url"): line}, every key and list item) and `written` (each
    value without quotes as typed, by path: `title: yes` is True to YAML, "yes" here)."""

    def __init__(self, data, paths, written):
        self.data = data
        self.paths = paths
        self.written = written
        self.lines = {path[0]: line for path, line in paths.items() if len(path) == 1}


def read_front_matter(header, source_path, first_line):
    """The header's values and lines, or ContentError(s) naming every problem."""
    if len(header) > MAX_HEADER_CHARS:
        raise ContentError(
            source_path, f"Der Kopfbereich ist mit {_number(len(header))} Zeichen zu lang "
            f"(höchstens {_number(MAX_HEADER_CHARS)}).", line=first_line,
            hint="Lange Texte gehören unter den Kopfbereich, in den Haupttext.")
    paths, written = check_events(header, source_path, first_line)
    try:
        data = yaml.load(header, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:  # the event pass has seen the same text: a rare case
        raise yaml_error(error, source_path, first_line, header) from None
    if not isinstance(data, dict):
        raise ContentError(
            source_path, "Der Kopfbereich enthält keine Angaben der Form „schlüssel: wert“.",
            line=first_line,
            hint="Jede Zeile beginnt mit einem Schlüssel, z. B. „title: Mein Titel“.")
    return FrontMatter(data, paths, written)


class _Collection:
    """A mapping or sequence being read: its path and what was seen in it so far."""

    def __init__(self, path, is_mapping, is_key=False):
        self.path = path
        self.is_mapping = is_mapping
        self.is_key = is_key    # a list or group written where a key belongs
        self.keys = {}          # mapping: key -> line in the file
        self.expect_key = True  # mapping: the next node is a key
        self.key = None         # mapping: the key whose value comes next
        self.count = 0          # sequence: items so far

    def child_path(self):
        return (*self.path, self.key) if self.is_mapping else (*self.path, self.count)

    def value_done(self):
        """A value is complete: a mapping expects a key again, a sequence counts it."""
        if self.is_mapping:
            self.expect_key = True
        else:
            self.count += 1


def _where(path):
    return " → ".join(str(part) for part in path) or None


class _EventCheck:
    """One pass over the parser's events (flat: no values are built, nothing expands)."""

    def __init__(self, source_path, first_line):
        self.source_path = source_path
        self.first_line = first_line
        self.problems = Problems()
        self.paths = {}
        self.written = {}
        self.stack = []

    def error(self, problem, mark, hint=None, key=None):
        self.problems.add(ContentError(self.source_path, problem, key=key, hint=hint,
                                       line=self.first_line + mark.line))

    def run(self, header):
        try:
            for event in yaml.parse(header, Loader=FrontMatterLoader):
                if not self.take(event):
                    break
        except yaml.YAMLError as exc:
            self.problems.add(yaml_error(exc, self.source_path, self.first_line, header))
        self.problems.raise_any()
        return self.paths, self.written

    def take(self, event):
        """Check one event; False stops the pass (nesting too deep)."""
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                              yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
            return True
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            if self.stack.pop().is_key:
                self.stack[-1].expect_key = False  # its value comes next
            else:
                self.value_done()
            return True
        if isinstance(event, yaml.AliasEvent):
            self.error(f"Verweise (*{event.anchor}) sind im Kopfbereich nicht erlaubt.",
                       event.start_mark, hint="Schreiben Sie den Wert an jeder Stelle aus.")
            parent = self.stack[-1] if self.stack else None
            if parent is not None and parent.is_mapping and parent.expect_key:
                parent.expect_key, parent.key = False, None  # an alias as a key
            else:
                self.value_done()
            return True
        self.check_anchor_and_tag(event)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.is_mapping and parent.expect_key:
            self.key(event, parent)
            return True
        path = parent.child_path() if parent is not None else ()
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event, path)
            self.value_done()
            return True
        if len(self.stack) >= MAX_DEPTH:
            self.error("Die Angaben sind zu tief ineinander verschachtelt.", event.start_mark,
                       hint="Prüfen Sie die Einrückung.")
            return False
        if path and isinstance(path[-1], int):
            self.paths[path] = self.first_line + event.start_mark.line
        self.stack.append(_Collection(path, isinstance(event, yaml.MappingStartEvent)))
        return True

    def value_done(self):
        if self.stack:
            self.stack[-1].value_done()

    def check_anchor_and_tag(self, event):
        if event.anchor is not None:
            self.error(f"Anker (&{event.anchor}) sind im Kopfbereich nicht erlaubt.",
                       event.start_mark, hint=f"Löschen Sie „&{event.anchor}“ und schreiben Sie "
                       "Werte, die mehrfach vorkommen, an jeder Stelle aus.")
        if event.tag is not None:
            shown = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(f"Typangaben wie „{shown}“ sind im Kopfbereich nicht erlaubt.",
                       event.start_mark, hint="Löschen Sie die Angabe mit „!“; ist der Wert ein "
                       "Text, setzen Sie ihn in Anführungszeichen.")

    def key(self, event, mapping):
        """A key of a mapping: a plain word, once per mapping, not YAML's merge key."""
        mapping.expect_key = False
        mapping.key = None
        if not isinstance(event, yaml.ScalarEvent):
            self.error("Ein Schlüssel ist hier eine Liste oder Gruppe; Schlüssel sind einfache "
                       "Wörter.", event.start_mark, hint="Schreiben Sie „schlüssel: wert“.")
            # Its own events follow, then the value that belongs to it.
            self.stack.append(_Collection((*mapping.path, "?"),
                                          isinstance(event, yaml.MappingStartEvent), True))
            return
        key, line = event.value, self.first_line + event.start_mark.line
        path = (*mapping.path, key)
        mapping.key = key
        if key == "<<" and not event.style:
            self.error("Zusammenführungen (<<) sind im Kopfbereich nicht erlaubt.",
                       event.start_mark, hint="Schreiben Sie jede Angabe einzeln aus.")
        elif len(key) > MAX_KEY_CHARS:
            self.error(f"Der Schlüssel „{shortened(key)}“ ist zu lang.", event.start_mark,
                       hint="Schlüssel sind kurze Wörter wie „title“ oder „date“.")
        elif key in mapping.keys:
            self.error(f"Dieser Schlüssel steht zweimal im Kopfbereich (zuerst in Zeile "
                       f"{mapping.keys[key]}).", event.start_mark, key=_where(path),
                       hint="Löschen Sie eine der beiden Zeilen; sonst wäre unklar, welche gilt.")
        else:
            mapping.keys[key] = line
            self.paths[path] = line

    def scalar(self, event, path):
        value = event.value
        hidden = HIDDEN.search(value)
        if hidden:  # written as an escape ("\x07"): the file itself looked clean
            self.error(f"Der Wert enthält ein unsichtbares Steuerzeichen "
                       f"(U+{ord(hidden.group()):04X}).", event.start_mark, key=_where(path),
                       hint="Löschen Sie die Zeichenfolge mit dem Backslash (z. B. \\x07).")
        elif len(value) > MAX_VALUE_CHARS:
            self.error(f"Der Wert ist mit {_number(len(value))} Zeichen zu lang (höchstens "
                       f"{_number(MAX_VALUE_CHARS)}).", event.start_mark, key=_where(path),
                       hint="Lange Texte gehören unter den Kopfbereich, in den Haupttext.")
        elif not event.style and len(value) > MAX_NUMBER_DIGITS:
            # Long numbers: 5,000 digits stop Python's int(); 0xFFF… or 1:2:3… (base 60)
            # make numbers that no message could print.
            tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
            if tag in _NUMBER_TAGS:
                self.error(f"Die Zahl „{shortened(value)}“ ist zu lang.", event.start_mark,
                           key=_where(path), hint="Ist sie ein Text (z. B. eine Kennung), "
                           "setzen Sie sie in Anführungszeichen.")
        if path and isinstance(path[-1], int):
            self.paths[path] = self.first_line + event.start_mark.line
        if not event.style:
            self.written[path] = value


def _number(value):
    """12.345 (German thousands)"""
    return f"{value:,}".replace(",", ".")


def check_events(header, source_path, first_line):
    """Every structural problem of the header at once; the line of every key."""
    return _EventCheck(source_path, first_line).run(header)
