"""Checks every content type shares: known keys, required keys, status, text values."""

from .errors import ContentError, unknown_key_error

COMMON_KEYS = {"title", "date", "modified", "slug", "status", "summary", "lang"}
STATUSES = ("published", "draft", "hidden")
PAGE_KEYS = COMMON_KEYS


def check_keys(source_path, raw, lines, allowed, required=()):
    """Unknown keys (with the closest valid one) and missing required keys."""
    for key in raw:
        if key not in allowed:
            raise unknown_key_error(source_path, key, allowed, line=lines.get(key))
    for key in required:
        if raw.get(key) in (None, "", [], {}):
            raise ContentError(
                source_path,
                "Diese Angabe fehlt, sie ist Pflicht.",
                key=key,
                hint=f"Ergänzen Sie im Kopfbereich eine Zeile „{key}: …“.",
            )


def check_status(source_path, raw, lines):
    status = raw.get("status", "published")
    if status not in STATUSES:
        raise ContentError(
            source_path,
            f"„{status}“ ist kein gültiger Status.",
            key="status",
            line=lines.get("status"),
            hint="Erlaubt sind: published (veröffentlicht), draft (Entwurf), hidden (versteckt).",
        )


def check_text(source_path, raw, lines, key):
    value = raw.get(key)
    if value is not None and not isinstance(value, (str, int, float)):
        raise ContentError(
            source_path,
            "Hier steht ein Text, keine Liste und keine Gruppe von Angaben.",
            key=key,
            line=lines.get(key),
            hint=f"Schreiben Sie „{key}: Ihr Text“ in eine Zeile.",
        )


def check_page(page):
    """Pages (Über uns, Impressum, …): title required, common keys only."""
    raw = page.metadata.get("front_matter", {})
    lines = page.metadata.get("front_matter_lines", {})
    check_keys(page.source_path, raw, lines, PAGE_KEYS, required=("title",))
    check_status(page.source_path, raw, lines)
    for key in ("title", "summary", "slug"):
        check_text(page.source_path, raw, lines, key)


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
