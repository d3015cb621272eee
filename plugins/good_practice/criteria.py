"""The four IQ good-practice criteria: key in the front matter, German label, definition.

The definitions are those printed on every IQ "Good Practice – auf den Punkt" sheet
(IQ konkret 3/2022). Order is the IQ order and is used everywhere (badges, facets, URLs).
"""

from typing import NamedTuple


class Criterion(NamedTuple):
    key: str          # front-matter key (English, like every key of the content model)
    label: str        # what readers see
    slug: str         # URL and filter value
    definition: tuple  # the IQ definition, one string per paragraph or numbered point


CRITERIA = (
    Criterion(
        "transferable", "transferfähig", "transferfaehig",
        ("Das Good Practice-Beispiel kann als Modell für neue Projekte dienen und ist "
         "möglichst flexibel auf andere Rahmenbedingungen übertragbar, ist nicht durch "
         "z. B. regionale oder andere Besonderheiten bedingt und ist ohne Mehraufwand in "
         "Regelinstitutionen zu transferieren.",),
    ),
    Criterion(
        "innovative", "innovativ", "innovativ",
        ("Das Good Practice-Beispiel reagiert auf eine aktuelle Herausforderung mit einer "
         "neuen und kreativen Idee.",),
    ),
    Criterion(
        "sustainable", "nachhaltig", "nachhaltig",
        ("Das Good Practice-Beispiel ist sowohl hinsichtlich der Angebotsstrukturen "
         "(langfristig, kontinuierlich) als auch der Wirkungen nachhaltig.",),
    ),
    Criterion(
        "efficient", "effizient", "effizient",
        ("Im Hinblick auf die „Erstellung“ des Good Practice-Beispiels: Die Aufwendungen "
         "(Personal, Zeit, Kosten etc.) stehen in einem angemessenen Verhältnis zu den "
         "Erfolgen.",
         "Im Hinblick auf den Aufwand, der nötig ist, um das Good Practice-Beispiel zu "
         "transferieren: Es ist eine Ersparnis (Zeit/Kosten) in der praktischen Anwendung "
         "des Instruments zu verzeichnen."),
    ),
)

BY_KEY = {criterion.key: criterion for criterion in CRITERIA}
BY_SLUG = {criterion.slug: criterion for criterion in CRITERIA}
