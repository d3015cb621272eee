"""Plain text from the email HTML (multipart/alternative): same content, links written out.

A small walker over BeautifulSoup's tree, tuned to the email template: block elements
become paragraphs, lists get dashes, headings an underline, links "Text (URL)".
Elements marked `data-plain="skip"` (the hidden preheader, the skip link) are left out.
"""

import re
import textwrap

from bs4 import Comment, NavigableString, Tag

BLOCKS = {"p", "div", "table", "tbody", "thead", "tr", "td", "th", "section", "article",
          "header", "footer", "nav", "main", "figure", "figcaption", "blockquote", "ul", "ol",
          "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body", "center", "dl", "dt", "dd"}
SKIP = {"head", "script", "style", "template"}
# ASCII whitespace only: a non-breaking space stays where the editor typed it.
SPACES = re.compile(r"[ \t\n\r\f\v]+")
UNDERLINE = {"h1": "=", "h2": "-"}
# Stands for a space that must not become a line break while wrapping.
GLUE = "\x1f"


def html_to_text(root, width=72):
    """The text of `root`; a GLUE character in it is a space that wrapping never breaks."""
    blocks = []
    _blocks(root, blocks, width)
    text = "\n\n".join(blocks).strip() + "\n"
    return text.replace(GLUE, " ")


def _skipped(tag):
    return tag.name in SKIP or tag.get("data-plain") == "skip"


def _blocks(node, out, width):
    pending = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, Tag) and _skipped(child):
            continue
        if isinstance(child, Tag) and child.name in BLOCKS:
            _flush(pending, out, width)
            pending = []
            _block(child, out, width)
        else:
            pending.append(child)
    _flush(pending, out, width)


def _block(tag, out, width):
    if tag.name == "hr":
        out.append("-" * min(width, 40))
    elif tag.name in ("ul", "ol"):
        items = [li for li in tag.find_all("li", recursive=False) if not _skipped(li)]
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if tag.name == "ol" else "- "
            inner = []
            _blocks(item, inner, width - len(marker))
            text = "\n".join(inner)
            if text:
                indented = textwrap.indent(text, " " * len(marker))
                lines.append(marker + indented[len(marker):])
        if lines:
            out.append("\n".join(lines))
    elif tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = _inline_text(tag.contents).strip()
        if text:
            underline = UNDERLINE.get(tag.name)
            out.append(text + ("\n" + underline * len(text) if underline else ""))
    else:
        _blocks(tag, out, width)


def _flush(nodes, out, width):
    text = _inline_text(nodes)
    lines = [line.strip(" ") for line in text.split("\n")]
    wrapped = [textwrap.fill(line, width=width, break_long_words=False, break_on_hyphens=False)
               for line in lines if line]
    if wrapped:
        out.append("\n".join(wrapped))


def _inline_text(nodes):
    parts = []
    for node in nodes:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            parts.append(SPACES.sub(" ", str(node)))
        elif isinstance(node, Tag) and not _skipped(node):
            if node.name == "br":
                parts.append("\n")
            elif node.name == "img":
                alt = node.get("alt", "").strip()
                parts.append(f"[Bild: {alt}]" if alt else "")
            elif node.name == "a":
                parts.append(_link(node))
            elif node.name in BLOCKS:
                parts.append("\n" + _inline_text(node.contents) + "\n")
            else:
                parts.append(_inline_text(node.contents))
    return "".join(parts)


def _link(tag):
    text = _inline_text(tag.contents).strip()
    href = tag.get("href", "").strip()
    if not href or href.startswith("#") or href == text:
        return text or href
    if href.startswith("mailto:") and href[len("mailto:"):] == text:
        return text
    return f"{text} ({href})" if text else href
