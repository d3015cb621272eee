"""The pages of a built site and their types, whatever the content: the site checks look
at one page of each type, so they hold for any number of issues, sheets and events."""

import re
from pathlib import Path

# base.html writes the page type into <body data-seitentyp="…"> (one template per type).
PAGE_TYPE = re.compile(r'<body data-seitentyp="([^"]+)"')
# Not pages a browser shows: the e-mail version of an issue.
NOT_BROWSER_PAGES = {"email.html"}
# Not reader pages: Pagefind's own files, and the web editor (/admin/, plugins/cms), a
# program for editors with its own policy, checked by tests/test_cms_browser.py.
NOT_READER_FOLDERS = {"pagefind", "admin"}


def html_pages(output):
    """Every page of the site a browser opens, sorted."""
    output = Path(output)
    return sorted(path for path in output.rglob("*.html")
                  if path.name not in NOT_BROWSER_PAGES
                  and path.relative_to(output).parts[0] not in NOT_READER_FOLDERS)


def url_path(output, path):
    """/newsletter/2025-03/ for newsletter/2025-03/index.html, /404.html for 404.html."""
    relative = Path(path).resolve().relative_to(Path(output).resolve()).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def page_type(path):
    match = PAGE_TYPE.search(Path(path).read_text(encoding="utf-8", errors="replace"))
    return match.group(1) if match else None


def one_page_per_type(output):
    """{page type: URL path of its first page}: the pages the browser checks open."""
    found = {}
    for path in html_pages(output):
        kind = page_type(path)
        if kind and kind not in found:
            found[kind] = url_path(output, path)
    return found


def problem(page, text):
    """One line of the report: which page, what is wrong (German)."""
    return f"Seite {page}: {text}"


# A note is reported but does not fail the check: what grows with the amount of content
# (the weight of a page that lists every item) must not stop editors from publishing.
NOTE = "Hinweis: "


def note(page, text):
    return problem(page, NOTE + text)


def is_note(line):
    return f": {NOTE}" in line
