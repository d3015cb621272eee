"""Checks that need the written site: links in content, images, files nobody reads.

They run when Pelican has written the (staging) folder and before the build lets that
folder replace the published site, so a broken link never reaches readers.
"""

import os
import posixpath
from urllib.parse import unquote, urlparse

import lxml.html

from iq_core.errors import ContentError
from iq_core.html_policy import NO_ALT_HINT, rendered_problems
from iq_core.timing import timed
from iq_core.vocabulary import vocabulary_files

from .unpublished import not_public_problem, target_file_name, unpublished_targets

CONTENT_EXTENSIONS = (".md", ".markdown")
FOLDER_HINT = ("Inhalte gehören in content/pages/, content/newsletter/, "
               "content/good-practice/ oder content/events/.")


def written_items(context, settings):
    """Content objects whose page is on the site (drafts only in the preview)."""
    show_drafts = settings.get("SHOW_DRAFTS", False)
    for item in context.get("generated_content", {}).values():
        if item is None or not getattr(item, "save_as", ""):
            continue
        if not show_drafts and (getattr(item, "status", "published") != "published"
                                or getattr(item, "scheduled_for", None)):
            continue  # not written by the public build (draft, hidden or scheduled)
        yield item


def target_exists(exists, url_path):
    """`exists(name)`: whether the site has the file `name` (from the writer)."""
    name = unquote(url_path).lstrip("/")
    return exists(name) or exists(posixpath.join(name, "index.html"))


def line_of(item, text):
    """The first line of the item's file that contains `text`, so editors find the spot
    (the reader keeps the file's text: nothing is opened again)."""
    for number, line in enumerate(item.metadata.get("source_text", "").splitlines(), start=1):
        if text in line:
            return number
    return None


def link_problems(item, exists, siteurl, unpublished=None):
    """Internal links and images in one item's text that point nowhere (or to an item the
    public site leaves out: `unpublished`, by address); images without alt."""
    for written, problem, hint in _link_problems(item, exists, siteurl, unpublished or {}):
        line = line_of(item, written) if isinstance(written, str) else \
            line_of(item, written[0]) or line_of(item, written[1])
        yield ContentError(item.source_path, problem, hint=hint, line=line)


MISSING_FILE_HINT = ("Prüfen Sie den Dateinamen; der Pfad gilt relativ zur Datei, z. B. "
                     "{filename}kontakt.md oder {filename}/newsletter/2025-03.md.")
DEAD_LINK_HINT = ("Prüfen Sie die Adresse. Für eigene Inhalte schreiben Sie am besten "
                  "{filename}datei.md – dann passt der Link auch, wenn sich die Adresse ändert.")


RENDERED_HINT = ("Die Prüfung hat das vorher nicht gesehen: bitte geben Sie dem Technik-Team "
                 "Bescheid und entfernen Sie bis dahin den Link oder das HTML an dieser Stelle.")


def _link_problems(item, exists, siteurl, unpublished):
    """(what the editor wrote, problem, hint) for each broken link or image."""
    for text in (item.content, item.metadata.get("summary")):
        # lxml: this parses every page's text once per build; BeautifulSoup was the slow
        # part. huge_tree: libxml2 would stop at 255 levels, unseen.
        root = lxml.html.fragment_fromstring(text or "", create_parent="div",
                                             parser=lxml.html.HTMLParser(huge_tree=True))
        for found in rendered_problems(root, siteurl):
            yield found, f"Im fertigen Text steht {found}, das die Website nicht erlaubt.", \
                RENDERED_HINT
        yield from _target_problems(item, root, exists, siteurl, unpublished)


