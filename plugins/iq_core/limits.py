"""Sizes a content file may have. Generous for real content, small enough that no file can
make a build slow, huge or crash (a 100,000-character title is not a file name)."""

MAX_FILE_BYTES = 500_000        # a whole Markdown file (the longest issue so far: 15 KB)
MAX_HEADER_CHARS = 64_000       # the front matter between the two "---" lines
MAX_VALUE_CHARS = 10_000        # one value in the front matter
MAX_KEY_CHARS = 100             # one key
MAX_NUMBER_DIGITS = 20          # a number written without quotes
MAX_DEPTH = 8                   # lists and groups inside each other (front matter)
MAX_HTML_DEPTH = 64             # elements inside each other in a text
MAX_TITLE_CHARS = 300           # titles and subtitles: they become headings and addresses
MAX_SUMMARY_CHARS = 2_000       # teasers
MAX_SLUG_CHARS = 100            # the address part an editor may set
YEARS = (1900, 2100)            # dates outside these years are typos


def shortened(text, length=40):
    """A value as it can be quoted in a message."""
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"
