"""The table of hostile and broken files (hostile_cases.py) against the real build.

All rejected files are built together: the build must fail, report each of them with its
German message (every problem of every file in one run), leave no output behind and
never print a traceback, an English exception name or a temporary folder. All accepted
files are built together as the public site: what must not be published is in no output
of any kind, and what should be there is.
"""

import json
import os
import re

import lxml.html
import pytest
from lxml import etree

from conftest import PELICANCONF, PUBLISHCONF, copy_site_lists
from hostile_cases import ACCEPTED, REJECTED, SECRET
from output_scan import find
from sitebuild import BuildError, build

CRASH = re.compile(r"Traceback|\b[A-Z]\w*(?:Error|Exception)\b|\.build-|iq-check-|iq-suche-")
SITE = ("/", "https://www.iq-niedersachsen.example/")
OWN_SCRIPTS = re.compile(r"^(https://www\.iq-niedersachsen\.example)?/theme/js/[\w-]+\.js$")


def active_markup(html):
    """What in `html` could run, send or load something: only the site itself may do that
    (its scripts are files under /theme/js/, its structured data JSON, its forms search
    this site). Parsed, not searched: "onerror=" in escaped text is text."""
    if not html.strip():
        return []
    found = []
    for element in lxml.html.fromstring(html).iter():
        if not isinstance(element.tag, str):
            continue
        tag, attributes = element.tag.lower(), {k.lower(): v for k, v in element.attrib.items()}
        if tag == "script" and attributes.get("type") != "application/ld+json" and \
                not OWN_SCRIPTS.match(attributes.get("src", "")):
            found.append(f"<script> {attributes}")
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            found.append(f"<{tag}>")
        if tag == "form" and not attributes.get("action", "/").startswith(SITE):
            found.append(f"<form action={attributes.get('action')}>")
        if tag == "meta" and "http-equiv" in attributes:
            found.append("<meta http-equiv>")
        for name, value in attributes.items():
            value = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and \
                    value.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{tag} {name}={value[:30]}>")
            if tag == "img" and name == "src" and not value.startswith(SITE):
                found.append(f"<img src={value[:60]}>")
    return found


