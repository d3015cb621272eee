"""Images of an issue: files below content/, their size, checked with German errors."""

import dataclasses
import os
import posixpath

import imagesize
from iq_core.errors import ContentError

IMAGE_FOLDER_HINT = (
    "Legen Sie das Bild unter content/images/newsletter/ ab und schreiben Sie den Pfad ab "
    "dem Ordner content/, z. B. images/newsletter/2025-03-titel.jpg."
)


@dataclasses.dataclass(frozen=True)
class ImageRef:
    """An image of the site: `path` below content/ (= below the site's root), size in px."""

    path: str
    alt: str
    credit: str | None
    width: int
    height: int


def content_path(value):
    """The path below content/ an editor meant: "/images/x.jpg", "{static}/images/x.jpg" …

    None for anything that is not a file of this site (another host, `..`).
    """
    text = str(value).strip()
    for prefix in ("{static}", "{attach}"):
        text = text.removeprefix(prefix)
    if "://" in text or text.startswith("//") or text.startswith(("data:", "mailto:")):
        return None
    path = posixpath.normpath(text.lstrip("/"))
    if path.startswith("..") or path in ("", "."):
        return None
    return path


def load_image(source_path, value, *, content_root, key=None, line=None):
    """Check that `value` names an image file in content/ and read its size."""
    path = content_path(value)
    if path is None:
        raise ContentError(
            source_path,
            f"„{value}“ ist keine Bilddatei dieser Website. Bilder von anderen Websites "
            "lädt die Website nicht (Datenschutz).",
            key=key, line=line, hint=IMAGE_FOLDER_HINT,
        )
    full = os.path.join(content_root, *path.split("/"))
    if not os.path.isfile(full):
        raise ContentError(
            source_path, f"Die Bilddatei „{path}“ gibt es nicht.",
            key=key, line=line, hint=IMAGE_FOLDER_HINT,
        )
    try:
        width, height = imagesize.get(full)
    except (OSError, ValueError):
        width, height = -1, -1
    if width <= 0 or height <= 0:
        raise ContentError(
            source_path,
            f"Die Größe des Bildes „{path}“ lässt sich nicht lesen.",
            key=key, line=line,
            hint="Verwenden Sie ein JPG-, PNG-, GIF- oder WebP-Bild oder ein SVG mit "
            "width- und height-Angabe.",
        )
    return path, round(width), round(height)


def scaled(width, height, max_width):
    """Width and height that fit `max_width`, keeping the aspect ratio."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))
