"""Pagefind over the prepared pages, and its index files in a stable order."""

import gzip
import hashlib
import json
import os
import subprocess
import sys

import cbor2


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
