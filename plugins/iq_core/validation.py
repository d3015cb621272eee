"""Checks every content type shares: known keys, required keys, text values, pages.

Title, summary, slug, status, lang and the dates are checked by the reader for every file
(iq_core.common); the content types check their own keys with these helpers."""

from .common import empty_slug_error, text_error
from .errors import ContentError, Problems, unknown_key_error
from .fields import COMMON_FIELDS, PAGE_FIELDS, keys, required_keys

COMMON_KEYS = keys(COMMON_FIELDS)
PAGE_KEYS = keys(PAGE_FIELDS)


def check_keys(source_path, raw, lines, allowed, required=()):
    """Unknown keys (with the closest valid one) and missing required keys, all at once."""
    problems = Problems()
    for key in raw:
        if key not in allowed:
            problems.add(unknown_key_error(source_path, key, allowed, line=lines.get(key)))
    for key in required:
        if raw.get(key) in (None, "", [], {}):
            problems.add(ContentError(
                source_path,
                "Diese Angabe fehlt, sie ist Pflicht.",
                key=key,
                hint=f"Ergänzen Sie im Kopfbereich eine Zeile „{key}: …“.",
            ))
    problems.raise_any()


def check_text(source_path, raw, lines, key):
    """A text: not a list, and not a number, date or yes/no that YAML read from plain words."""
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise text_error(source_path, key, value, lines.get(key))


def check_page(page):
    """Pages (Über uns, Impressum, …): title required, common keys only."""
    raw = page.metadata.get("front_matter", {})
    lines = page.metadata.get("front_matter_lines", {})
    problems = Problems.of(page.metadata)
    problems.value(check_keys, page.source_path, raw, lines, PAGE_KEYS,
                   required=required_keys(PAGE_FIELDS))
    if isinstance(raw.get("title"), str) and not getattr(page, "slug", ""):
        problems.add(empty_slug_error(page.source_path, lines.get("title")))
    problems.raise_any()  # title, summary, slug, status: checked by the reader (common.py)


def keep_first(items, key, taken, log):
    """Items in file order; a later one whose `key` an earlier file has is left out.

    `taken(item, earlier)` gives the ContentError for the later item; it is logged with
    `log` (sitebuild fails the build on it) so every clash is reported in one build.
    """
    seen, kept = {}, []
    for item in sorted(items, key=lambda i: i.source_path):
        value = key(item)
        if value in seen:
            log("%s", taken(item, seen[value]).message())
            continue
        seen[value] = item
        kept.append(item)
    return kept
