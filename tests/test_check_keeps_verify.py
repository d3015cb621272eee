"""The promise behind publishing: content that the check accepts passes the site checks.

Each input below once passed the check (`invoke check`) and failed the HTML validator
of `invoke verify` (or its accessibility or image checks). Now each is either repaired
by the build (ACCEPTED: the built pages pass the Nu HTML validator, and the repair is
read back from the page) or reported by the check with file and line (REJECTED).
"""

import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, build_fixture_site
from hostile_cases import event, page, sheet
from sitebuild import BuildError

sys.path.insert(0, f"{ROOT}/scripts")
from siteverify.html import html_problems  # noqa: E402  (scripts/ is no package)


def png(width, height):
    import io
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


ACCEPTED_BODY = """Text.

[Leerzeichen](https://www.example.org/pfad mit leerzeichen)

[Spitze Klammern](<https://www.example.org/pfad mit leerzeichen>)

<https://www.example.org/auto link>

[0511 123 456](tel:0511 123 456)

[International](tel:+49 (0)511 123-456)

[Zwei Rauten](https://www.example.org/#a#b)

[Dach](https://www.example.org/a^b)

<img src="../images/roh.png" alt="Ein rohes Bild">

<img src="../images/roh.png" alt="Ein breites Bild" width="abc">

<table><tr><td colspan="zwei">Zelle</td></tr></table>

<time datetime="2025-06-26">26. Juni 2025</time>

## Abschnitt

### Unterabschnitt

## Noch ein Abschnitt
"""
ACCEPTED = page("gut", head="title: Gut", body=ACCEPTED_BODY) | \
    {"images/roh.png": png(300, 200)} | \
    event("online", head="format: Online-Seminar\n"
          "online_url: https://www.example.org/online seminar") | \
    sheet("rauten", head="links:\n  - title: Projekt\n"
          "    url: https://www.example.org/projekt#a#b")

# path below content/ -> (body, the line the message must name, words of the message)
REJECTED = {
    "pages/prozent.md": ("[F](https://www.example.org/a%zz)", 4, "„%“, auf das nicht"),
    "pages/rueckwaerts.md": ("[I](https://www.example.org/a\\b)", 4, "umgekehrten Schrägstrich"),
    "pages/telefon.md": ("[T](tel:Zentrale)", 4, "keine Telefonnummer"),
    "pages/leer.md": ("Text.\n\n[](https://www.netzwerk-iq.de/)", 6, "hat keinen Text"),
    "pages/ids.md": ("### Fazit {: #fazit }\n\nA\n\n### Fazit {: #fazit }", 8,
                     "Kennung (id) „fazit“ steht mehrfach"),
    "pages/anker.md": ('<span id="anker">a</span>\n\n<span id="anker">b</span>', 6,
                       "„anker“ steht mehrfach"),
    "pages/zeit.md": ('<time datetime="morgen">morgen</time>', 4, "„morgen“ in <time>"),
    "pages/liste.md": ("<ul><li>a</li><p>b</p></ul>", 4, "hier steht <p>"),
    "pages/ebene.md": ("Text.\n\n### Fazit", 6, "„Fazit“ hat 3 Rauten (#), die Überschrift "
                       "davor 1 (der Titel der Seite); dazwischen fehlt eine Ebene"),
    "pages/sprung.md": ("## Teil\n\nA\n\n#### Einzelheit", 8, "„Einzelheit“ hat 4 Rauten"),
    "pages/bild.md": ("Text.\n\n![Ein Bild](../images/kaputt.jpg)", 6,
                      "„images/kaputt.jpg“ ist keine lesbare Bilddatei"),
}


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("gut"), ACCEPTED, public=True)


def test_what_the_build_repairs_passes_the_html_validator(accepted_site):
    assert html_problems(str(accepted_site)) == []


def test_addresses_are_written_encoded_and_phone_numbers_as_digits(accepted_site):
    soup = BeautifulSoup((accepted_site / "gut" / "index.html").read_text("utf-8"),
                         "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("main a")}
    assert links["Leerzeichen"] == "https://www.example.org/pfad%20mit%20leerzeichen"
    assert links["Spitze Klammern"] == "https://www.example.org/pfad%20mit%20leerzeichen"
    assert links["https://www.example.org/auto link"] == "https://www.example.org/auto%20link"
    assert links["0511 123 456"] == "tel:0511123456"
    assert links["International"] == "tel:+49511123456"
    assert links["Zwei Rauten"] == "https://www.example.org/#a%23b"
    assert links["Dach"] == "https://www.example.org/a%5Eb"


def test_front_matter_addresses_are_written_encoded(accepted_site):
    termin = (accepted_site / "termine" / "2026-05-04-online" / "index.html").read_text("utf-8")
    assert 'href="https://www.example.org/online%20seminar"' in termin
    steckbrief = (accepted_site / "good-practice" / "steckbrief-rauten" / "index.html")
    assert 'href="https://www.example.org/projekt#a%23b"' in steckbrief.read_text("utf-8")


def test_raw_images_get_the_size_of_their_file(accepted_site):
    soup = BeautifulSoup((accepted_site / "gut" / "index.html").read_text("utf-8"),
                         "html.parser")
    images = soup.select("main img")
    assert [(i["alt"], i["width"], i["height"]) for i in images] == [
        ("Ein rohes Bild", "300", "200"), ("Ein breites Bild", "300", "200")]
    assert soup.select_one("main td").get("colspan") is None


def test_what_the_build_cannot_repair_is_reported_with_file_and_line(tmp_path):
    files = {path: f"---\ntitle: Seite {path}\n---\n{body}\n"
             for path, (body, _, _) in REJECTED.items()}
    files["images/kaputt.jpg"] = "Ein Text, als Bild gespeichert.\n"
    files |= event("prozent", head="online_url: https://www.example.org/a%zz")
    with pytest.raises(BuildError) as error:
        build_fixture_site(tmp_path, files, public=True)
    lines = str(error.value).splitlines()
    for path, (_, line, words) in REJECTED.items():
        named = [text for text in lines if f"content/{path}, Zeile {line}:" in text]
        assert any(words in text for text in named), (path, lines)
    assert any("events/2026-05-04-prozent.md, Zeile 4, Schlüssel „online_url“" in text and
               "„%“, auf das nicht" in text for text in lines), lines
