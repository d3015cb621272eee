"""Shared lists (content/listen/*.yaml): values come from them, with German messages for an
unknown value (closest entries, how to add one) and for a broken list; labels on the site;
the lists themselves never in the output; the preview picks up an edited list."""

import os

import pytest
from bs4 import BeautifulSoup
from events_support import BUILD_DATE, event
from good_practice_helpers import sheet
from test_preview import write_content, save

import sitebuild
from conftest import PELICANCONF, SITE_BUILD_DATE
from previewsite import PreviewSite

SHEET = "good-practice/test.md"
AUDIENCES = "listen/adressaten.yaml"


def build_error(fixture_site, files, **kwargs):
    with pytest.raises(sitebuild.BuildError) as caught:
        fixture_site(files, **kwargs)
    message = str(caught.value)
    assert "Traceback" not in message
    return [line[2:] for line in message.splitlines() if line.startswith("- ")]


def line_of(text, needle):
    return text.splitlines().index(needle) + 1


def only(messages, *words):
    found = [m for m in messages if all(word in m for word in words)]
    assert len(found) == 1, (words, messages)
    return found[0]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


# Unknown values ------------------------------------------------------------------

def test_unknown_audience_names_line_list_closest_entry_and_how_to_add_it(fixture_site):
    text = sheet(audiences=["Jobcentre", "Kammern"])
    message = only(build_error(fixture_site, {SHEET: text}), "Jobcentre")
    assert message.startswith("/")  # the fixture lies outside the working folder
    assert f"{SHEET}, Zeile {line_of(text, '- Jobcentre')}: " in message
    assert "Unter „audiences“: „Jobcentre“ steht nicht in der Liste „Adressaten“ (" in message
    assert "content/listen/adressaten.yaml)" in message
    assert "Meinten Sie „Jobcenter“?" in message
    assert "ergänzen Sie in " in message and "eine Zeile „- Jobcentre“" in message


def test_a_longer_spelling_finds_the_entry_it_contains(fixture_site):
    text = sheet(audiences=["Berater*innen in Jobcentern"])
    message = only(build_error(fixture_site, {SHEET: text}), "Berater*innen")
    assert "Meinten Sie „Jobcenter“?" in message


def test_every_unknown_value_of_every_key_is_reported_at_once(fixture_site):
    text = sheet(audiences=["Jobcentre", "Kamer"], topics=["Anerkenung"], network="Hesen",
                 funding_period="2019-2023")
    messages = build_error(fixture_site, {
        SHEET: text,
        "events/2025-06-26-seminar.md": event(start="2025-06-26 10:00", format="Onlineseminar",
                                              audiences="[Unternehmen, Firmen]")})
    assert f"Zeile {line_of(text, '- Jobcentre')}:" in only(messages, "„Jobcentre“")
    assert f"Zeile {line_of(text, '- Kamer')}:" in only(messages, "„Kamer“", "„Kammern“?")
    assert "„Themen“" in only(messages, "„Anerkenung“", "Meinten Sie „Anerkennung“?")
    network = only(messages, "„Hesen“")
    assert f"Zeile {line_of(text, 'network: Hesen')}, Schlüssel „network“" in network
    assert "„Landesnetzwerke“" in network and "Meinten Sie „Hessen“?" in network
    assert "„Förderrunden“" in only(messages, "„2019-2023“")
    assert "Meinten Sie „Online-Seminar“" in only(messages, "Schlüssel „format“", "„Onlineseminar“")
    assert "„Veranstaltungsformate“" in only(messages, "„Onlineseminar“")
    assert "„- value: Onlineseminar“ und darunter „  plural: …“" in only(messages, "„Onlineseminar“")
    assert "„Adressaten“" in only(messages, "„Firmen“", "Unter „audiences“")


def test_without_a_close_entry_a_short_list_is_named_whole(fixture_site):
    files = {SHEET: sheet(topics=["Quantenphysik"]),
             "listen/themen.yaml": "- Anerkennung\n- Vernetzung\n"}
    message = only(build_error(fixture_site, files), "„Quantenphysik“")
    assert "In der Liste stehen: Anerkennung, Vernetzung." in message


def test_case_dashes_and_spaces_do_not_matter_and_the_list_spelling_is_shown(fixture_site):
    output = fixture_site({SHEET: sheet(audiences=["jobcenter"], network="niedersachsen",
                                        funding_period="2019 - 2022")})
    page = soup(output / "good-practice" / "testsheet" / "index.html")
    assert [text_of(li) for li in page.select(".gp-audiences li")] == ["Jobcenter"]
    facts = text_of(page.select_one(".gp-facts"))
    assert "Niedersachsen" in facts and "2019–2022" in facts
    assert (output / "good-practice" / "foerderrunde" / "2019-2022" / "index.html").exists()


