"""Markdown reader for all content: strict front matter, safe HTML, German errors.

Built on pelican-yaml-metadata's reader. Differences, each for the editors' sake:
- a file that is not UTF-8, has no front matter or broken YAML stops the build with the
  line to fix (the stock reader logs and builds the page without metadata); Windows line
  endings and a byte order mark are fine, hidden control characters are not;
- the front matter is strict (iq_core.frontmatter): no duplicate keys, aliases or tags;
- dates stay text until they are checked, so a date that does not exist names its key;
- body and teaser become safe HTML (iq_core.html_policy), with every link and image
  resolved inside content/ (iq_core.links);
- every problem of the file is reported at once, not one per run;
- the slug follows German spelling (Über uns -> ueber-uns);
- a published file with a placeholder of `invoke new-…` left in is an error
  (iq_core.placeholders);
- the front matter as written (`front_matter`), the line of each key
  (`front_matter_lines`) and of each nested key (`front_matter_paths`), the parsed `date`
  and `modified` (`front_matter_dates`) and the file's text (`source_text`) stay available to the content
  types' checks.
"""

import copy
import html
import os
import posixpath
import re

from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .budget import OverBudget, time_budget
from .common import check_common
from .containment import LINK_HINT, first_link, link_error
from .errors import ContentError
from .frontmatter import read_front_matter
from .html_policy import clean_html, html_problems
from .images import sized_images, unreadable_image_error
from .limits import MAX_SLUG_CHARS
from .links import LinkResolver, Resolved, inside
from .markdown_de import GermanTextExtension
from .placeholders import is_published, placeholder_errors
from .settings import DEFAULTS
from .source import read_source
from .yaml_messages import header_missing_error

_GERMAN_LETTERS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
_GERMAN_RE = re.compile("|".join(_GERMAN_LETTERS))
# Front matter between two lines "---" (trailing spaces allowed; "..." may close it).
# Line by line, without backtracking across lines: a file without the closing line
# fails fast.
HEADER = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n(?P<metadata>(?:[^\n]*\n)*?)"
                    r"(?:---|\.\.\.)[ \t]*(?:\n|\Z)(?P<content>[\s\S]*)\Z")


def german_slug(text, settings):
    text = _GERMAN_RE.sub(lambda m: _GERMAN_LETTERS[m.group(0)], str(text))
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    return slugify(text, regex_subs=subs)


def short_slug(slug):
    """At most MAX_SLUG_CHARS, cut after a whole word where one ends in the second half:
    an address, never a file name too long for the disk."""
    if len(slug) <= MAX_SLUG_CHARS:
        return slug
    cut = slug[:MAX_SLUG_CHARS]
    if cut.rfind("-") > MAX_SLUG_CHARS // 2:
        cut = cut[: cut.rfind("-")]
    return cut.rstrip("-")


def line_in(text, needle, first_line=1):
    """Line (counted from `first_line`) of the first occurrence of `needle` in `text`;
    `needle` may be (text, n): its n-th occurrence (the second of two equal ids)."""
    needle, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
    if not needle:
        return None
    for haystack, wanted in ((text, needle), (text.lower(), needle.lower())):
        index = -1
        for _ in range(occurrence):
            index = haystack.find(wanted, index + 1)
            if index < 0:
                break
        if index >= 0:
            return first_line + text.count("\n", 0, index)
    return None


def contained_source(source_path, content_root):
    """A content file read through a symbolic link could be any file of the server."""
    link = first_link(source_path, content_root)
    if link is not None:
        raise link_error(link)  # the same message as iq_core.containment's, once per link
    if not inside(source_path, os.path.realpath(content_root)):
        raise ContentError(source_path, "Die Datei liegt außerhalb von content/.",
                           hint=LINK_HINT)


