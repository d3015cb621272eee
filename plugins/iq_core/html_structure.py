"""What an item's HTML must get right as a whole, beyond each element's own tags and
attributes (iq_core.html_policy): reported to the editor with a line, because no
sanitiser can guess what was meant.

- a link needs a text (screen readers read out the text; `[](https://…)` is read as
  nothing; the accessibility check in `invoke verify`, axe's rule link-name, fails);
- an `id` names one place of a page: two headings `{: #fazit }` make links to #fazit
  ambiguous, and the HTML checks reject the page;
- a list holds list items, a description list terms and descriptions, a caption
  belongs to its figure: `<ul><li>…</li><p>…</p></ul>` is invalid HTML that browsers
  and HTML parsers repair differently. Only what the HTML parser of the sanitiser
  leaves as written is checked here; a table cell outside a table, say, it removes.
- `<time>` needs a date (iq_core.html_values);
- headings go down one level at a time, starting below the page's title (h1): a `###`
  straight after the title leaves out a level, which screen-reader users navigate by
  (and the HTML checks reject the page).

Each problem is (problem, hint, needle): `needle` is text to find the line with, or
(text, n) for its n-th occurrence.
"""

from .html_values import valid_datetime

# Which children an element may have (elements of editors' HTML, as parsed by lxml).
CHILDREN = {
    "ul": ("li",),
    "ol": ("li",),
    "dl": ("dt", "dd", "div"),
}
# Where an element may stand.
PARENTS = {
    "li": ("ul", "ol"),
    "dt": ("dl", "div"),
    "dd": ("dl", "div"),
    "figcaption": ("figure",),
    "summary": ("details",),
}
NAMES = {"ul": "Aufzählung (<ul>)", "ol": "nummerierten Liste (<ol>)",
         "dl": "Begriffsliste (<dl>)"}


def structure_problems(fragments):
    """The problems of the parsed `fragments` of one text (lxml elements and strings)."""
    ids = {}
    level = 1  # the page's title is the h1
    for fragment in fragments:
        if isinstance(fragment, str):
            continue
        if fragment.tag in PARENTS:
            yield _misplaced(fragment, None)
        for element in fragment.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            element_id = element.get("id")
            if element_id:
                ids[element_id] = ids.get(element_id, 0) + 1
                if ids[element_id] == 2:
                    yield (f"Die Kennung (id) „{element_id}“ steht mehrfach im Text; eine "
                           "Kennung bezeichnet genau eine Stelle der Seite.",
                           "Geben Sie der zweiten Stelle eine andere Kennung, z. B. "
                           f"„{element_id}-2“, oder löschen Sie sie.", (element_id, 2))
            if tag == "a" and element.get("href") is not None and not _has_name(element):
                href = element.get("href")
                yield (f"Der Link „{href}“ hat keinen Text: wer die Seite vorgelesen "
                       "bekommt, erfährt nicht, wohin er führt.",
                       "Schreiben Sie in die eckigen Klammern, wohin der Link führt, z. B. "
                       "[Website des Netzwerks IQ](https://www.netzwerk-iq.de/).", href)
            if tag == "time" and not valid_datetime(element.get("datetime")
                                                    or element.text_content()):
                written = element.get("datetime") or element.text_content()
                yield (f"„{written}“ in <time> ist kein Datum und keine Uhrzeit, wie HTML sie "
                       "verlangt.", "Schreiben Sie das Datum in der Form <time datetime="
                       "\"2025-06-26\">26. Juni 2025</time> (mit Uhrzeit: "
                       "datetime=\"2025-06-26T10:00\") oder lassen Sie <time> weg.",
                       "<time")
            if tag in HEADINGS:
                if HEADINGS[tag] > level + 1:
                    yield _skipped_heading(element, HEADINGS[tag], level)
                level = HEADINGS[tag]
            yield from _children_problems(element, tag)


HEADINGS = {f"h{n}": n for n in range(1, 7)}


def _skipped_heading(element, wanted, level):
    text = " ".join(element.text_content().split())
    return (f"Die Überschrift „{text}“ hat {wanted} Rauten (#), die Überschrift davor "
            f"{level}" + (" (der Titel der Seite)" if level == 1 else "") + "; dazwischen "
            "fehlt eine Ebene.", f"Schreiben Sie {'#' * (level + 1)} {text} – eine Ebene "
            "tiefer als die Überschrift davor, nicht mehr.", text)


def _children_problems(element, tag):
    allowed = CHILDREN.get(tag)
    for child in element:
        if not isinstance(child.tag, str):
            continue
        child_tag = child.tag.lower()
        if allowed and child_tag not in allowed:
            yield _wrong_child(tag, child_tag)
        elif child_tag in PARENTS and tag not in PARENTS[child_tag]:
            yield _misplaced(child, tag)
    if allowed and any((text or "").strip() for text in
                       [element.text] + [child.tail for child in element]):
        yield (f"In einer {NAMES[tag]} steht Text außerhalb der Listenpunkte.",
               "Setzen Sie den Text in einen Listenpunkt (<li>…</li>) oder vor die Liste.",
               f"<{tag}")


def _wrong_child(tag, child_tag):
    inner = "Listenpunkte (<li>)" if tag in ("ul", "ol") else "Begriffe und Erklärungen " \
        "(<dt>, <dd>)"
    return (f"In einer {NAMES[tag]} stehen nur {inner}, hier steht <{child_tag}>.",
            f"Setzen Sie das <{child_tag}> in einen Listenpunkt oder vor bzw. hinter die "
            "Liste.", f"<{child_tag}")


def _misplaced(element, parent):
    tag = element.tag.lower()
    where = f"in <{parent}>" if parent else "außerhalb"
    return (f"<{tag}> steht {where}; es gehört in " + " oder ".join(
        f"<{p}>" for p in PARENTS[tag]) + ".",
        "Schreiben Sie Listen in Markdown („- Punkt“) oder setzen Sie das Element an "
        "seinen Platz.", f"<{tag}")


def _has_name(link):
    """True if a screen reader has something to read for the link: its text, the
    description (alt) of an image in it, or its title."""
    if link.text_content().strip() or (link.get("title") or "").strip():
        return True
    return any((image.get("alt") or "").strip() for image in link.iter("img"))
