"""Read every file of a built site as searchable text, for the security tests.

A security test asks "does this string appear anywhere we publish?". Searching
the raw bytes is not enough: the same content is also published in forms that
hide it from a plain search.

- Feeds escape HTML inside XML (`&lt;script&gt;`): a reader unescapes it, so we do too.
- Calendars fold long lines (RFC 5545), which can split a phrase in two.
- JSON may escape characters (`\\u003c` for `<`).
- The Pagefind search index is gzip-compressed JSON and CBOR, invisible to grep.

`outputs()` yields each file's raw text plus these decoded forms, so a test can
search them all with `find()` or `find_pattern()`.
"""

import gzip
import io
import json
import re
from pathlib import Path

import cbor2
from lxml import etree

KINDS = ("html", "text", "feed", "calendar", "json", "search", "other")

# Images and fonts hold no text we could search; reading them would only risk noise.
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".pdf"}
# Pagefind compresses its index files and puts this signature in front of the data.
PAGEFIND_SIGNATURE = b"pagefind_dcd"
PAGEFIND_INDEX_SUFFIXES = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}
# Pagefind's own program (JS, CSS, WebAssembly): the same in every build, none of our content.
PAGEFIND_CODE_SUFFIXES = {".js", ".css", ".pagefind"}
# A feed is ours, but never trust it with entities or the network: no XXE while testing.
SAFE_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def kind_of(relative: Path) -> str:
    """Which kind of output a file is, from its place and name."""
    if relative.parts[0] == "pagefind":
        return "search"
    return {".html": "html", ".txt": "text", ".xml": "feed", ".ics": "calendar",
            ".json": "json"}.get(relative.suffix.lower(), "other")


def as_text(data: bytes) -> str:
    # "replace" rather than a crash: one bad byte must not hide the rest of the file.
    return data.decode("utf-8", errors="replace")


def collect_strings(value) -> list:
    """Every string in parsed JSON or CBOR data, dictionary keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (bytes, bytearray)):
        return [as_text(bytes(value))]
    if isinstance(value, cbor2.CBORTag):  # a tagged CBOR value: the tag number is no text
        return collect_strings(value.value)
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = value
    else:
        return []  # numbers, booleans, None: nothing a reader could read as text
    return [string for item in items for string in collect_strings(item)]


def xml_text(data: bytes) -> str:
    """The text a feed reader sees: element text, tails and attribute values, unescaped."""
    root = etree.fromstring(data, SAFE_XML_PARSER)
    pieces = []
    for element in root.iter():
        pieces.append(element.text or "")
        pieces.extend(element.attrib.values() if hasattr(element, "attrib") else ())
        pieces.append(element.tail or "")
    # Newlines keep separate fields apart, so no match is made across two of them.
    return "\n".join(piece for piece in pieces if piece)


def unfold_calendar(data: bytes) -> str:
    """Join folded iCalendar lines: a line break followed by one space or tab continues the line.

    Unfolding works on bytes, before decoding: folding counts octets, so a fold
    may fall inside a multi-byte UTF-8 character such as "ü".
    """
    return as_text(re.sub(rb"\r?\n[ \t]", b"", data))


def unescape_calendar(text: str) -> str:
    r"""iCalendar text values escape `\,` `\;` `\\` and newlines (`\n`): undo that, as a calendar app does."""
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def pagefind_texts(data: bytes, suffix: str) -> list:
    """The readable text of one Pagefind index file: gzip, a signature, then JSON or CBOR."""
    payload = gzip.decompress(data)
    if not payload.startswith(PAGEFIND_SIGNATURE):
        raise ValueError("no Pagefind signature after decompression")
    payload = payload[len(PAGEFIND_SIGNATURE):]
    if suffix == ".pf_fragment":  # one page: its URL, content, title and metadata
        return [as_text(payload), "\n".join(collect_strings(json.loads(payload)))]
    # Index, filters and meta are CBOR: words, filter values, page hashes.
    decoder = cbor2.CBORDecoder(io.BytesIO(payload))
    return ["\n".join(collect_strings(decoder.decode()))]


def texts_of(path: Path, relative: Path, kind: str) -> list:
    """Every text form of one output file; empty for files with nothing to read."""
    suffix = path.suffix.lower()
    if suffix in BINARY_SUFFIXES:
        return []
    data = path.read_bytes()
    if kind == "search":
        if suffix in PAGEFIND_INDEX_SUFFIXES:
            return pagefind_texts(data, suffix)
        if suffix in PAGEFIND_CODE_SUFFIXES:
            return []
        return [as_text(data)]  # pagefind-entry.json and anything Pagefind adds later
    if kind == "feed":
        return [as_text(data), xml_text(data)]
    if kind == "calendar":
        unfolded = unfold_calendar(data)
        return [unfolded, unescape_calendar(unfolded)]
    if kind == "json":
        return [as_text(data), "\n".join(collect_strings(json.loads(data)))]
    if kind == "other":
        # Unknown files count as published text unless they are clearly not UTF-8:
        # a scan that skips a file it does not know would miss what it holds.
        try:
            return [data.decode("utf-8")]
        except UnicodeDecodeError:
            return []
    return [as_text(data)]  # html and text


def outputs(site: Path):
    """Yield (relative_path: str, kind: str, text: str) for every published file; a file may yield several texts (raw and decoded)."""
    site = Path(site)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    # An empty or missing folder would make every "never published" test pass for nothing.
    if not files:
        raise FileNotFoundError(f"no built site in {site}")
    for path in files:
        relative = path.relative_to(site)
        kind = kind_of(relative)
        try:
            texts = texts_of(path, relative, kind)
        except Exception as error:  # name the file: a bare parser error says nothing of where
            raise ValueError(f"cannot read {relative.as_posix()} ({kind}): {error}") from error
        for text in texts:
            yield relative.as_posix(), kind, text


def check_kinds(kinds) -> None:
    # A misspelt kind would silently search nothing, and the test would pass.
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; known: {KINDS}")


def find(site: Path, needle: str, *, kinds=KINDS, ignore_case=True) -> list:
    """Relative paths (with kind) of every output whose text contains needle."""
    check_kinds(kinds)
    if not needle:
        raise ValueError("an empty needle is found everywhere")
    if ignore_case:
        needle = needle.casefold()
    found = []
    for relative, kind, text in outputs(site):
        if kind in kinds and needle in (text.casefold() if ignore_case else text):
            found.append(f"{relative} ({kind})")
    return list(dict.fromkeys(found))  # one entry per file, even when several texts match


def find_pattern(site: Path, pattern, *, kinds=KINDS) -> list:
    """Relative paths (with kind) of every output whose text matches pattern (a re.Pattern or str)."""
    check_kinds(kinds)
    pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
    found = [f"{relative} ({kind})" for relative, kind, text in outputs(site)
             if kind in kinds and pattern.search(text)]
    return list(dict.fromkeys(found))
