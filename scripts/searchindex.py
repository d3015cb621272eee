"""The search index: Pagefind over the built site, with German compound words split.

Pagefind stems German words (`<html lang="de">`) but does not split compounds, so a
search for "Beratung" would miss a page that only says "Anerkennungsberatung". Before
a page goes to Pagefind we add the parts of its long compound words (found by the
compound-split library, a CharSplit port trained on German) to the indexed text. The
files on disk stay as they are; only the index knows the parts.

Only pages marked up with `data-pagefind-body` are indexed, and the caller passes only
pages without `noindex` (drafts and hidden items in the preview, e-mail versions, 404).
"""

import gzip
import hashlib
import importlib.metadata
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import types

import cbor2
import lxml.html

from iq_core.kept import load_kept, save_kept
from sitepages import SitePage, html_files, page_url


def _without_dutch_model():
    """compound_split.char_split imports its Dutch model next to the German one: a
    second of loading (15 MB of Python literals) for a language we never split. An
    empty stand-in module takes its place; asking it for a model fails loudly."""
    name = "compound_split.nl_ngram_probs"
    if name not in sys.modules:
        stand_in = types.ModuleType(name, "Stand-in: the site splits German words only.")

        def missing(attribute):
            raise AttributeError(f"{name}.{attribute}: the Dutch model is not loaded "
                                 "(scripts/searchindex.py splits German words only)")

        stand_in.__getattr__ = missing
        sys.modules[name] = stand_in


def split_compound(word):
    """compound_split's best split; its German model (seconds to load) loads on first use."""
    _without_dutch_model()
    from compound_split import char_split

    return char_split.split_compound(word)[0]

# Only long, capitalised words are worth splitting (nouns); short parts are noise.
MIN_COMPOUND_LENGTH = 10
# Longer "words" are no compounds (a pasted hash, a joke); the splitter's time grows with
# the third power of the length: 16,000 letters took four minutes.
MAX_COMPOUND_LENGTH = 64
MIN_PART_LENGTH = 5
MIN_SCORE = 0.7
WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜa-zäöüß]*)")


def without_linking_s(part):
    """Anerkennungs- → Anerkennung: the linking "s" (Fugen-s) is no word of its own."""
    if part.endswith(("ungs", "heits", "keits", "ions", "täts", "schafts")):
        return part[:-1]
    return part


def compound_parts(word, cache, depth=2):
    """The parts of a German compound: Arbeitsmarktchancen → Arbeitsmarkt, Chancen, Markt …"""
    key = (word, depth)
    if key not in cache:
        cache[key] = ()
        parts = []
        if depth and MIN_COMPOUND_LENGTH <= len(word) <= MAX_COMPOUND_LENGTH:
            score, modifier, head = split_compound(word)
            modifier, head = without_linking_s(modifier), head.capitalize()
            if score >= MIN_SCORE and min(len(modifier), len(head)) >= MIN_PART_LENGTH:
                for part in (modifier, head):
                    parts.append(part)
                    parts.extend(compound_parts(part, cache, depth - 1))
        cache[key] = tuple(dict.fromkeys(parts))
    return cache[key]


class PagePreparer:
    """Prepares every written page for Pagefind in a process of its own, while Pelican writes.

    The build tells it each page Pelican has written (`page_written`, from Pelican's
    content_written signal, in any process that writes). On a second core it parses the
    page, adds the parts of its compound words and writes it to a scratch folder that
    mirrors the site, so when Pelican is done only Pagefind itself is left (`finish`).
    Without a cache of earlier splits it loads the compound model (seconds of one core)
    at once, while Pelican is still reading. Every page gets the same treatment wherever
    and whenever it is prepared: the index stays byte-identical. If the build fails, the
    process is ended unasked (`close`).
    """

    def __init__(self, output, cache_file=None):
        context = multiprocessing.get_context("fork")
        # Paths go one way, from any writing process (under a lock), to this process only:
        # if it ends early, a writer gets an error instead of waiting on a full pipe.
        paths, self._paths = context.Pipe(duplex=False)
        self._lock = context.Lock()
        self._connection, child = context.Pipe(duplex=False)
        self._process = context.Process(target=_prepare_pages,
                                        args=(output, cache_file, paths, child), daemon=True)
        self._process.start()
        paths.close()
        child.close()

    def page_written(self, path):
        with self._lock:
            self._paths.send(os.path.abspath(path))

    def finish(self):
        """Pagefind over the prepared pages; returns the URLs of the indexable pages."""
        with self._lock:
            self._paths.send(None)
        try:
            outcome, value = self._connection.recv()
        except EOFError:
            outcome, value = "error", f"der Prozess endete mit Status {self._process.exitcode}"
        finally:
            self.close()
        if outcome != "ok":
            raise RuntimeError(f"Suchindex: {value}")
        return value

    def close(self):
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()
        self._paths.close()


def _prepare_pages(output, cache_file, paths, connection):
    # A failed build ends this process (`close`): leave as Python does on exit, so the
    # scratch folder is removed at once.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    written = iter(paths.recv, None)
    try:
        connection.send(("ok", prepare_and_index(output, cache_file, written)))
    except Exception as error:  # noqa: BLE001 (reported to the build, which fails with it)
        # Take the rest of the pages unread: the writers go on (a pipe nobody empties would
        # stop them once full), and the build ends with this error, not a broken pipe.
        for _ in written:
            pass
        connection.send(("error", f"{type(error).__name__}: {error}"))


