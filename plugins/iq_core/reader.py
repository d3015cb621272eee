"""Markdown reader for all content: YAML front matter, German text, German errors.

Built on pelican-yaml-metadata's reader. Differences, each for the editors' sake:
- a file that is not UTF-8, has no front matter or broken YAML stops the build
  with the line to fix (the stock reader logs and builds the page without metadata);
- dates stay text until they are checked, so a date that does not exist names its key;
- the slug follows German spelling (Über uns -> ueber-uns);
- the front matter as written (`front_matter`) and the line of each key
  (`front_matter_lines`) stay available to the content types' checks.
"""

import html
import os
import re

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE, YAMLMetadataReader
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .dates import parse_when
from .errors import ContentError
from .images import ImageSizeTreeprocessor
from .markdown_de import GermanTextExtension

_GERMAN_LETTERS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
_GERMAN_RE = re.compile("|".join(_GERMAN_LETTERS))


# libyaml's parser when PyYAML has it (its wheels do): several times faster per file.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):
    """Safe loader that leaves dates and times as text for the site's own checks."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_front_matter(text):
    """The front matter as data, and the node tree (for line numbers), from one parse."""
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def german_slug(text, settings):
    text = _GERMAN_RE.sub(lambda m: _GERMAN_LETTERS[m.group(0)], str(text))
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    return slugify(text, regex_subs=subs)


def decode_utf8(raw, source_path):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            source_path,
            "Die Datei ist nicht in UTF-8 gespeichert.",
            line=line,
            hint="Speichern Sie sie im Editor mit der Kodierung „UTF-8“.",
        ) from None


def key_lines(node, first_line):
    """Line number (in the file) of each top-level front-matter key."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: first_line + key.start_mark.line for key, _ in node.value}


class IQReader(YAMLMetadataReader):
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._md.registerExtensions([GermanTextExtension()], {})
        self._images = ImageSizeTreeprocessor(self._md, self.settings["PATH"])
        # Late (low priority): after inline images exist, before serialisation.
        self._md.treeprocessors.register(self._images, "iq_image_size", 1)

    def read(self, source_path):
        with open(source_path, "rb") as handle:
            text = decode_utf8(handle.read(), source_path)
        text = text.removeprefix("\ufeff")
        self._images.source_dir = os.path.dirname(source_path)
        match = HEADER_RE.fullmatch(text)
        if not match:
            raise ContentError(
                source_path,
                "Der Kopfbereich fehlt.",
                line=1,
                hint="Die Datei beginnt mit einer Zeile „---“, dann folgen die Angaben "
                "(z. B. „title: …“), dann wieder eine Zeile „---“.",
            )
        # Line of the first key: lines before the header's opening "---" plus that line.
        first_line = text[: match.start("metadata")].count("\n") + 1
        raw, node = self._load_front_matter(match.group("metadata"), source_path, first_line)
        metadata = self._metadata_from(raw, source_path, key_lines(node, first_line))
        self._md.Meta = {k: [str(v)] for k, v in raw.items()}
        return self._md.reset().convert(match.group("content")), metadata

    def _load_front_matter(self, header, source_path, first_line):
        try:
            raw, node = load_front_matter(header)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = first_line + mark.line if mark else None
            problem = getattr(error, "problem", None) or "unlesbar"
            raise ContentError(
                source_path,
                f"Der Kopfbereich ist kein gültiges YAML ({problem}).",
                line=line,
                hint="Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen; "
                "ein Wert mit „:“ oder „#“ gehört in Anführungszeichen.",
            ) from None
        if not isinstance(raw, dict):
            raise ContentError(
                source_path,
                "Der Kopfbereich enthält keine Angaben der Form „schlüssel: wert“.",
                line=first_line,
            )
        return raw, node

    def _metadata_from(self, raw, source_path, lines):
        timezone = self.settings["TIMEZONE"]
        for key in ("date", "modified"):
            if raw.get(key) is not None:
                parse_when(raw[key], source_path=source_path, key=key, timezone=timezone,
                           line=lines.get(key))
        metadata = self._parse_yaml_metadata(self._escaped_formatted(raw), source_path)
        if "slug" not in metadata and raw.get("title"):
            metadata["slug"] = german_slug(raw["title"], self.settings)
        metadata["front_matter"] = raw
        metadata["front_matter_lines"] = lines
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
