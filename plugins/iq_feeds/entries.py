"""What a content type hands to the feeds: one FeedEntry per published item."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlparse


@dataclass(frozen=True)
class FeedEntry:
    id: str                      # stable tag URI, see entry_id()
    title: str
    url: str                     # relative to SITEURL, e.g. "newsletter/2025-03/"
    published: datetime.datetime  # aware, from content
    updated: datetime.datetime    # aware, from content (modified, else published)
    summary: str                 # HTML teaser, may be ""
    content: str                 # full HTML; relative links are made absolute by the writer
    kind: str                    # "newsletter", "good-practice" or "termin"
    categories: tuple = field(default=())


def entry_id(settings, kind, slug, date):
    """A tag URI (RFC 4151) that never changes when the site moves or a title changes.

    Built from the public domain set once in pelicanconf (PUBLIC_SITEURL), the item's
    publication date and its slug: rebuilding, or previewing under another address,
    gives every subscriber's reader the same id.
    """
    domain = urlparse(settings["PUBLIC_SITEURL"]).hostname
    return f"tag:{domain},{date:%Y-%m-%d}:/{kind}/{slug}"


def add_feed_entries(context, entries):
    """Offer entries to the site-wide feed (written after every content type has read)."""
    context.setdefault("feed_entries", []).extend(entries)


def register_feed(context, title, folder):
    """Announce a feed for the autodiscovery links in every page's head."""
    feeds = context.setdefault("site_feeds", [])
    if not any(feed["folder"] == folder for feed in feeds):
        feeds.append({"title": title, "folder": folder})
        feeds.sort(key=lambda feed: feed["folder"])
