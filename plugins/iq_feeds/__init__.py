"""iq_feeds: RSS and Atom feeds, written once here and shared by every content type.

Content types call `add_feed_entries` (site-wide feed), `write_feeds` (their own feed)
and `register_feed` (autodiscovery links in every page's head).
"""

from pelican import signals

from .entries import FeedEntry, add_feed_entries, entry_id, register_feed
from .generator import get_generators
from .settings import DEFAULTS
from .writer import absolute_links, write_feeds

__all__ = ["DEFAULTS", "FeedEntry", "absolute_links", "add_feed_entries", "entry_id", "register_feed",
           "write_feeds"]


def register():
    signals.get_generators.connect(get_generators)