class IQReader(YAMLMetadataReader):
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._new_markdown()

    def _new_markdown(self):
        """Python-Markdown as configured, with the German text extension and image sizes.
        Also after a conversion was stopped (recursion, time budget): a Markdown object
        interrupted halfway converts nothing properly afterwards."""
        settings = copy.deepcopy(self.settings["MARKDOWN"])
        if "markdown.extensions.meta" in settings.get("extensions", []):
            settings["extensions"].remove("markdown.extensions.meta")
        self._md = Markdown(**settings)
        self._md.registerExtensions([GermanTextExtension()], {})

    def read(self, source_path):
        """Sanitised HTML and metadata. Problems that leave nothing to read (no header,
        broken YAML) are raised at once; all others go with the metadata as
        `content_problems`, so each content type reports them together with its own.
        The preview keeps what was read between its runs (iq_core.readcache)."""
        cache = self.settings.get("IQ_READ_CACHE")
        if cache is not None:
            return cache.read(source_path, self._read)
        return self._read(source_path)

    def _read(self, source_path):
        contained_source(source_path, self.settings["PATH"])
        text, problems = read_source(source_path)
        match = HEADER.fullmatch(text)
        if not match:
            problems.add(header_missing_error(text, source_path))
            problems.raise_any()
        # Line of the first key: lines before the header's opening "---" plus that line.
        first_line = text[: match.start("metadata")].count("\n") + 1
        front = problems.value(read_front_matter, match.group("metadata"), source_path,
                               first_line)
        if front is None:
            problems.raise_any()
        resolver = LinkResolver(self.settings["PATH"], source_path, self.settings["STATIC_PATHS"])
        before = len(problems.errors)
        dates = problems.value(check_common, source_path, front.data, front.lines,
                               self.settings["TIMEZONE"], front.written) or {}
        # Keys with a mistake stay out of Pelican's own processing (it fails on a bad date),
        # and the dates were parsed by check_common already.
        broken = {error.key for error in problems.errors[before:]} | {"date", "modified"}
        metadata = self._metadata_from(front, source_path, resolver, broken, problems)
        metadata.update(dates)
        # Only these are the editor's: Pelican may add a `date` from the file name.
        metadata["front_matter_dates"] = dates
        self._md.Meta = {k: [str(v)] for k, v in front.data.items()}
        body_line = text[: match.start("content")].count("\n") + 1
        if is_published(front.data):  # a draft may keep the scaffold's placeholders
            for error in placeholder_errors(source_path, front, match.group("content"),
                                            body_line):
                problems.add(error)
        body = self.safe_html(self.markdown(match.group("content"), source_path), source_path,
                              resolver, problems, find_line=lambda needle: line_in(
                                  match.group("content"), needle, body_line))
        metadata["content_problems"] = problems.errors
        # The file as written, for a content type's messages about the body (their lines):
        # no check opens the file again.
        metadata["source_text"] = text
        return body, metadata

    def markdown(self, text, source_path, key=None, line=None):
        """HTML from Markdown, within the time budget and Python's recursion limit."""
        seconds = self.settings.get("IQ_MARKDOWN_SECONDS", DEFAULTS["IQ_MARKDOWN_SECONDS"])
        try:
            with time_budget(seconds):
                return self._md.reset().convert(text)
        except OverBudget:
            self._new_markdown()
            problem = f"Die Umwandlung des Texts dauerte länger als {seconds} Sekunden."
            hint = ("Meist liegt es an sehr vielen Zeichen wie [ oder ! hintereinander; teilen "
                    "Sie sehr lange Texte auf mehrere Dateien auf.")
        except RecursionError:
            self._new_markdown()
            problem = "Listen, Zitate oder HTML sind zu tief ineinander verschachtelt."
            hint = "Ordnen Sie den Text flacher: höchstens einige Ebenen."
        raise ContentError(source_path, problem, key=key, line=line, hint=hint)

    def safe_html(self, markup, source_path, resolver, problems, *, find_line, key=None):
        """Sanitised HTML with links resolved; what is not allowed goes to `problems`.

        In a teaser (key "summary") links may lead to other websites only: teasers appear
        in lists, feeds and e-mails, where links to files of the site are not resolved."""
        resolved = {}

        def resolve(tag, attribute, value):
            if value not in resolved.get(tag, {}):
                result = resolver.resolve(value, image=tag == "img")
                if key and result.value and result.value.startswith(("{", "|")):
                    result = Resolved(None, f"Im Anreißer („{key}“) stehen nur Links auf andere "
                                      "Websites, keine Bilder und keine Links auf Dateien der "
                                      "Website.", "Setzen Sie den Link in den Text der Datei.")
                resolved.setdefault(tag, {})[value] = result
            return resolved[tag][value]

        for problem, hint, needle in html_problems(markup, resolve):
            problems.add(ContentError(source_path, problem, key=key, hint=hint,
                                      line=find_line(needle)))
        sized, unreadable = sized_images(clean_html(markup, resolve), resolver.content_root)
        for path in unreadable:
            problems.add(unreadable_image_error(source_path, path, key=key,
                                                line=find_line(posixpath.basename(path))))
        return sized

    def _metadata_from(self, front, source_path, resolver, broken, problems):
        raw, lines = front.data, front.lines
        usable = {key: value for key, value in raw.items()
                  if isinstance(key, str) and key not in broken}
        metadata = self._parse_yaml_metadata(self._escaped_formatted(usable), source_path)
        for key in self.settings["FORMATTED_FIELDS"]:
            if isinstance(metadata.get(key), str):
                metadata[key] = self.safe_html(metadata[key], source_path, resolver, problems,
                                               key=key, find_line=lambda _, k=key: lines.get(k))
        if "slug" not in metadata and isinstance(usable.get("title"), str):
            # May be empty ("!!!"): the content types that use it say so (empty_slug_error).
            metadata["slug"] = short_slug(german_slug(usable["title"], self.settings))
        metadata["front_matter"] = raw
        metadata["front_matter_lines"] = lines
        metadata["front_matter_paths"] = front.paths
        metadata["front_matter_written"] = front.written
        return metadata

    def _escaped_formatted(self, raw):
        """Markdown fields of the front matter (summary) with HTML shown as typed.

        Markdown lets HTML through; in the body that is the editors' choice, but a
        teaser lands in lists, feeds and previews, where `<script>` must stay text.
        """
        escaped = dict(raw)
        for key in self.settings["FORMATTED_FIELDS"]:
            if isinstance(escaped.get(key), str):
                escaped[key] = html.escape(escaped[key], quote=False)
        return escaped


def add_reader(readers):
    for extension in IQReader.file_extensions:
        readers.reader_classes[extension] = IQReader
