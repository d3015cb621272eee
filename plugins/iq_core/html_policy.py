"""The HTML a content file may contain, and the safe HTML every output gets.

Markdown passes raw HTML through, and `{: onclick=…}` after a heading adds any attribute.
So the HTML made from every body and teaser goes through nh3 (the Rust sanitiser
ammonia) with an allowlist, once, where the HTML is made: pages, feeds, search and e-mail
all get the same safe HTML. HTML comments (editors' notes) are removed on the way.

Before that, `html_problems` tells editors in German what their file uses that is not
allowed (a script, an embedded video, an event handler, a `javascript:` link, an image
from another host), so it is a mistake with a message, not silently gone text.
Links and image paths are resolved by `links.LinkResolver` in the same pass.
"""

import re

import lxml.html
import nh3

from .html_structure import structure_problems
from .html_values import valid_attribute_value
from .limits import MAX_HTML_DEPTH
from .links import SCHEME, URL_SCHEMES

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul",
})
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
}
URL_ATTRIBUTES = {("a", "href"), ("img", "src")}
# Markdown's tables align columns with style="text-align: …"; nothing else of CSS.
STYLE_PROPERTIES = frozenset({"text-align"})
ANY_PLACEHOLDER = re.compile(r"[{|]\w+[|}]")

# Why some things are not allowed, in the editors' words.
BLOCKED_BECAUSE = {
    "script": "Skripte laufen auf dieser Website nicht (Sicherheit).",
    "noscript": "Skripte laufen auf dieser Website nicht (Sicherheit).",
    "style": "Das Aussehen bestimmt das Layout der Website.",
    "iframe": "Inhalte anderer Websites (Videos, Karten, Formulare) bindet die Website nicht "
              "ein (Datenschutz). Verlinken Sie sie stattdessen: [Video ansehen](https://…).",
    "object": "Eingebettete Inhalte bindet die Website nicht ein (Sicherheit).",
    "embed": "Eingebettete Inhalte bindet die Website nicht ein (Sicherheit).",
    "video": "Videos bindet die Website nicht ein; verlinken Sie sie: [Video ansehen](https://…).",
    "audio": "Audiodateien bindet die Website nicht ein; verlinken Sie sie.",
    "form": "Formulare gibt es auf dieser Website nicht; verlinken Sie das Formular.",
    "input": "Formulare gibt es auf dieser Website nicht; verlinken Sie das Formular.",
    "button": "Formulare gibt es auf dieser Website nicht; verlinken Sie das Formular.",
    "svg": "Grafiken gehören als Datei unter content/images/ und werden mit ![…](…) eingefügt.",
    "link": "Die Website lädt keine weiteren Dateien in eine Seite.",
    "meta": "Angaben zur Seite stehen im Kopfbereich der Datei, nicht im Text.",
    "base": "Die Adresse der Website legt die Website selbst fest.",
}
NO_ALT_HINT = ("Beschreiben Sie in den eckigen Klammern, was zu sehen ist: "
               "![Eine Hand trägt einen Termin in einen Kalender ein](bild.jpg).")
ALLOWED_LIST = ("Absätze, Überschriften, Listen, Tabellen, Links, Bilder, Hervorhebungen "
                "(siehe Anleitung, „Erlaubtes HTML“)")


def allowed_attribute(tag, name):
    return name in GLOBAL_ATTRIBUTES or name in TAG_ATTRIBUTES.get(tag, ())


def html_problems(html, resolve):
    """(problem, hint, needle) for each thing in `html` that is not allowed.

    `resolve(tag, attribute, value)` gives a links.Resolved for href and src; `needle`
    is text to find the line in the file with.
    """
    problems = []
    try:
        # huge_tree: libxml2 would otherwise stop reading at 255 levels, unseen.
        fragments = lxml.html.fragments_fromstring(
            html, parser=lxml.html.HTMLParser(huge_tree=True)) if html.strip() else []
    except (lxml.etree.ParserError, ValueError):
        return problems
    for fragment in fragments:
        if isinstance(fragment, str):
            continue
        if depth(fragment) > MAX_HTML_DEPTH:
            problems.append((f"Das HTML ist mehr als {MAX_HTML_DEPTH} Ebenen tief "
                             "verschachtelt.", "Ordnen Sie den Text flacher.", "<"))
        for element in fragment.iter():
            if not isinstance(element.tag, str):
                continue  # comments are removed, they are editors' notes
            problems.extend(_element_problems(element, resolve))
    problems.extend(structure_problems(fragments))
    return problems


