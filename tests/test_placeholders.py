"""Placeholders of `invoke new-…`: fine in a draft, an error naming the line once published.

The scaffold templates and the check share one list (iq_core.placeholders); these tests
fill the templates, publish the files and read the messages back."""

import datetime
import re

import pytest

import scaffold
import sitebuild
from conftest import PUBLISHCONF, SITE_BUILD_DATE, build_fixture_site, copy_site_lists
from iq_core.placeholders import PLACEHOLDERS
from sitebuild import BuildError

# The day a scaffold writes as `date` (never the clock's).
FIXED_DAY = datetime.date(2026, 9, 1)

MESSAGE = re.compile(r"^- (?P<file>\S+), Zeile (?P<line>\d+)(?:, Schlüssel „(?P<key>[^“]+)“)?: "
                     r"Hier steht noch der Platzhalter „(?P<text>.+?)“ aus der Vorlage\. "
                     r"(?P<hint>.+)$")
TEMPLATES = {"newsletter/2026-01.md": "newsletter.md",
             "events/2027-02-17-neues-seminar.md": "event.md",
             "good-practice/neues-projekt.md": "factsheet.md"}


def scaffolded(content):
    """The three scaffolded files ({path below content/: text}), as drafts."""
    scaffold.new_issue(str(content), date=datetime.date(2026, 9, 1))
    scaffold.new_event(str(content), "Neues Seminar", "2027-02-17")
    scaffold.new_factsheet(str(content), "Neues Projekt", date=FIXED_DAY)
    return {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8")
            for p in content.rglob("*.md")}


def published(text):
    """The file with its `status: draft` line removed, as the editor guide says."""
    kept = [line for line in text.split("\n") if not line.startswith("status: draft")]
    return "\n".join(kept)


def placeholder_messages(error):
    found = [MESSAGE.match(line) for line in str(error).splitlines() if line.startswith("- ")]
    assert all(found), str(error)  # every message of the build is a placeholder message
    return found


def expected_places(relative, text):
    """(line, placeholder text) of every placeholder the template put into `text`."""
    template = (scaffold.TEMPLATES + "/" + TEMPLATES[relative])
    with open(template, encoding="utf-8") as handle:
        names = re.findall(r"\{ph\[(\w+)\]\}", handle.read())
    places = set()
    for name in set(names):
        placeholder = PLACEHOLDERS[name].text
        for number, line in enumerate(text.split("\n"), start=1):
            if line.rstrip().endswith(placeholder):
                places.add((number, placeholder))
    assert len(places) == len(names), (relative, names, places)
    return places


@pytest.mark.parametrize("public", [True, False], ids=["öffentlich", "Vorschau"])
def test_every_placeholder_of_the_templates_is_named_with_its_line(tmp_path, public):
    files = {path: published(text) for path, text in scaffolded(tmp_path / "neu").items()}
    with pytest.raises(BuildError) as caught:
        build_fixture_site(tmp_path, files, public=public)
    found = placeholder_messages(caught.value)
    for relative, text in files.items():
        expected = expected_places(relative, text)
        named = {(int(m["line"]), m["text"]) for m in found if m["file"].endswith(relative)}
        assert named == expected, relative
    hints = {m["text"]: m["hint"] for m in found}
    assert "„true“" in hints["Begründung, warum das Projekt innovativ ist"]
    assert "löschen Sie die Zeile" in hints["Begründung, warum das Projekt innovativ ist"]
    assert all("„status: draft“" in hint for hint in hints.values())
    keys = {m["text"]: m["key"] for m in found}
    assert keys["Begründung, warum das Projekt effizient ist"] == "criteria: efficient"
    assert keys["Zielgruppe für den Transfer"] == "audiences"
    assert keys["(Text)"] is None


def test_invoke_check_names_placeholders_and_leaves_drafts_alone(tmp_path):
    drafts = scaffolded(tmp_path / "neu")
    content = tmp_path / "content"
    for relative, text in drafts.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (content / "pages").mkdir()
    copy_site_lists(content)
    sitebuild.check(PUBLISHCONF, {"PATH": str(content), "BUILD_DATE": SITE_BUILD_DATE},
                        in_process=True)  # drafts: fine
    sheet = content / "good-practice" / "neues-projekt.md"
    sheet.write_text(published(drafts["good-practice/neues-projekt.md"]), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        sitebuild.check(PUBLISHCONF, {"PATH": str(content), "BUILD_DATE": SITE_BUILD_DATE},
                        in_process=True)
    found = placeholder_messages(caught.value)
    assert all(m["file"].endswith("content/good-practice/neues-projekt.md") for m in found)
    assert ("Träger des Projekts", "provider", "17") in {(m["text"], m["key"], m["line"])
                                                          for m in found}


PAGE = "---\ntitle: Kontakt\n{front}---\n{body}"


@pytest.mark.parametrize(("front", "body", "expected"), [
    ("", "Hallo\n\n(Text)\n", [("6", None, "(Text)")]),
    ("", "Wir schreiben (Text) hier noch.\n", [("4", None, "(Text)")]),
    ("", "## Erster Artikel\n", [("4", None, "Erster Artikel")]),
    ("", "- Träger des Projekts\n", [("4", None, "Träger des Projekts")]),
    ("summary: Träger des Projekts\n", "Text\n", [("3", "summary", "Träger des Projekts")]),
    ("summary: |\n  Erst Text,\n  dann (Text)\n", "Text\n", [("3", "summary", "(Text)")]),
    ("status: hidden\nsummary: Träger des Projekts\n", "(Text)\n", []),
    ("status: draft\n", "(Editorial)\n", []),
    # In a sentence, the words of a placeholder are the editor's own.
    ("summary: Träger des Projekts ist die Stadt.\n",
     "Träger des Projekts ist die Stadt.\n\n## Erster Artikel der Reihe\n", []),
], ids=["Zeile", "im-Satz", "Überschrift", "Liste", "Kopfbereich", "Block", "versteckt",
        "Entwurf", "eigener-Text"])
def test_placeholders_in_any_content_type(fixture_site, front, body, expected):
    files = {"pages/kontakt.md": PAGE.format(front=front, body=body)}
    if not expected:
        output = fixture_site(files, public=True)
        assert (output / "index.html").exists()
        return
    with pytest.raises(BuildError) as caught:
        fixture_site(files, public=True)
    found = placeholder_messages(caught.value)
    assert [(m["line"], m["key"], m["text"]) for m in found] == expected
    assert all(m["file"].endswith("content/pages/kontakt.md") for m in found)
