"""Image files as published at their own address: never wider than IQ_IMAGE_MAX_WIDTH,
never with camera data.

Pages show web sizes (iq_core.webimages), but the file itself is still reachable: a link
„[Foto in voller Größe](../images/…/foto.jpg)“, a feed, a search engine. A camera's
original would then cost a reader megabytes and publish where and with what it was taken.
So a JPEG (which carries camera data) and a PNG wider than the maximum are not copied as
they are: Pelican's static step leaves them out, and this step writes, under the same name,
the widest web size (same format, no metadata) through the site's writer.
"""

import dataclasses
import os

from pelican.generators import Generator

from .imagefiles import publish
from .webimages import RESIZED, web_image


def capped(path, settings):
    """The Rendition to publish at `path` instead of the file, or None (copied as it is)."""
    kind = RESIZED.get(os.path.splitext(path)[1].lower())
    shown = web_image(path, settings) if kind else None
    if not shown or not shown.renditions:
        return None  # not a picture Pillow reads: the static step copies it (and warns)
    widest = shown.renditions[-1]
    if kind == "png" and widest.width == shown_width(path, settings):
        return None  # a PNG within the maximum has no camera data: kept byte for byte
    return dataclasses.replace(widest, name=path)


def shown_width(path, settings):
    """The width of the file as it is (a PNG is never turned by EXIF orientation)."""
    from .webimages import image_size, source_of

    size = image_size(source_of(path, settings))
    return size[0] if size else None


def leave_capped_to_the_writer(generator):
    """static_generator_finalized (after containment kept what may be published): the
    static step copies no file this step publishes; their names go into the run's context
    for CappedOriginals. In place: the context holds the same list of static files."""
    kept, left = [], []
    for static in generator.staticfiles:
        (left if capped(static.save_as, generator.settings) else kept).append(static)
    generator.staticfiles[:] = kept
    generator.context["iq_capped_originals"] = sorted(static.save_as for static in left)


class CappedOriginals(Generator):
    """Writes the capped file of each JPEG and large PNG the static step left out."""

    def generate_output(self, writer):
        for path in self.context.get("iq_capped_originals", []):
            publish(writer, capped(path, self.settings), self.settings)


def originals_generator(pelican):
    return CappedOriginals
