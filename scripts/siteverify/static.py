"""What every page asks the browser to load, read from its HTML and the CSS: nothing from
another host, no render-blocking script, every image with its size.

The browser check (browser.py) sees one page per type; this check reads every page, so a
single article with an embedded video from another host is found too.
"""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from .pages import html_pages, problem, url_path

# Attributes that make the browser fetch something by itself (links <a href> do not).
FETCHING = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
            "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
            "track": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",)}
FETCHING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch",
                  "preconnect", "dns-prefetch", "apple-touch-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
DATA_TYPES = {"application/ld+json", "application/json"}


def fetched_urls(tree):
    """Every URL the page makes the browser fetch, as written."""
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        for attribute in FETCHING.get(tag, ()):
            value = element.get(attribute) or ""
            if attribute == "srcset":
                yield from (part.split()[0] for part in value.split(",") if part.strip())
            elif value:
                yield value
        if tag == "link" and FETCHING_LINKS & set((element.get("rel") or "").lower().split()):
            yield element.get("href") or ""
        if tag == "style" or element.get("style"):
            yield from CSS_URL.findall((element.text or "") + (element.get("style") or ""))


def foreign(url, own_hosts):
    host = urlsplit(urljoin("https://eigene.invalid/", url)).hostname or ""
    return url.strip().lower().startswith(("http:", "https:", "//")) and host not in own_hosts


def load_problems(tree):
    """Render-blocking scripts and images without size or lazy loading, as messages."""
    problems = []
    head, body = tree.find("head"), tree.find("body")
    for script in head.iter("script") if head is not None else ():
        kind = (script.get("type") or "text/javascript").lower()
        if kind in DATA_TYPES:
            continue
        if not script.get("src"):
            problems.append("Inline-Skript im <head> blockiert die Anzeige.")
        elif kind != "module" and script.get("defer") is None and script.get("async") is None:
            problems.append(f"Das Skript {script.get('src')} im <head> blockiert die Anzeige "
                            "(defer oder type=\"module\" fehlt).")
    if body is not None:
        elements = [e for e in body.iter() if isinstance(e.tag, str)][1:]
        for index, script in enumerate(elements):
            kind = (script.get("type") or "text/javascript").lower()
            if script.tag != "script" or kind in DATA_TYPES | {"module"} \
                    or script.get("defer") is not None or script.get("async") is not None:
                continue
            if any(e.tag != "script" for e in elements[index + 1:]):
                problems.append("Ein Skript mitten im <body> blockiert die Anzeige.")
    main = tree.find(".//main")
    first = next(main.iter("img"), None) if main is not None else None
    for img in tree.iter("img"):
        if not img.get("width") or not img.get("height"):
            problems.append(f"Dem Bild {img.get('src')} fehlen width und height "
                            "(die Seite springt beim Laden).")
        if img is not first and img.get("loading") != "lazy":
            problems.append(f"Das Bild {img.get('src')} wird nicht erst bei Bedarf geladen "
                            "(loading=\"lazy\" fehlt).")
    return problems


def static_problems(output, own_hosts):
    """Every page's and stylesheet's problems, as report lines."""
    output = Path(output)
    problems = []
    for path in html_pages(output):
        tree = lxml.html.fromstring(path.read_bytes())
        page = url_path(output, path)
        problems += [problem(page, text) for text in load_problems(tree)]
        problems += [problem(page, f"lädt {url} von einem fremden Server (erlaubt ist nur "
                                   "die eigene Website).")
                     for url in sorted(set(fetched_urls(tree))) if foreign(url, own_hosts)]
    for path in sorted(output.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [problem(url_path(output, path), f"lädt {url} von einem fremden Server.")
                     for url in sorted(set(CSS_URL.findall(text))) if foreign(url, own_hosts)]
    return problems
