"""Steps after Pelican, over the written staging folder: search index, sitemap, robots.txt."""

from iq_core.timing import timed
from sitemap import write_robots, write_sitemap


def finish_site(context, settings, output, preparer):
    """`preparer`: the searchindex.PagePreparer that has been preparing the written pages."""
    with timed("search index"):
        urls = preparer.finish()
    siteurl = settings.get("SITEURL", "")
    # Search engines need absolute addresses: only the public build has them.
    if siteurl.startswith("http"):
        with timed("sitemap"):
            write_sitemap(urls, context, siteurl.rstrip("/"), output)
            write_robots(siteurl.rstrip("/"), output)
