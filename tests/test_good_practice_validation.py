"""Fact-sheet checks: a wrong sheet stops the build with a German message naming the
file, the key and what is allowed."""

import pytest
import sitebuild
from good_practice_helpers import BODY, VALID, sheet, sheet_lists

from good_practice.sections import check_sections
from good_practice.validation import SheetChecker
from iq_core.errors import ContentError

FILE = "good-practice/test.md"
LISTS = sheet_lists()


def build_error(fixture_site, text, **kwargs):
    with pytest.raises(sitebuild.BuildError) as caught:
        fixture_site({FILE: text}, **kwargs)
    return str(caught.value)


def check(raw):
    return SheetChecker("content/good-practice/test.md", raw, {}, lists=LISTS).check()


def error_of(**changes):
    raw = {**VALID, **changes}
    with pytest.raises(ContentError) as caught:
        check({key: value for key, value in raw.items() if value is not DROP})
    return caught.value


DROP = object()


# End to end: the build fails, naming file and key -------------------------------

def test_valid_sheet_builds(fixture_site):
    output = fixture_site({FILE: sheet()})
    assert (output / "good-practice" / "testsheet" / "index.html").exists()


@pytest.mark.parametrize("key", ["title", "subtitle", "criteria", "audiences", "instrument",
                                 "provider", "date"])
def test_missing_required_key_fails_the_build(fixture_site, key):
    message = build_error(fixture_site, sheet(drop=[key]))
    assert "good-practice/test.md" in message
    assert f"Schlüssel „{key}“" in message and "Pflicht" in message


def test_a_criterion_written_false_counts_as_not_met():
    """The web editor writes an unticked criterion as false (cms/config.py, iq-kriterium)."""
    met = check({**VALID, "criteria": {"innovative": False, "sustainable": "Dauerhaft."}})["criteria"]
    assert [(criterion.key, reason) for criterion, reason in met] == [("sustainable", "Dauerhaft.")]


def test_unknown_criterion_names_the_closest_one(fixture_site):
    message = build_error(fixture_site, sheet(criteria={"inovative": True}))
    assert "good-practice/test.md" in message
    assert "Schlüssel „criteria: inovative“" in message
    assert "Meinten Sie „innovative“?" in message
    for allowed in ["transferable", "innovative", "sustainable", "efficient"]:
        assert allowed in message


def test_wrong_type_names_key_and_expectation(fixture_site):
    message = build_error(fixture_site, sheet(audiences="Jobcenter"))
    assert "good-practice/test.md" in message and "Schlüssel „audiences“" in message
    assert "erwartet ist eine Liste von Texten" in message


def test_missing_section_names_the_section(fixture_site):
    body = BODY.replace("## Fazit\n\nFazittext.\n", "")
    message = build_error(fixture_site, sheet(body=body))
    assert "good-practice/test.md" in message and "„## Fazit“ fehlt" in message


def test_every_broken_sheet_is_reported(fixture_site):
    with pytest.raises(sitebuild.BuildError) as caught:
        fixture_site({"good-practice/a.md": sheet(title="A", provider=None),
                      "good-practice/b.md": sheet(title="B", criteria={"sustainble": True})})
    message = str(caught.value)
    assert "good-practice/a.md" in message and "good-practice/b.md" in message


def test_error_points_at_the_line_of_a_nested_key(fixture_site):
    text = sheet(contact={"name": "Erika Muster", "email": "erika.muster(at)example.org"})
    line = next(number for number, content in enumerate(text.splitlines(), 1)
                if content.strip().startswith("email:"))
    message = build_error(fixture_site, text)
    assert f"Zeile {line}, Schlüssel „contact: email“" in message
    assert "keine gültige E-Mail-Adresse" in message


def test_duplicate_slug_fails(fixture_site):
    with pytest.raises(sitebuild.BuildError) as caught:
        fixture_site({"good-practice/a.md": sheet(slug="gleich"),
                      "good-practice/b.md": sheet(slug="gleich")})
    assert "good-practice/gleich/ hat schon" in str(caught.value)


# The checker itself, case by case -----------------------------------------------

