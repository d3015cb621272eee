"""Page-weight budget: what each page type makes a phone download, and how it loads.

For every page type, in headless Chromium, the HTML, CSS and JavaScript the page
actually requests (its network responses, uncompressed) stay under 60 KB (60,000
bytes). Not counted: images, and Pagefind's bundle under /pagefind/ (its runtime,
WebAssembly and index), which only the search page loads, from its module script,
after the page is usable. A static check of the same pages asks for

- no render-blocking script: an external script in <head> has `defer`, `async` or
  `type="module"`; no inline script in <head> except data (JSON-LD); a classic script
  without those in <body> only at its end;
- every <img> with width and height (no layout shift), and `loading="lazy"`, except
  the first image of <main> (the newsletter's header image: above the fold and the
  largest paint; lazy loading it would delay it).
"""

import os

import pytest
from bs4 import BeautifulSoup

BUDGET = 60_000
COUNTED = {"document", "stylesheet", "script", "fetch", "xhr", "font"}


def first_folder(root, folder, wanted):
    """/folder/<first subfolder with `wanted`>/ of the built site."""
    base = root / folder
    for name in sorted(os.listdir(base)):
        if (base / name / wanted).is_file():
            return f"/{folder}/{name}/"
    raise AssertionError(f"keine Seite mit {wanted} unter {base}")


FACET_FOLDERS = {"kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde", "kriterien"}


@pytest.fixture(scope="module")
def page_types(preview_site):
    """(page type, URL path) of one page of every type in the preview build."""
    root = preview_site
    issue = next(f"/newsletter/{name}/" for name in sorted(os.listdir(root / "newsletter"))
                 if (root / "newsletter" / name / "email.html").is_file())
    sheet = next(f"/good-practice/{name}/" for name in sorted(os.listdir(root / "good-practice"))
                 if name not in FACET_FOLDERS and (root / "good-practice" / name / "index.html").is_file())
    return [
        ("Startseite", "/"),
        ("Newsletter-Ausgabe", issue),
        ("Newsletter-Archiv", "/newsletter/"),
        ("Steckbrief", sheet),
        ("Good-Practice-Archiv", "/good-practice/"),
        ("Facettenseite", first_folder(root, "good-practice/kriterium", "index.html")),
        ("Termin", first_folder(root, "termine", "termin.ics")),
        ("Terminübersicht", "/termine/"),
        ("Einfache Seite", "/ueber-uns/"),
        ("Suche", "/suche/"),
        ("404", "/404.html"),
    ]


def transferred(local_page, path):
    """{url: (resource type, bytes)} of what the page requested until the network was idle."""
    responses = []
    local_page.page.on("response", lambda response: responses.append(response))
    local_page.open(path)
    local_page.page.wait_for_load_state("networkidle")
    sizes = {}
    for response in responses:
        kind = response.request.resource_type
        if kind in COUNTED and "/pagefind/" not in response.url:
            sizes[response.url] = (kind, len(response.body()))
    return sizes


def over_budget(report, budget=BUDGET):
    """{page type: (bytes, what it loaded)} of the pages at or over `budget`."""
    totals = {label: (sum(size for _, size in sizes.values()), sizes)
              for label, sizes in report.items()}
    return {label: total for label, total in totals.items() if total[0] >= budget}


def test_every_page_type_stays_under_the_budget(local_page, page_types):
    report = {}
    for label, path in page_types:
        sizes = transferred(local_page, path)
        assert any(kind == "document" for kind, _ in sizes.values()), (label, sizes)
        assert any(kind == "stylesheet" for kind, _ in sizes.values()), (label, sizes)
        report[label] = sizes
    assert over_budget(report) == {}
    assert local_page.foreign_requests == []


