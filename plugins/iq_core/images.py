"""Every image an editor puts into Markdown gets its size and lazy loading.

Width and height let the browser reserve the space before the image arrives (no
jumping text on a phone); `loading="lazy"` fetches images only when they come into
view. Editors write plain `![Beschreibung](…)`; the size is read from the file.
"""

import os

import imagesize
from markdown.treeprocessors import Treeprocessor

PLACEHOLDERS = ("{static}", "{attach}", "{filename}")


def image_file(src, content_root, source_dir):
    """The file below content/ that `src` points to, or None (other hosts, data: URLs)."""
    path = src
    for placeholder in PLACEHOLDERS:
        if path.startswith(placeholder):
            path = path[len(placeholder):]
    path = path.split("?", 1)[0].split("#", 1)[0]
    if not path or "://" in path or path.startswith(("data:", "//")):
        return None
    # As in Pelican: "/images/x.png" is below content/, "x.png" next to the Markdown file.
    base = content_root if path.startswith("/") else source_dir
    full = os.path.normpath(os.path.join(base, path.lstrip("/")))
    return full if os.path.isfile(full) else None


class ImageSizeTreeprocessor(Treeprocessor):
    """Sets width, height and loading on <img>; the reader says which file is being read."""

    def __init__(self, md, content_root):
        super().__init__(md)
        self.content_root = content_root
        self.source_dir = content_root

    def run(self, root):
        for img in root.iter("img"):
            img.set("loading", img.get("loading") or "lazy")
            if img.get("width") and img.get("height"):
                continue
            full = image_file(img.get("src") or "", self.content_root, self.source_dir)
            if full is None:
                continue  # a missing file is reported by the checks of the written site
            width, height = imagesize.get(full)
            if width > 0 and height > 0:
                img.set("width", str(int(width)))
                img.set("height", str(int(height)))
