"""Nothing outside content/ and theme/ reaches the site: no symbolic links, no stray paths,
no static file that could run a script (iq_core.static_files).

A symbolic link in content/ can point at any file of the machine that builds the site
(`/etc/passwd`, a deploy key), and Pelican copies static files and reads Markdown through
links. So every link in content/ is reported by name, the reader refuses files reached
through one, and the static files Pelican is about to copy are checked once more: each
must be a real file inside content/ (the links in content are resolved there already, by
iq_core.links; this is the last line).
"""

import logging
import os

from .errors import ContentError, ContentErrors
from .links import inside
from .static_files import static_file_problem

logger = logging.getLogger(__name__)

LINK_HINT = ("Legen Sie die Datei selbst an diese Stelle (kopieren statt verknüpfen); die "
             "Website veröffentlicht nur echte Dateien aus content/.")


def link_error(path):
    what = "Der Ordner" if os.path.isdir(path) else "Die Datei"
    return ContentError(path, f"{what} ist eine Verknüpfung (symbolischer Link) auf "
                        "eine andere Stelle.", hint=LINK_HINT)


def first_link(path, root):
    """The first symbolic link on the way from `root` down to `path`, or None."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if relative.startswith(os.pardir):
        return None
    current = os.path.abspath(root)
    for part in relative.split(os.sep):
        current = os.path.join(current, part)
        if os.path.islink(current):
            return current
    return None


def links_in(folder):
    """Every symbolic link below `folder` (links to folders are not followed)."""
    found = []
    for current, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(folders + files):
            path = os.path.join(current, name)
            if os.path.islink(path):
                found.append(path)
    return found


def report_links(pelican):
    """At the start of a build: every link in content/ is an error with its name.

    A link in theme/ stops the build at once: the theme's files are copied as a whole.
    """
    content = pelican.settings["PATH"]
    for path in links_in(content):
        logger.error("%s", link_error(path).message())
        # Pelican walks into linked folders (and would name the files it finds there).
        relative = os.path.relpath(path, content)
        for setting in ("STATIC_EXCLUDES", "PAGE_EXCLUDES", "ARTICLE_EXCLUDES"):
            pelican.settings[setting] = [*pelican.settings.get(setting, []), relative]
    theme_links = links_in(pelican.settings["THEME"])
    if theme_links:
        raise ContentErrors([link_error(path) for path in theme_links])


def keep_static_inside(generator):
    """Static files to copy: real files inside content/'s static folders that cannot run a
    script; in a public build not those that only unpublished items use (a draft's photo
    appears with the draft). In place: the context holds the same list."""
    root = os.path.realpath(generator.settings["PATH"])
    folders = tuple(generator.settings["STATIC_PATHS"])
    withheld = set() if generator.settings["SHOW_DRAFTS"] else \
        only_unpublished_use(generator.context)
    kept = []
    for static in generator.staticfiles:
        source = os.path.join(generator.path, static.source_path)
        relative = os.path.relpath(source, generator.path).replace(os.sep, "/")
        if first_link(source, generator.path) is not None or relative in withheld:
            continue  # links are reported by report_links; withheld files wait for their item
        problem = outside_problem(source, root, relative, folders, generator.path) or \
            static_file_problem(source, source)
        if problem is None:
            kept.append(static)
        else:
            logger.error("%s", problem.message())
    generator.staticfiles[:] = kept


def outside_problem(source, root, relative, folders, content):
    """Files outside content/ or its static folders: the reader refuses links to them, so
    only a trick could bring one here (and it could overwrite a page of the site)."""
    if inside(source, root) and relative.split("/", 1)[0] in folders:
        return None
    return ContentError(content, f"Ein Link zeigt auf „{relative}“ außerhalb von content/images/; "
                        "die Datei wird nicht veröffentlicht.", hint=LINK_HINT)


def only_unpublished_use(context):
    """Files of content/ that drafts or hidden items use and no published item does."""
    published, unpublished = set(), set()
    for item in context.get("generated_content", {}).values():
        if item is None or not hasattr(item, "get_static_links"):
            continue
        used = published if getattr(item, "status", "published") == "published" else unpublished
        used.update(item.get_static_links())
    return unpublished - published
