"""Steps after Pelican, over the written staging folder: search index, sitemap, robots.txt."""

from iq_core.timing import timed
from sitemap import write_robots, write_sitemap
from sitepages import site_pages


def finish_site(context, settings, output):
    with timed("search index"):
        # Imported here, so its German compound model (seconds to load) counts as this step.
        from searchindex import build_search_index

        # Parsing the pages is counted here: the sitemap reuses the parsed pages.
        pages = [page for page in site_pages(output) if page.indexable]
        build_search_index(pages, output)
    siteurl = settings.get("SITEURL", "")
    # Search engines need absolute addresses: only the public build has them.
    if siteurl.startswith("http"):
        with timed("sitemap"):
            write_sitemap(pages, context, siteurl.rstrip("/"), output)
            write_robots(siteurl.rstrip("/"), output)
