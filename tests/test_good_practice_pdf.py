"""The PDF of each fact sheet, read back with pypdf (not WeasyPrint, which wrote it)."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import build_fixture_site
from good_practice.pdf import HTML  # WeasyPrint as the build imports it (Pillow's switch kept)
from good_practice.pdf_fetcher import SiteFilesFetcher
from good_practice_helpers import sheet

SITE = "https://www.iq-niedersachsen.example"
A4 = (595.28, 841.89)  # points


def read(path):
    return PdfReader(io.BytesIO(path.read_bytes()))


def text_of(reader):
    return "".join(page.extract_text() for page in reader.pages).replace("\n", " ")


@pytest.fixture(scope="module")
def kmu(public_site):
    return public_site / "good-practice" / "kmu-toolbox" / "kmu-toolbox.pdf"


def test_every_sheet_has_an_a4_pdf(public_site):
    pdfs = sorted(public_site.glob("good-practice/*/*.pdf"))
    assert len(pdfs) == 5  # the sample site's sheets
    for path in pdfs:
        assert path.name == path.parent.name + ".pdf"
        for page in read(path).pages:
            box = page.mediabox
            assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_pdf_has_title_criteria_and_header(kmu):
    text = text_of(read(kmu))
    assert "Integration im Betrieb erfolgreich gestalten!" in text
    assert "Erfüllte IQ-Kriterien" in text
    assert "Bündelt das Wissen aller IQ Fachstellen" in text
    # On every page: network and series at the top; the sheet's title and the page number
    # at the bottom, on one line.
    pages = read(kmu).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert "IQ Netzwerk Niedersachsen · Good Practice – auf den Punkt" in text.splitlines()
        assert f"Integration im Betrieb erfolgreich gestalten! {number} / {len(pages)}" in text


def test_every_sample_sheet_fits_on_two_pages_with_no_text_below_9pt(public_site):
    # Like the IQ sheets "Good Practice – auf den Punkt": two pages, still readable.
    for path in sorted(public_site.glob("good-practice/*/*.pdf")):
        reader = read(path)
        assert len(reader.pages) <= 2, path.name
        sizes = set()
        for page in reader.pages:
            page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.add(
                round(size * scale(cm) * scale(tm), 1)) if text.strip() else None)
        assert min(sizes) >= 9, (path.name, sorted(sizes))


def scale(matrix):
    """How much a PDF transformation matrix enlarges (no skew in WeasyPrint's text)."""
    return (matrix[0] ** 2 + matrix[1] ** 2) ** 0.5


def test_links_are_written_out_absolute(kmu):
    text = re.sub(r"\s+", "", text_of(read(kmu)))
    assert "(https://play.google.com/store/apps/details?id=de.gfwh.iqkmutoolbox)" in text
    annotations = [annotation.get_object()["/A"]["/URI"]
                   for page in read(kmu).pages for annotation in page.get("/Annots", [])
                   if "/URI" in annotation.get_object().get("/A", {})]
    assert annotations and all(uri.startswith(("https://", "mailto:", "tel:"))
                               for uri in annotations)


def test_fonts_are_embedded(kmu):
    fonts = {}
    for page in read(kmu).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else font
            descriptor = described["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = [key for key in descriptor if key.startswith("/FontFile")]
    assert fonts and all(files for files in fonts.values()), fonts
    # Only the print stylesheet's family (DejaVu files): no fallback font of the machine.
    assert all(name.split("+")[-1].startswith("IQ-Druck") for name in fonts), fonts


def test_pdf_is_tagged_with_metadata(kmu):
    reader = read(kmu)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "de"
    assert reader.metadata["/Title"] == "Integration im Betrieb erfolgreich gestalten!"
    assert reader.metadata["/Author"] == "IQ Netzwerk Niedersachsen"
    # The sheet's date, never the build's clock.
    assert reader.metadata["/CreationDate"] == "D:20221001"
    assert "/ModDate" not in reader.metadata and "/ID" not in reader.trailer


def test_sheet_page_links_the_pdf_with_its_size(public_site, kmu):
    page = BeautifulSoup((kmu.parent / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one(".gp-pdf a")
    assert link["href"] == f"{SITE}/good-practice/kmu-toolbox/kmu-toolbox.pdf"
    assert link["type"] == "application/pdf"
    kilobytes = round(kmu.stat().st_size / 1024)
    assert link.get_text() == f"Steckbrief als PDF (A4, {kilobytes} KB)"
    # The PDF itself does not offer itself for download.
    assert "Steckbrief als PDF" not in text_of(read(kmu))


def test_two_builds_give_identical_pdfs(tmp_path):
    files = {"good-practice/test.md": sheet(slug="test", links=[
        {"title": "Anderswo", "url": "https://example.org/seite"}])}
    # Each build its own cache: both print (tests/test_good_practice_pdf_cache.py: the cache).
    first, second = (build_fixture_site(tmp_path / name, files, public=True,
                                        overrides={"CACHE_PATH": str(tmp_path / name / "cache")})
                     for name in ("a", "b"))
    name = "good-practice/test/test.pdf"
    assert (first / name).read_bytes() == (second / name).read_bytes()
    assert "(https://example.org/seite)" in re.sub(r"\s+", "", text_of(read(first / name)))


@pytest.fixture
def fetcher(tmp_path):
    theme, output = tmp_path / "theme", tmp_path / "output"
    (theme / "css").mkdir(parents=True)
    (theme / "css" / "a.css").write_text("p { color: red }")
    output.mkdir()
    (tmp_path / "geheim.txt").write_text("geheim")
    return SiteFilesFetcher(SITE, [("theme/", str(theme)), ("", str(output))])


def test_fetcher_gives_site_files_and_refuses_everything_else(fetcher):
    assert fetcher.fetch(f"{SITE}/theme/css/a.css").read() == b"p { color: red }"
    assert fetcher.fetch("file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").read()
    for url in ("https://example.org/bild.png", "file:///etc/passwd",
                f"{SITE}/../geheim.txt", f"{SITE}/theme/../../geheim.txt",
                f"{SITE}/theme/%2e%2e/%2e%2e/geheim.txt", "file:///usr/share/fonts/../../etc/passwd",
                f"{SITE}.example.org/theme/css/a.css", f"{SITE}/theme/css/a.css?x=1"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 8


def test_weasyprint_leaves_pillows_check_for_cut_off_images_on():
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_printing_a_hostile_page_fetches_nothing_outside(fetcher):
    html = ('<html lang="de"><body><p>Text</p><img src="https://example.org/spion.png" alt="">'
            '<img src="file:///etc/passwd" alt=""><link rel="stylesheet" href="/etc/passwd">'
            '<a href="https://example.org/">Link</a></body></html>')
    pdf = HTML(string=html, base_url=f"{SITE}/good-practice/x/", url_fetcher=fetcher).write_pdf()
    assert set(fetcher.refused) == {
        "https://example.org/spion.png", "file:///etc/passwd", f"{SITE}/etc/passwd"}
    text = text_of(PdfReader(io.BytesIO(pdf)))
    assert "Text" in text and "root:" not in text