def prepare_and_index(output, cache_file, written):
    """Prepare the `written` pages, then every other page in `output`, and run Pagefind.

    Returns the sorted URLs of the indexable pages (not marked noindex: drafts and
    hidden items in the preview, e-mail versions, search, 404), for the sitemap.
    """
    output = os.path.abspath(output)
    cache = load_splits(cache_file)
    known = len(cache)
    if not cache:
        # No splits of earlier builds (a fresh clone): load the model while Pelican reads.
        # Otherwise it loads at the first word never seen before, if there is one.
        split_compound("Arbeitsmarktchancen")
    indexable = {}
    # Next to the staging folder, not in the system's temp folder: whatever ends this
    # process, the build (or the next one) removes both together (scripts/staging.py).
    scratch = scratch_folder(output)
    os.makedirs(scratch, exist_ok=True)
    try:
        for path in written:
            indexable[path] = prepare_page(path, output, scratch, cache)
        # Pages written without Pelican's writer (none today) are found on disk.
        for path in html_files(output):
            if path not in indexable:
                indexable[path] = prepare_page(path, output, scratch, cache)
        if any(os.scandir(scratch)):
            run_pagefind(scratch, os.path.join(output, "pagefind"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if len(cache) != known:
        save_splits(cache_file, cache)
    return sorted(page_url(output, path) for path, keep in indexable.items() if keep)


def scratch_folder(output):
    """The mirror of the site that Pagefind reads: `<staging folder>.suche`."""
    return os.path.abspath(output).rstrip(os.sep) + ".suche"


def prepare_page(path, output, scratch, cache):
    """Write the page as Pagefind should see it into `scratch`; False if it is noindex."""
    with open(path, "rb") as handle:
        page = SitePage(path, page_url(output, path), lxml.html.document_fromstring(handle.read()))
    if not page.indexable:
        return False
    html = prepared_html(page.tree, cache)
    if html is not None:
        target = os.path.join(scratch, os.path.relpath(path, output))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(html)
    return True


def added_terms(text, cache):
    words = set(WORD.findall(text))
    known = {word.lower() for word in words}
    terms = set()
    for word in words:
        terms.update(part for part in compound_parts(word, cache) if part.lower() not in known)
    return sorted(terms)


def prepared_html(tree, cache):
    """The page as Pagefind should see it (compound parts added), or None if it has no body."""
    bodies = tree.xpath("//*[@data-pagefind-body]")
    if not bodies:
        return None
    body = bodies[0]
    terms = added_terms(body.text_content(), cache)
    if terms:
        # Low weight: a page that uses the word itself ranks above one that has it in a compound.
        extra = lxml.html.Element("p", {"data-pagefind-weight": "0.5"})
        extra.text = " ".join(terms)
        body.append(extra)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def load_splits(cache_file):
    """Compound splits of earlier builds (by the same model), else nothing."""
    return load_kept(cache_file, model_version(), {})


def save_splits(cache_file, cache):
    save_kept(cache_file, model_version(), cache)


def model_version():
    try:
        return importlib.metadata.version("compound-split")
    except importlib.metadata.PackageNotFoundError:
        return None


def run_pagefind(scratch, bundle):
    """Pagefind's own command over the prepared mirror (its Python service API answers
    file by file and is about thirty times slower), then a stable order of its files."""
    command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", bundle,
               "--force-language", "de", "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind endete mit Status {result.returncode}: "
                           f"{result.stderr or result.stdout}")
    canonicalize_index(bundle)


# Pagefind (1.5) writes its filter lists from hash maps, in a different order on every
# run (its own source says so: "Change filter indexes to BTree to give them a stable
# hash"). The order carries no meaning, so we sort those lists and rename the files by
# their new content: the same site then gives the same index, byte for byte.
# Files are gzip("pagefind_dcd" + CBOR); cbor2 re-encodes Pagefind's CBOR byte-identically.
SIGNATURE = b"pagefind_dcd"


def _read_packed(path):
    with open(path, "rb") as handle:
        raw = gzip.decompress(handle.read())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path}: unbekanntes Pagefind-Format")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write_packed(folder, prefix, suffix, data, hash_length):
    payload = SIGNATURE + cbor2.dumps(data)
    name = f"{prefix}{hashlib.sha256(payload).hexdigest()[:hash_length]}{suffix}"
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(gzip.compress(payload, compresslevel=9, mtime=0))
    return name


def canonicalize_index(bundle):
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    filter_folder = os.path.join(bundle, "filter")
    for language, info in sorted(entry["languages"].items()):
        meta_path = os.path.join(bundle, f"pagefind.{info['hash']}.pf_meta")
        meta = _read_packed(meta_path)
        version, pages, chunks, filters, sorts, *rest = meta
        renamed = []
        for name, old_hash in sorted(filters):
            old_path = os.path.join(filter_folder, f"{old_hash}.pf_filter")
            filter_name, values = _read_packed(old_path)
            values = sorted(values, key=lambda value: value[0])
            new_file = _write_packed(filter_folder, f"{language}_", ".pf_filter",
                                     [filter_name, values], 7)
            if os.path.join(filter_folder, new_file) != old_path:
                os.remove(old_path)
            renamed.append([name, new_file[: -len(".pf_filter")]])
        # Each sort's page list is an order and stays as it is; only the list of sorts is sorted.
        meta = [version, pages, chunks, renamed, sorted(sorts, key=lambda s: s[0]),
                *(sorted(part) if isinstance(part, list) and all(isinstance(x, str) for x in part)
                  else part for part in rest)]
        new_meta = _write_packed(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10)
        if os.path.join(bundle, new_meta) != meta_path:
            os.remove(meta_path)
        info["hash"] = new_meta[len("pagefind."): -len(".pf_meta")]
    with open(entry_path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