def depth(element):
    """How many elements deep `element` goes (without recursion: any depth is fine)."""
    deepest, stack = 0, [(element, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in current)
    return deepest


def _element_problems(element, resolve):
    tag = element.tag.lower()
    if tag not in ALLOWED_TAGS:
        reason = BLOCKED_BECAUSE.get(tag, f"Erlaubt sind: {ALLOWED_LIST}.")
        yield (f"Das HTML-Element <{tag}> ist nicht erlaubt.", reason, f"<{tag}")
        return
    if tag == "img" and not (element.get("alt") or "").strip():
        src = element.get("src") or ""
        yield (f"Das Bild „{src}“ hat keinen Alternativtext.", NO_ALT_HINT, src)
    for name, value in element.attrib.items():
        name = name.lower()
        if name.startswith("on"):
            yield (f"Das Attribut „{name}“ an <{tag}> ist nicht erlaubt: es führt ein Skript "
                   "aus.", "Löschen Sie es.", name)
        elif not allowed_attribute(tag, name):
            yield (f"Das Attribut „{name}“ an <{tag}> ist nicht erlaubt.",
                   "Das Aussehen bestimmt das Layout der Website; erlaubt sind id, class, "
                   "title, lang und dir, bei Links href, bei Bildern src, alt, width, height.",
                   name)
        elif name == "style" and not _only_alignment(value):
            yield (f"Die Angabe style=\"{value}\" an <{tag}> ist nicht erlaubt.",
                   "In Tabellen richtet Markdown Spalten selbst aus (|:--|--:|).", "style")
        elif (tag, name) in URL_ATTRIBUTES:
            resolved = resolve(tag, name, value)
            if resolved.problem:
                yield (resolved.problem, resolved.hint, value)
        elif ANY_PLACEHOLDER.search(value or ""):
            yield (f"Platzhalter wie „{value}“ gehören nur in Links und Bildpfade.",
                   "Löschen Sie ihn aus dem Attribut „" + name + "“.", value)


def rendered_problems(root, siteurl):
    """What must not be in a text after Pelican has put in its links: the last line behind
    the sanitiser (nothing here should ever be found; if it is, a link was rewritten
    into markup). `root`: the parsed HTML; yields German sentences."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag == "div" and element is root:
            continue
        tag = element.tag.lower()
        if tag not in ALLOWED_TAGS:
            yield f"<{tag}>"
        for name, value in element.attrib.items():
            value = re.sub(r"[\x00-\x20]", "", value or "").lower()
            found = SCHEME.match(value)
            scheme = found.group("scheme") if found else ""
            if name.lower().startswith("on") or not allowed_attribute(tag, name.lower()):
                yield f"<{tag} {name}=…>"
            elif name in ("href", "src") and scheme and scheme not in URL_SCHEMES:
                yield f"<{tag} {name}=\"{scheme}:…\">"
            elif tag == "img" and (value.startswith("//") or scheme) and \
                    not (siteurl and value.startswith(siteurl.lower() + "/")):
                yield f"<img src=\"{value[:60]}\">"


def _only_alignment(style):
    declarations = [d.strip() for d in (style or "").split(";") if d.strip()]
    return all(d.split(":", 1)[0].strip().lower() in STYLE_PROPERTIES for d in declarations)


def clean_html(html, resolve):
    """The allowed part of `html`, links and images resolved (`resolve` as above)."""
    def attribute_filter(tag, name, value):
        if (tag, name) in URL_ATTRIBUTES:
            return resolve(tag, name, value).value
        if ANY_PLACEHOLDER.search(value or ""):
            return None  # Pelican reads {static}/… where an attribute's text looks like src=…
        if not valid_attribute_value(tag, name, value):
            return None  # invalid HTML (width="abc"); what it is for the build does itself
        return value

    return nh3.clean(
        html, tags=set(ALLOWED_TAGS), clean_content_tags={"script", "style"},
        attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in TAG_ATTRIBUTES.items()}},
        attribute_filter=attribute_filter, strip_comments=True, link_rel=None,
        url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES),
    )
