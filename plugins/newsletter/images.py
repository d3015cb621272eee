"""Images of an issue: files below content/, their size, checked with German errors."""

import dataclasses
import math
import os

import imagesize
from iq_core.errors import ContentError
from iq_core.links import LinkResolver, site_path

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
