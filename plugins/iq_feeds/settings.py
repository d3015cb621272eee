"""Defaults of the feed settings, in one place."""

DEFAULTS = {
    "SITE_FEED_TITLE": "IQ Netzwerk Niedersachsen – alle Neuigkeiten",
    "SITE_FEED_DESCRIPTION": "Newsletter, Good-Practice-Beispiele und Termine des IQ Netzwerks Niedersachsen.",
}

