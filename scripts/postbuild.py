"""Steps after Pelican, over the written staging folder: search index, sitemap, robots.txt."""

import os

from iq_core.timing import timed
from sitemap import write_robots, write_sitemap
from sitepages import site_pages


def finish_site(context, settings, output, splitter=None):
    with timed("search index"):
        from searchindex import build_search_index

        # Parsing the pages is counted here: the sitemap reuses the parsed pages.
        pages = [page for page in site_pages(output) if page.indexable]
        # With the content cache on (e.g. the benchmark's rebuild), compound splits are kept too.
        cache_file = os.path.join(settings["CACHE_PATH"], "Suchindex-Komposita") \
            if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE") else None
        build_search_index(pages, output, cache_file, splitter)
    siteurl = settings.get("SITEURL", "")
    # Search engines need absolute addresses: only the public build has them.
    if siteurl.startswith("http"):
        with timed("sitemap"):
            write_sitemap(pages, context, siteurl.rstrip("/"), output)
            write_robots(siteurl.rstrip("/"), output)
