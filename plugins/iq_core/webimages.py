"""Web sizes of the site's images: which files of which size a page shows.

One place decides, for an image of content/ (or of the theme), what the site serves:
- JPEG and PNG: copies at the widths IQ_IMAGE_WIDTHS, never wider than the original nor
  than IQ_IMAGE_MAX_WIDTH; the widest copy is `src`, all are in `srcset`. The original is
  never shown: a 6000 px photo from a camera would cost a phone megabytes, and its copies
  carry no camera data (place, device). Same format, so a PNG diagram stays sharp.
- SVG, GIF, WebP and AVIF: shown as they are (an SVG is small and sharp at every size; a
  GIF may move).
- For e-mail, which shows no SVG (Gmail, Outlook): `email_rendition` gives a PNG rendering
  of an SVG, or the JPEG/PNG copy, at twice the width the e-mail shows it at.
The names follow from path and width alone (bilder/images/newsletter/foto-960.jpg), so
a page, the e-mail and the step that writes the files (iq_core.imagefiles) agree without
keeping a list. Making the files is iq_core.imagefiles' part.
"""

import dataclasses
import math
import os
import posixpath
from urllib.parse import quote, unquote, urlsplit

import imagesize
from PIL import Image

from .links import inside

RESIZED = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}
SHOWN_AS_THEY_ARE = (".svg", ".gif", ".webp", ".avif")
MAX_PIXELS = 100_000  # wider or higher is no picture (an SVG saying width="1e400")
# EXIF orientations that turn the picture by 90°: the camera stored it lying on its side.
TURNED = {5, 6, 7, 8}
ORIENTATION_TAG = 0x0112


@dataclasses.dataclass(frozen=True)
class Rendition:
    """One file the build makes from an image."""

    name: str    # below the output folder: "bilder/images/newsletter/foto-960.jpg"
    width: int
    height: int
    source: str  # the image it is made from (absolute path)
    kind: str    # "jpeg" or "png": a smaller copy; "svg": a PNG rendering of an SVG

    def url(self, siteurl):
        return f"{siteurl}/{quote(self.name)}"


@dataclasses.dataclass(frozen=True)
class WebImage:
    """How a page shows an image: `src` and `srcset` (as URLs below `siteurl`), size in px."""

    path: str  # below the site's root: "images/newsletter/foto.jpg"
    width: int
    height: int
    renditions: tuple  # narrowest first; empty: the file is shown as it is

    def src(self, siteurl):
        if self.renditions:
            return self.renditions[-1].url(siteurl)
        return f"{siteurl}/{quote(self.path)}"

    def srcset(self, siteurl):
        """"url 480w, url 960w"; empty when there is only one size to choose from."""
        if len(self.renditions) < 2:
            return ""
        return ", ".join(f"{r.url(siteurl)} {r.width}w" for r in self.renditions)


def source_of(path, settings):
    """The file of `path` (below the site's root: images/…, theme/img/…): a file of
    content/'s static folders or of the theme's static folders, else None."""
    path = posixpath.normpath(path)
    first, _, rest = path.partition("/")
    if first in settings["STATIC_PATHS"]:
        root = os.path.realpath(settings["PATH"])
        candidates = [os.path.join(settings["PATH"], *path.split("/"))]
    elif first == settings["THEME_STATIC_DIR"] and rest:
        root = os.path.realpath(settings["THEME"])
        candidates = [os.path.join(settings["THEME"], folder, *rest.split("/"))
                      for folder in settings["THEME_STATIC_PATHS"]]
    else:
        return None
    return next((os.path.abspath(c) for c in candidates
                 if os.path.isfile(c) and inside(c, root)), None)


def path_of_url(url, siteurl):
    """The path below the site's root that an image address of the site names, or None
    (another host, a query, a fragment)."""
    prefix = f"{siteurl}/"
    if not url.startswith(prefix):
        return None
    parts = urlsplit(url[len(prefix):])
    if parts.scheme or parts.netloc or parts.query or parts.fragment or not parts.path:
        return None
    return posixpath.normpath(unquote(parts.path))


def image_size(source):
    """(width, height) as the picture is seen (a photo taken upright is upright), or None
    when the file cannot be read as an image."""
    extension = os.path.splitext(source)[1].lower()
    try:
        if extension in RESIZED:
            with Image.open(source) as image:
                width, height = image.size
                if _orientation(image) in TURNED:
                    width, height = height, width
        else:
            width, height = imagesize.get(source)
    except (OSError, ValueError, OverflowError, SyntaxError, Image.DecompressionBombError):
        return None
    if not all(math.isfinite(size) and 0 < size <= MAX_PIXELS for size in (width, height)):
        return None
    return round(width), round(height)


def readable_image(source):
    """False for a JPEG or PNG that Pillow cannot decode (a text file named .jpg, a file
    cut short): the build could make no web sizes of it, and browsers show a broken
    image. A JPEG is decoded at an eighth of its size (quick even for a camera's photo);
    other kinds count as readable when their size can be read (image_size)."""
    if os.path.splitext(source)[1].lower() not in RESIZED:
        return True
    try:
        with Image.open(source) as image:
            if image.format == "JPEG":
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except (OSError, ValueError, OverflowError, SyntaxError, Image.DecompressionBombError):
        return False
    return True


def _orientation(image):
    """The EXIF orientation, or None (none, or camera data that cannot be read: the
    picture is then shown as stored)."""
    try:
        return image.getexif().get(ORIENTATION_TAG)
    except (OSError, ValueError, SyntaxError):
        return None


def web_image(path, settings):
    """The WebImage of `path` (below the site's root), or None if it names no image file."""
    source = source_of(path, settings)
    size = source and image_size(source)
    if not size:
        return None
    width, height = size
    kind = RESIZED.get(os.path.splitext(path)[1].lower())
    if kind is None:
        return WebImage(path, width, height, ())
    widest = min(width, settings["IQ_IMAGE_MAX_WIDTH"])
    widths = sorted({w for w in settings["IQ_IMAGE_WIDTHS"] if w < widest} | {widest})
    renditions = tuple(_rendition(path, source, kind, w, _height(width, height, w), settings)
                       for w in widths)
    return WebImage(path, widest, renditions[-1].height, renditions)


def email_rendition(path, css_width, settings):
    """(Rendition, width, height) of an image in an e-mail that shows it at most
    `css_width` px wide: a PNG or JPEG file, twice as many pixels as shown (sharp on
    phones), and the size to write into the <img>. None for GIF/WebP/AVIF and unreadable
    files (no e-mail client problem there, or nothing to show)."""
    source = source_of(path, settings)
    size = source and image_size(source)
    if not size:
        return None
    width, height = size
    shown_width = min(width, css_width)
    shown = (shown_width, _height(width, height, shown_width))
    extension = os.path.splitext(path)[1].lower()
    if extension == ".svg":
        pixels = 2 * shown_width
        return _rendition(path, source, "svg", pixels, _height(width, height, pixels),
                          settings), *shown
    image = web_image(path, settings)
    if image is None or not image.renditions:
        return None
    sharp = next((r for r in image.renditions if r.width >= 2 * shown_width),
                 image.renditions[-1])
    return sharp, *shown


def _height(width, height, new_width):
    return max(1, round(height * new_width / width))


def _rendition(path, source, kind, width, height, settings):
    stem, extension = posixpath.splitext(path)
    # The original's ending as written: a.JPG and a.jpg side by side stay two files.
    extension = ".png" if kind == "svg" else extension
    name = f"{settings['IQ_IMAGE_FOLDER']}/{stem}-{width}{extension}"
    return Rendition(name, width, height, source, kind)