def test_budget_counts_every_stylesheet_and_script_a_page_loads(local_page, page_types):
    """Guard: the measurement sees what the page loads, so a heavy page would fail."""
    path = dict(page_types)["Good-Practice-Archiv"]
    sizes = transferred(local_page, path)
    static = os.path.join(os.path.dirname(os.path.dirname(__file__)), "theme", "static")
    expected = {"main.css": os.path.getsize(os.path.join(static, "css", "main.css")),
                "good-practice.js": os.path.getsize(os.path.join(static, "js", "good-practice.js"))}
    for name, size in expected.items():
        found = [bytes_ for url, (_, bytes_) in sizes.items() if url.endswith("/" + name)]
        assert found == [size], (name, sizes)
    total = sum(size for _, size in sizes.values())
    assert over_budget({"Archiv": sizes}, budget=total) == {"Archiv": (total, sizes)}
    assert over_budget({"Archiv": sizes}, budget=total + 1) == {}


def load_problems(html):
    """Render-blocking scripts and images without size or lazy loading, as messages."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.head.find_all("script"):
        kind = (script.get("type") or "text/javascript").lower()
        if kind in ("application/ld+json", "application/json"):
            continue
        if not script.get("src"):
            problems.append(f"Inline-Skript im <head>: {str(script)[:80]}")
        elif kind != "module" and not script.has_attr("defer") and not script.has_attr("async"):
            problems.append(f"blockierendes Skript im <head>: {script['src']}")
    body_tags = soup.body.find_all(True)
    for script in soup.body.find_all("script"):
        kind = (script.get("type") or "text/javascript").lower()
        if kind in ("application/ld+json", "application/json", "module") \
                or script.has_attr("defer") or script.has_attr("async"):
            continue
        later = body_tags[body_tags.index(script) + 1:]
        if any(tag.name != "script" for tag in later):
            problems.append(f"blockierendes Skript mitten im <body>: {str(script)[:80]}")
    main = soup.find("main")
    first_in_main = main.find("img") if main else None
    for img in soup.find_all("img"):
        if not img.get("width") or not img.get("height"):
            problems.append(f"Bild ohne width/height: {img.get('src')}")
        if img is not first_in_main and img.get("loading") != "lazy":
            problems.append(f"Bild ohne loading=\"lazy\": {img.get('src')}")
    return problems


def test_no_render_blocking_script_and_images_sized_and_lazy(preview_site, page_types):
    problems = {}
    for label, path in page_types:
        file = preview_site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        found = load_problems(file.read_text(encoding="utf-8"))
        if found:
            problems[label] = found
    assert problems == {}


def test_every_built_page_loads_without_blocking_and_with_sized_images(preview_site):
    """The same static check over every page of the site, not one per type."""
    problems = {}
    for folder, _, files in os.walk(preview_site):
        if "pagefind" in folder:
            continue
        for name in files:
            if name.endswith(".html") and name != "email.html":  # e-mail: no browser page
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    found = load_problems(handle.read())
                if found:
                    problems[os.path.relpath(path, preview_site)] = found
    assert problems == {}


@pytest.mark.parametrize("html, expected", [
    ('<html><head><script src="/a.js"></script></head><body></body></html>',
     "blockierendes Skript im <head>"),
    ('<html><head><script>var x = 1;</script></head><body></body></html>', "Inline-Skript"),
    ('<html><head></head><body><script src="/a.js"></script><p>x</p></body></html>',
     "mitten im <body>"),
    ('<html><head></head><body><main><img src="a.png" width="1" height="1"></main>'
     '<img src="b.png" alt=""></body></html>', "Bild ohne width/height"),
    ('<html><head></head><body><main><img src="a.png" width="1" height="1">'
     '<img src="b.png" width="1" height="1"></main></body></html>', 'loading="lazy"'),
])
def test_load_check_finds_each_problem(html, expected):
    """Guard: the static check fails on each kind of problem it claims to find."""
    assert any(expected in problem for problem in load_problems(html))


def test_load_check_accepts_deferred_module_and_end_of_body_scripts():
    html = ('<html><head><script src="/a.js" defer></script><script type="module" src="/b.js">'
            '</script><script type="application/ld+json">{}</script></head><body><main>'
            '<img src="hero.png" width="2" height="1"><img src="c.png" width="1" height="1" '
            'loading="lazy"></main><script src="/end.js"></script></body></html>')
    assert load_problems(html) == []