def write_content(root, cases):
    content = root / "content"
    copy_site_lists(content)
    for case in cases:
        for relative, text in case.files.items():
            target = content / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(text, encoding="utf-8", newline="")
        for relative, target in case.links:
            link = content / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(root / "geheim.txt" if target == "SECRET" else target)
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (root / "geheim.txt").write_text(SECRET, encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def secret_in_environment():
    """The build's environment holds a secret too (as a deploy token would be)."""
    os.environ["IQ_TEST_GEHEIMNIS"] = SECRET
    yield
    os.environ.pop("IQ_TEST_GEHEIMNIS", None)


@pytest.fixture(scope="session")
def rejected(tmp_path_factory, secret_in_environment):
    root = tmp_path_factory.mktemp("abgelehnt")
    content = write_content(root, REJECTED)
    with pytest.raises(BuildError) as raised:
        build(PUBLISHCONF, str(root / "output"), overrides=REJECTED_SETTINGS(content))
    return root, str(raised.value)


def REJECTED_SETTINGS(content):  # noqa: N802 (reads like the constant it stands for)
    # A short budget for Markdown, so the case that would take minutes takes seconds.
    return {"PATH": str(content), "IQ_MARKDOWN_SECONDS": 2, "IQ_GIT_HISTORY": False}


def named_files(message):
    return {re.sub(r"^- .*?/content/([^,:]+).*$", r"\1", line)
            for line in message.splitlines() if line.startswith("- ")}


def test_the_preview_refuses_the_same_files(tmp_path, rejected, secret_in_environment):
    """The preview (drafts shown, no feeds) is no back door: it refuses every file too."""
    _, message = rejected
    content = write_content(tmp_path, REJECTED)
    with pytest.raises(BuildError) as raised:
        build(PELICANCONF, str(tmp_path / "output"), overrides=REJECTED_SETTINGS(content))
    assert named_files(str(raised.value)) == named_files(message)
    assert {case.first_file for case in REJECTED} <= named_files(message)


@pytest.fixture(scope="session")
def accepted(tmp_path_factory, secret_in_environment):
    root = tmp_path_factory.mktemp("angenommen")
    content = write_content(root, ACCEPTED)
    build(PUBLISHCONF, str(root / "public"), overrides={"PATH": str(content)})
    build(PELICANCONF, str(root / "preview"), overrides={"PATH": str(content)})
    return root / "public", root / "preview"


def test_the_table_is_big_enough_and_its_names_are_unique():
    assert len(REJECTED) + len(ACCEPTED) >= 60
    names = [case.id for case in REJECTED + ACCEPTED]
    assert len(names) == len(set(names))
    files = [name for case in REJECTED for name in case.files]
    assert len(files) == len(set(files))


@pytest.mark.parametrize("case", REJECTED, ids=[case.id for case in REJECTED])
def test_rejected_file_is_named_with_its_problem(rejected, case):
    _, message = rejected
    lines = [line for line in message.splitlines() if line.startswith("- ")]
    named = [line for line in lines if f"content/{case.first_file}" in line]
    assert named, f"{case.first_file} wird nicht genannt:\n{message}"
    assert any(all(part in line for part in case.expect) for line in named), \
        f"{case.id}: erwartet {case.expect} in\n" + "\n".join(named)


def test_rejected_build_speaks_german_and_leaves_nothing(rejected):
    root, message = rejected
    assert not CRASH.search(message), message
    # Every line is a message about a file of content/ (no Pelican English in between).
    for line in message.splitlines():
        assert line.startswith(("- ", "Warnung: ")) and "/content/" in line, line
    assert SECRET not in message
    assert not (root / "output").exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def markup_texts(site):
    """(file, text) of every place where text is markup: pages and e-mails, the HTML inside
    feeds (titles there are plain text), and JSON as it is served (a page could embed it)."""
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".html" or (path.suffix == ".json" and "pagefind" not in relative):
            yield relative, path.read_text(encoding="utf-8")
        elif path.suffix == ".xml" and "sitemap" not in path.name:
            for element in etree.parse(str(path)).iter():
                if isinstance(element.tag, str) and etree.QName(element).localname in FEED_HTML:
                    yield relative, element.text or ""


FEED_HTML = {"description", "encoded", "content", "summary"}


@pytest.mark.parametrize("case", ACCEPTED, ids=[case.id for case in ACCEPTED])
def test_accepted_file_publishes_nothing_hostile(accepted, case):
    public, _ = accepted
    for marker in case.absent:
        assert find(public, marker) == [], f"{case.id}: „{marker}“ veröffentlicht"
    for marker in case.inert:
        assert [f for f, text in markup_texts(public) if marker in text] == [], \
            f"{case.id}: „{marker}“ als Markup veröffentlicht"
    for path, text in case.present:
        assert text in (public / path).read_bytes().decode("utf-8", "replace"), \
            f"{case.id}: {path}"
    for path in case.missing:
        assert not (public / path).exists(), f"{case.id}: {path} veröffentlicht"


def test_drafts_are_in_the_preview_so_their_absence_means_something(accepted):
    _, preview = accepted
    for marker in ("ENTWURF-MARKE-a2", "ENTWURF-TERMIN-a4", "ENTWURF-AUSGABE-a5",
                   "ENTWURF-STECKBRIEF-a6", "VERSTECKT-TEXT-a3"):
        assert find(preview, marker, kinds=("html",)), marker
    assert (preview / "images" / "a-nur-entwurf.png").exists()


def test_no_output_holds_the_secret_or_active_markup(accepted):
    public, preview = accepted
    for site in (public, preview):
        assert find(site, SECRET) == []
        for name, text in markup_texts(site):
            if name.endswith(".json"):
                assert "<" not in text, name  # served as data; embedded, "</script>" would end a script
                if name.endswith("karte.json"):  # a card the archive's script shows as HTML
                    assert active_markup(json.loads(text)) == [], name
            elif name != "admin/index.html":  # the web editor: the same for any content
                assert active_markup(text) == [], name  # (tests/test_cms_admin.py)


def test_active_markup_finds_what_it_should():
    """Guard: the check above is not blind (a test that cannot fail is a defect)."""
    for bad in ['<script>x()</script>', '<a href="java&#115;cript:x()">x</a>',
                '<p onclick="x">x</p>', '<img src="https://tracker.example/p.png">',
                '<iframe src="/x"></iframe>', '<form action="https://evil.example/"></form>',
                '<script src="https://cdn.example/x.js"></script>']:
        assert active_markup(bad), bad
    for good in ['<script src="/theme/js/events.js" defer></script>',
                 '<script type="application/ld+json">{}</script>', '<img src="/images/x.png">',
                 '<a href="https://example.org/">x</a>', "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
                 '<form class="search-form" role="search" action="/suche/"></form>']:
        assert active_markup(good) == [], good
