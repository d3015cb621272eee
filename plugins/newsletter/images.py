"""Images of an issue: files below content/, their size, checked with German errors."""

import dataclasses
import functools
import math
import os
import posixpath
import re

import imagesize
from iq_core.errors import ContentError
from iq_core.images import unreadable_image_error
from iq_core.links import LinkResolver, site_path
from iq_core.reader import line_in
from iq_core.webimages import readable_image

MAX_PIXELS = 100_000  # wider or higher is no picture (an SVG saying width="1e400")
IMAGE_FOLDER_HINT = (
    "Legen Sie das Bild unter content/images/newsletter/ ab und schreiben Sie den Pfad ab "
    "dem Ordner content/ (z. B. images/newsletter/2025-03-titel.jpg) oder relativ zur "
    "Datei (../images/newsletter/2025-03-titel.jpg)."
)


@dataclasses.dataclass(frozen=True)
class ImageRef:
    """An image of the site: `path` below content/ (= below the site's root), size in px."""

    path: str
    alt: str
    credit: str | None
    width: int
    height: int


def load_image(source_path, value, *, content_root, static_paths, key=None, line=None):
    """Check that `value` names an image file in content/ and read its size.

    `value` as editors write it: relative to the Markdown file, from content/, or with
    {static}; iq_core.links resolves it inside content/ or says why not.
    """
    resolved = LinkResolver(content_root, source_path, static_paths).resolve(str(value),
                                                                             image=True)
    if resolved.problem:
        raise ContentError(source_path, resolved.problem, key=key, line=_number(line),
                           hint=resolved.hint or IMAGE_FOLDER_HINT)
    path = site_path(resolved.value)
    if path is None:
        raise ContentError(source_path, f"„{value}“ ist keine Bilddatei der Website.", key=key,
                           line=_number(line), hint=IMAGE_FOLDER_HINT)
    full = os.path.join(content_root, *path.split("/"))
    if not readable_image(full):
        raise unreadable_image_error(source_path, path, key=key, line=_number(line))
    try:
        width, height = imagesize.get(full)
    except (OSError, ValueError, OverflowError):
        width, height = -1, -1
    if not all(math.isfinite(size) and 0 < size <= MAX_PIXELS for size in (width, height)):
        raise ContentError(
            source_path,
            f"Die Größe des Bildes „{path}“ lässt sich nicht lesen.",
            key=key, line=_number(line),
            hint="Verwenden Sie ein JPG-, PNG-, GIF- oder WebP-Bild oder ein SVG mit "
            "width- und height-Angabe.",
        )
    return path, round(width), round(height)


def _number(line):
    """A line number, or None; `line` may be found only now (body.LazyLine)."""
    return int(line) if line is not None else None


def scaled(width, height, max_width):
    """Width and height that fit `max_width`, keeping the aspect ratio."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


class WrittenImages:
    """The images of one Markdown file as the editor wrote them, with their lines: messages
    name `../images/newsletter/bild.jpg` in line 12, not an address of the built site.

    One pass over the file's `![…](…)` when a message first asks (a search per image in a
    long file made thousands of images take minutes)."""

    MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^\s)>]+)")

    def __init__(self, source_text, resolver):
        self.source_text, self.resolver = source_text or "", resolver

    @functools.cached_property
    def _by_path(self):
        found = {}
        for match in self.MARKDOWN_IMAGE.finditer(self.source_text):
            path = site_path(self.resolver.resolve(match.group(1), image=True).value)
            line = self.source_text.count("\n", 0, match.start()) + 1
            found.setdefault(path, (match.group(1), line))
        return found

    def find(self, path):
        """(path as written, line) of the image that shows `path` (below content/); without
        a Markdown image for it (HTML, a reference), the path and the line that names it."""
        if path in self._by_path:
            return self._by_path[path]
        return path, line_in(self.source_text, posixpath.basename(path or "")) if path else None


class LazyLine:
    """The line of an image in the file, found when a message asks for it (int())."""

    def __init__(self, written, src):
        self.written, self.src = written, src

    def __int__(self):
        path = site_path(self.src)
        line = self.written.find(path)[1] if path else None
        return line or line_in(self.written.source_text, f"]({self.src}") or \
            line_in(self.written.source_text, self.src) or 0


def check_images(soup, source_path, written, content_root, settings):
    """Size and address of every image; returns their paths below content/. `written`:
    the file's WrittenImages, for the lines of messages."""
    siteurl, static_paths, paths = settings["SITEURL"], settings["STATIC_PATHS"], []
    for img in soup.find_all("img"):
        src = img.get("src", "")
        if not src:
            continue  # an image the reader refused (and reported): it has no address left
        # The line only when there is something to say (LazyLine).
        line = LazyLine(written, src)
        if not img.get("alt", "").strip():
            shown = written.find(site_path(src))[0] if site_path(src) else src
            raise ContentError(
                source_path, f"Das Bild „{shown}“ hat keinen Alternativtext.", line=int(line),
                hint="Beschreiben Sie in den eckigen Klammern, was zu sehen ist: "
                "![Eine Hand trägt einen Termin in einen Kalender ein](…).",
            )
        path, width, height = load_image(source_path, src, content_root=content_root,
                                         static_paths=static_paths, line=line)
        # Root-relative in the preview, absolute in the public build; the size
        # keeps the layout from jumping while the image loads. Article images come
        # below the header image and the editorial: the browser loads them when near.
        img["src"] = f"{siteurl}/{path}"
        paths.append(path)
        img["width"] = str(width)
        img["height"] = str(height)
        img["loading"] = "lazy"
    return paths
