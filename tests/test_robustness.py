"""Property-based: whatever editors type, the build succeeds or fails with a clear message.

Hypothesis generates front matter (known and unknown keys, every YAML type, broken dates
and addresses, markup) and Markdown bodies for every content type. A build either
succeeds, or fails with German messages that each name the file; it never dies with a
Python traceback or an English exception name.
"""

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_fixture_site
from sitebuild import BuildError

FILES = {
    "newsletter": "newsletter/2025-03.md",
    "event": "events/2025-06-26-termin.md",
    "factsheet": "good-practice/steckbrief.md",
    "page": "pages/seite.md",
}
KEYS = {
    "newsletter": ["issue", "year", "date", "summary", "image", "events_until", "title", "status",
                   "modified", "slug"],
    "event": ["title", "start", "end", "format", "location", "online_url", "registration_url",
              "organiser", "audiences", "more_dates", "cancelled", "uid", "date", "status", "summary"],
    "factsheet": ["title", "subtitle", "date", "criteria", "audiences", "instrument", "project",
                  "duration", "provider", "competence_centre", "network", "funding_period",
                  "topics", "contact", "links", "status", "summary"],
    "page": ["title", "summary", "slug", "status", "date"],
}
VALID = {
    "newsletter": {"issue": 3, "year": 2025, "date": "2025-06-16"},
    "event": {"title": "Seminar", "start": "2025-06-26 10:00", "format": "Online-Seminar"},
    "factsheet": {"title": "T", "subtitle": "S", "date": "2025-01-01",
                  "criteria": {"innovative": True}, "audiences": ["A"],
                  "instrument": {"type": "Instrument", "name": "N", "description": "D"},
                  "provider": "P"},
    "page": {"title": "Seite"},
}
SECTIONS = "## Ausgangslage/Herausforderung\n\nA\n\n## Umsetzung\n\nB\n\n## Fazit\n\nC\n"

texts = st.sampled_from([
    "Text", "", "<script>alert(1)</script>", "Partner*innen", "16. Juni 2025", "https//kaputt",
    "2025-02-30", "2025-06-26 25:00", "a@b", "{filename}fehlt.md", "„Zitat“", "x" * 300,
    "10:00", "true", "null", "Online-Seminar", "Niedersachsen", "2019–2022", "- liste",
    "[x](javascript:alert(1))", "{attach}/../../geheim.txt", "../images/fehlt.png",
    "<!-- Notiz -->", "a\x07b", "\u202eumgekehrt", "0001-01-01", "9999-12-31 23:59",
    "mailto:a@b.de?cc=c@d.de", "https://example.org/\"><script>", "x" * 12000,
])
scalars = st.one_of(texts, st.integers(-5, 3000), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["src", "alt", "credit", "start", "end", "title", "url",
                                     "type", "name", "description", "email", "phone",
                                     "innovative", "sustainable", "kaputt"]), inner, max_size=3)),
    max_leaves=6)
bodies = st.lists(st.sampled_from([
    "Liebe Leserinnen und Leser,", "## Artikel", "## Praxistipp für Unternehmen – Test",
    "Partner*innen und Bewerber*innen", "16. Juni 2025 begann es.", "<script>x()</script>",
    "[Link]({filename}/pages/fehlt.md)", "![](bild.png)", "* Liste", "```\ncode\n```", SECTIONS,
    "<iframe src=https://x.example></iframe>", "[x]({attach}/../../../etc/passwd)",
    "<!-- interne Notiz -->", "Null\x00zeichen", "![Bild](../images/Bild.PNG)",
    "## Titel {: onclick=x }", "<a href='java&#115;cript:x'>x</a>",
]), max_size=6).map("\n\n".join)


@st.composite
def documents(draw, kind):
    meta = dict(VALID[kind]) if draw(st.booleans()) else {}
    for key in draw(st.lists(st.sampled_from(KEYS[kind] + ["unbekannt", "Titel"]), max_size=4)):
        meta[key] = draw(values)
    body = draw(bodies)
    if kind == "factsheet" and draw(st.booleans()):
        body += "\n\n" + SECTIONS
    # JSON is valid YAML, so every generated value is written exactly as generated.
    header = "\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
    return f"---\n{header}\n---\n{body}\n"


CRASH = re.compile(r"Traceback|\b[A-Z]\w*(?:Error|Exception)\b|\.build-|iq-check-|Technik-Team")


def check_outcome(tmp_path, kind, text):
    try:
        build_fixture_site(tmp_path, {FILES[kind]: text}, public=True)
    except BuildError as error:
        message = str(error)
        assert not CRASH.search(message), message
        lines = [line for line in message.splitlines() if line.startswith("- ")]
        assert lines, message
        for line in lines:
            assert FILES[kind].split("/")[-1] in line or "content/" in line, line


@pytest.mark.parametrize("kind", sorted(FILES))
@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_builds_or_fails_clearly(tmp_path_factory, kind, data):
    text = data.draw(documents(kind))
    check_outcome(tmp_path_factory.mktemp(kind), kind, text)
