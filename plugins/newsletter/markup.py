"""Serialising BeautifulSoup trees: HTML5 void elements, and text exactly as typed.

BeautifulSoup's "html5" formatter writes „ü“ as `&uuml;`; this one escapes only what
HTML needs (&, <, >), so umlauts, „…“ and non-breaking spaces stay characters.
"""

from bs4 import NavigableString
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

FORMATTER = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix=None,
    empty_attributes_are_booleans=True,
)


def to_html(node):
    """HTML of a tag, a string or a list of them."""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(n) for n in node).strip()
    if isinstance(node, NavigableString):
        return node.output_ready(formatter=FORMATTER)
    return node.decode(formatter=FORMATTER)
