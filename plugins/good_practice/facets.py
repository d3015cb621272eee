"""Facets of the archive and the static facet pages that make filtering work without JS.

Everything is built in one pass over the sheets: each sheet is added to the lists of
its own facet values and of its criteria combinations (at most 15). Counts are list
lengths, so the work grows with the number of sheets, never with sheets × facet values.

URLs (below good-practice/):
  kriterium/innovativ/                        one criterion
  kriterium/innovativ+nachhaltig/             several criteria, all met (IQ order)
  netzwerk/<land>/, zielgruppe/<slug>/, thema/<slug>/, foerderrunde/<2019-2022>/
Any other combination (criteria within a network, two audiences, …) is filtered by
good-practice.js over the compact index (filterindex.py): a static page per combination
of values would multiply with every list.

The number of facet selections is 15 + L + A + T + R, where L, A, T and R are the used
values of netzwerk, zielgruppe, thema and foerderrunde; each is paginated (paging.py), so
the pages written are  Σ over the selections of max(1, ceil(sheets / page size)),
at most 15 + L + A + T + R + (15 + 1 + a + t + 1) · N / page size for N sheets with at
most a audiences and t topics each: linear in the sheets and in the values.
"""

from itertools import combinations
from typing import NamedTuple

from .content import FacetValue
from .criteria import CRITERIA, BY_SLUG


class Facet(NamedTuple):
    name: str       # URL folder and query parameter
    label: str      # German label of the filter group
    values: object  # sheet -> list of FacetValue


FACETS = (
    Facet("kriterium", "Kriterium",
          lambda sheet: [FacetValue(m.criterion.label, m.criterion.slug) for m in sheet.criteria]),
    Facet("netzwerk", "Landesnetzwerk", lambda sheet: [sheet.network] if sheet.network else []),
    Facet("zielgruppe", "Adressaten für Transfer", lambda sheet: sheet.audiences),
    Facet("thema", "Thema", lambda sheet: sheet.topics),
    Facet("foerderrunde", "Förderrunde",
          lambda sheet: [sheet.funding_period] if sheet.funding_period else []),
)
BY_NAME = {facet.name: facet for facet in FACETS}
CRITERION_ORDER = {criterion.slug: index for index, criterion in enumerate(CRITERIA)}
COMBINATIONS = tuple(
    tuple(c.slug for c in subset)
    for size in range(1, len(CRITERIA) + 1) for subset in combinations(CRITERIA, size)
)


def german_sort_key(label):
    """DIN 5007 order: umlauts as their base letters, then the label itself for ties."""
    folded = label.casefold()
    for umlaut, base in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss")):
        folded = folded.replace(umlaut, base)
    return (folded, label)


class Option(NamedTuple):
    """One value of a facet with its sheets (newest first)."""

    facet: str
    label: str
    slug: str
    sheets: list

    @property
    def count(self):
        return len(self.sheets)


class Link(NamedTuple):
    label: str
    url: str        # relative to SITEURL; None when there is nothing to show
    count: int


class Selection(NamedTuple):
    """A static facet page: its URL, what it filters by, its sheets and further links."""

    url: str
    filters: tuple          # ((facet label, value label), …)
    query: tuple            # ((facet name, slug), …) as on the archive page with JS
    sheets: list
    refine: tuple           # ((group label, (Link, …)), …)
    remove: tuple           # (Link, …): the same page without one of its filters

    @property
    def count(self):
        return len(self.sheets)


def combo_slug(combo):
    return "+".join(combo)


def combo_label(combo):
    labels = [BY_SLUG[slug].label for slug in combo]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " und " + labels[-1]


class FacetIndex:
    def __init__(self, sheets, folder):
        self.folder = folder
        self.sheets = sheets
        found = {facet.name: {} for facet in FACETS}
        self.combos = {combo: [] for combo in COMBINATIONS}
        for sheet in sheets:
            for facet in FACETS:
                seen = set()
                for value in facet.values(sheet):
                    if value.slug in seen:
                        continue
                    seen.add(value.slug)
                    # One entry per slug: the shared lists give each value one address.
                    found[facet.name].setdefault(value.slug, (value, []))[1].append(sheet)
            met = sheet.criteria_slugs
            for size in range(1, len(met) + 1):
                for combo in combinations(met, size):
                    self.combos[combo].append(sheet)
        self.options = {name: self._sorted(name, values) for name, values in found.items()}

    def _sorted(self, name, values):
        if name == "kriterium":
            return sorted((Option(name, value.label, slug, listed)
                           for slug, (value, listed) in values.items()),
                          key=lambda o: CRITERION_ORDER[o.slug])
        # In the order of the list in content/listen/: the editors decide (newest
        # Förderrunde first, the most asked-for audiences first).
        ordered = sorted(values.items(), key=lambda item: (item[1][0].position,
                                                            german_sort_key(item[1][0].label)))
        return [Option(name, value.label, slug, listed) for slug, (value, listed) in ordered]

    def split_options(self, name, shown, longer_than):
        """(first, rest) of a facet's options for a list with „alle anzeigen“: a list longer
        than `longer_than` shows its `shown` most frequent values first (ties in list order),
        the rest in list order behind the button; a shorter list shows all."""
        options = self.options[name]
        if len(options) <= longer_than:
            return options, []
        first = sorted(options, key=lambda o: -o.count)[:shown]
        chosen = {o.slug for o in first}
        return first, [o for o in options if o.slug not in chosen]

    # URLs -------------------------------------------------------------------

    def url(self, facet, slug):
        return f"{self.folder}{facet}/{slug}/"

    def combo_url(self, combo):
        return self.url("kriterium", combo_slug(combo))

    def criterion_count(self, slug):
        return len(self.combos[(slug,)])

    # Pages ------------------------------------------------------------------

    def selections(self):
        """Every static facet selection, in a fixed order (15 + L + A + T + R of them)."""
        for combo in COMBINATIONS:
            yield self._combo_selection(combo)
        for facet in FACETS[1:]:
            for option in self.options[facet.name]:
                yield self._value_selection(facet, option)

    def _add_criterion_links(self, combo):
        links = []
        for criterion in CRITERIA:
            if criterion.slug in combo:
                continue
            wider = tuple(sorted((*combo, criterion.slug), key=CRITERION_ORDER.__getitem__))
            listed = self.combos[wider]
            links.append(Link(criterion.label, self.combo_url(wider) if listed else None,
                              len(listed)))
        return tuple(links)

    def _combo_selection(self, combo):
        remove = []
        for slug in combo:
            rest = tuple(s for s in combo if s != slug)
            remove.append(Link(BY_SLUG[slug].label, self.combo_url(rest) if rest else self.folder, 0))
        return Selection(self.combo_url(combo),
                         (("Kriterium" if len(combo) == 1 else "Kriterien", combo_label(combo)),),
                         tuple(("kriterium", slug) for slug in combo), self.combos[combo],
                         (("Zusätzlich erfüllt", self._add_criterion_links(combo)),),
                         tuple(remove))

    def _value_selection(self, facet, option):
        return Selection(self.url(facet.name, option.slug), ((facet.label, option.label),),
                         ((facet.name, option.slug),), option.sheets, (),
                         (Link(option.label, self.folder, 0),))
