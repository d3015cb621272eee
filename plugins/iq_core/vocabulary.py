"""Shared vocabularies: the lists in content/listen/ that audiences, topics, event formats,
networks and funding periods come from.

Five sheets once gave eleven audience filters ("Jobcenter" next to "Berater*innen in
Jobcentern"): free text splits a filter with every new spelling. So these keys take their
values from one editable list each (iq_core.vocabulary_files reads them), and a value that
is not on its list is a mistake that names the closest entries and how to add a new one.

The lists are read once per build, when Pelican starts (`initialized`), into the run's
settings (`IQ_VOCABULARIES`), where every content type's checks find them; the preview
starts a new run, with new settings, after every save, so an edited list counts at once.
"""

import difflib
import logging
import os
import re
from typing import NamedTuple

from .errors import ContentError, Problems, report
from .placeholders import placeholder_in

logger = logging.getLogger(__name__)

# Kinds of dash an editor cannot tell apart on screen: "2019-2022" is "2019–2022".
DASHES = re.compile("[\u2010-\u2015\u2212]")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
MAX_SUGGESTIONS = 3
MAX_LISTED = 20  # a short list is named whole in a message; a longer one by its file
SETTING = "IQ_VOCABULARIES"
LIST_ENDINGS = (".yaml", ".yml")


class Entry(NamedTuple):
    """One entry of a list: what editors write, what the site shows, its URL part."""

    value: str
    label: str
    slug: str
    position: int        # its place in the list: filters appear in the list's order
    plural: str = None   # event formats: the heading of the format's page


def same_text(text):
    """The form in which two spellings count as one entry: case, dashes and spaces aside
    ("2019 - 2022" is "2019–2022")."""
    return re.sub(r" ?- ?", "-", " ".join(DASHES.sub("-", str(text)).split())).casefold()


def loose_text(text):
    """For suggestions only: umlauts as ae, oe, ue (typed without a German keyboard)."""
    return same_text(text).translate(UMLAUTS)