def _target_problems(item, root, exists, siteurl, unpublished):
    page_path = item.url if item.url.startswith("/") else "/" + item.url
    targets = [(a, "href") for a in root.iter("a") if a.get("href") is not None]
    targets += [(img, "src") for img in root.iter("img")]
    for element, attribute in targets:
        value = element.get(attribute) or ""
        what = "Das Bild" if element.tag == "img" else "Der Link"
        if element.tag == "img" and not (element.get("alt") or "").strip():
            yield value, f"Das Bild „{value}“ hat keinen Alternativtext.", NO_ALT_HINT
        if "{filename}" in value or "{static}" in value:
            # Pelican leaves the placeholder in place when the file does not exist.
            yield value, f"{what} „{value}“ zeigt auf eine Datei, die es nicht gibt.", MISSING_FILE_HINT
            continue
        local = value[len(siteurl):] or "/" if siteurl and value.startswith(siteurl) else value
        url = urlparse(local)
        if url.scheme or url.netloc or not url.path:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path + "x"), url.path))
        if target_exists(exists, path):
            continue
        target = unpublished.get(path.rstrip("/") + "/") or unpublished.get(path)
        if target is not None:  # written as {filename}…: its file name is on the line
            yield (value, target_file_name(target)), *not_public_problem(local, target)
        else:
            yield value, f"{what} „{local}“ führt ins Leere.", DEAD_LINK_HINT


JUNK = ("Thumbs.db", "desktop.ini")  # written by file managers, never published


def unread_files(context, settings):
    """Files under content/ that are neither read as content nor published as a file would
    vanish silently (a.MD, a.md.txt, a Word file in content/newsletter/)."""
    known = set(context.get("generated_content", {})) | set(context.get("static_content", {}))
    known |= vocabulary_files(settings)  # read (or reported) by iq_core.vocabulary
    content_root = settings["PATH"]
    for folder, subfolders, files in os.walk(content_root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, content_root).replace(os.sep, "/")
            if relative in known or name.startswith(".") or name.endswith("~") or \
                    name in JUNK or os.path.islink(path):
                continue
            problem, hint = unread_reason(name)
            yield ContentError(path, problem, hint=hint)


def unread_reason(name):
    """(problem, hint) for a file the site does not read, by what its name suggests."""
    lower = name.lower()
    stem, extension = os.path.splitext(name)
    if lower.endswith(CONTENT_EXTENSIONS) and not name.endswith(CONTENT_EXTENSIONS):
        return (f"Die Endung „{extension}“ liest die Website nicht.",
                f"Schreiben Sie die Endung klein: „{stem}{extension.lower()}“.")
    if ".md." in lower or ".markdown." in lower:
        meant = name[: lower.index(".md.") + 3] if ".md." in lower else \
            name[: lower.index(".markdown.") + 9]
        return (f"Die Datei heißt „{name}“ und wird deshalb nicht gelesen.",
                f"Benennen Sie sie in „{meant}“ um (manche Programme hängen unsichtbar "
                "„.txt“ an).")
    if lower.endswith(CONTENT_EXTENSIONS):
        return ("Diese Datei wird von keiner Inhaltsart gelesen und erschiene nirgends.",
                FOLDER_HINT)
    if lower.endswith((".txt", ".doc", ".docx", ".odt", ".rtf", ".html", ".htm", ".rst")):
        return ("Die Website liest nur Markdown-Dateien (.md); diese Datei erschiene nirgends.",
                "Speichern Sie den Text als .md-Datei mit Kopfbereich (siehe Anleitung).")
    return ("Diese Datei würde nicht veröffentlicht: Bilder und Dokumente veröffentlicht die "
            "Website nur aus content/images/.",
            "Legen Sie sie unter content/images/<Bereich>/ ab und verlinken Sie sie von dort, "
            "z. B. [Flyer (PDF)](../images/termine/flyer.pdf) – oder löschen Sie sie.")


def check_written_site(context, settings, exists):
    """Every problem, as ContentErrors, sorted for stable reports. `exists(name)`: whether
    the written site has the file `name`."""
    siteurl = settings.get("SITEURL", "")
    with timed("checks"):
        problems = list(unread_files(context, settings))
        unpublished = unpublished_targets(context, settings)
        for item in written_items(context, settings):
            problems.extend(link_problems(item, exists, siteurl, unpublished))
    return sorted(problems, key=lambda error: error.message())
