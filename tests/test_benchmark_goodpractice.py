"""The good-practice benchmark's content (benchmarks/goodpractice_content.py): the same seed
gives the same files, the site accepts every sheet, and the facet pages a build writes are
as many as the formula in benchmarks/goodpractice_pages.py says – so the benchmark's
"laut Formel" column stays true when the facet code changes. Nothing is timed here; the
benchmark measures speed (benchmarks/goodpractice.py)."""

import os
import sys

from conftest import PUBLISHCONF, ROOT, SITE_BUILD_DATE
import sitebuild

sys.path.append(os.path.join(ROOT, "benchmarks"))  # last: benchmarks/preview.py must not hide scripts/preview.py
from goodpractice_content import generate_archive  # noqa: E402
from goodpractice_pages import archive_pages, expected_facet_pages  # noqa: E402

SHEETS = 12


def files_of(content):
    found = {}
    for folder, _, names in os.walk(content):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, content)] = handle.read()
    return found


def settings(content):
    return {"PATH": content, "BUILD_DATE": SITE_BUILD_DATE, "IQ_GIT_HISTORY": False}


def test_same_seed_gives_the_same_files(tmp_path):
    first, values = generate_archive(SHEETS, str(tmp_path / "a"))
    second, again = generate_archive(SHEETS, str(tmp_path / "b"))
    assert files_of(first) == files_of(second)
    assert values == again
    sheets = [name for name in files_of(first) if name.startswith("good-practice" + os.sep)]
    assert len(sheets) == SHEETS


def test_a_different_seed_gives_different_sheets(tmp_path):
    first, _ = generate_archive(SHEETS, str(tmp_path / "a"))
    other, _ = generate_archive(SHEETS, str(tmp_path / "b"), seed=18)
    assert files_of(first) != files_of(other)


def test_check_accepts_every_generated_sheet(tmp_path):
    content, _ = generate_archive(SHEETS, str(tmp_path / "gp"))
    sitebuild.check(PUBLISHCONF, overrides=settings(content), in_process=True)  # raises on errors


def test_built_pages_match_the_formula_of_the_facet_code(tmp_path):
    """At three sheets a page, so that the pagination shows in a small archive (the same
    formula at 400 sheets and 20 a page: tests/test_good_practice_scale.py)."""
    content, values = generate_archive(SHEETS, str(tmp_path / "gp"))
    output = tmp_path / "output"
    sitebuild.build(PUBLISHCONF, str(output), in_process=True,
                    overrides={**settings(content), "SEARCH_INDEX": False,
                               "GOOD_PRACTICE_PAGE_SIZE": 3, "GOOD_PRACTICE_PDF_SAVE_AS": ""})
    pages = archive_pages(str(output))
    expected = expected_facet_pages(values, size=3)
    assert len(pages["Steckbriefe"]) == SHEETS
    assert len(pages["Facettenseiten"]) == expected["total"]
    assert expected["total"] > expected["selections"]  # some selections have several pages
    assert len(pages["Archiv"]) == expected["archive"] == 3 * 4
    assert len(pages["Kriterienseite"]) == 1
