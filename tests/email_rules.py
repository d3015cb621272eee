"""What any correct newsletter e-mail must be, whatever its template: small enough for
Gmail, no SVG, only addresses a mail client can open, and a plain-text twin that fits 72
columns and spells out every link (tests/test_email_clients.py applies them)."""

import re
from urllib.parse import urlsplit

from newsletter.settings import DEFAULTS as NEWSLETTER_DEFAULTS

GMAIL_CLIPS_AT = 102 * 1024  # bytes of HTML; Gmail shows "[Nachricht gekürzt]" beyond


def svg_images(html):
    """The src of every <img> that shows an SVG file or SVG data."""
    return [img.get("src") for img in html.iter("img")
            if urlsplit(img.get("src") or "").path.lower().endswith(".svg")
            or (img.get("src") or "").strip().lower().startswith("data:image/svg")]


MERGE_TAGS = set(NEWSLETTER_DEFAULTS["NEWSLETTER_EMAIL_MERGE_TAGS"].values())


def non_absolute_urls(html):
    """Every href and src that a mail client could not open: not an absolute http(s)
    address, mailto:/tel: or a merge tag that the mailing tool replaces."""
    for element in html.iter():
        for attribute in ("href", "src"):
            value = (element.get(attribute) or "").strip()
            if attribute not in element.attrib or value in MERGE_TAGS:
                continue
            parts = urlsplit(value)
            if parts.scheme in ("mailto", "tel") or parts.scheme in ("http", "https") \
                    and parts.netloc:
                continue
            yield f"{element.tag} {attribute}={value!r}"


TEXT_WIDTH = 72  # plain-text mail convention (quoting leaves room up to RFC 5322's 78)
# A URL alone on its line, maybe in parentheses or angle brackets: it must not be broken.
URL_LINE = re.compile(r"\s*[(<]?https?://\S+?[)>]?[.,;:]?\s*")


def long_lines(text):
    return [line for line in text.splitlines()
            if len(line) > TEXT_WIDTH and not URL_LINE.fullmatch(line)]


def links_missing_from_text(html, text):
    """The http(s) links of the HTML that the plain text does not spell out in full."""
    links = {element.get("href").strip() for element in html.iter("a")
             if urlsplit((element.get("href") or "").strip()).scheme in ("http", "https")}
    # The whole address: followed by the end of the URL, not by more of it (#anchor, /path).
    return sorted(link for link in links
                  if not re.search(re.escape(link) + r"(?![^\s)>\].,;:!?])", text))