# Labels and order on the site -------------------------------------------------------

LABELLED = ("- Unternehmen\n"
            "- value: KMU\n  label: Kleine und mittlere Unternehmen\n"
            "- Jobcenter\n")


def test_labels_show_on_sheet_facet_pages_and_archive_with_the_values_address(fixture_site):
    output = fixture_site({
        SHEET: sheet(audiences=["KMU", "Jobcenter"]),
        "good-practice/zwei.md": sheet(title="Zweites Blatt", audiences=["Unternehmen", "KMU"]),
        AUDIENCES: LABELLED})
    folder = output / "good-practice"
    facet = soup(folder / "zielgruppe" / "kmu" / "index.html")
    assert "Kleine und mittlere Unternehmen" in text_of(facet.h1)
    assert "KMU" not in text_of(facet.main).replace("KMU-", "")
    sheet_page = soup(folder / "testsheet" / "index.html")
    assert [text_of(li) for li in sheet_page.select(".gp-audiences li")] == \
        ["Kleine und mittlere Unternehmen", "Jobcenter"]
    # The archive's filters: in the order of the list, with the label and the count.
    archive = soup(folder / "index.html")
    links = [(a["href"].rstrip("/").rsplit("/", 1)[-1], text_of(a.parent))
             for a in archive.select(".gp-facet-links a") if "/zielgruppe/" in a["href"]]
    assert links == [("unternehmen", "Unternehmen (1)"),
                     ("kmu", "Kleine und mittlere Unternehmen (2)"), ("jobcenter", "Jobcenter (1)")]
    assert sorted(p.name for p in (folder / "zielgruppe").iterdir()) == \
        ["jobcenter", "kmu", "unternehmen"]


def test_editors_may_write_the_label_too(fixture_site):
    output = fixture_site({SHEET: sheet(audiences=["Kleine und mittlere Unternehmen"]),
                           AUDIENCES: LABELLED})
    assert (output / "good-practice" / "zielgruppe" / "kmu" / "index.html").exists()


def test_event_shows_the_labels_and_format_pages_follow_the_list(fixture_site):
    formats = "- value: Fachtag\n  plural: Fachtage\n- value: Online-Seminar\n  plural: Online-Seminare\n"
    output = fixture_site({
        "events/2025-06-26-a.md": event(start="2025-06-26 10:00", format="Online-Seminar",
                                        audiences="[KMU]"),
        "events/2025-06-27-b.md": event(start="2025-06-27 10:00", format="fachtag"),
        AUDIENCES: LABELLED, "listen/formate.yaml": formats},
        overrides={"BUILD_DATE": BUILD_DATE})
    page = soup(output / "termine" / "2025-06-26-a" / "index.html")
    assert [text_of(li) for li in page.select(".event-audiences li")] == \
        ["Kleine und mittlere Unternehmen"]
    nav = soup(output / "termine" / "index.html").find("nav", class_="event-filter")
    assert [text_of(a) for a in nav.find_all("a")] == ["Alle Formate", "Fachtage",
                                                       "Online-Seminare"]
    assert "Fachtag" in text_of(soup(output / "termine" / "2025-06-27-b" / "index.html").main)


# Broken, missing and stray lists ------------------------------------------------------

def test_broken_list_is_a_german_message_with_its_line_and_items_are_not_blamed(fixture_site):
    lists = "- Unternehmen\n- Jobcenter: &a x\n- \tKammern\n"
    messages = build_error(fixture_site, {SHEET: sheet(audiences=["Jobcentre"]),
                                          AUDIENCES: lists})
    # Both mistakes of the list; none for the sheet, whose value cannot be checked.
    assert len(messages) == 2 and all("listen/adressaten.yaml, Zeile" in m for m in messages)
    assert "Anker (&a) sind in einer Liste nicht erlaubt" in only(messages, "Zeile 2:")
    assert "kein gültiges YAML" in only(messages, "Zeile 3:", "Tabulator")


def test_every_mistake_of_a_list_at_once(fixture_site):
    lists = ("- Unternehmen\n- unternehmen\n- value: KMU\n  lable: Kleine Unternehmen\n"
             "- [a, b]\n- label: Ohne Wert\n- Ärzte\n- Aerzte\n- \"!!!\"\n"
             "- value: A\n  lable: B\n")
    messages = build_error(fixture_site, {SHEET: sheet(), AUDIENCES: lists})
    assert "Zeile 2: „unternehmen“ wäre derselbe Filter wie „Unternehmen“ (Zeile 1)." in \
        only(messages, "„unternehmen“")
    assert "Meinten Sie „label“?" in only(messages, "Zeile 4, Schlüssel „lable“")
    assert "erwartet ist ein Text" in only(messages, "Zeile 5:")
    assert "Hier fehlt „value: …“" in only(messages, "Zeile 6")
    assert "wie „Ärzte“ (Zeile 7)" in only(messages, "Zeile 8:")
    assert "keine Adresse bilden" in only(messages, "Zeile 9:")
    assert "Meinten Sie „label“?" in only(messages, "Zeile 11, Schlüssel „lable“")  # again
    assert all("listen/adressaten.yaml" in m for m in messages)


