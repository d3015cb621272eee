"""The fact-sheet content type: a Pelican Content with the checked fields as attributes."""

import re
from typing import NamedTuple

from iq_core.common import empty_slug_error
from iq_core.errors import ContentError
from iq_core.reader import german_slug, short_slug
from pelican.contents import Content


# Folders below good-practice/ that belong to the archive, not to a sheet.
RESERVED_SLUGS = {"kriterium", "kriterien", "netzwerk", "zielgruppe", "thema", "foerderrunde"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FacetValue(NamedTuple):
    """A value readers can filter by: its label as written and its URL slug."""

    label: str
    slug: str


class MetCriterion(NamedTuple):
    criterion: object       # criteria.Criterion
    justification: str      # None when the editor wrote `true`


def facet_slug(text, settings):
    # Dashes of any kind become "-" first: "2019–2022" -> "2019-2022", not "20192022".
    return short_slug(german_slug(re.sub(r"[–—/]", "-", text), settings))


class FactSheet(Content):
    """One "Good Practice – auf den Punkt" sheet. URLs come from FACTSHEET_URL/_SAVE_AS."""

    mandatory_properties = ("title",)
    allowed_statuses = ("published", "hidden", "draft")
    default_status = "published"
    default_template = "good_practice_sheet"

    def apply(self, clean):
        """Replace the raw metadata attributes with the checked values."""
        settings = self.settings
        self.check_slug()
        self.subtitle = clean["subtitle"]
        self.criteria = [MetCriterion(c, reason) for c, reason in clean["criteria"]]
        self.criteria_keys = tuple(met.criterion.key for met in self.criteria)
        self.audiences = [FacetValue(a, self.value_slug(a, "audiences")) for a in clean["audiences"]]
        self.topics = [FacetValue(t, self.value_slug(t, "topics")) for t in clean["topics"]]
        self.instrument = clean["instrument"]
        self.project = clean["project"]
        self.duration = clean["duration"]
        self.provider = clean["provider"]
        self.competence_centre = clean["competence_centre"]
        self.network = FacetValue(clean["network"], facet_slug(clean["network"], settings)) \
            if clean["network"] else None
        self.funding_period = FacetValue(clean["funding_period"],
                                         facet_slug(clean["funding_period"], settings)) \
            if clean["funding_period"] else None
        self.contact = clean["contact"]
        self.links = clean["links"]
        self.summary_text = clean["summary"]

    def value_slug(self, text, key):
        slug = facet_slug(text, self.settings)
        if not slug:
            raise ContentError(self.source_path, f"„{text}“ enthält keine Buchstaben oder Ziffern.",
                               key=key, hint="Schreiben Sie einen Namen in Worten.")
        return slug

    def check_slug(self):
        slug = getattr(self, "slug", "") or ""
        if not slug:
            raise empty_slug_error(self.source_path,
                                   self.metadata.get("front_matter_lines", {}).get("title"))
        if not SLUG.match(slug):
            raise ContentError(
                self.source_path, f"„{slug}“ taugt nicht als Adresse des Steckbriefs.", key="slug",
                hint="Erlaubt sind Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche, "
                "z. B. „kmu-toolbox“; ohne „slug“ wird die Adresse aus dem Titel gebildet.")
        if slug in RESERVED_SLUGS:
            raise ContentError(
                self.source_path, f"Die Adresse „good-practice/{slug}/“ gehört schon zum Archiv.",
                key="slug", hint="Wählen Sie mit „slug: …“ eine andere Adresse.")

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
