"""Files published as they are (images, documents): only kinds that cannot run a script.

Pelican copies static files byte for byte. An HTML or JavaScript file in content/images/
would run on the site's own address, and so would an SVG with a <script> or an onload
attribute when someone opens it directly. So static files are images and documents by
their ending, and every SVG is read (as XML, without entities or network) and refused if
it contains anything active or loads anything from elsewhere.
"""

import os
import re

from lxml import etree

from .errors import ContentError

IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
DOCUMENTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods",
             ".odp", ".csv", ".ics", ".txt")
ALLOWED_HINT = ("Erlaubt sind Bilder (JPG, PNG, GIF, WebP, AVIF, SVG) und Dokumente (PDF, "
                "Word, Excel, PowerPoint, OpenDocument, CSV, .ics, .txt).")
ACTIVE_SVG_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler",
                       "listener"}
# Raster images inside an SVG (exports from Illustrator do this): pictures, not scripts.
EMBEDDED_IMAGES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)[a-z]", re.I)
SVG_HINT = ("Speichern Sie die Grafik ohne Skripte und eingebettete Inhalte neu (z. B. in "
            "Inkscape als „Normales SVG“ oder „Optimiertes SVG“) oder als PNG.")


def static_file_problem(path, shown_as):
    """A ContentError if the file at `path` must not be published, else None."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in IMAGES + DOCUMENTS:
        return ContentError(
            shown_as, f"Dateien mit der Endung „{extension or '(keine)'}“ veröffentlicht die "
            "Website nicht.", hint=ALLOWED_HINT)
    if extension == ".svg":
        problem = svg_problem(path)
        if problem:
            return ContentError(shown_as, problem, hint=SVG_HINT)
    return None


def svg_problem(path):
    """Why an SVG file is not safe to publish, or None."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.parse(path, parser).getroot()
    except (etree.XMLSyntaxError, OSError):
        return "Die SVG-Datei ist kein lesbares SVG (XML)."
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in ACTIVE_SVG_ELEMENTS:
            return f"Die SVG-Datei enthält ein <{name}>-Element, das Inhalte ausführt oder einbettet."
        if name == "style" and EXTERNAL_CSS.search(element.text or ""):
            return "Die SVG-Datei lädt Stile oder Schriften von anderswo (@import oder url(…))."
        for attribute, value in element.attrib.items():
            problem = _attribute_problem(etree.QName(attribute).localname, value)
            if problem:
                return problem
    return None


def _attribute_problem(name, value):
    if name.lower().startswith("on"):
        return f"Die SVG-Datei enthält das Attribut „{name}“, das ein Skript ausführt."
    if name == "href" and not value.strip().startswith(("#",) + EMBEDDED_IMAGES):
        return f"Die SVG-Datei verweist auf „{value[:60]}“; erlaubt sind nur Verweise innerhalb der Datei."
    if name == "style" and EXTERNAL_CSS.search(value):
        return "Die SVG-Datei lädt Stile oder Bilder von anderswo (url(…))."
    return None
