"""Result pages of the archive and the facet pages: sort orders and numbered pages.

Every list of sheets is cut into pages of GOOD_PRACTICE_PAGE_SIZE sheets, so a page stays
light however large the archive grows. Page 1 lives at the list's own address, page n at
`<address>seite/<n>/`. The archive can also be read in the other sort orders
(`good-practice/sortierung/titel/`, …), each paginated the same way; facet pages are
newest first only (with JavaScript, good-practice.js sorts any selection).

Number of pages of a list of n sheets: max(1, ceil(n / size)); an empty list still gets
its first page ("Kein Steckbrief …").
"""

import math
from typing import NamedTuple

from .facets import german_sort_key

SORT_FOLDER = "sortierung"
PAGE_FOLDER = "seite"


class Sort(NamedTuple):
    slug: str       # query value (?sortierung=titel) and folder name
    label: str      # German, shown in the sort links


SORTS = (Sort("neueste", "Neueste zuerst"), Sort("titel", "Titel A–Z"),
         Sort("foerderrunde", "Förderrunde"))
DEFAULT_SORT = SORTS[0]


def sorted_sheets(sheets, sort):
    """`sheets` (newest first) in the order of `sort`; ties keep newest first."""
    if sort.slug == "titel":
        return sorted(sheets, key=lambda sheet: german_sort_key(sheet.title))
    if sort.slug == "foerderrunde":
        # In the order of the shared list (newest round first); sheets without one last.
        return sorted(sheets, key=lambda sheet: (sheet.funding_period is None,
                                                 sheet.funding_period.position
                                                 if sheet.funding_period else 0))
    return list(sheets)


def sort_url(folder, sort):
    return folder if sort == DEFAULT_SORT else f"{folder}{SORT_FOLDER}/{sort.slug}/"


def page_url(base, number):
    return base if number == 1 else f"{base}{PAGE_FOLDER}/{number}/"


def page_count(count, size):
    return max(1, math.ceil(count / size))


class PageLink(NamedTuple):
    number: int     # None for a gap ("…")
    url: str


class ResultPage(NamedTuple):
    """One page of a list: its sheets, where it is, and its neighbours."""

    number: int
    total: int      # pages of the whole list
    count: int      # sheets of the whole list
    sheets: list
    url: str
    base: str       # the list's first page
    links: tuple    # (PageLink, …) numbered links, gaps as number None

    @property
    def previous_url(self):
        return page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self):
        return page_url(self.base, self.number + 1) if self.number < self.total else None


def numbered_links(base, number, total, around=2):
    """Links to the first and last page and to `around` pages on each side of `number`;
    a skipped run becomes one gap. At most 2 * around + 5 entries for any `total`."""
    shown = sorted({1, total, *range(max(1, number - around), min(total, number + around) + 1)})
    links, previous = [], 0
    for page in shown:
        if page - previous == 2:
            links.append(PageLink(previous + 1, page_url(base, previous + 1)))
        elif page - previous > 2:
            links.append(PageLink(None, None))
        links.append(PageLink(page, page_url(base, page)))
        previous = page
    return tuple(links)


def result_pages(sheets, base, size):
    """Every page of `sheets` listed at `base`, in order."""
    total = page_count(len(sheets), size)
    for number in range(1, total + 1):
        start = (number - 1) * size
        yield ResultPage(number, total, len(sheets), sheets[start:start + size],
                         page_url(base, number), base, numbered_links(base, number, total))
