"""The fact-sheet content type: a Pelican Content with the checked fields as attributes."""

import re
from typing import NamedTuple

from iq_core.common import empty_slug_error
from iq_core.errors import ContentError
from iq_core.contenttype import ContentItem
from iq_core.vocabulary import vocabulary

from .opendata import json_ld
from .sections import check_sections
from .validation import SheetChecker


# Folders below good-practice/ that belong to the archive, not to a sheet.
RESERVED_SLUGS = {"kriterium", "kriterien", "netzwerk", "zielgruppe", "thema", "foerderrunde",
                  "seite", "sortierung"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FacetValue(NamedTuple):
    """A criterion readers can filter by: its label and its URL slug (the other filters'
    values are entries of the shared lists, iq_core.vocabulary.Entry, with the same two)."""

    label: str
    slug: str


class MetCriterion(NamedTuple):
    criterion: object       # criteria.Criterion
    justification: str      # None when the editor wrote `true`


def check_slug(source_path, slug, lines):
    if not slug:
        raise empty_slug_error(source_path, lines.get("title"))
    if not SLUG.match(slug):
        raise ContentError(
            source_path, f"„{slug}“ taugt nicht als Adresse des Steckbriefs.", key="slug",
            hint="Erlaubt sind Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche, "
            "z. B. „kmu-toolbox“; ohne „slug“ wird die Adresse aus dem Titel gebildet.")
    if slug in RESERVED_SLUGS:
        raise ContentError(
            source_path, f"Die Adresse „good-practice/{slug}/“ gehört schon zum Archiv.",
            key="slug", hint="Wählen Sie mit „slug: …“ eine andere Adresse.")


class FactSheet(ContentItem):
    """One "Good Practice – auf den Punkt" sheet: its checked values as attributes."""

    prefix = "GOOD_PRACTICE"
    default_template = "good_practice_sheet"

    @classmethod
    def clean(cls, content, metadata, settings, source_path, problems):
        raw = metadata.get("front_matter", {})
        lines = metadata.get("front_matter_lines", {})
        lists = {key: vocabulary(settings, name)
                 for key, name in settings["GOOD_PRACTICE_VOCABULARIES"].items()}
        clean = problems.value(SheetChecker(source_path, raw, lines,
                                            metadata.get("front_matter_paths"),
                                            metadata.get("front_matter_written"), lists).check)
        problems.value(check_sections, source_path, content)
        problems.value(check_slug, source_path, metadata.get("slug") or "", lines)
        if clean is None:
            return None
        # audiences, topics, network, funding_period: entries of the shared lists
        # (iq_core.vocabulary.Entry), with the label the site shows and the URL slug.
        metadata.update(
            subtitle=clean["subtitle"],
            criteria=tuple(MetCriterion(c, reason) for c, reason in clean["criteria"]),
            audiences=clean["audiences"], topics=clean["topics"], network=clean["network"],
            funding_period=clean["funding_period"],
            instrument=clean["instrument"], project=clean["project"],
            duration=clean["duration"], provider=clean["provider"],
            competence_centre=clean["competence_centre"], contact=clean["contact"],
            links=clean["links"], summary_text=clean["summary"])
        return content, metadata

    @property
    def criteria_keys(self):
        return tuple(met.criterion.key for met in self.criteria)

    @property
    def json_ld(self):
        """schema.org data for search engines."""
        return json_ld(self, self.settings)

    @property
    def criteria_slugs(self):
        return [met.criterion.slug for met in self.criteria]

    @property
    def criteria_labels(self):
        return [met.criterion.label for met in self.criteria]

    @property
    def sort_key(self):
        """Newest first; sheets of one day in title order (stable across builds)."""
        return (-self.date.timestamp(), self.title.casefold(), self.slug)
