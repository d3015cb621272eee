"""Links and image paths in content: resolved inside content/, or refused with a German reason.

Editors write paths the way their editor and the git host preview them: relative to the
Markdown file (`../images/newsletter/bild.jpg`), from content/ (`images/newsletter/bild.jpg`,
`/images/…`) or with Pelican's placeholders (`{static}`, `{attach}`, `{filename}`). Every
form that names a file of content/ becomes Pelican's placeholder with a path from content/
(`{static}/images/newsletter/bild.jpg`, `{filename}/pages/kontakt.md`), so Pelican links it
and copies nothing else. A path that leaves content/ (`..` too often, a symbolic link,
`/proc/self/environ`) is refused: Pelican itself would copy whatever such a path names.
"""

import difflib
import os
import posixpath
import re
from urllib.parse import quote, unquote, urlsplit

from .addresses import Resolved, other_website, written_address

# Pelican's placeholders ({static} and the older |static|); see INTRASITE_LINK_REGEX.
PLACEHOLDER = re.compile(r"^(?:\{(?P<curly>\w*)\}|\|(?P<bar>\w*)\|)")
FILE_PLACEHOLDERS = ("static", "attach", "filename")
SOURCE_EXTENSIONS = (".md", ".markdown")
# webcal: the subscription links for calendar programs (Abonnieren).
URL_SCHEMES = ("http", "https", "mailto", "tel", "webcal")
BROWSER_IGNORED = re.compile(r"[\t\n\r]")
# In a file name these break the link Pelican makes: it looks files up unencoded, and
# after HTML-unescaping, so "&" or a quote would let the rest of an address out of it.
UNSAFE_IN_NAMES = re.compile(r"[#?%\"'<>&\s`{}|\\]")
# Pelican replaces {filename}/|static| wherever an attribute's text looks like src='{…}',
# even inside another address: encoded, an address means the same and Pelican skips it.
PELICAN_MARKERS = str.maketrans({"{": "%7B", "}": "%7D", "|": "%7C"})
# What may stay unencoded in the query and fragment of a link to a file of the site.
SAFE_IN_SUFFIX = "=/?:@!$()*+,;-._~"
SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")
WRITE_INSTEAD = ("Schreiben Sie den Pfad relativ zur Markdown-Datei (z. B. "
                 "../images/newsletter/bild.jpg) oder ab dem Ordner content/ "
                 "(z. B. images/newsletter/bild.jpg).")


