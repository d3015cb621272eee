"""Reading the lists in content/listen/, as strictly as front matter: they are content too.

A list is a YAML file with one entry per line; an entry whose label on the site differs
from what editors write names both:

    - Unternehmen
    - value: Multiplikatoren
      label: Multiplikatorinnen und Multiplikatoren

The text goes through the same checks as a content file's header (iq_core.source: UTF-8,
no hidden characters; iq_core.frontmatter: no duplicate keys, anchors, aliases or tags),
then each entry is checked: text on one line, an address can be made of it, and no two
entries that would be one filter (same text apart from case, dashes and spaces, or the
same address). Every mistake of every list is reported at once, with its line.
"""

import os
import re

import yaml

from .common import kind_of
from .containment import first_link
from .errors import ContentError, Problems, closest_key, unknown_key_error
from .frontmatter import FrontMatterLoader, check_events
from .reader import german_slug, short_slug
from .source import read_source
from .yaml_messages import yaml_error
from .vocabulary import (LIST_ENDINGS, Entry, Vocabulary, same_text, shown_path,
                         vocabulary_folder)

MAX_ENTRY_CHARS = 120  # an entry names a filter and its page
ENTRY_HINT = ("Schreiben Sie je Eintrag eine Zeile „- Eintrag“, oder für eine andere Anzeige "
              "auf der Website „- value: …“ und darunter, eingerückt, „  label: …“.")
# The front matter's structural messages speak of the header; here it is a list.
HEADER_WORDS = (("im Kopfbereich", "in einer Liste"), ("Der Kopfbereich", "Die Liste"),
                ("des Kopfbereichs", "der Liste"))


class ListProblems(Problems):
    """Every problem of the lists: Problems keeps one per key and file, but in a list the
    same keys (value, label) come back in every entry, each mistake on its own line."""

    def add(self, error):
        self.errors.extend(error.each())


def read_vocabularies(settings):
    """({name: Vocabulary}, [ContentError]): every list of VOCABULARIES, and the mistakes of
    all of them, including files in the folder that are no list."""
    folder = vocabulary_folder(settings)
    lists, problems = {}, ListProblems()
    for name, spec in settings["VOCABULARIES"].items():
        file_name = f"{name}.yaml"
        path = os.path.join(folder, file_name)
        shown, keys = shown_path(settings, file_name), tuple(spec.get("keys", ()))
        if first_link(path, settings["PATH"]) is not None:
            # Never read through a link (it could be any file); iq_core reports every link.
            lists[name] = Vocabulary(name, spec["title"], shown, state="broken", keys=keys)
        elif not os.path.isfile(path):
            lists[name] = Vocabulary(name, spec["title"], shown, state="missing", keys=keys)
        else:
            found = ListProblems()
            entries = found.value(read_entries, path, keys, settings, default=())
            for error in found.errors:
                problems.add(in_list_words(error))
            lists[name] = Vocabulary(name, spec["title"], shown, entries,
                                     "broken" if found else "ok", keys)
    for error in other_files(settings):
        problems.add(error)
    return lists, problems.errors


def other_files(settings):
    """YAML files in the lists' folder that are no list (a typo in the name)."""
    folder = vocabulary_folder(settings)
    names = list(settings["VOCABULARIES"])
    if not os.path.isdir(folder) or first_link(folder, settings["PATH"]) is not None:
        return []
    errors = []
    for file_name in sorted(os.listdir(folder)):
        stem, ending = os.path.splitext(file_name)
        if ending.lower() not in LIST_ENDINGS or f"{stem}{ending}" in {f"{n}.yaml" for n in names}:
            continue
        guess = stem if stem in names else closest_key(stem, names)
        hint = f"Meinten Sie „{guess}.yaml“? " if guess else ""
        errors.append(ContentError(
            os.path.join(folder, file_name), "Diese Datei ist keine der Listen der Website.",
            hint=hint + "Die Listen heißen " + ", ".join(f"{n}.yaml" for n in names) +
            ". Eine neue Art von Liste richtet die Technik ein."))
    return errors


def in_list_words(error):
    """The error as it reads for a list (a new one: an error's fields travel in its args)."""
    def reworded(text):
        for header, in_list in HEADER_WORDS:
            text = text and text.replace(header, in_list)
        return text
    return ContentError(error.source_path, reworded(error.problem), key=error.key,
                        line=error.line, hint=reworded(error.hint))


