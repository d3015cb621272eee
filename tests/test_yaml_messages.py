"""Broken front matter gets German messages with the line and the fix, never libyaml's
English. One fixture site holds every broken file: each is named in the same build."""

import re

import pytest

from sitebuild import BuildError

# What libyaml's own texts are made of ("found character '\t' that cannot start any token",
# "while scanning a simple key", "mapping values are not allowed here" …).
ENGLISH = ("found", "expected", "while", "scanning", "parsing", "mapping", "could not",
           "character", "token", "block", "stream", "indicator", "not allowed", "context",
           "document", "sequence", "scalar", "simple key", "escape", "line", "column")

# name: (file, line named, parts of the message)
CASES = {
    "tab": ("---\ntitle: Test\ncontact:\n\tname: Anna\n---\nText\n", 4,
            ["Tabulator", "Leerzeichen"]),
    "tab-list": ("---\ntitle: Test\naudiences:\n\t- Unternehmen\n---\nText\n", 4,
                 ["Tabulator"]),
    "deutsche-anfuehrungszeichen": (
        "---\ntitle: „Fachtag: Vielfalt“\n---\nText\n", 2,
        ["deutschen Anführungszeichen „…“", "Doppelpunkt", 'gerade Anführungszeichen "…"',
         'title: "Fachtag: Vielfalt"', 'title: "„Fachtag: Vielfalt“"']),
    "englische-typografische": ("---\ntitle: “Fachtag: Vielfalt”\n---\nText\n", 2,
                                ['title: "Fachtag: Vielfalt"']),
    "doppelpunkt": ("---\ntitle: Fachtag: Vielfalt\n---\nText\n", 2,
                    ["Doppelpunkt", 'title: "Fachtag: Vielfalt"']),
    "doppelpunkt-und-anfuehrungszeichen": (
        '---\ntitle: Das "Projekt": neu\n---\nText\n', 2,
        ["Doppelpunkt", "title: 'Das \"Projekt\": neu'"]),
    "nach-anfuehrungszeichen": ('---\ntitle: "Fachtag" Vielfalt\n---\nText\n', 2,
                                ["nach dem schließenden Anführungszeichen",
                                 "title: '\"Fachtag\" Vielfalt'"]),
    "offenes-anfuehrungszeichen": ('---\ntitle: Test\nsummary: "Kurz\nlang: de\n---\nText\n',
                                   3, ["Anführungszeichen", "nicht geschlossen"]),
    "eingerueckt": ("---\ntitle: Test\n  summary: Kurz\n---\nText\n", 3,
                    ["weiter eingerückt als die Zeile darüber"]),
    "eingerueckt-in-gruppe": ("---\ntitle: Test\ncontact:\n  name: Anna\n   phone: 0511 1\n"
                              "---\nText\n", 5, ["eingerückt"]),
    "ohne-doppelpunkt": ("---\ntitle: Test\nsummary: Kurz\nNur ein Satz\n---\nText\n", 4,
                         ["fehlt der Doppelpunkt", "„---“"]),
    "eckige-klammer": ("---\ntitle: Test\naudiences: [Unternehmen, Beratung\nlang: de\n---\n"
                       "Text\n", 3, ["eckige Klammer [", "nicht geschlossen"]),
    "geschweifte-klammer": ("---\ntitle: Test\ncontact: {name: Anna\nlang: de\n---\nText\n", 3,
                            ["geschweifte Klammer {"]),
    "liste-nicht-eingerueckt": ("---\ntitle: Test\n- Unternehmen\n---\nText\n", 3,
                                ["Einrückung"]),
    "liste-nach-wert": ("---\ntitle: Test\naudiences: - Unternehmen\n---\nText\n", 3,
                        ["Listeneintrag"]),
    "backslash": ('---\ntitle: "C:\\Daten"\n---\nText\n', 2, ["Backslash", "einfache"]),
    "sternchen": ("---\ntitle: *fett*\n---\nText\n", 2, ["Sonderzeichen", "Anführungszeichen"]),
    "at-zeichen": ("---\ntitle: @iq_nds\n---\nText\n", 2, ["Sonderbedeutung"]),
    "senkrechter-strich": ("---\ntitle: |x\n---\nText\n", 2, ["Anführungszeichen"]),
    "schluss-fehlt": ("---\ntitle: Test\nsummary: Kurz\n\nHier beginnt der Text.\n", 1,
                      ["Die Zeile „---“, die den Kopfbereich schließt, fehlt",
                       "beginnt in Zeile 1"]),
    "schluss-fehlt-nach-leerzeilen": ("\n\n---\ntitle: Test\n\n## Überschrift\n\nText\n", 3,
                                      ["schließt, fehlt", "beginnt in Zeile 3"]),
    "schluss-gedankenstrich": ("---\ntitle: Test\n—\nText\n", 3,
                               ["„—“", "drei Bindestriche „---“"]),
    "anfang-gedankenstrich": ("—\ntitle: Test\n---\nText\n", 1,
                              ["beginnt mit „—“ statt mit „---“"]),
    "ohne-kopfbereich": ("title: Test\n\nText\n", 1, ["Kopfbereich fehlt", "„---“"]),
}


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    """{case: [messages of its file]} from one build of all broken files."""
    from conftest import build_fixture_site

    files = {f"pages/{name}.md": source for name, (source, _, _) in CASES.items()}
    with pytest.raises(BuildError) as caught:
        build_fixture_site(tmp_path_factory.mktemp("yaml"), files)
    found = {}
    for line in str(caught.value).splitlines():
        match = re.match(r"^- \S*content/pages/(?P<name>[^/]+)\.md(?P<rest>.*)$", line)
        assert match, line  # every message names its file
        found.setdefault(match["name"], []).append(match["rest"])
    return found


