"""The built HTML pages, for the steps after Pelican (search index, sitemap)."""

import os
from dataclasses import dataclass

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


def html_files(output):
    """Every HTML file of the site (not Pagefind's bundle or the theme's files), sorted."""
    for folder, subfolders, files in os.walk(output):
        if folder == output:
            subfolders[:] = [d for d in subfolders if d not in SKIPPED_FOLDERS]
        subfolders.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                yield os.path.join(folder, name)
