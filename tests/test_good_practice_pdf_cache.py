"""The cache of printed fact sheets (plugins/good_practice/pdf_cache.py): an unchanged sheet
is not printed again, anything that changes its PDF prints it again, and the bytes are a
fresh print's. Every build here has its own cache folder below tmp_path."""

import importlib.metadata
import io
import os
import shutil

import pytest
from PIL import Image

import good_practice.pdf as pdf
from conftest import ROOT, build_fixture_site
from good_practice.pdf_cache import SUFFIX, Entry, PdfCache
from good_practice_helpers import BODY, sheet
from sitebuild import BuildError

SHEETS = {"good-practice/eins.md": sheet(slug="eins", title="Erster Steckbrief"),
          "good-practice/zwei.md": sheet(slug="zwei", title="Zweiter Steckbrief")}
NAMES = ("good-practice/eins/eins.pdf", "good-practice/zwei/zwei.pdf")


@pytest.fixture
def prints(monkeypatch):
    """How often WeasyPrint was asked to print (each HTML the build hands it)."""
    printed = []

    def counting_html(*args, **kwargs):
        printed.append(kwargs.get("base_url"))
        return weasyprint_html(*args, **kwargs)

    weasyprint_html = pdf.HTML
    monkeypatch.setattr(pdf, "HTML", counting_html)
    return printed


class Builds:
    """Builds of the fixture site, each into its own folder, sharing one cache."""

    def __init__(self, tmp_path, cache="cache"):
        self.tmp_path, self.cache, self.count = tmp_path, tmp_path / cache, 0

    def __call__(self, files, **overrides):
        self.count += 1
        return build_fixture_site(self.tmp_path / f"bau-{self.count}", files, public=True,
                                  overrides={"CACHE_PATH": str(self.cache), **overrides})

    def entries(self):
        return sorted((self.cache / "steckbrief-pdf").glob("*" + SUFFIX))


def photo(height):
    """A JPEG 600 pixels wide; its bytes change with `height`."""
    out = io.BytesIO()
    Image.linear_gradient("L").resize((600, height)).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def photo_png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "#eef4f8").save(out, "PNG")
    return out.getvalue()


def pdfs(output):
    return {name: (output / name).read_bytes() for name in NAMES}


def test_an_unchanged_sheet_is_taken_from_the_cache_with_a_fresh_prints_bytes(tmp_path, prints):
    builds = Builds(tmp_path)
    first = builds(SHEETS)
    assert len(prints) == 2 and len(builds.entries()) == 2
    prints.clear()
    second = builds(SHEETS)
    assert prints == []
    assert pdfs(second) == pdfs(first)
    # … and the same bytes as printing without any cache.
    assert pdfs(Builds(tmp_path, "anderer-cache")(SHEETS)) == pdfs(first)


def test_a_changed_text_prints_that_sheet_again(tmp_path, prints):
    builds = Builds(tmp_path)
    builds(SHEETS)
    prints.clear()
    changed = {**SHEETS, "good-practice/zwei.md": sheet(
        slug="zwei", title="Zweiter Steckbrief", body=BODY.replace("Fazittext", "Neues Fazit"))}
    output = builds(changed)
    assert prints == ["https://www.iq-niedersachsen.example/good-practice/zwei/"]
    assert pdfs(output) == pdfs(Builds(tmp_path, "frisch")(changed))


