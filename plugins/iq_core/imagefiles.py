"""The files of iq_core.webimages: smaller copies and PNG renderings, each made once.

Pillow makes the copies (EXIF orientation applied, Lanczos resampling, fixed encoder
options, no camera data kept), resvg renders SVGs to PNG (a Rust library inside its
wheel: no system library or browser needed, the same pixels on every machine with the
same fonts). A file is kept in CACHE_PATH under the hash of the original's bytes and of
its recipe: a rebuild or the preview makes only what is new, and the same image always
gives the same bytes.

The step `ImageFiles` writes the copies of every image that a page of the site shows,
and warns about image files too large for the web (IQ_IMAGE_WARN_BYTES).
"""

import functools
import hashlib
import importlib.metadata
import io
import json
import logging
import os
import tempfile

import PIL
import resvg_py
from PIL import Image, ImageOps
from pelican.generators import Generator

from .errors import ContentError
from .static_files import IMAGES
from .webimages import RESIZED, web_image

logger = logging.getLogger(__name__)

# Raise when the way files are made changes: every cached file is made anew.
RECIPE_VERSION = 1
CACHE_FOLDER = "bildgroessen"
LIBRARIES = (PIL.__version__, importlib.metadata.version("resvg-py"))


def recipe_of(settings):
    """What besides the original decides a file's bytes (plain data: the preview and the
    build hand it on)."""
    return {
        "jpeg_quality": settings["IQ_IMAGE_JPEG_QUALITY"],
        "font_dirs": [d for d in settings["IQ_IMAGE_FONT_DIRS"] if os.path.isdir(d)],
        "font_family": settings["IQ_IMAGE_FONT_FAMILY"],
        "cache": os.path.join(os.path.abspath(settings["CACHE_PATH"]), CACHE_FOLDER),
    }


def publish(writer, rendition, settings):
    """Let the site's writer write `rendition` (once, however many pages show it); the
    build makes it at once, the preview when a browser asks for it."""
    writer.write_shared(rendition.name, functools.partial(make_rendition, rendition,
                                                          recipe_of(settings)))


def make_rendition(rendition, recipe):
    """The bytes of `rendition`, from the cache or made (and then cached)."""
    with open(rendition.source, "rb") as handle:
        original = handle.read()
    key = hashlib.sha256(original)
    key.update(json.dumps([RECIPE_VERSION, LIBRARIES, rendition.kind, rendition.width,
                           rendition.height, recipe["jpeg_quality"], recipe["font_dirs"],
                           recipe["font_family"]]).encode("utf-8"))
    cached = os.path.join(recipe["cache"], key.hexdigest() + os.path.splitext(rendition.name)[1])
    try:
        with open(cached, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        pass
    try:
        data = render_svg(rendition, recipe) if rendition.kind == "svg" else \
            resize(original, rendition, recipe)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        data = None
    if data is None:
        # Logged outside the `except`: the build's messages would take a handled
        # exception for a crash. Browsers may still show part of a damaged file.
        logger.warning("%s", ContentError(
            rendition.source, "Das Bild lässt sich nicht vollständig lesen (die Datei ist "
            "beschädigt oder kein echtes JPG, PNG oder SVG); die Website zeigt sie "
            "unverändert.", hint="Öffnen Sie das Bild in einem Bildprogramm, speichern Sie "
            "es neu als JPG oder PNG und ersetzen Sie die Datei.").message())
        return original
    _keep(cached, data)
    return data


def resize(original, rendition, recipe):
    """A JPEG or PNG copy of `original` at the rendition's size, without camera data."""
    with Image.open(io.BytesIO(original)) as opened:
        opened.load()
        icc_profile = opened.info.get("icc_profile")  # colours, not camera data: kept
        try:
            image = ImageOps.exif_transpose(opened)
        except (OSError, ValueError, SyntaxError):
            image = opened.copy()  # camera data that cannot be read: as stored
    if rendition.kind == "jpeg":
        image = image if image.mode in ("RGB", "L") else image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")  # palettes and 16-bit greys: resampling needs these
    if image.size != (rendition.width, rendition.height):
        image = image.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    image.info = {}  # nothing of the original's text chunks or EXIF reaches the copy
    out = io.BytesIO()
    if rendition.kind == "jpeg":
        image.save(out, format="JPEG", quality=recipe["jpeg_quality"], optimize=True,
                   progressive=True, icc_profile=icc_profile)
    else:
        image.save(out, format="PNG", optimize=True, icc_profile=icc_profile)
    return out.getvalue()


def render_svg(rendition, recipe):
    """A PNG of the SVG at the rendition's size. Only the given font folders: text looks
    the same on every machine that builds the site."""
    return bytes(resvg_py.svg_to_bytes(
        svg_path=rendition.source, width=rendition.width, height=rendition.height,
        skip_system_fonts=True, font_dirs=recipe["font_dirs"],
        font_family=recipe["font_family"], sans_serif_family=recipe["font_family"]))


def _keep(path, data):
    """Into the cache as a whole file: a build and the preview may make the same one."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".teil")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(scratch, path)
    except OSError:
        pass  # no cache (a read-only folder): the file is made again next time


class ImageFiles(Generator):
    """The step that writes the web sizes of every JPEG and PNG a page of the site shows."""

    def generate_output(self, writer):
        for path in sorted(shown_images(self.context, self.settings)):
            image = web_image(path, self.settings)
            for rendition in image.renditions if image else ():
                publish(writer, rendition, self.settings)
        for warning in large_images(self.context, self.settings):
            logger.warning("%s", warning.message())


def shown_images(context, settings):
    """Paths (below content/) of the JPEG and PNG files that written items show; a draft's
    only in the preview, like the draft itself."""
    show_drafts = settings.get("SHOW_DRAFTS", False)
    paths = set()
    for item in context.get("generated_content", {}).values():
        if item is None or not getattr(item, "save_as", "") or \
                (getattr(item, "status", "published") != "published" and not show_drafts):
            continue
        paths.update(p for p in item.get_static_links()
                     if os.path.splitext(p)[1].lower() in RESIZED)
    return paths


def large_images(context, settings):
    """A ContentError (used as a warning) for each image file of content/ over the limit."""
    limit = settings["IQ_IMAGE_WARN_BYTES"]
    for relative in sorted(context.get("static_content", {})):
        if os.path.splitext(relative)[1].lower() not in IMAGES:
            continue
        path = os.path.join(settings["PATH"], relative)
        try:
            size = os.path.getsize(path)
        except OSError:
            continue
        if size > limit:
            yield ContentError(
                path, f"Das Bild ist {megabytes(size)} groß (mehr als {megabytes(limit)}). Die "
                "Website zeigt verkleinerte Fassungen, aber die Datei selbst lädt lange und "
                "füllt den Speicher.", hint="Speichern Sie das Bild kleiner ab: höchstens "
                f"{settings['IQ_IMAGE_MAX_WIDTH']} Pixel breit, Fotos als JPG (Qualität etwa "
                "80 %), Grafiken als PNG oder SVG, und ersetzen Sie die Datei.")


def megabytes(size):
    """3400000 -> „3,4 MB“ (German decimal comma; 1 MB = 1,000,000 bytes like file managers)."""
    return f"{size / 1_000_000:.1f}".replace(".", ",").replace(",0", "") + " MB"


def image_generator(pelican):
    return ImageFiles
