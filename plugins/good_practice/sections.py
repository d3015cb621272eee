"""The three body sections of a fact sheet, as on the printed IQ sheet.

Editors write them as `##` headings. The IQ sheets name the middle one after the
instrument ("Umsetzung des Instruments KMU-Toolbox"), so a section is recognised by
how its heading begins.
"""

import lxml.html
from iq_core.errors import ContentError

# (heading as the editor writes it, the beginning that identifies it)
SECTIONS = (
    ("Ausgangslage/Herausforderung", "Ausgangslage"),
    ("Umsetzung", "Umsetzung"),
    ("Fazit", "Fazit"),
)


def check_sections(source_path, html):
    """Raise a ContentError when a section is missing or out of order."""
    root = lxml.html.fragment_fromstring(html or "", create_parent="div")
    # As BeautifulSoup's get_text(" ", strip=True): the stripped text pieces, space-joined.
    headings = [" ".join(piece.strip() for piece in h2.itertext() if piece.strip())
                for h2 in root.iter("h2")]
    found = []
    for heading, start in SECTIONS:
        positions = [i for i, text in enumerate(headings) if text.casefold().startswith(start.casefold())]
        if not positions:
            raise ContentError(
                source_path,
                f"Der Abschnitt „## {heading}“ fehlt im Text unter dem Kopfbereich.",
                hint="Jeder Steckbrief hat drei Abschnitte, jeweils mit einer eigenen Zeile: "
                "„## Ausgangslage/Herausforderung“, „## Umsetzung …“ und „## Fazit“.",
            )
        found.append((positions[0], heading))
    if [heading for _, heading in sorted(found)] != [heading for heading, _ in SECTIONS]:
        raise ContentError(
            source_path,
            "Die drei Abschnitte stehen nicht in der Reihenfolge des IQ-Steckbriefs.",
            hint="Ordnen Sie sie so: Ausgangslage/Herausforderung, Umsetzung, Fazit.",
        )
