"""The site-wide feed: every published newsletter issue, fact sheet and event."""

from pelican.generators import Generator

from .entries import register_feed
from .writer import write_feeds


class SiteFeedGenerator(Generator):
    def generate_context(self):
        register_feed(self.context, self.settings["SITE_FEED_TITLE"], "")

    def generate_output(self, writer):
        # Content types add their entries while reading; all reading is done by now.
        write_feeds(
            writer, self.settings,
            folder="",
            title=self.settings["SITE_FEED_TITLE"],
            description=self.settings["SITE_FEED_DESCRIPTION"],
            entries=self.context.get("feed_entries", []),
        )


def get_generators(pelican):
    return SiteFeedGenerator
