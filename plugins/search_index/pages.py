"""Every indexable page, as Pagefind should see it: with the parts of its compounds.

The files of the site stay as they are; the pages go with the added words into a
scratch folder that mirrors the site, and only the index knows the parts. Only pages
marked up with `data-pagefind-body` are indexed, and only pages without `noindex`
(drafts and hidden items in the preview, e-mail versions, search, 404).
"""

import os

import lxml.html

from iq_core.written import html_files, indexable, read_page

from .compounds import CompoundSplitter


def scratch_folder(output):
    """The mirror of the site that Pagefind reads: `<output folder>.suche`, next to it, so
    that the build (scripts/staging.py) removes it with the staging folder, whatever
    ends the build."""
    return os.path.abspath(output).rstrip(os.sep) + ".suche"


def prepare_pages(output, scratch, splitter, paths=None):
    """Write each indexable page with a body (of `paths`, default: all) into `scratch`;
    the paths of the pages written there."""
    return [path for path in (html_files(output) if paths is None else paths)
            if prepare_page(path, output, scratch, splitter)]


def prepare_page(path, output, scratch, splitter):
    """The page as Pagefind should see it, into `scratch`; False if it is not indexed."""
    tree = read_page(path)
    if not indexable(tree):
        return False
    html = prepared_html(tree, splitter)
    if html is None:
        return False
    target = os.path.join(scratch, os.path.relpath(path, output))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(html)
    return True


def prepare_page_job(kept, path, output, scratch, model_path, splits_file):
    """prepare_page as a job of the helper program (iq_core.helper), with the helper's own
    splitter: (path, prepared?, the splits found since its last job)."""
    if "splitter" not in kept:
        splitter = CompoundSplitter(model_path, splits_file)
        kept.update(splitter=splitter, known=set(splitter.splits))
    splitter, known = kept["splitter"], kept["known"]
    prepared = prepare_page(path, output, scratch, splitter)
    found = {key: value for key, value in splitter.splits.items() if key not in known}
    known.update(found)
    return path, prepared, found


def prepared_html(tree, splitter):
    """The page as Pagefind should see it (compound parts added), or None if it has no body."""
    bodies = tree.xpath("//*[@data-pagefind-body]")
    if not bodies:
        return None
    body = bodies[0]
    terms = splitter.added_terms(body.text_content())
    if terms:
        # Low weight: a page that uses the word itself ranks above one that has it in a compound.
        extra = lxml.html.Element("p", {"data-pagefind-weight": "0.5"})
        extra.text = " ".join(terms)
        body.append(extra)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
