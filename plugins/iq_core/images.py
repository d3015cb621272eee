"""Every image an editor puts into Markdown gets its size and lazy loading.

Width and height let the browser reserve the space before the image arrives (no
jumping text on a phone); `loading="lazy"` fetches images only when they come into
view. Editors write plain `![Beschreibung](…)`; the size is read from the file, which
the reader's LinkResolver finds inside content/ (never anywhere else).
"""

import math
import os

import imagesize
from markdown.treeprocessors import Treeprocessor

from .links import site_path


class ImageSizeTreeprocessor(Treeprocessor):
    """Sets width, height and loading on <img>; the reader sets `resolver` for each file."""

    def __init__(self, md):
        super().__init__(md)
        self.resolver = None

    def run(self, root):
        for img in root.iter("img"):
            img.set("loading", img.get("loading") or "lazy")
            if img.get("width") and img.get("height") or self.resolver is None:
                continue
            path = site_path(self.resolver.resolve(img.get("src") or "", image=True).value)
            if path is None:
                continue  # not a file of content/: the reader reports it
            try:
                width, height = imagesize.get(os.path.join(self.resolver.content_root, path))
            except (OSError, ValueError, OverflowError):
                continue
            if all(math.isfinite(size) and 0 < size <= 100_000 for size in (width, height)):
                img.set("width", str(int(width)))
                img.set("height", str(int(height)))
