"""sitemap.xml and robots.txt for search engines: published pages only, with lastmod.

lastmod comes from content (`modified`, else the last commit of the file in git,
iq_core.history, else `date`), never from the build time, so the files are the same for
every build of one commit. A listing page (an archive,
the home page) changes when its newest item changes, so it takes the newest date
below its address.
"""

import bisect
import os

from lxml import etree

from iq_core.history import last_modified
from iq_core.written import html_files, indexable_file, page_url

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def content_dates(context):
    """URL path ("/newsletter/2025-03/") → newest date of the content written there."""
    dates = {}
    for item in context.get("generated_content", {}).values():
        if item is None or getattr(item, "status", "published") != "published":
            continue
        url = getattr(item, "url", "")
        when = last_modified(item) or getattr(item, "date", None)
        if url and when:
            dates["/" + url.lstrip("/")] = when
    return dates


def lastmod(url, dates, paths):
    """`paths`: sorted(dates). The addresses below `url` are one slice of it (a bisection,
    not a scan of every address per page, which grew with pages × content)."""
    if url in dates:
        return dates[url]
    low = bisect.bisect_left(paths, url)
    high = bisect.bisect_left(paths, url + "\U0010ffff")
    return max((dates[path] for path in paths[low:high]), default=None)


def indexable_urls(output):
    """The address paths of the pages not marked noindex ("/newsletter/2025-03/")."""
    return [page_url(output, path) for path in html_files(output) if indexable_file(path)]


def write_sitemap(urls, context, siteurl, output):
    """`urls`: the address paths of the published pages ("/newsletter/2025-03/")."""
    dates = content_dates(context)
    paths = sorted(dates)
    root = etree.Element(f"{{{NS}}}urlset", nsmap={None: NS})
    for url in sorted(urls):
        entry = etree.SubElement(root, f"{{{NS}}}url")
        etree.SubElement(entry, f"{{{NS}}}loc").text = siteurl + url
        when = lastmod(url, dates, paths)
        if when is not None:
            etree.SubElement(entry, f"{{{NS}}}lastmod").text = when.date().isoformat() \
                if hasattr(when, "date") else when.isoformat()
    etree.ElementTree(root).write(os.path.join(output, "sitemap.xml"), encoding="UTF-8",
                                  xml_declaration=True, pretty_print=True)


def write_robots(siteurl, output):
    with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n")