class Vocabulary:
    """One list: its German `title`, the file it comes from (`shown`, as editors see the
    path) and its entries. `state` is "ok", "missing" (no file) or "broken" (the file has
    mistakes, reported on their own; values are then taken as written, so one broken list
    does not turn every item that uses it into a message)."""

    def __init__(self, name, title, shown, entries=(), state="ok", keys=()):
        self.name = name
        self.keys = tuple(keys)  # what an entry may have besides value and label
        self.title = title
        self.shown = shown
        self.entries = tuple(entries)
        self.state = state
        self.by_text = {}
        for entry in self.entries:
            self.by_text.setdefault(same_text(entry.label), entry)
            self.by_text[same_text(entry.value)] = entry

    def find(self, text):
        return self.by_text.get(same_text(text))

    def closest(self, text):
        """Up to three entries an editor most likely meant: similar spellings first, then
        entries that contain the text or are contained in it ("Jobcenter" and
        "Berater*innen in Jobcentern")."""
        typed = loose_text(text)
        forms = {}
        for entry in self.entries:
            for form in (entry.value, entry.label):
                forms.setdefault(loose_text(form), entry)
        # difflib's measure, as in get_close_matches; only those nearly as close as the
        # best ("Niedersachen": Niedersachsen, not Sachsen as well).
        scored = sorted(((difflib.SequenceMatcher(None, typed, form).ratio(), entry.position,
                          entry) for form, entry in forms.items()), key=lambda s: (-s[0], s[1]))
        best = scored[0][0] if scored else 0
        found = [entry for ratio, _, entry in scored if ratio >= max(0.6, best - 0.1)]
        if len(typed) >= 3:
            found += [entry for form, entry in forms.items()
                      if len(form) >= 3 and (typed in form or form in typed)]
        unique = []
        for entry in found:
            if entry not in unique:
                unique.append(entry)
        return unique[:MAX_SUGGESTIONS]

    def entry(self, source_path, text, key, line=None, item=False):
        """The entry for `text`, or a ContentError that names the list and what to do.
        `item`: `text` is one entry of a list under `key` (its line tells which)."""
        if self.state == "missing":
            # Named by the list, not the item: one message however many items use it.
            raise ContentError(self.shown, f"Die Liste „{self.title}“ fehlt; ohne sie kann die "
                               f"Website die Angabe „{key}“ nicht prüfen.",
                               hint=f"Legen Sie die Datei {self.shown} an, je Eintrag eine "
                               "Zeile „- Eintrag“ (siehe docs/redaktion.md, „Listen“).")
        found = self.find(text)
        if found is not None:
            return found
        # The value stands for itself while the build fails on the list (until it is fixed,
        # the preview shows the last state), and while it is a scaffold's placeholder: a
        # fresh draft shows in the preview; published, the placeholder check reports it.
        if self.state == "broken" or placeholder_in(str(text)):
            slug = re.sub(r"[^a-z0-9]+", "-", loose_text(text)).strip("-") or "eintrag"
            return Entry(str(text).strip(), str(text).strip(), slug, len(self.entries))
        raise self.unknown(source_path, text, key, line, item)

    def entries_for(self, source_path, texts, key, line_of):
        """Entries for a list of values; every unknown one reported, all at once.
        `line_of(index)`: the line of the value in the file."""
        problems = Problems()
        found = []
        for index, text in enumerate(texts):
            with problems.collecting():
                entry = self.entry(source_path, text, key, line_of(index), item=True)
                if entry not in found:  # written twice: one filter all the same
                    found.append(entry)
        problems.raise_any()
        return tuple(found)

    def unknown(self, source_path, text, key, line, item=False):
        suggestions = self.closest(text)
        hint = ""
        if suggestions:
            names = [f"„{entry.value}“" for entry in suggestions]
            hint = "Meinten Sie " + (names[0] if len(names) == 1 else
                                     ", ".join(names[:-1]) + " oder " + names[-1]) + "? "
        elif len(self.entries) <= MAX_LISTED:
            hint = "In der Liste stehen: " + ", ".join(e.value for e in self.entries) + ". "
        if "plural" in self.keys:
            hint += (f"Ist „{text}“ ein neues Format, ergänzen Sie in {self.shown} die Zeile "
                     f"„- value: {text}“ und darunter „  plural: …“ (die Mehrzahl).")
        else:
            hint += (f"Ist „{text}“ ein neuer Eintrag, ergänzen Sie in {self.shown} eine Zeile "
                     f"„- {text}“.")
        problem = f"„{text}“ steht nicht in der Liste „{self.title}“ ({self.shown})."
        if item:
            # Without a key: Problems keeps one message per key, and every unknown entry
            # of a list needs its own (with its own line).
            return ContentError(source_path, f"Unter „{key}“: {problem}", line=line, hint=hint)
        return ContentError(source_path, problem, key=key, line=line, hint=hint)


def vocabulary_folder(settings):
    return os.path.join(settings["PATH"], settings["VOCABULARY_PATH"])


def shown_path(settings, file_name):
    """The list's path as messages name files (content/listen/adressaten.yaml in a build
    of the site; a path outside the working folder in full)."""
    path = os.path.join(vocabulary_folder(settings), file_name)
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def vocabularies(settings):
    """The run's lists by name, read when first asked for (at Pelican's `initialized`;
    a generator run on its own in a test reads them at its first item). Every mistake in
    a list is logged once, when it is read; the build fails on it."""
    lists = settings.get(SETTING)
    if lists is None:
        from .vocabulary_files import read_vocabularies

        lists, problems = read_vocabularies(settings)
        settings[SETTING] = lists
        for problem in problems:
            report(problem, logger.error)
    return lists


def vocabulary(settings, name):
    return vocabularies(settings)[name]


def load_vocabularies(pelican):
    """initialized: the lists of this run (after iq_core has applied the defaults)."""
    vocabularies(pelican.settings)


def vocabulary_files(settings):
    """Files below content/ that the lists account for (the site checks would otherwise
    call them unread): the YAML files directly in the lists' folder, each a list or
    reported as none (iq_core.vocabulary_files.other_files)."""
    folder = vocabulary_folder(settings)
    if not os.path.isdir(folder) or os.path.islink(folder):
        return set()
    prefix = settings["VOCABULARY_PATH"].strip("/")
    return {f"{prefix}/{name}" for name in os.listdir(folder)
            if name.lower().endswith(LIST_ENDINGS) and os.path.isfile(os.path.join(folder, name))}
