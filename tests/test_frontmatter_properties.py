"""Property-based: whatever header an editor types, the strict reader answers sensibly.

Hypothesis writes YAML headers from the pieces editors (and attackers) use: keys, also
twice, in other case, YAML's merge key; plain, quoted and flow values; anchors, aliases
and tags; tabs, colons, escapes and hidden characters; long numbers; nesting. For every
header, iq_core.frontmatter either gives the values or German errors with a line inside
the header, never anything else; and when it accepts a header, an independent reader
(PyYAML's pure-Python parser) finds no duplicate key, anchor, alias or tag in it and
builds the same values.
"""

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from iq_core.errors import ContentError
from iq_core.frontmatter import FrontMatterLoader, read_front_matter

FIRST_LINE = 2  # the header starts below the opening "---"
ENGLISH = re.compile(r"Traceback|Error|Exception|found|expected|while (?:scanning|parsing)")

words = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
keys = st.one_of(words, words, words, st.sampled_from(["title", "status", "Title", "<<",
                                                        "'title'", "1", "ä", "a b", "?"]))
scalars = st.sampled_from([
    "Text", "draft", "published", "yes", "no", "on", "2025", "0511", "10:30", "1e3", "0x1F",
    "2025-06-26", "2025-06-26 10:00", "'quoted: colon'", '"esc \\x07 bell"', '"\\t tab"',
    "a: b", "# comment", "&anker wert", "*anker", "!!str 5", "!!binary aGk=", "!custom x",
    "[a, b]", "{a: 1}", "[", "'", "|", "> gefaltet", "9" * 25, "-", "~", "null", "@x", "`x`",
    "%x", "\u202eumgekehrt", "ü€😀", "   ", "", "„Fachtag: Vielfalt“", "“a: b”", "„x",
])
plain_values = st.sampled_from(["Text", "Zwei Wörter", "2025-06-26", "https://example.org/",
                                "Partner*innen", "'a: b'", "\"x\"", "[a, b]"])
# Mostly what editors write (so both outcomes are common), sometimes a slip.
indents = st.sampled_from(["", "", "", "", "", "", "", "", " ", "\t"])
nested_indents = st.sampled_from(["  ", "  ", "  ", "  ", "    ", "    ", "\t", " "])


@st.composite
def headers(draw):
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        key = draw(keys)
        value = draw(st.one_of(plain_values, plain_values, plain_values, scalars))
        shape = draw(st.sampled_from(["pair"] * 6 + ["nested", "nested", "list", "bare"]))
        if shape == "pair":
            lines.append(f"{draw(indents)}{key}: {value}")
        elif shape == "nested":
            lines.append(f"{key}:")
            lines.append(f"{draw(nested_indents)}{draw(keys)}: {value}")
        elif shape == "list":
            lines.append(f"{key}:")
            lines.append(f"{draw(nested_indents)}- {value}")
        else:
            lines.append(value)
    return "\n".join(lines) + "\n"


def independent_problems(header):
    """Duplicate keys, anchors, aliases and tags as PyYAML's pure-Python parser sees them."""
    problems = []
    for event in yaml.parse(header, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problems.append("anchor/alias")
        if getattr(event, "tag", None):
            problems.append("tag")
    node = yaml.compose(header, Loader=yaml.SafeLoader)
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen = [k.value for k, _ in current.value if isinstance(k, yaml.ScalarNode)]
            if len(seen) != len(set(seen)) or "<<" in seen:
                problems.append("duplicate or merge key")
            stack.extend(v for _, v in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return problems


@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(header=headers())
def test_any_header_is_read_or_refused_in_german(header):
    try:
        front = read_front_matter(header, "content/pages/x.md", FIRST_LINE)
    except ContentError as error:
        last_line = FIRST_LINE + header.count("\n")
        for single in error.each():
            assert not ENGLISH.search(single.message()), single.message()
            assert single.line is None or FIRST_LINE <= single.line <= last_line, \
                (single.line, header)
        return
    assert independent_problems(header) == [], header
    assert front.data == yaml.load(header, Loader=FrontMatterLoader)  # noqa: S506
    text_lines = header.split("\n")
    for key, line in front.lines.items():
        assert str(key) in text_lines[line - FIRST_LINE], (key, line, header)


@pytest.mark.parametrize("header", [
    "title: a\nstatus: draft\nstatus: published\n", "a: &x 1\nb: *x\n", "t: !!str 5\n",
    "<<: {a: 1}\n", "n: " + "1" * 30 + "\n",
])
def test_guard_the_oracle_sees_what_the_reader_refuses(header):
    """Guard: the independent check is not blind, and the reader refuses the same."""
    if "1" * 30 not in header:
        assert independent_problems(header)
    with pytest.raises(ContentError):
        read_front_matter(header, "content/pages/x.md", FIRST_LINE)
