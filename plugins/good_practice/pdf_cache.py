"""Printed fact sheets kept between builds, so an unchanged sheet is not printed again.

WeasyPrint needs most of a second per sheet; at 400 sheets every build would spend
minutes printing the same PDFs. An entry of the cache (CACHE_PATH/steckbrief-pdf/, like
iq_core.imagefiles' bildgroessen/) is found under the hash of everything known before
printing (`key`): the HTML handed to WeasyPrint, the PDF stylesheet's text, the PDF's
title and dates, the versions of WeasyPrint, the libraries it prints with and of the
recipe. What WeasyPrint then loads (the site's stylesheets, photos, fonts) is known only
once it has printed: the entry lists every file the fetcher gave, with the hash of its
bytes, and every URL it refused. An entry counts only while each of those files still
gives the same bytes and each refused URL is still refused. Printing depends on nothing
else, so a cached PDF is byte for byte what printing again would give.

One file per entry, `<key>.eintrag`: one line of JSON (the files, the refused URLs, the
hash of the PDF), then the PDF. It is written beside and renamed into place, so a build
and the preview running at once read a whole entry or none; an entry that cannot be read
or whose PDF does not match its hash counts as missing, and the sheet is printed again.
"""

import hashlib
import importlib.metadata
import json
import os
import tempfile

from weasyprint.text.ffi import pango

from .pdf_fetcher import file_digest

# Raise when the way a sheet is printed changes (pdf.py: options of write_pdf, the
# metadata): every cached PDF is printed anew.
RECIPE_VERSION = 1
CACHE_FOLDER = "steckbrief-pdf"
SUFFIX = ".eintrag"
# Every library whose version can change the bytes: layout, hyphenation, images, fonts.
PACKAGES = ("weasyprint", "pydyf", "fonttools", "pillow", "tinycss2", "cssselect2",
            "tinyhtml5", "pyphen")
# The system libraries WeasyPrint lays out text and cuts font subsets with (Debian's).
SYSTEM_LIBRARIES = ("libpango", "libharfbuzz", "libfontconfig", "libfreetype")


def cache_folder(settings):
    return os.path.join(os.path.abspath(settings["CACHE_PATH"]), CACHE_FOLDER)


def libraries():
    """Versions of the Python packages and the loaded system libraries that print."""
    return [[name, importlib.metadata.version(name)] for name in PACKAGES] + \
        [["pango", pango.pango_version()], loaded_system_libraries()]


def loaded_system_libraries():
    """The files of SYSTEM_LIBRARIES this process has loaded (WeasyPrint opens them when
    it is imported); their names carry the version (libharfbuzz.so.0.60000.0). Copies
    inside Python packages (Pillow's own FreeType, loaded only if a step draws text) are
    left out: they would make the key depend on what else the process did. Empty where
    the process's memory map cannot be read (not Linux): Pango's version must do."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as handle:
            paths = {line.split()[-1] for line in handle if "/" in line}
    except OSError:
        return []
    return sorted({os.path.basename(os.path.realpath(path)) for path in paths
                   if os.path.basename(path).startswith(SYSTEM_LIBRARIES)
                   and "-packages" not in path})


def key(html, stylesheet, base_url, metadata, versions):
    """The hash of what decides a sheet's PDF before WeasyPrint loads anything."""
    made_of = json.dumps([RECIPE_VERSION, versions, base_url, metadata, stylesheet, html],
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(made_of.encode("utf-8")).hexdigest()


class FileDigests:
    """file_digest of local files, each read once per build (every sheet embeds the same
    fonts and loads the same stylesheets)."""

    def __init__(self):
        self.known = {}

    def of(self, path):
        if path not in self.known:
            with open(path, "rb") as handle:
                self.known[path] = file_digest(path, handle.read())
        return self.known[path]


class Entry:
    """A printed PDF and what WeasyPrint loaded for it: `files` {URL: file_digest},
    `refused` [URL]."""

    def __init__(self, data, files, refused):
        self.data, self.files, self.refused = data, dict(files), list(refused)

    def to_bytes(self):
        head = {"files": self.files, "refused": self.refused,
                "pdf": hashlib.sha256(self.data).hexdigest()}
        return json.dumps(head, sort_keys=True).encode("utf-8") + b"\n" + self.data

    @classmethod
    def from_bytes(cls, stored):
        """The entry in `stored`, or None if it is damaged (cut off, not ours)."""
        head, _, data = stored.partition(b"\n")
        try:
            head = json.loads(head)
            files, refused = head["files"], head["refused"]
            whole = head["pdf"] == hashlib.sha256(data).hexdigest()
        except (ValueError, TypeError, KeyError):
            return None
        if not whole or not isinstance(files, dict) or not isinstance(refused, list) or \
                not all(isinstance(v, str) for v in [*files, *files.values(), *refused]):
            return None
        return cls(data, files, refused)

    def still_valid(self, fetcher, digests):
        """Would `fetcher` give WeasyPrint the same files (and refuse the same URLs)?"""
        try:
            for url, digest in self.files.items():
                path = fetcher.local_file(url)
                if path is None or digests.of(path) != digest:
                    return False
            return all(fetcher.local_file(url) is None for url in self.refused)
        except (OSError, ValueError):  # a file gone while reading, a URL no longer parsed
            return False


class PdfCache:
    """The entries in `folder`. `keep`: how many entries pruning leaves (see prune)."""

    def __init__(self, folder, keep):
        self.folder, self.keep = folder, keep
        self.digests = FileDigests()
        self.used = set()  # names of the entries this build read or wrote

    def load(self, key, fetcher):
        """The valid entry under `key` for what `fetcher` would load now, or None."""
        path = os.path.join(self.folder, key + SUFFIX)
        try:
            with open(path, "rb") as handle:
                entry = Entry.from_bytes(handle.read())
        except OSError:
            return None
        if entry is None or not entry.still_valid(fetcher, self.digests):
            return None
        self.used.add(key + SUFFIX)
        try:
            os.utime(path)  # recently used: pruning goes by the time of last use
        except OSError:
            pass
        return entry

    def store(self, key, entry):
        """Keep `entry` under `key`, as a whole file; no cache (a read-only folder) is no
        error: the sheet is printed again next time."""
        self.used.add(key + SUFFIX)
        try:
            os.makedirs(self.folder, exist_ok=True)
            handle, scratch = tempfile.mkstemp(dir=self.folder, suffix=".teil")
            with os.fdopen(handle, "wb") as out:
                out.write(entry.to_bytes())
            os.replace(scratch, os.path.join(self.folder, key + SUFFIX))
        except OSError:
            pass

    def prune(self):
        """Remove all but the `keep` most recently used files, never one this build used.

        Not "everything this build did not use": the public build, the preview (with
        drafts and other links), the tests and other branches share the folder, and each
        would throw away what the others print next. The most recently used ones are
        what any of them is likely to ask for again; `keep` bounds the folder (an entry
        is some 35 KB). Leftover `.teil` files of a build that was killed while writing
        go the same way."""
        newest_first = [name for _, name in sorted(self.last_used(), reverse=True)]
        for name in newest_first[self.keep:]:
            if name not in self.used:
                try:
                    os.remove(os.path.join(self.folder, name))
                except OSError:
                    pass  # another build removed it first

    def last_used(self):
        """(time of last use, name) of each file in the folder."""
        try:
            with os.scandir(self.folder) as found:
                items = list(found)
        except OSError:
            return []
        times = []
        for item in items:
            try:
                if item.is_file():
                    times.append((item.stat().st_mtime, item.name))
            except OSError:
                pass  # removed meanwhile
        return times