def copy_of_theme(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(os.path.join(ROOT, "theme"), theme)
    return theme


@pytest.mark.parametrize("stylesheet", ["pdf/good-practice.css", "static/css/print.css"])
def test_a_changed_stylesheet_prints_every_sheet_again(tmp_path, prints, stylesheet):
    # The PDF stylesheet is part of the key; print.css is a file WeasyPrint loads.
    theme = copy_of_theme(tmp_path)
    builds = Builds(tmp_path)
    before = builds(SHEETS, THEME=str(theme))
    prints.clear()
    with open(theme / stylesheet, "a", encoding="utf-8") as handle:
        handle.write("\nh1 { color: #a3154f; }\n")
    after = builds(SHEETS, THEME=str(theme))
    assert len(prints) == 2
    assert all(pdfs(after)[name] != pdfs(before)[name] for name in NAMES)


def test_a_changed_image_of_the_theme_prints_every_sheet_again(tmp_path, prints):
    # Every sheet prints the EU emblem of the funding notice: a file WeasyPrint loads.
    theme = copy_of_theme(tmp_path)
    builds = Builds(tmp_path)
    before = builds(SHEETS, THEME=str(theme))
    prints.clear()
    emblem = theme / "static" / "img" / "eu-emblem.svg"
    emblem.write_text(emblem.read_text(encoding="utf-8").replace("#fc0", "#fd0"),
                      encoding="utf-8")
    after = builds(SHEETS, THEME=str(theme))
    assert len(prints) == 2
    assert all(pdfs(after)[name] != pdfs(before)[name] for name in NAMES)


def test_a_changed_photo_prints_its_sheet_again(tmp_path, prints):
    files = {**SHEETS, "images/good-practice/foto.jpg": photo(300),
             "good-practice/zwei.md": sheet(slug="zwei", title="Zweiter Steckbrief", body=(
                 BODY + "\n![Ein Foto](../images/good-practice/foto.jpg)\n"))}
    builds = Builds(tmp_path)
    before = builds(files)
    prints.clear()
    builds(files)
    assert prints == []
    after = builds({**files, "images/good-practice/foto.jpg": photo(200)})
    assert prints == ["https://www.iq-niedersachsen.example/good-practice/zwei/"]
    assert pdfs(after)["good-practice/zwei/zwei.pdf"] != pdfs(before)["good-practice/zwei/zwei.pdf"]


def test_another_weasyprint_version_prints_again(tmp_path, prints, monkeypatch):
    builds = Builds(tmp_path)
    builds(SHEETS)
    prints.clear()
    installed = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "71.0" if name == "weasyprint" else installed(name))
    builds(SHEETS)
    assert len(prints) == 2


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # cut off while copying
    lambda data: data[:-10] + b"0123456789",  # the PDF changed behind the cache's back
    lambda data: b"kein JSON\n" + data,
    lambda data: b'["eine Liste"]\n' + data,
    lambda data: b"",
])
def test_a_damaged_entry_is_printed_again(tmp_path, prints, damage):
    builds = Builds(tmp_path)
    first = builds(SHEETS)
    for entry in builds.entries():
        entry.write_bytes(damage(entry.read_bytes()))
    prints.clear()
    second = builds(SHEETS)
    assert len(prints) == 2
    assert pdfs(second) == pdfs(first)
    prints.clear()
    builds(SHEETS)  # the damaged entries were replaced
    assert prints == []


def test_a_missing_file_is_reported_again_from_the_cache_and_printed_when_it_appears(
        tmp_path, prints):
    # The editors' images are checked before printing; a file the theme names is not.
    theme = copy_of_theme(tmp_path)
    with open(theme / "static" / "css" / "print.css", "a", encoding="utf-8") as handle:
        handle.write("\n.gp-sheet-head { background: url(../img/fehlt.png) no-repeat; }\n")
    builds = Builds(tmp_path)
    missing = "nicht geladen: https://www.iq-niedersachsen.example/theme/img/fehlt.png"
    for _ in range(2):
        with pytest.raises(BuildError, match=missing):
            builds(SHEETS, THEME=str(theme))
    assert len(prints) == 2  # the first build's
    prints.clear()
    (theme / "static" / "img" / "fehlt.png").write_bytes(photo_png())
    builds(SHEETS, THEME=str(theme))
    assert len(prints) == 2


def test_pruning_keeps_the_most_recently_used_and_everything_this_build_used(tmp_path):
    folder = tmp_path / "steckbrief-pdf"
    folder.mkdir()
    for number, name in enumerate(["alt", "mittel", "neu", "benutzt", "rest.teil"]):
        path = folder / name
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    os.utime(folder / "benutzt", (1, 1))  # used by this build, though written long ago
    cache = PdfCache(str(folder), keep=2)
    cache.used.add("benutzt")
    cache.prune()
    assert sorted(p.name for p in folder.iterdir()) == ["benutzt", "neu", "rest.teil"]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    (tmp_path / "eine-datei").write_text("kein Ordner")
    cache = PdfCache(str(tmp_path / "eine-datei" / "steckbrief-pdf"), keep=10)
    cache.store("schluessel", Entry(b"%PDF", {}, []))
    cache.prune()
    assert cache.load("schluessel", fetcher=None) is None
