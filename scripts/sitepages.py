"""The built HTML pages, parsed once for the steps after Pelican (search index, sitemap)."""

import os
from dataclasses import dataclass

import lxml.html

SKIPPED_FOLDERS = {"pagefind", "theme"}


@dataclass
class SitePage:
    path: str   # file in the output folder
    url: str    # "/newsletter/2025-03/"
    tree: object

    @property
    def indexable(self):
        """Pages marked noindex (drafts, e-mail versions, search, 404) stay out of search and sitemap."""
        robots = self.tree.xpath("//meta[@name='robots']/@content")
        return not any("noindex" in value for value in robots)


def page_url(output, path):
    relative = os.path.relpath(path, output).replace(os.sep, "/")
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def site_pages(output):
    for folder, subfolders, files in os.walk(output):
        if folder == output:
            subfolders[:] = [d for d in subfolders if d not in SKIPPED_FOLDERS]
        subfolders.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    tree = lxml.html.document_fromstring(handle.read())
                yield SitePage(path, page_url(output, path), tree)
