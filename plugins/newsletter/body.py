"""The body of an issue: editorial, articles, figures with credits. BeautifulSoup, no regex on HTML.

Conventions for editors (docs/redaktion/newsletter.md):
- Text before the first `##` heading is the editorial; each `##` heading starts an article.
- An image alone on its line is a figure. Lines right below it (no blank line) are its
  caption; the line starting with `©` is the credit, shown visibly below the image:

      ![Drei Personen an einem Infostand](/images/newsletter/2025-03-konferenz.jpg)
      Das Team des IQ Mentoring Projekts auf der Integrationskonferenz.
      © Henning Scheffen, Nds. Staatskanzlei

  A paragraph that starts with `©` right after an image paragraph is its credit too.
- A heading that starts with a rubric name (setting NEWSLETTER_RUBRICS, e.g. "Praxistipp")
  is a rubric article; "Praxistipp für Unternehmen – Dual Career" shows the rubric label
  "Praxistipp für Unternehmen" and the title "Dual Career".
"""

import dataclasses
import logging
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from iq_core.errors import ContentError
from iq_core.links import LinkResolver
from iq_core.reader import german_slug, line_in
from iq_core.webimages import path_of_url

from .images import WrittenImages, check_images
from .markup import to_html

logger = logging.getLogger(__name__)

CREDIT_MARK = "©"
# Ids the issue template uses itself; an article heading never takes one of them.
RESERVED_IDS = {"inhalt", "inhaltsverzeichnis", "editorial", "termine", "weitere-ausgaben",
                "foerderhinweis", "ausgabe-titel"}
# Between a rubric label and the article's title: dash, en dash, em dash or colon.
RUBRIC_SEPARATOR = re.compile(r"\s+[-–—]\s+|:\s+")


@dataclasses.dataclass(frozen=True)
class Article:
    anchor: str
    heading_text: str  # the heading as typed, without markup
    rubric: str | None  # "Praxistipp für Unternehmen", or None
    title_html: str  # the heading without the rubric label
    body: str  # HTML below the heading


@dataclasses.dataclass(frozen=True)
class IssueBody:
    html: str  # the whole body, processed
    editorial: str
    articles: tuple
    images: tuple = ()  # paths below content/ of the images in the body


def process_body(html, *, source_path, source_text, settings, content_root):
    soup = BeautifulSoup(html, "html.parser")
    for heading in soup.find_all("h1"):
        raise ContentError(
            source_path, f"Die Überschrift „{heading.get_text(strip=True)}“ beginnt mit einem "
            "einzelnen #. Den Titel der Ausgabe setzt die Website selbst.",
            line=line_in(source_text, heading.get_text(strip=True)),
            hint="Artikel beginnen mit „## Überschrift“, Zwischenüberschriften mit „###“.",
        )
    written = WrittenImages(source_text, LinkResolver(content_root, source_path,
                                                      settings["STATIC_PATHS"]))
    images = check_images(soup, source_path, written, content_root, settings)
    _make_figures(soup, source_path, written, settings["SITEURL"])
    editorial, articles = _split_articles(soup, settings)
    return IssueBody(html=to_html(soup), editorial=editorial, articles=tuple(articles),
                     images=tuple(images))


def _is_blank(node):
    return isinstance(node, NavigableString) and not node.strip()


def _image_of(node):
    """The <img> if `node` is an image or a link around only an image."""
    if isinstance(node, Tag) and node.name == "img":
        return node
    if isinstance(node, Tag) and node.name == "a":
        inner = [c for c in node.contents if not _is_blank(c)]
        if len(inner) == 1 and isinstance(inner[0], Tag) and inner[0].name == "img":
            return inner[0]
    return None


