"""German text as editors type it: gender stars, date paragraphs, quotes, spaces."""

import markdown
import pytest

from iq_core.markdown_de import GermanTextExtension


@pytest.fixture
def render():
    md = markdown.Markdown(extensions=["extra", GermanTextExtension()], output_format="html5")
    return lambda text: md.reset().convert(text)


def test_two_gender_stars_in_one_paragraph_stay_stars(render):
    assert render("Partner*innen und Bewerber*innen") == "<p>Partner*innen und Bewerber*innen</p>"


def test_gender_star_inside_bold_stays_star(render):
    assert render("**Kolleg*innen** sind *da*") == (
        "<p><strong>Kolleg*innen</strong> sind <em>da</em></p>"
    )


def test_emphasis_still_works(render):
    assert render("ein *betontes* und **fettes** Wort") == (
        "<p>ein <em>betontes</em> und <strong>fettes</strong> Wort</p>"
    )


@pytest.mark.parametrize("text", [
    "16. Juni 2025 fand die Konferenz statt.",
    "1. Okt. beginnt die Anmeldung.",
    "3. 7. 2025 war ein Donnerstag.",
    "14. März ist Stichtag.",
])
def test_paragraph_starting_with_a_date_stays_text(render, text):
    assert render(text) == f"<p>{text}</p>"


def test_real_ordered_list_still_a_list(render):
    assert render("1. Antrag stellen\n2. Bescheid abwarten") == (
        "<ol>\n<li>Antrag stellen</li>\n<li>Bescheid abwarten</li>\n</ol>"
    )


def test_german_quotes_and_non_breaking_space_as_typed(render):
    text = "Das Motto „Patenschaften – Gemeinsam Stark“ und ‚so‘ am 14.\u00a0Mai"
    assert render(text) == f"<p>{text}</p>"


def test_code_is_left_alone(render):
    assert render("`a*b*c` und\n\n    16. Juni im Code") == (
        "<p><code>a*b*c</code> und</p>\n<pre><code>16. Juni im Code\n</code></pre>"
    )