@pytest.mark.parametrize("text, words", [
    ("- a: &x b\n- c: *x\n", "Anker (&x) sind in einer Liste nicht erlaubt"),
    ("- value: A\n  value: B\n", "zweimal"),
    ("- !!python/object:os.system x\n", "Typangaben"),
    ("Unternehmen: ja\n", "Die Datei ist keine Liste"),
    ("# nur ein Kommentar\n", "Die Liste ist leer"),
    (b"- Unternehmen\n- Gr\xfcnder\n", "nicht in UTF-8"),
])
def test_list_yaml_is_read_as_strictly_as_front_matter(fixture_site, text, words):
    messages = build_error(fixture_site, {SHEET: sheet(), AUDIENCES: text})
    assert any(words in m and "listen/adressaten.yaml" in m for m in messages), messages


def test_missing_list_is_named_once_when_content_needs_it(fixture_site):
    files = {SHEET: sheet(), "good-practice/b.md": sheet(title="B"), AUDIENCES: None}
    messages = build_error(fixture_site, files)
    assert messages == [m for m in messages if "Die Liste „Adressaten“ fehlt" in m]
    assert len(messages) == 1 and "Legen Sie die Datei" in messages[0]
    assert "listen/adressaten.yaml" in messages[0]


def test_a_site_without_lists_builds_when_nothing_needs_them(fixture_site):
    files = {f"listen/{name}.yaml": None
             for name in ("adressaten", "themen", "formate", "netzwerke", "foerderrunden")}
    output = fixture_site({"pages/a.md": "---\ntitle: A\n---\nText\n",
                           "events/2025-06-26-a.md": event(start="2025-06-26 10:00"), **files})
    assert (output / "a" / "index.html").exists()


def test_a_stray_file_in_the_lists_folder_is_named_with_the_list_meant(fixture_site):
    messages = build_error(fixture_site, {SHEET: sheet(), "listen/adressat.yml": "- A\n"})
    assert "Meinten Sie „adressaten.yaml“?" in only(messages, "listen/adressat.yml")


def test_a_linked_list_is_never_read(tmp_path, fixture_site):
    secret = tmp_path / "geheim.txt"
    secret.write_text("- GEHEIMNIS\n- geheimnis\n", encoding="utf-8")  # broken, if read
    (tmp_path / "content" / "listen").mkdir(parents=True)
    os.symlink(secret, tmp_path / "content" / AUDIENCES)
    messages = build_error(fixture_site, {SHEET: sheet(), AUDIENCES: None})
    assert len(messages) == 1 and "listen/adressaten.yaml" in messages[0]
    assert "symbolischer Link" in messages[0] and "GEHEIMNIS" not in messages[0]


# The lists are no pages ---------------------------------------------------------------

def test_lists_are_not_in_the_output(public_site, preview_site):
    for output in (public_site, preview_site):
        assert not list(output.rglob("listen")) and not list(output.rglob("*.yaml"))
        assert not any("Anleitung: docs/redaktion.md" in p.read_text(encoding="utf-8")
                       for p in output.rglob("*") if p.suffix in (".html", ".json", ".xml"))


# The preview ----------------------------------------------------------------------------

def test_the_preview_picks_up_an_edited_list(tmp_path):
    content = write_content(tmp_path / "content", {SHEET: sheet(audiences=["Lehrkräfte"])})
    site = PreviewSite(PELICANCONF, str(tmp_path / "vorschau"),
                       {"PATH": str(content), "BUILD_DATE": SITE_BUILD_DATE})
    site.rebuild()
    assert any("„Lehrkräfte“ steht nicht in der Liste" in p for p in site.problems)
    lists = content / AUDIENCES
    save(lists, lists.read_text(encoding="utf-8") +
         "- value: Lehrkräfte\n  label: Lehrerinnen und Lehrer\n")
    site.rebuild()
    assert site.problems == []
    page = site.current.file("good-practice/zielgruppe/lehrkraefte/index.html").decode("utf-8")
    assert "Lehrerinnen und Lehrer" in page
    save(lists, lists.read_text(encoding="utf-8").replace("Lehrerinnen und Lehrer", "Lehrende"))
    site.rebuild()
    page = site.current.file("good-practice/testsheet/index.html").decode("utf-8")
    assert "Lehrende" in page and "Lehrerinnen und Lehrer" not in page
