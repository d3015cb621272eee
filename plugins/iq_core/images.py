"""Every image of a text gets its size and lazy loading; a broken image file is reported.

Width and height let the browser reserve the space before the image arrives (no
jumping text on a phone, and the HTML checks of `invoke verify` demand them);
`loading="lazy"` fetches images only when they come into view. Editors write plain
`![Beschreibung](…)` or `<img src="…" alt="…">`: both are sized here, after the
sanitiser, so the size comes from the file (a `width="abc"` the sanitiser dropped, or
a width without a height, is replaced by the file's size). The paths are resolved by
then (`{static}/images/…`, iq_core.links), always inside content/.

A JPEG or PNG that cannot be decoded (a text file named kaputt.jpg) would reach readers
as a broken image without a size: it is the editor's to replace, so the reader reports
it with the line that shows it.
"""

import os

from .errors import ContentError
from .imagemarkup import image_tag, replace_image_tags
from .links import site_path
from .webimages import image_size, readable_image


def sized_images(html, content_root):
    """(`html` with width, height and loading on every <img>, the paths below content/
    of the images whose files cannot be read)."""
    unreadable = []

    def sized(attributes):
        attributes = dict(attributes)
        path = site_path(attributes.get("src") or "")
        source = os.path.join(content_root, *path.split("/")) if path else None
        if source and os.path.isfile(source) and not readable_image(source):
            unreadable.append(path)
        elif source and not (attributes.get("width") and attributes.get("height")):
            size = image_size(source)
            if size:
                attributes["width"], attributes["height"] = map(str, size)
        attributes.setdefault("loading", "lazy")
        return image_tag(attributes)

    return replace_image_tags(html, sized), unreadable


def unreadable_image_error(source_path, path, key=None, line=None):
    """The image `path` (below content/) that `source_path` shows cannot be decoded."""
    return ContentError(
        source_path, f"„{path}“ ist keine lesbare Bilddatei (die Datei ist beschädigt oder "
        "kein echtes JPG oder PNG).", key=key, line=line,
        hint="Öffnen Sie das Bild in einem Bildprogramm, speichern Sie es neu als JPG oder PNG "
        "und ersetzen Sie die Datei.")
