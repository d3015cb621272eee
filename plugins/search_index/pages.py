"""Every indexable page, as Pagefind should see it: with the parts of its compounds.

The files of the site stay as they are; the pages go with the added words into a
scratch folder that mirrors the site, and only the index knows the parts. Only pages
marked up with `data-pagefind-body` are indexed, and only pages without `noindex`
(drafts and hidden items in the preview, e-mail versions, search, 404).

Two steps: each page gets the parts the model finds as it is written (`prepare_page`,
also in the helper program); when all are written, pages whose compounds end in a head
the model does not know get that head if the site uses it as a word on any indexed page
(`add_parts_the_site_knows`): "Mentoring" then finds "Sprachmentoring".
"""

import os

import lxml.html

from iq_core.written import html_files, indexable, read_page

from .compounds import MIN_UNKNOWN_HEAD_LENGTH, WORD, CompoundSplitter

# Low weight: a page that uses the word itself ranks above one that has it in a compound.
PARTS_WEIGHT = "0.5"
# Text of these elements is a filter or metadata value, or not indexed at all.
SKIPPED_ATTRIBUTES = ("data-pagefind-filter", "data-pagefind-meta", "data-pagefind-ignore")


def scratch_folder(output):
    """The mirror of the site that Pagefind reads: `<output folder>.suche`, next to it, so
    that the build (scripts/staging.py) removes it with the staging folder, whatever
    ends the build."""
    return os.path.abspath(output).rstrip(os.sep) + ".suche"


def prepare_pages(output, scratch, splitter, paths=None):
    """Write each indexable page with a body (of `paths`, default: all) into `scratch`;
    {path: its report (see prepare_page)} of the pages written there."""
    reports = {}
    for path in (html_files(output) if paths is None else paths):
        report = prepare_page(path, output, scratch, splitter)
        if report is not None:
            reports[path] = report
    return reports


def prepare_page(path, output, scratch, splitter):
    """The page as Pagefind should see it, into `scratch`; None if it is not indexed, else
    (its nouns not reported by this splitter before, its compounds with unknown heads)."""
    tree = read_page(path)
    if not indexable(tree):
        return None
    body = page_body(tree)
    if body is None:
        return None
    text = body.text_content()
    insert_parts(body, splitter.new_parts(text))
    write_scratch_page(tree, scratch_path(path, output, scratch))
    return new_site_words(text, splitter), open_compounds(text, splitter)


def prepare_page_job(kept, path, output, scratch, model_path, splits_file):
    """prepare_page as a job of the helper program (iq_core.helper), with the helper's own
    splitter: (path, report, the splits found since its last job)."""
    if "splitter" not in kept:
        splitter = CompoundSplitter(model_path, splits_file)
        kept.update(splitter=splitter, known=set(splitter.splits))
    splitter, known = kept["splitter"], kept["known"]
    report = prepare_page(path, output, scratch, splitter)
    found = {key: value for key, value in splitter.splits.items() if key not in known}
    known.update(found)
    return path, report, found


def add_parts_the_site_knows(output, scratch, reports):
    """Second step, over all pages' reports: a compound whose head the model does not
    know gets its first candidate split whose head the site uses as a word."""
    site_words = set()
    for words, _ in reports.values():
        site_words.update(words)
    for path, (_, compounds) in sorted(reports.items()):
        accepted = {}
        for compound, candidates in compounds.items():
            for modifier, head in candidates:
                if head.lower() in site_words:
                    accepted[compound] = (modifier, head)
                    break
        if accepted:
            target = scratch_path(path, output, scratch)
            tree = read_page(target)
            body = page_body(tree)
            given = {word.lower() for word in WORD.findall(body.text_content())}
            new = {}
            for compound, parts in accepted.items():
                new[compound] = [part for part in parts if part.lower() not in given]
                given.update(part.lower() for part in parts)
            insert_parts(body, {compound: parts for compound, parts in new.items() if parts})
            write_scratch_page(tree, target)


def new_site_words(text, splitter):
    """The page's nouns long enough to be a head, lower case, that this splitter has not
    reported yet (the helper sends each word once)."""
    words = {word.lower() for word in WORD.findall(text)
             if len(word) >= MIN_UNKNOWN_HEAD_LENGTH} - splitter.reported_words
    splitter.reported_words.update(words)
    return words


def open_compounds(text, splitter):
    """{compound: its splits with an unknown head} of the page's compounds the model
    leaves whole."""
    found = {}
    for word in sorted(set(WORD.findall(text))):
        candidates = splitter.unknown_heads(word)
        if candidates:
            found[word] = candidates
    return found


def page_body(tree):
    bodies = tree.xpath("//*[@data-pagefind-body]")
    return bodies[0] if bodies else None


def insert_parts(body, parts_by_compound):
    """The parts of each compound, with low weight, at the end of the section that first
    mentions it (before the next heading with an id, Pagefind's next sub-result): a hit on
    a part links to that section. Not inside the text: excerpts stay as written."""
    if not parts_by_compound:
        return
    order = {element: number for number, element in enumerate(body.iter())}
    headings = [(order[h], h) for h in body.iter("h1", "h2", "h3", "h4", "h5", "h6")
                if h.get("id")]
    pending = dict(parts_by_compound)
    ends = {}  # next section's heading (None: the end of the body) → parts, in order
    for position, text in text_pieces(body, order):
        for word in WORD.findall(text):
            if word in pending:
                following = next((h for at, h in headings if at > position), None)
                ends.setdefault(following, []).extend(pending.pop(word))
    # A compound that no single piece of text holds (split by markup): at the end.
    for parts in pending.values():
        ends.setdefault(None, []).extend(parts)
    for heading, parts in ends.items():
        extra = lxml.html.Element("p", {"data-pagefind-weight": PARTS_WEIGHT})
        extra.text = " ".join(parts)
        if heading is None:
            body.append(extra)
        else:
            heading.addprevious(extra)


def text_pieces(element, order):
    """(position, text) of each piece of indexed text below `element`, in reading order
    (a tail counts after the last element before it); not the values of filters and
    metadata."""
    if is_indexed_text(element):
        yield order[element], element.text or ""
    for child in element:
        if is_indexed_text(child):
            yield from text_pieces(child, order)
        yield max(order[e] for e in child.iter()) + 0.5, child.tail or ""


def is_indexed_text(element):
    return isinstance(element.tag, str) and element.tag not in ("script", "style") and \
        not any(name in element.attrib for name in SKIPPED_ATTRIBUTES)


def scratch_path(path, output, scratch):
    return os.path.join(scratch, os.path.relpath(path, output))


def write_scratch_page(tree, target):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"))
