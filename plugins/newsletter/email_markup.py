"""What makes the issue's HTML an e-mail: MJML compiled, and only elements mail clients keep.

MJML (mjml-python, a binding of MRML, the Rust port of MJML: no Node needed in the
build) writes the table layout, Outlook's conditional comments and the responsive
columns. The articles inside are the editors' HTML (sanitised by the reader); e-mail
clients drop the styles of HTML5 elements (Outlook for Windows, Yahoo: caniemail's
"html-semantics"), so those become plain div/p/span with their class kept, and
attributes several clients strip or misread are removed.
"""

import re

from mjml import mjml2html

# HTML5 elements -> what carries the same text in every client (class names are kept).
PLAIN_ELEMENTS = {
    "main": "div", "header": "div", "footer": "div", "nav": "div", "section": "div",
    "article": "div", "aside": "div", "figure": "div", "figcaption": "p", "time": "span",
    "mark": "strong",
}
# Classes the e-mail's <mj-style> styles instead (figure's and figcaption's margins).
PLAIN_CLASSES = {"figure": "nl-figure", "figcaption": "nl-figcaption"}
# Lazy loading, responsive sources and ARIA references: dropped or misread by mail clients
# (and an e-mail has no ids to refer to in several of them).
DROPPED_ATTRIBUTES = ("loading", "decoding", "srcset", "sizes", "aria-labelledby",
                      "aria-describedby")


class MjmlError(ValueError):
    """The e-mail template is no valid MJML (a developer's mistake, named in German)."""


def compile_mjml(text):
    """HTML of the MJML document `text`; no web fonts (nothing from other hosts)."""
    try:
        return mjml2html(text, fonts={}, disable_comments=True)
    except Exception as error:  # noqa: BLE001 (the binding raises plain exceptions)
        raise MjmlError(f"Die E-Mail-Vorlage ist kein gültiges MJML: {error}") from error


def plain_head(soup):
    """MJML's http-equiv metas out: the charset is said the HTML5 way, and X-UA-Compatible
    only steered Internet Explorer. A page the site writes has no http-equiv at all (a
    refresh or cookie there would act), so the site checks can forbid every one."""
    if soup.head is None:
        return
    for meta in soup.head.find_all("meta", attrs={"http-equiv": True}):
        meta.decompose()
    if not soup.head.find("meta", attrs={"charset": True}):
        soup.head.insert(0, soup.new_tag("meta", attrs={"charset": "utf-8"}))


def not_for_search_engines(soup):
    """The issue's web page is the one to find; the e-mail file is for mailing tools."""
    if soup.head is not None and not soup.head.find("meta", attrs={"name": "robots"}):
        soup.head.append(soup.new_tag("meta", attrs={"name": "robots", "content": "noindex"}))


def skip_preheader_in_text(soup):
    """MJML's preheader (<mj-preview>, the hidden first line that inboxes show after the
    subject) is for the HTML part only: the text part starts with the message."""
    hidden = soup.body.find("div", style=re.compile(r"display:\s*none"), recursive=False) \
        if soup.body else None
    if hidden is not None:
        hidden["data-plain"] = "skip"


def plain_elements(soup):
    """HTML5 elements renamed to their plain twins, unsupported attributes removed."""
    for tag in soup.find_all(list(PLAIN_ELEMENTS)):
        if tag.name in PLAIN_CLASSES:
            tag["class"] = [*tag.get("class", []), PLAIN_CLASSES[tag.name]]
        tag.attrs.pop("datetime", None)
        tag.name = PLAIN_ELEMENTS[tag.name]
    for attribute in DROPPED_ATTRIBUTES:
        for tag in soup.find_all(attrs={attribute: True}):
            del tag[attribute]