@pytest.mark.parametrize("name", CASES)
def test_broken_front_matter_is_explained_in_german(messages, name):
    _, line, parts = CASES[name]
    (message,) = messages[name]
    assert message.startswith(f", Zeile {line}: "), message
    for part in parts:
        assert part in message, message
    lowered = message.lower()
    assert not [word for word in ENGLISH if re.search(rf"\b{word}\b", lowered)], message


def test_no_broken_file_is_left_out(messages):
    assert set(messages) == set(CASES)


SUGGESTED = re.compile(r"title: (\"[^\"]*\"|'(?:[^']|'')*')")


@pytest.mark.parametrize(("name", "values"), [
    ("deutsche-anfuehrungszeichen", ["Fachtag: Vielfalt", "„Fachtag: Vielfalt“"]),
    ("englische-typografische", ["Fachtag: Vielfalt", "“Fachtag: Vielfalt”"]),
    ("doppelpunkt", ["Fachtag: Vielfalt"]),
    ("doppelpunkt-und-anfuehrungszeichen", ['Das "Projekt": neu']),
    ("nach-anfuehrungszeichen", ['"Fachtag" Vielfalt']),
    ("backslash", ["C:\\Daten"]),
    ("sternchen", ["*fett*"]),
    ("at-zeichen", ["@iq_nds"]),
])
def test_the_line_the_message_suggests_reads_as_meant(messages, name, values):
    """Copied into the file, the suggested line is valid and gives the text as typed."""
    import yaml

    (message,) = messages[name]
    suggested = SUGGESTED.findall(message)
    assert [yaml.safe_load(f"title: {value}")["title"] for value in suggested] == values


@pytest.mark.parametrize("header", [
    "„title“: Fachtag: Vielfalt\n",            # the quotes around the key
    "title: „Fachtag: Vielfalt\n",             # one quote only
    "title: " + "Thema: " * 100 + "\n",         # too long to repeat in the message
    "title: Fachtag „Vielfalt: heute“ im Rathaus\n",
])
def test_unusual_lines_still_get_a_german_message(header):
    from iq_core.errors import ContentError
    from iq_core.frontmatter import read_front_matter

    with pytest.raises(ContentError) as caught:
        read_front_matter(header, "x.md", 2)
    (error,) = caught.value.each()
    assert error.line == 2 and error.problem.startswith("Der Kopfbereich ist kein gültiges YAML")
    assert len(error.message()) < 800
    if "im Rathaus" in header:  # the quotes inside the text stay, the whole value is quoted
        assert 'title: "Fachtag „Vielfalt: heute“ im Rathaus"' in error.hint
