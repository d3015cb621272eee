"""The written HTML pages, for the steps over the written site (search index, sitemap)."""

import os

import lxml.html

SKIPPED_FOLDERS = {"pagefind", "theme"}


def page_url(output, path):
    """"/newsletter/2025-03/" for output/newsletter/2025-03/index.html."""
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


def read_page(path):
    with open(path, "rb") as handle:
        return lxml.html.document_fromstring(handle.read())


def indexable(tree):
    """Pages marked noindex (drafts, e-mail versions, search, 404) stay out of search and
    sitemap."""
    robots = tree.xpath("//meta[@name='robots']/@content")
    return not any("noindex" in value for value in robots)


def indexable_file(path):
    """`indexable` for a page on disk, from its head only (the robots meta is there): a
    tenth of the time of parsing the whole page."""
    with open(path, "rb") as handle:
        html = handle.read()
    end = html.find(b"</head>")
    head = html if end < 0 else html[:end] + b"</head><body></body></html>"
    return indexable(lxml.html.document_fromstring(head))
