"""sitemap: sitemap.xml and robots.txt for search engines, in the public build only.

Search engines need absolute addresses, which only the public build (publishconf.py,
SITEURL with http) has. The sitemap lists every page not marked noindex, with the date
of its newest content (sitemap.py).
"""

from pelican import signals

from iq_core.steps import WrittenSiteStep
from iq_core.timing import timed

from .sitemap import indexable_urls, write_robots, write_sitemap


class Sitemap(WrittenSiteStep):
    def finish(self):
        siteurl = self.settings.get("SITEURL", "")
        if not siteurl.startswith("http"):
            return
        with timed("sitemap"):
            urls = indexable_urls(self.output_path)
            write_sitemap(urls, self.context, siteurl.rstrip("/"), self.output_path)
            write_robots(siteurl.rstrip("/"), self.output_path)


def get_generators(pelican):
    return Sitemap


def register():
    signals.get_generators.connect(get_generators)
