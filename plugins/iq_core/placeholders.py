"""Placeholders of the scaffolding (`invoke new-…`), and the check that none is published.

The templates in scripts/vorlagen/ take their placeholder texts from `PLACEHOLDERS`
(`{ph[provider]}`), and the reader checks every published file against the same list: a
placeholder can be renamed or added in this one place, and template and check cannot
drift apart. Drafts may keep placeholders (a fresh file from `invoke new-…` shows in the
preview); a published item (no `status` line, or `status: published`) must not.

A placeholder matches a whole front-matter value or a whole body line (a heading's `#`
and a list's `- ` aside): "Träger des Projekts" in a sentence of the text is no
placeholder. Placeholders in brackets, "(Text)", are unmistakable and match anywhere.
"""

from typing import NamedTuple

from .errors import ContentError


class Placeholder(NamedTuple):
    text: str  # as the template writes it
    hint: str  # what to write instead


def _criterion(adjective):
    return Placeholder(
        f"Begründung, warum das Projekt {adjective} ist",
        "Schreiben Sie eine Begründung in einem Satz, oder „true“, wenn das Kriterium ohne "
        "Begründung gilt; trifft es nicht zu, löschen Sie die Zeile (mindestens ein Kriterium "
        "bleibt stehen).")


# Published too early: the way back to a draft.
NOT_READY = "Noch nicht fertig? Dann schreiben Sie wieder „status: draft“ in den Kopfbereich."
_TEXT_HINT = "Ersetzen Sie ihn durch Ihren Text."
PLACEHOLDERS = {
    "text": Placeholder("(Text)", _TEXT_HINT),
    "editorial": Placeholder("(Editorial)", "Ersetzen Sie ihn durch das Editorial der Ausgabe."),
    "first_article": Placeholder(
        "Erster Artikel", "Schreiben Sie die Überschrift des Artikels (nach „## “)."),
    "tip_heading": Placeholder(
        "Praxistipp für Unternehmen – Thema",
        "Ersetzen Sie „Thema“ durch das Thema des Praxistipps, oder löschen Sie den Abschnitt."),
    "issue_summary": Placeholder(
        "Stichworte zu den Themen dieser Ausgabe",
        "Schreiben Sie die Themen der Ausgabe in Stichworten, durch Kommas getrennt."),
    "event_description": Placeholder(
        "(Beschreibung: Worum geht es, für wen ist die Veranstaltung, was lernen die "
        "Teilnehmenden?)", "Ersetzen Sie ihn durch die Beschreibung der Veranstaltung."),
    "registration_url": Placeholder(
        "https://anmeldeseite-eintragen.example/",
        "Tragen Sie die Adresse der Anmeldeseite ein, oder löschen Sie die Zeile, wenn es "
        "keine Anmeldung gibt."),
    "subtitle": Placeholder(
        "Ein Satz, der das Projekt auf den Punkt bringt",
        "Schreiben Sie einen Satz, der das Projekt auf den Punkt bringt."),
    "transferable": _criterion("transferfähig"),
    "innovative": _criterion("innovativ"),
    "sustainable": _criterion("nachhaltig"),
    "efficient": _criterion("effizient"),
    "audience": Placeholder(
        "Zielgruppe für den Transfer",
        "Schreiben Sie, wer das Projekt übernehmen kann, z. B. „Arbeitgeberservice der BA“; "
        "je Zielgruppe eine Zeile „- …“."),
    "instrument_name": Placeholder(
        "Name des Instruments", "Tragen Sie den Namen des Instruments oder Produkts ein."),
    "instrument_description": Placeholder(
        "Was das Instrument ist und wie es genutzt wird.",
        "Beschreiben Sie in wenigen Sätzen, was das Instrument ist und wie es genutzt wird."),
    "provider": Placeholder(
        "Träger des Projekts", "Tragen Sie den Träger ein, z. B. „VIA Bayern e.V.“."),
}
_WHOLE = {p.text: p for p in PLACEHOLDERS.values()}
_BRACKETED = [p for p in PLACEHOLDERS.values() if p.text.startswith("(")]


def template_values():
    """The values the scaffold templates are filled with: `{ph[name]}`."""
    return {"ph": {name: p.text for name, p in PLACEHOLDERS.items()}}


def placeholder_in(text):
    """The placeholder that `text` (a value, or a line of the body) still holds, or None."""
    bare = text.strip().lstrip("#").strip()
    if bare.startswith(("- ", "* ")):
        bare = bare[2:].strip()
    if bare in _WHOLE:
        return _WHOLE[bare]
    return next((p for p in _BRACKETED if p.text in text), None)


def is_published(front_matter):
    """No `status` line, or `status: published` (a misspelt status is reported elsewhere)."""
    return front_matter.get("status") in (None, "published")


def placeholder_errors(source_path, front, body, body_line):
    """One ContentError per placeholder left in the front matter (`front`, an
    iq_core.frontmatter.FrontMatter) or the body (starting at line `body_line`)."""
    errors = []
    for path, value in _strings(front.data, ()):
        found = placeholder_in(value)
        if found:
            line = front.paths.get(path) or front.paths.get(path[:1])
            label = ": ".join(str(part) for part in path if not isinstance(part, int))
            errors.append(_error(source_path, found, line, label))
    for number, text in enumerate(body.split("\n"), start=body_line):
        found = placeholder_in(text)
        if found:
            errors.append(_error(source_path, found, number))
    return errors


def _error(source_path, placeholder, line, key=None):
    return ContentError(
        source_path, f"Hier steht noch der Platzhalter „{placeholder.text}“ aus der Vorlage.",
        key=key or None, line=line, hint=f"{placeholder.hint} {NOT_READY}")


def _strings(value, path):
    """(path, text) of every string in the front matter, nested ones included."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
