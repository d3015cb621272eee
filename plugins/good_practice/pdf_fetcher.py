"""What WeasyPrint may read while it prints a fact sheet: the site's own files, nothing else.

A sheet's page names stylesheets, images and fonts by URL. WeasyPrint's own fetcher
would open any of them, from any host or any file of the machine (`file:///etc/passwd`
in an editor's <img>). This fetcher answers only URLs below the site's address, from
the files that make them: the theme's static files, the files the build has written so
far (web sizes of images), content/ (static files are copied after the pages), and the
DejaVu fonts the print stylesheet embeds. Every other URL is refused and remembered, so
the build can name it; every path is resolved (`..`, symlinks) and must stay inside its
folder.

What it gives is remembered too (`served`: URL → hash of type and bytes), so the PDF
cache (pdf_cache.py) knows which files a printed sheet was made of.
"""

import hashlib
import mimetypes
import os
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

# fonts-dejavu-core (installed by scripts/install-build-deps): the only files outside the
# site that a PDF may embed.
FONT_FOLDER = "/usr/share/fonts/truetype/dejavu"
FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")


class SiteFilesFetcher(URLFetcher):
    """`site_url` ("https://…", no trailing slash); `folders`: [(path prefix below the site
    such as "theme/" or "", folder)], tried in order."""

    def __init__(self, site_url, folders, font_folder=FONT_FOLDER):
        super().__init__(allowed_protocols=("https", "http", "file"))
        self.site_url = site_url.rstrip("/") + "/"
        self.folders = list(folders)
        self.font_folder = font_folder
        self.refused = []  # URLs asked for and not given, in the order asked
        self.served = {}  # URL -> file_digest of what it gave

    def fetch(self, url, headers=None):
        path = self.local_file(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"nicht geladen, keine Datei der Website: {url}")
        with open(path, "rb") as handle:
            data = handle.read()
        self.served[url] = file_digest(path, data)
        return URLFetcherResponse(url, data, {"Content-Type": kind_of(path)})

    def local_file(self, url):
        """The file that answers `url`, or None (another host, outside every folder)."""
        parts = urlsplit(url)
        if parts.scheme == "file" and not parts.netloc:
            return inside(self.font_folder, unquote(parts.path)[len(self.font_folder):]) \
                if unquote(parts.path).startswith(self.font_folder + "/") else None
        if parts.query or not url.startswith(self.site_url):
            return None
        below = unquote(parts.path)[len(urlsplit(self.site_url).path):]
        for prefix, folder in self.folders:
            if below.startswith(prefix):
                found = inside(folder, below[len(prefix):])
                if found is not None:
                    return found
        return None


def is_font(url):
    """Whether `url` names a font file (WeasyPrint loads each font once per build)."""
    return urlsplit(url).path.lower().endswith(FONT_SUFFIXES)


def kind_of(path):
    """The Content-Type WeasyPrint is told for the file at `path`."""
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def file_digest(path, data):
    """The hash of what WeasyPrint gets for the file `path` with the bytes `data`: the type
    too, since it decides how the bytes are read (an SVG or a photo)."""
    return hashlib.sha256(kind_of(path).encode("ascii") + b"\0" + data).hexdigest()


def inside(folder, relative):
    """The existing file `relative` below `folder`, resolved, or None if it is missing or
    leads out of the folder."""
    root = os.path.realpath(folder)
    path = os.path.realpath(os.path.join(root, relative.lstrip("/")))
    if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
        return None
    return path
