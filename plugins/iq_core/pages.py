"""Addresses of plain pages: each once, and never one that a part of the site uses.

A page is written to `{slug}/index.html`. Two pages with one slug, or a page called
"termine" or "suche", would overwrite each other or a generated page; Pelican then
stops with an English error that names a temporary folder. Here the later file (in
file order) is left out and both files are named, so the build reports every clash in
one run and fails with German messages.
"""

import logging

from .errors import ContentError
from .validation import keep_first

logger = logging.getLogger(__name__)

# Folders the build writes itself, besides those in the settings (see reserved_slugs).
WRITTEN_BY_BUILD = {"pagefind", "theme", "feeds"}


def reserved_slugs(settings):
    """First folder of every address the site's settings write to (newsletter, termine …)."""
    names = set(WRITTEN_BY_BUILD) | set(settings.get("STATIC_PATHS", []))
    for key, value in settings.items():
        # Drafts live below entwurf/ in the preview only: a page may be called "entwurf".
        if key.endswith(("_URL", "_SAVE_AS", "_FOLDER")) and not key.startswith("DRAFT_") \
                and isinstance(value, str) and "/" in value:
            first = value.strip("/").split("/", 1)[0]
            if first and "{" not in first:
                names.add(first)
    names.add(settings.get("THEME_STATIC_DIR", "theme"))
    return names


def check_page_addresses(generator):
    """Leave out (and report) pages whose address is reserved or taken by an earlier file."""
    reserved = reserved_slugs(generator.settings)
    # Published and hidden pages share one address space; drafts have their own.
    for lists in ((generator.pages, generator.hidden_pages), (generator.draft_pages,)):
        candidates = [page for pages in lists for page in pages if not _reserved(page, reserved)]
        kept = {id(page) for page in keep_first(candidates, lambda p: p.slug, _taken,
                                                 logger.error)}
        for pages in lists:
            pages[:] = [page for page in pages if id(page) in kept]  # the context's lists too


def _reserved(page, reserved):
    if page.slug not in reserved:
        return False
    lines = page.metadata.get("front_matter_lines", {})
    logger.error("%s", ContentError(
        page.source_path, f"Die Adresse „{page.slug}/“ gehört einem Bereich der Website.",
        key="slug" if "slug" in lines else "title", line=lines.get("slug") or lines.get("title"),
        hint="Geben Sie der Seite mit „slug: …“ eine andere Adresse, z. B. "
        f"„slug: {page.slug}-info“.").message())
    return True


def _taken(page, earlier):
    lines = page.metadata.get("front_matter_lines", {})
    return ContentError(
        page.source_path, f"Die Adresse „{page.slug}/“ hat schon „{earlier.relative_source_path}“.",
        key="slug" if "slug" in lines else "title", line=lines.get("slug") or lines.get("title"),
        hint="Geben Sie einer der beiden Seiten mit „slug: …“ eine andere Adresse.")
