"""What the reader made of each file, kept in memory by the preview between its runs.

The preview (scripts/preview.py) renders the site anew after every save; reading every
Markdown file again would take seconds at a thousand items. With a ReadCache in the
setting IQ_READ_CACHE, the reader reads a file again only when it changed. A file's
result also depends on the other files (a link to a missing file is a problem, an image's
size comes from the image), so any other change under content/ (a file added, removed,
renamed, an image replaced) starts the cache afresh. Files with errors that stop reading
are never kept: they are read again on each run.
"""

import hashlib
import os
from dataclasses import dataclass, field

CONTENT_EXTENSIONS = (".md", ".markdown")


def tree_signature(content_root):
    """Every path under content/, with size and time for everything but Markdown files."""
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in os.walk(content_root):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
            if not name.endswith(CONTENT_EXTENSIONS):
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def file_stamp(path):
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


@dataclass
class Kept:
    stamp: tuple
    read: tuple                                  # the reader's (content, metadata)
    cleaned: dict = field(default_factory=dict)  # content type -> its (content, metadata)


class ReadCache:
    def __init__(self):
        self._results = {}
        self._signature = None

    def start_run(self, content_root):
        """Before each run: forget everything if anything but a Markdown file changed."""
        signature = tree_signature(content_root)
        if signature != self._signature:
            self._results.clear()
            self._signature = signature

    def read(self, source_path, read):
        """`read(source_path)`'s (content, metadata), from memory while the file is unchanged."""
        stamp = file_stamp(source_path)
        kept = self._results.get(source_path)
        if kept is None or kept.stamp != stamp:
            kept = Kept(stamp, read(source_path))
            self._results[source_path] = kept
        content, metadata = kept.read
        # Pelican and the content types add and replace keys; the values they only read.
        return content, dict(metadata)

    def cleaned(self, source_path, kind, clean):
        """`clean()`'s (content, metadata) for the file as read above: a content type's
        checks run again only when the file changed. A file with mistakes is checked
        again on every run (its messages are made anew)."""
        kept = self._results.get(source_path)  # Pelican gives reader and item one path
        if kept is None:
            return clean()
        if kind not in kept.cleaned:
            kept.cleaned[kind] = clean()
        content, metadata = kept.cleaned[kind]
        return content, dict(metadata)