def inside(path, root):
    """True if `path` (after resolving symbolic links) is `root` or lies below it."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root + os.sep)


class LinkResolver:
    """Resolves the links and images of one content file."""

    def __init__(self, content_root, source_path, static_paths):
        self.root = os.path.realpath(content_root)
        self.content_root = os.path.abspath(content_root)
        self.source_dir = os.path.dirname(os.path.abspath(source_path))
        self.static_paths = tuple(static_paths)  # folders of files published as they are

    def resolve(self, value, *, image=False):
        # Browsers drop tabs and line breaks inside addresses ("java\tscript:"), so do we.
        value = BROWSER_IGNORED.sub("", value).strip()
        if not value or value.startswith("#"):
            return written_address(value)
        placeholder = PLACEHOLDER.match(value)
        if placeholder:
            name = placeholder.group("curly") if placeholder.group("curly") is not None \
                else placeholder.group("bar")
            return self._placeholder(value, name, value[placeholder.end():], image)
        scheme = SCHEME.match(value)
        if scheme or value.startswith("//"):
            return self._other_host(value, scheme.group("scheme").lower() if scheme else "",
                                    image)
        return self._plain_path(value, image)

    # The three kinds of value ------------------------------------------------

    def _placeholder(self, value, name, rest, image):
        if name == "index" and not image:
            return Resolved("{index}" + rest.translate(PELICAN_MARKERS), None)
        if name not in FILE_PLACEHOLDERS:
            return Resolved(None, f"Den Platzhalter „{{{name}}}“ in „{value}“ kennt die Website "
                            "nicht.", "Erlaubt sind {static} für Bilder und Dateien und "
                            "{filename} für Seiten der Website.")
        parts = urlsplit(rest)
        path = unquote(parts.path)
        base = self.content_root if path.startswith("/") else self.source_dir
        target = os.path.normpath(os.path.join(base, path.lstrip("/")))
        if not inside(target, self.root):
            return self._outside(value)
        if not os.path.isfile(target):
            return self._missing(value, path, (base,), image)
        return self._in_content(target, parts, image, value)

    def _other_host(self, value, scheme, image):
        if len(scheme) == 1 or scheme == "file":  # C:\Users\… or file:///…
            return Resolved(None, f"„{_short(value)}“ ist ein Pfad auf einem Computer, nicht "
                            "auf der Website.", "Legen Sie die Datei unter content/images/ ab. "
                            + WRITE_INSTEAD)
        if scheme and scheme not in URL_SCHEMES:
            return Resolved(None, f"„{_short(value)}“ ist kein erlaubter Link: Adressen mit "
                            f"„{scheme}:“ lädt oder öffnet die Website nicht.",
                            "Erlaubt sind Links mit https://, http://, mailto:, tel: und "
                            "webcal: sowie Links auf Seiten und Dateien dieser Website.")
        if image:
            return Resolved(None, f"Das Bild „{_short(value)}“ liegt auf einer anderen Website. "
                            "Bilder von anderen Websites lädt die Website nicht (Datenschutz).",
                            "Legen Sie das Bild unter content/images/ ab. " + WRITE_INSTEAD)
        return other_website(value, scheme)

    def _plain_path(self, value, image):
        parts = urlsplit(value)
        path = unquote(parts.path)
        if path.startswith("/"):
            candidates = [os.path.join(self.content_root, path.lstrip("/"))]
        else:
            candidates = [os.path.join(self.source_dir, path),
                          os.path.join(self.content_root, path)]
        for candidate in candidates:
            target = os.path.normpath(candidate)
            if os.path.isfile(target) and path:
                if not inside(target, self.root):
                    return self._outside(value)
                return self._in_content(target, parts, image, value)
        if image or path.endswith(SOURCE_EXTENSIONS):
            bases = (self.content_root,) if path.startswith("/") else \
                (self.source_dir, self.content_root)  # the places looked at above
            return self._missing(value, path, bases, image)
        # An address of the site (/termine/, ../kontakt/): the checks of the written
        # site make sure it leads to a page.
        return written_address(value)

    # Outcomes ----------------------------------------------------------------

    def _in_content(self, target, parts, image, value):
        relative = os.path.relpath(target, self.content_root).replace(os.sep, "/")
        if UNSAFE_IN_NAMES.search(relative):
            return Resolved(None, f"Der Name der Datei „{relative}“ enthält ein Zeichen, das in "
                            "Adressen eine Sonderbedeutung hat (# ? % \" < > oder ein "
                            "Leerzeichen).", "Benennen Sie die Datei um: Kleinbuchstaben, "
                            "Ziffern und Bindestriche, z. B. „2025-03-foto.jpg“.")
        is_source = relative.endswith(SOURCE_EXTENSIONS)
        if image and is_source:
            return Resolved(None, f"„{value}“ ist eine Textdatei, kein Bild.", WRITE_INSTEAD)
        if not is_source and relative.split("/", 1)[0] not in self.static_paths:
            return Resolved(None, f"Die Datei „{relative}“ liegt nicht im Ordner content/images/. "
                            "Nur von dort veröffentlicht die Website Bilder und Dokumente (an "
                            "anderer Stelle könnten sie Seiten der Website ersetzen).",
                            "Legen Sie die Datei unter content/images/<Bereich>/ ab und "
                            "verlinken Sie sie dort.")
        kind = "filename" if is_source else "static"
        suffix = (f"?{quote(parts.query, safe=SAFE_IN_SUFFIX)}" if parts.query else "") + \
                 (f"#{quote(parts.fragment, safe=SAFE_IN_SUFFIX)}" if parts.fragment else "")
        return Resolved(f"{{{kind}}}/{relative}{suffix}", None)

    def _outside(self, value):
        return Resolved(None, f"Der Pfad „{_short(value)}“ führt aus dem Ordner content/ "
                        "heraus. Die Website veröffentlicht nur Dateien aus content/.",
                        WRITE_INSTEAD)

    def _missing(self, value, path, bases, image):
        guess = self.nearest(path, bases, image)
        hint = f"Meinten Sie „{guess}“?" if guess else WRITE_INSTEAD
        if image:
            return Resolved(None, f"Die Bilddatei „{value}“ gibt es nicht.", hint)
        return Resolved(None, f"Der Link „{value}“ zeigt auf eine Datei, die es nicht gibt.",
                        hint)

    def nearest(self, path, bases, image):
        """The existing file an editor most likely meant, written the way they wrote it
        (from the folder in `bases` where the path was looked for): the same name in other
        letter case (Bild.PNG for bild.png), else a close name of the same kind."""
        is_source = path.endswith(SOURCE_EXTENSIONS)
        files = [f for f in content_files(self.content_root)
                 if f.endswith(SOURCE_EXTENSIONS) == is_source]
        wanted = {base: os.path.normpath(os.path.join(base, path.lstrip("/"))) for base in bases}
        lower = {f.lower(): f for f in files}
        found = next(((base, lower[w.lower()]) for base, w in wanted.items()
                      if w.lower() in lower), None)
        if found is None:
            by_name = {}
            for candidate in files:
                by_name.setdefault(os.path.basename(candidate), candidate)
            names = difflib.get_close_matches(os.path.basename(path), list(by_name), n=1,
                                              cutoff=0.8)
            found = (bases[0], by_name[names[0]]) if names else None
        if found is None:
            return None
        base, match = found
        if path.startswith("/"):
            shown = "/" + os.path.relpath(match, self.content_root)
        else:
            shown = os.path.relpath(match, base)
        return shown.replace(os.sep, "/")


def content_files(content_root):
    for folder, subfolders, files in os.walk(content_root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            yield os.path.join(folder, name)


def _short(value, length=80):
    return value if len(value) <= length else value[: length - 1] + "…"


def site_path(value):
    """The path below content/ in a resolved `{static}/…` value (None for other values)."""
    match = PLACEHOLDER.match(value or "")
    if not match or (match.group("curly") or match.group("bar")) not in FILE_PLACEHOLDERS:
        return None
    return posixpath.normpath(unquote(urlsplit(value[match.end():]).path).lstrip("/"))