def read_entries(path, keys, settings):
    """The entries of one list file, or ContentError(s) naming every mistake."""
    text, found = read_source(path)
    problems = ListProblems(found.errors)
    paths, written = problems.value(check_events, text, path, 1, default=(None, None))
    if paths is None:
        problems.raise_any()
    try:
        data = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:  # the event pass has seen the same text: a rare case
        raise yaml_error(error, path, 1, text) from None
    if not data:
        problems.add(ContentError(path, "Die Liste ist leer.", hint=ENTRY_HINT))
    elif not isinstance(data, list):
        problems.add(ContentError(path, "Die Datei ist keine Liste: jeder Eintrag beginnt mit "
                                  "„- “.", line=1, hint=ENTRY_HINT))
    else:
        reader = EntryReader(path, keys, settings, paths, written)
        for index, item in enumerate(data):
            problems.value(reader.add, index, item)
        problems.raise_any()
        return tuple(reader.entries)
    problems.raise_any()
    return ()


class EntryReader:
    """Checks the entries of one list in order; each new one against those before it."""

    def __init__(self, path, keys, settings, paths, written):
        self.path, self.keys, self.settings = path, keys, settings
        self.paths, self.written = paths, written
        self.entries = []
        self.seen = {}  # text (same_text) or address -> (entry, line)

    def error(self, problem, line, key=None, hint=None):
        return ContentError(self.path, problem, key=key, line=line, hint=hint)

    def add(self, index, item):
        line = self.paths.get((index,))
        if isinstance(item, dict):
            fields = self.fields(index, item, line)
        else:
            fields = {"value": self.text(item, (index,), line)}
        value = fields["value"]
        label = fields.get("label") or value
        slug = short_slug(german_slug(re.sub(r"[\u2010-\u2015\u2212/]", "-", value),
                                      self.settings))
        if not slug:
            raise self.error(f"Aus „{value}“ lässt sich keine Adresse bilden (kein Buchstabe, "
                             "keine Ziffer).", line, hint="Schreiben Sie einen Namen in Worten.")
        entry = Entry(value, label, slug, len(self.entries),
                      fields.get("plural") or label if "plural" in self.keys else None)
        names = [("text", same_text(text)) for text in dict.fromkeys((value, label))]
        names.append(("slug", slug))
        if entry.plural is not None:
            names.append(("plural", german_slug(entry.plural, self.settings)))
        for name in names:
            if name in self.seen:
                earlier, earlier_line = self.seen[name]
                raise self.error(
                    f"„{value}“ wäre derselbe Filter wie „{earlier.value}“ (Zeile "
                    f"{earlier_line}).", line, hint="Jeder Eintrag steht nur einmal in der Liste; "
                    "Groß- und Kleinschreibung, Bindestriche und Umlaute (ä/ae) zählen nicht als "
                    "Unterschied. Löschen Sie einen der beiden.")
        for name in names:
            self.seen[name] = (entry, line)
        self.entries.append(entry)

    def fields(self, index, item, line):
        allowed = ("value", "label", *self.keys)
        problems = Problems()
        for key in item:
            if key not in allowed:
                problems.add(unknown_key_error(self.path, key, allowed,
                                               line=self.paths.get((index, key), line)))
        if item.get("value") is None:
            problems.add(self.error("Hier fehlt „value: …“, das, was im Inhalt steht.", line,
                                    hint=ENTRY_HINT))
        fields = {key: problems.value(self.text, item[key], (index, key),
                                      self.paths.get((index, key), line), key)
                  for key in allowed if item.get(key) is not None}
        problems.raise_any()
        return fields

    def text(self, value, path, line, key=None):
        """One entry's text; a number or yes/no as typed (`- 2019` is the text "2019")."""
        if isinstance(value, (bool, int, float)) and path in self.written:
            value = self.written[path]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"Hier steht {kind_of(value)}, erwartet ist ein Text.", line,
                             key=key, hint=ENTRY_HINT)
        text = value.strip()
        if "\n" in text:
            raise self.error("Ein Eintrag steht in einer Zeile.", line, key=key,
                             hint="Schreiben Sie ihn ohne Zeilenumbruch (ohne | oder >).")
        if len(text) > MAX_ENTRY_CHARS:
            raise self.error(f"Der Eintrag ist mit {len(text)} Zeichen zu lang (höchstens "
                             f"{MAX_ENTRY_CHARS}).", line, key=key,
                             hint="Schreiben Sie einen kurzen Namen; er ist ein Filter.")
        return text
