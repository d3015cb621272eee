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
UNSAFE_NAME = re.compile(r"[\"<>`{}|\\\x00-\x1f]")
SVG = "http://www.w3.org/2000/svg"
# Namespaces whose elements a browser runs or shows as HTML inside an SVG document.
ACTIVE_NAMESPACES = ("http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML")
ACTIVE_SVG_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler",
                       "listener"}
ANIMATIONS = {"set", "animate", "animateMotion", "animateTransform", "animateColor"}
# Raster images inside an SVG (exports from Illustrator do this): pictures, not scripts.
EMBEDDED_IMAGES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
# url(…) other than a reference inside the file (url(#verlauf)) loads from elsewhere.
OUTSIDE_URL = re.compile(r"url\(\s*(?!['\"]?\s*#)", re.I)
CSS_LOADS = re.compile(r"image-set|src\(|//|https?:|data:", re.I)
SVG_HINT = ("Speichern Sie die Grafik ohne Skripte und eingebettete Inhalte neu (z. B. in "
            "Inkscape als „Normales SVG“ oder „Optimiertes SVG“) oder als PNG.")


def static_file_problem(path, shown_as):
    """A ContentError if the file at `path` must not be published, else None."""
    if UNSAFE_NAME.search(os.path.basename(path)):
        return ContentError(
            shown_as, "Der Dateiname enthält Zeichen, die in Adressen und Seiten stören "
            "(\" < > ` { } | \\).", hint="Benennen Sie die Datei um: Kleinbuchstaben, Ziffern "
            "und Bindestriche, z. B. „2025-03-foto.jpg“.")
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
    """Why an SVG file is not safe to publish, or None. What a browser does with an SVG
    opened on its own counts: entities, stylesheets (XSLT), HTML inside, animations."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:  # UTF-16 would hide "<!ENTITY" from a look at the bytes
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or text.startswith("\ufeff") or "\x00" in text:
        return "Die SVG-Datei ist nicht in UTF-8 gespeichert."
    if "<!ENTITY" in text or re.search(r"<!DOCTYPE[^>]*\[", text):
        return "Die SVG-Datei legt eigene Entitäten an (<!ENTITY …>), die Inhalte einschleusen können."
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError:
        return "Die SVG-Datei ist kein lesbares SVG (XML)."
    if root.tag != f"{{{SVG}}}svg":
        return "Die Datei endet auf .svg, ist aber kein SVG-Bild."
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or (docinfo.encoding or "UTF-8").upper() != "UTF-8":
        return "Die SVG-Datei legt eigene Entitäten oder eine andere Kodierung als UTF-8 fest."
    if not all(_plausible_size(root.get(name)) for name in ("width", "height")):
        return "Breite oder Höhe der SVG-Datei ist keine sinnvolle Zahl."
    nodes = [*root.itersiblings(preceding=True), *root.iter()]
    for node in nodes:
        problem = _node_problem(node)
        if problem:
            return problem
    return None


def _plausible_size(value):
    """width="1e400" makes image sizes infinite; no image is wider than 100,000 px."""
    number = re.match(r"\s*([0-9.]+)", value or "")
    if value is None or number is None:
        return True  # no size, or 100% and the like: the browser decides
    try:
        return 0 <= float(number.group(1)) <= 100_000
    except ValueError:
        return False


def _node_problem(node):
    if isinstance(node, etree._ProcessingInstruction):
        return "Die SVG-Datei enthält eine Anweisung <?…?> (z. B. ein Stylesheet von anderswo)."
    if isinstance(node, etree._Entity):
        return "Die SVG-Datei enthält einen Entitätsverweis (&…;), der Inhalte einschleusen kann."
    if not isinstance(node.tag, str):
        return None  # comments
    name = etree.QName(node)
    if name.namespace in ACTIVE_NAMESPACES:
        return f"Die SVG-Datei enthält HTML (<{name.localname}>)."
    if name.localname in ACTIVE_SVG_ELEMENTS:
        return f"Die SVG-Datei enthält ein <{name.localname}>-Element, das Inhalte ausführt oder einbettet."
    if name.localname == "style" and (len(node) or _css_problem("".join(node.itertext()))):
        return "Die SVG-Datei lädt Stile, Schriften oder Bilder von anderswo (@import, url(…))."
    if name.localname in ANIMATIONS and "href" in (node.get("attributeName") or "").lower():
        return "Die SVG-Datei verändert einen Verweis durch eine Animation."
    for attribute, value in node.attrib.items():
        problem = _attribute_problem(etree.QName(attribute).localname, value)
        if problem:
            return problem
    return None


def _css_problem(css):
    """CSS that could load from elsewhere: at-rules, escapes, url(…) out of the file,
    image-set(…), or an address written out."""
    return "@" in css or "\\" in css or OUTSIDE_URL.search(css) or CSS_LOADS.search(css)


def _attribute_problem(name, value):
    if name.lower().startswith("on"):
        return f"Die SVG-Datei enthält das Attribut „{name}“, das ein Skript ausführt."
    if name == "href" and not value.strip().startswith(("#",) + EMBEDDED_IMAGES):
        return f"Die SVG-Datei verweist auf „{value[:60]}“; erlaubt sind nur Verweise innerhalb der Datei."
    if OUTSIDE_URL.search(value) or (name == "style" and _css_problem(value)):
        return "Die SVG-Datei lädt Stile oder Bilder von anderswo (url(…))."
    return None
