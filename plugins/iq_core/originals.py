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
from .webimages import RESIZED, image_size, source_of, web_image


def capped(path, settings):
    """The Rendition to publish at `path` instead of the file, or None (copied as it is)."""
    kind = RESIZED.get(os.path.splitext(path)[1].lower())
    shown = web_image(path, settings) if kind else None
    if not shown or not shown.renditions:
        return None  # not a picture Pillow reads: the static step copies it (and warns)
    if kind == "png" and image_size(source_of(path, settings))[0] <= shown.width:
        return None  # a PNG within the maximum has no camera data: kept byte for byte
    return dataclasses.replace(shown.renditions[-1], name=path)


def leave_capped_to_the_writer(generator):
    """static_generator_finalized (after containment kept what may be published): the
    static step copies no file this step publishes; their renditions go into the run's
    context for CappedOriginals. In place: the context holds the same list of files."""
    kept, renditions = [], []
    for static in generator.staticfiles:
        rendition = capped(static.save_as, generator.settings)
        if rendition is None:
            kept.append(static)
        else:
            renditions.append(rendition)
    generator.staticfiles[:] = kept
    generator.context["iq_capped_originals"] = sorted(renditions, key=lambda r: r.name)


class CappedOriginals(Generator):
    """Writes the capped file of each JPEG and large PNG the static step left out."""

    def generate_output(self, writer):
        for rendition in self.context.get("iq_capped_originals", []):
            publish(writer, rendition, self.settings)


def originals_generator(pelican):
    return CappedOriginals