def _make_figures(soup, source_path, written, siteurl):
    for paragraph in soup.find_all("p"):
        if paragraph.parent is None:
            continue  # already replaced
        contents = list(paragraph.contents)
        while contents and _is_blank(contents[0]):
            contents.pop(0)
        if not contents or _image_of(contents[0]) is None:
            continue
        image_node, rest = contents[0], contents[1:]
        if rest and not _starts_new_line(rest):
            continue  # an image inside a line of text stays where it is
        rest = _strip_leading_break(rest)
        if not rest:
            following = paragraph.find_next_sibling()
            if following is not None and following.name == "p" and \
                    following.get_text().lstrip().startswith(CREDIT_MARK):
                rest = list(following.contents)
                following.decompose()
        caption, credit = _caption_and_credit(rest)
        img = _image_of(image_node)
        if not credit:
            # The image as the editor wrote it, with its line: not the built site's address.
            shown, line = written.find(path_of_url(img.get("src") or "", siteurl))
            logger.warning("%s", ContentError(
                source_path, f"Beim Bild „{shown or img.get('alt') or ''}“ fehlt die Zeile "
                "mit den Bildrechten (beginnt mit ©).", line=line,
                hint="Schreiben Sie direkt unter die Bildzeile eine Zeile wie „© Name der "
                "Fotografin“.").message())
        figure = soup.new_tag("figure", attrs={"class": "nl-figure"})
        figure.append(image_node.extract())
        if caption or credit:
            figcaption = soup.new_tag("figcaption")
            if caption:
                span = soup.new_tag("span", attrs={"class": "nl-caption"})
                span.extend(caption)
                figcaption.append(span)
            if caption and credit:
                figcaption.append(" ")
            if credit:
                span = soup.new_tag("span", attrs={"class": "nl-credit"})
                span.extend(credit)
                figcaption.append(span)
            figure.append(figcaption)
        paragraph.replace_with(figure)


def _starts_new_line(nodes):
    first = next((n for n in nodes if not (isinstance(n, NavigableString) and n == "")), None)
    if isinstance(first, Tag):
        return first.name == "br"
    return first is None or str(first).lstrip(" \t").startswith("\n")


def _strip_leading_break(nodes):
    nodes = list(nodes)
    while nodes and (_is_blank(nodes[0]) or (isinstance(nodes[0], Tag) and nodes[0].name == "br")):
        nodes.pop(0)
    if nodes and isinstance(nodes[0], NavigableString):
        nodes[0] = NavigableString(nodes[0].lstrip())
    return nodes


def _caption_and_credit(nodes):
    """Split the lines below an image at the line that starts with ©."""
    caption, credit = [], []
    target = caption
    for node in nodes:
        if target is caption and isinstance(node, NavigableString) and CREDIT_MARK in node:
            before, _, after = str(node).partition(CREDIT_MARK)
            if before.strip() == "" or before.rstrip(" \t").endswith("\n") or not caption:
                if before.strip():
                    caption.append(NavigableString(before.rstrip()))
                target = credit
                node = NavigableString(CREDIT_MARK + after)
        if isinstance(node, Tag) and node.name == "br":
            continue  # the line break between caption and credit
        target.append(node.extract() if isinstance(node, Tag) else NavigableString(str(node)))
    return _trim(caption), _trim(credit)


def _trim(nodes):
    while nodes and _is_blank(nodes[-1]):
        nodes.pop()
    if nodes and isinstance(nodes[-1], NavigableString):
        nodes[-1] = NavigableString(nodes[-1].rstrip())
    return nodes


def _split_articles(soup, settings):
    used = {tag["id"] for tag in soup.find_all(id=True) if tag.name != "h2"} | RESERVED_IDS
    editorial, articles, current = [], [], None
    for node in list(soup.contents):
        if isinstance(node, Tag) and node.name == "h2":
            current = {"heading": node, "body": []}
            articles.append(current)
        elif current is None:
            editorial.append(node)
        else:
            current["body"].append(node)
    result = []
    for number, article in enumerate(articles, start=1):
        heading = article["heading"]
        text = " ".join(heading.get_text().split())
        anchor = german_slug(text, settings) or f"artikel-{number}"
        base, counter = anchor, 2
        while anchor in used:
            anchor, counter = f"{base}-{counter}", counter + 1
        used.add(anchor)
        heading["id"] = anchor
        rubric, title_html = _rubric(heading, text, settings["NEWSLETTER_RUBRICS"])
        result.append(Article(anchor=anchor, heading_text=text, rubric=rubric,
                              title_html=title_html, body=to_html(article["body"])))
    return to_html(editorial), result


def _rubric(heading, text, rubrics):
    inner = to_html(list(heading.contents))
    # "Praxistipp …" and "Praxistipp: …" open the rubric, "Praxistipps" does not.
    rubric = next((name for name in sorted(rubrics, key=len, reverse=True)
                   if text.startswith(name) and
                   (len(text) == len(name) or not text[len(name)].isalnum())), None)
    if rubric is None:
        return None, inner
    first = heading.contents[0] if heading.contents else None
    if isinstance(first, NavigableString):
        parts = RUBRIC_SEPARATOR.split(str(first), maxsplit=1)
        if len(parts) == 2 and parts[0].strip().startswith(rubric):
            rest = [NavigableString(parts[1])] + list(heading.contents[1:])
            return parts[0].strip(), to_html(rest)
    return rubric, inner
