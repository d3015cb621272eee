"""Each fact sheet as a PDF download (A4), like the IQ sheets "Good Practice – auf den Punkt".

The PDF is the sheet's own page, printed by WeasyPrint with the site's print stylesheet
and theme/pdf/good-practice.css (page header, embedded DejaVu fonts): one layout for the
browser's print and the download. Before printing, every link is made absolute against
the public address, so the written-out link targets work on paper and in a forwarded
file. WeasyPrint reads only the site's own files (pdf_fetcher.py).

The PDF is made before the sheet's page is written, because the page names its size
("Steckbrief als PDF (A4, 35 KB)"). It is made on first use (`SheetPdf.data`): the
build writes it at once through `write_data`; the preview (scripts/previewsite.py)
makes it only when the sheet's page or the PDF is asked for, so a save in the
preview does not print every sheet.

Same commit, same bytes: no creation time (the PDF's dates are the sheet's `date` and
`modified`), no file identifier, font subsets named from their content. That is also
what lets a build take an unchanged sheet's PDF from the cache (pdf_cache.py) instead of
printing it again.
"""

import functools
import logging
import os

import lxml.html
from markupsafe import Markup
from PIL import ImageFile

# Importing WeasyPrint switches on Pillow's LOAD_TRUNCATED_IMAGES for the whole process,
# and the build's check for cut-off photos (iq_core.webimages.readable_image) would then
# pass them: the switch is put back as it was.
_TRUNCATED = ImageFile.LOAD_TRUNCATED_IMAGES
from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

ImageFile.LOAD_TRUNCATED_IMAGES = _TRUNCATED

from iq_core.timing import timed  # noqa: E402

from .pdf_cache import Entry, PdfCache, cache_folder, key, libraries  # noqa: E402
from .pdf_fetcher import SiteFilesFetcher, is_font  # noqa: E402

logger = logging.getLogger(__name__)
# WeasyPrint warns about every rule of the web stylesheets it does not print (media
# queries for screens, clamp()): nothing an editor can act on. What it could not load is
# reported above in German, by the fetcher's list; its English twin is left out.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("weasyprint").addFilter(
    lambda record: not str(record.msg).startswith("Failed to load"))

# PDF/UA-1: a tagged PDF (structure tree, reading order, /Lang) for screen readers.
PDF_VARIANT = "pdf/ua-1"


class SheetPdf:
    """A sheet's PDF: its address below the site and its bytes, made when first needed."""

    def __init__(self, url, make):
        self.url = url
        self._make = make

    @functools.cached_property
    def data(self):
        return self._make()

    @property
    def kilobytes(self):
        """The size shown beside the link, in whole KB (at least 1)."""
        return max(1, round(len(self.data) / 1024))


class PrintRun:
    """What all sheets of one build (or one run of the preview) print with."""

    def __init__(self, settings, keep):
        # One font configuration for all sheets: the embedded fonts are read once per
        # build. So only the first sheet printed fetches them; `fonts` keeps what that
        # fetch gave, and every sheet's cache entry lists it.
        self.font_config = FontConfiguration()
        self.fonts = {}
        self.stylesheet_path = os.path.join(settings["THEME"], "pdf", "good-practice.css")
        with open(self.stylesheet_path, encoding="utf-8") as handle:
            self.stylesheet = handle.read()
        self.cache = PdfCache(cache_folder(settings), keep)
        self.libraries = libraries()


def write_pdfs(generator, writer, values):
    """Give each sheet (drafts too, in the preview) its `pdf` and hand the file to the
    writer. `values`: what the sheet's page template gets besides the sheet."""
    run = PrintRun(generator.settings, generator.setting("PDF_CACHE_KEEP"))
    with timed("good-practice-pdf"):
        for sheet in generator.items + generator.previews:
            name = generator.setting("PDF_SAVE_AS").format(slug=sheet.slug)
            sheet.pdf = SheetPdf(name, functools.partial(
                print_sheet, generator, writer.output_path, sheet, values, run))
            writer.write_data(name, lambda pdf=sheet.pdf: pdf.data)
        # The build has made every PDF by now (the preview makes them later, and prunes
        # only entries older than the newest PDF_CACHE_KEEP).
        run.cache.prune()


def print_sheet(generator, output_path, sheet, values, run):
    """The PDF of `sheet`'s page (bytes), from the cache if nothing it is made of changed."""
    settings = generator.settings
    site_url = public_address(settings)
    page_url = f"{site_url}/{sheet.url}"
    html = absolute_links(generator.get_template(sheet.template).render(
        {**generator.context, **values, "sheet": sheet, "url": sheet.url,
         "output_file": sheet.save_as, "printing": True}), page_url)
    fetcher = SiteFilesFetcher(site_url, site_folders(settings, output_path))
    metadata = pdf_metadata(sheet, settings)
    entry_key = key(html, run.stylesheet, page_url, metadata, run.libraries)
    entry = run.cache.load(entry_key, fetcher)
    if entry is None:
        data = print_html(html, page_url, fetcher, metadata, run)
        font_urls = [url for url in fetcher.served if is_font(url)]
        run.fonts.update((url, fetcher.served[url]) for url in font_urls)
        entry = Entry(data, {**fetcher.served, **run.fonts}, fetcher.refused)
        run.cache.store(entry_key, entry)
    if entry.refused:
        logger.error("%s: Das PDF des Steckbriefs lädt nur Dateien der Website; nicht "
                     "geladen: %s", sheet.source_path, ", ".join(entry.refused))
    return entry.data


def print_html(html, page_url, fetcher, metadata, run):
    """WeasyPrint's PDF of `html` with the PDF stylesheet (the slow part: most of a
    second)."""
    stylesheet = CSS(string=run.stylesheet, base_url=run.stylesheet_path,
                     url_fetcher=fetcher, font_config=run.font_config)
    document = HTML(string=html, base_url=page_url, url_fetcher=fetcher,
                    media_type="print").render(
        stylesheets=[stylesheet], font_config=run.font_config, pdf_variant=PDF_VARIANT)
    for name, value in metadata.items():
        setattr(document.metadata, name, value)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=False)


def public_address(settings):
    """The address links in the PDF point to: the site's, or in the preview (no SITEURL)
    the public one, since a PDF is read away from the local preview."""
    return (settings.get("SITEURL") or settings["PUBLIC_SITEURL"]).rstrip("/")


def site_folders(settings, output_path):
    """Where the files of the site's URLs are while the pages are written: the theme's
    static files, what the build has written (web sizes of images), content/."""
    theme_prefix = settings["THEME_STATIC_DIR"].strip("/") + "/"
    return [(theme_prefix, os.path.join(settings["THEME"], "static")),
            ("", output_path), ("", settings["PATH"])]


def absolute_links(html, page_url):
    """`html` with every link and source absolute, so the PDF shows and opens them."""
    tree = lxml.html.document_fromstring(html)
    tree.make_links_absolute(page_url, resolve_base_href=True)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def pdf_metadata(sheet, settings):
    """Title, author and dates of the PDF from the sheet (never the clock); the language
    comes from the page's <html lang>."""
    modified = getattr(sheet, "modified", None)
    return {"title": Markup(sheet.title).striptags(), "authors": [settings["SITENAME"]],
            "description": sheet.subtitle, "created": sheet.date.strftime("%Y-%m-%d"),
            "modified": modified.strftime("%Y-%m-%d") if modified else None}