@pytest.mark.parametrize("changes, key, words", [
    ({"criteria": {}}, "criteria", "Pflicht"),
    ({"criteria": ["innovative"]}, "criteria", "erfüllten IQ-Kriterien"),
    ({"criteria": {"innovative": False}}, "criteria", "Kein IQ-Kriterium"),
    ({"criteria": {"innovative": ""}}, "criteria: innovative", "lassen Sie ganz weg"),
    ({"criteria": {"innovative": ""}}, "criteria: innovative", "Begründung"),
    ({"criteria": {"innovative": 3}}, "criteria: innovative", "Begründung"),
    ({"criteria": {"effizient": True}}, "criteria: effizient", "Meinten Sie „efficient“?"),
    ({"title": ["a", "b"]}, "title", "erwartet ist ein Text"),
    ({"subtitle": True}, "subtitle", "erwartet ist ein Text"),
    ({"audiences": [["x"]]}, "audiences", "erwartet ist ein Text"),
    ({"topics": "Anerkennung"}, "topics", "Liste von Texten"),
    ({"instrument": "Karten"}, "instrument", "type, name, description"),
    ({"instrument": {"type": "Instrument", "name": "X"}}, "instrument: description", "Pflicht"),
    ({"instrument": {"type": "I", "name": "X", "description": "D", "nmae": "Y"}},
     "instrument: nmae", "Meinten Sie „name“?"),
    ({"project": {"name": "X"}}, "project", "erwartet ist ein Text"),
    ({"duration": ["2015", "2016"]}, "duration", "erwartet ist ein Text"),
    ({"duration": 2016}, "duration", "„2016“ liest YAML als Zahl"),
    ({"network": "Niedersachen"}, "network", "Meinten Sie „Niedersachsen“?"),
    ({"network": ["Bayern"]}, "network", "erwartet ist ein Text"),
    ({"funding_period": "2019"}, "funding_period", "Meinten Sie „2019–2022“?"),
    ({"funding_period": "2022–2019"}, "funding_period", "nicht in der Liste „Förderrunden“"),
    ({"contact": "Frau Muster"}, "contact", "Gruppe von Angaben"),
    ({"contact": {"mail": "a@b.de"}}, "contact: mail", "Meinten Sie „email“?"),
    ({"contact": {"email": "a@b"}}, "contact: email", "E-Mail-Adresse"),
    ({"contact": {"phone": "ruf an"}}, "contact: phone", "Telefonnummer"),
    ({"contact": {"phone": "123456"}}, "contact: phone", "Vorwahl"),
    ({"contact": {}}, "contact", "leer"),
    ({"links": "https://example.org/"}, "links", "Liste von Links"),
    ({"links": [{"title": "X", "url": "www.example.org"}]}, "links: url", "https://"),
    ({"links": [{"title": "X", "url": "https//example.org/x"}]}, "links: url", "https://"),
    ({"links": [{"title": "X", "url": "https://example .org/"}]}, "links: url", "https://"),
    ({"links": [{"url": "https://example.org/"}]}, "links: title", "Pflicht"),
    ({"links": [{"title": "X", "href": "https://example.org/"}]}, "links: href", "Meinten Sie „url“?"),
    ({"subtitel": "X"}, "subtitel", "Meinten Sie „subtitle“?"),
])
def test_checker_names_key_and_what_is_allowed(changes, key, words):
    error = error_of(**changes)
    assert error.key == key
    assert words in error.message()
    assert error.message().startswith("content/good-practice/test.md")


def test_null_project_and_duration_are_allowed():
    clean = check({**VALID, "project": None, "duration": None})
    assert clean["project"] is None and clean["duration"] is None


def test_clean_values():
    clean = check({**VALID, "funding_period": "2019-2022", "duration": "2016",
                   "contact": {"phone": "+49 (0)30 652 166 66", "email": "a.b@example.org"},
                   "links": [{"title": "IQ", "url": "https://www.netzwerk-iq.de/"}]})
    assert clean["funding_period"].label == "2019–2022"  # the list's spelling
    assert clean["funding_period"].slug == "2019-2022"
    assert clean["duration"] == "2016"
    assert clean["contact"]["phone_href"] == "tel:+493065216666"
    assert [(c.key, reason) for c, reason in clean["criteria"]] == \
        [("innovative", "Neue Idee."), ("sustainable", None)]


@pytest.mark.parametrize("phone, href", [
    ("030 652 166 66", "tel:+493065216666"),
    ("0 335 500 886 85", "tel:+4933550088685"),
    ("069 / 27224868", "tel:+496927224868"),
    ("0049 511 123456", "tel:+49511123456"),
])
def test_phone_numbers_become_international_tel_links(phone, href):
    assert check({**VALID, "contact": {"phone": phone}})["contact"]["phone_href"] == href


def test_sections_in_wrong_order():
    html = "<h2>Fazit</h2><h2>Ausgangslage/Herausforderung</h2><h2>Umsetzung</h2>"
    with pytest.raises(ContentError) as caught:
        check_sections("content/good-practice/test.md", html)
    assert "Reihenfolge" in caught.value.message()


def test_section_headings_may_name_the_instrument():
    check_sections("x.md", "<h2>Ausgangslage</h2><h2>Umsetzung des Produkts</h2><h2>Fazit</h2>")
