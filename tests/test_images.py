"""Images: size and lazy loading, web sizes (srcset) made by Pillow, PNG renderings of SVGs
for e-mail, warnings about large files, and the messages about image paths."""

import io
import logging
import os
import random

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import PELICANCONF, build_fixture_site
from sitebuild import BuildError

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"></svg>'
WIDE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">'
            '<rect width="1200" height="600" fill="#00507d"/></svg>')
SITEURL = "https://www.iq-niedersachsen.example"
ORIENTATION = 0x0112
GPS_INFO = 0x8825


def photo(width, height, *, orientation=None, kind="JPEG"):
    """A picture with a pattern (not one colour: the encoder has something to do) and,
    for JPEG, camera data like a phone writes it (place, orientation)."""
    red = Image.linear_gradient("L").resize((width, height))
    green = Image.linear_gradient("L").rotate(90).resize((width, height))
    blue = Image.radial_gradient("L").resize((width, height))
    image = Image.merge("RGB", (red, green, blue))
    out = io.BytesIO()
    if kind == "JPEG":
        exif = Image.Exif()
        exif[0x010F] = "Kamerahersteller"
        exif[GPS_INFO] = {1: "N", 2: (52.0, 22.0, 30.0)}
        if orientation:
            exif[ORIENTATION] = orientation
        image.save(out, "JPEG", quality=95, exif=exif)
    else:
        image.save(out, kind)
    return out.getvalue()


def noise_png(width, height, seed=14):
    """A PNG that does not compress: random pixels (fixed seed)."""
    pixels = random.Random(seed).randbytes(width * height * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), pixels).save(out, "PNG")
    return out.getvalue()


def page_images(output, folder):
    page = BeautifulSoup((output / folder / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return page.main.find_all("img")


def file_of(output, url, siteurl=""):
    assert url.startswith(siteurl + "/bilder/"), url
    return output / url[len(siteurl) + 1:]


def srcset_of(img):
    """[(url, width)] of an <img>'s srcset."""
    entries = [entry.strip().rsplit(" ", 1) for entry in img.get("srcset", "").split(",") if entry.strip()]
    return [(url, int(width.rstrip("w"))) for url, width in entries]


def test_markdown_images_get_size_and_lazy_loading(tmp_path):
    output = build_fixture_site(tmp_path, {
        "images/foto.svg": SVG,
        "images/seiten/relativ.svg": SVG,
        "pages/bilder.md": "---\ntitle: Bilder\n---\n![Ein Foto](/images/foto.svg)\n\n"
                           "![Relativ](../images/seiten/relativ.svg)\n\n"
                           "![Ein Foto]({static}/images/foto.svg)\n",
    })
    images = page_images(output, "bilder")
    assert len(images) == 3
    for img in images:
        assert (img["width"], img["height"], img["loading"]) == ("640", "360", "lazy")
        assert img["src"].endswith(".svg") and not img.get("srcset")  # SVGs as they are


PHOTOS = {
    "images/seiten/gross.jpg": photo(2400, 1600),
    "images/seiten/mittel.png": photo(1200, 800, kind="PNG"),
    "images/seiten/klein.jpg": photo(300, 200),
    "images/seiten/hochkant.jpg": photo(400, 300, orientation=6),  # stored lying on its side
    "pages/fotos.md": "---\ntitle: Fotos\n---\n![Groß](../images/seiten/gross.jpg)\n\n"
                      "![Mittel](images/seiten/mittel.png)\n\n![Klein]({static}/images/seiten/klein.jpg)\n\n"
                      "![Hochkant](/images/seiten/hochkant.jpg)\n",
}


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fotos")
    output = build_fixture_site(folder, PHOTOS, public=True,
                                overrides={"CACHE_PATH": str(folder / "cache")})
    return output


def test_photos_are_served_in_web_sizes_never_wider_than_the_maximum(photo_site):
    images = {img["alt"]: img for img in page_images(photo_site, "fotos")}
    expected = {"Groß": ([480, 960, 1440, 1600], (1600, 1067), "JPEG"),
                "Mittel": ([480, 960, 1200], (1200, 800), "PNG"),
                "Klein": ([300], (300, 200), "JPEG"),
                "Hochkant": ([300], (300, 400), "JPEG")}
    for alt, (widths, (width, height), kind) in expected.items():
        img = images[alt]
        assert (img["width"], img["height"]) == (str(width), str(height)), alt
        src = file_of(photo_site, img["src"], SITEURL)
        with Image.open(src) as served:
            assert served.size == (width, height) and served.format == kind, alt
        if len(widths) > 1:
            assert [w for _, w in srcset_of(img)] == widths, alt
            assert img["sizes"] and srcset_of(img)[-1][0] == img["src"]
        else:
            assert not img.get("srcset"), alt
        for url, described in srcset_of(img):
            with Image.open(file_of(photo_site, url, SITEURL)) as variant:
                assert variant.width == described and variant.format == kind
                assert abs(variant.height - described * height / width) <= 1
    # Nothing the site made is wider than the maximum; no page shows an original.
    made = [path for path in (photo_site / "bilder").rglob("*") if path.is_file()]
    assert len(made) == 4 + 3 + 1 + 1
    for path in made:
        with Image.open(path) as variant:
            assert variant.width <= 1600
    assert not any(img["src"].startswith(SITEURL + "/images/") for img in images.values())


def test_web_sizes_carry_no_camera_data(photo_site):
    for path in (photo_site / "bilder").rglob("*.jpg"):
        with Image.open(path) as variant:
            assert dict(variant.getexif()) == {}, path
            assert "exif" not in variant.info
    # Guard: the original had them.
    with Image.open(io.BytesIO(PHOTOS["images/seiten/gross.jpg"])) as original:
        assert GPS_INFO in original.getexif()


def test_web_sizes_are_byte_identical_on_a_rebuild_without_cache(photo_site, tmp_path):
    again = build_fixture_site(tmp_path, PHOTOS, public=True,
                               overrides={"CACHE_PATH": str(tmp_path / "leerer-cache")})
    first = {p.relative_to(photo_site): p.read_bytes() for p in (photo_site / "bilder").rglob("*.*")}
    second = {p.relative_to(again): p.read_bytes() for p in (again / "bilder").rglob("*.*")}
    assert first == second and len(first) == 9
    assert (again / "fotos" / "index.html").read_bytes() == \
        (photo_site / "fotos" / "index.html").read_bytes()


def test_a_rebuild_takes_web_sizes_from_the_cache(tmp_path):
    files = {"images/seiten/foto.jpg": photo(1000, 500),
             "pages/foto.md": "---\ntitle: Foto\n---\n![Ein Foto](../images/seiten/foto.jpg)\n"}
    cache = tmp_path / "cache"
    output = build_fixture_site(tmp_path, files, overrides={"CACHE_PATH": str(cache)})
    cached = sorted((cache / "bildgroessen").glob("*.jpg"))
    assert len(cached) == 3  # 480, 960, 1000
    built = {p.read_bytes() for p in (output / "bilder").rglob("*.jpg")}
    assert {p.read_bytes() for p in cached} == built
    # A cached file is used as it is (keyed by the original's content and the recipe).
    for path in cached:
        path.write_bytes(b"aus dem Cache " + path.name.encode())
    rebuilt = build_fixture_site(tmp_path, files, overrides={"CACHE_PATH": str(cache)})
    assert {p.read_bytes() for p in (rebuilt / "bilder").rglob("*.jpg")} == \
        {p.read_bytes() for p in cached}
    # Another original (same name) is made anew.
    files["images/seiten/foto.jpg"] = photo(1000, 400)
    changed = build_fixture_site(tmp_path, files, overrides={"CACHE_PATH": str(cache)})
    with Image.open(changed / "bilder" / "images" / "seiten" / "foto-1000.jpg") as variant:
        assert variant.size == (1000, 400)


def test_a_large_image_file_is_warned_with_its_size_and_the_build_goes_on(tmp_path, caplog):
    files = {"images/seiten/riesig.png": noise_png(800, 700),  # about 1.7 MB
             "pages/gross.md": "---\ntitle: Groß\n---\n![Rauschen](../images/seiten/riesig.png)\n"}
    size = len(files["images/seiten/riesig.png"])
    assert size > 1_000_000
    with caplog.at_level(logging.WARNING):
        output = build_fixture_site(tmp_path, files)
    shown = f"{size / 1_000_000:.1f}".replace(".", ",")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and
                "riesig.png" in r.getMessage()]
    assert len(warnings) == 1, caplog.text
    assert warnings[0].startswith("content/images/seiten/riesig.png: ") or \
        "images/seiten/riesig.png: " in warnings[0]
    assert f"Das Bild ist {shown} MB groß (mehr als 1 MB)" in warnings[0]
    assert "höchstens 1600 Pixel breit" in warnings[0]
    assert (output / "gross" / "index.html").is_file()


@pytest.mark.parametrize("broken", [
    photo(800, 400)[:3000],  # cut off: the header is there, the picture is not
    "Dies ist ein Text, als .jpg gespeichert.\n".encode(),
], ids=["abgeschnitten", "text"])
def test_a_damaged_photo_is_reported_with_the_file_and_line_that_show_it(tmp_path, broken):
    with pytest.raises(BuildError) as error:
        build_fixture_site(tmp_path, {
            "images/seiten/kaputt.jpg": broken,
            "pages/a.md": "---\ntitle: A\n---\nText.\n\n![Ein Bild](../images/seiten/kaputt.jpg)\n"},
            overrides={"CACHE_PATH": str(tmp_path / "cache")})
    lines = [line for line in str(error.value).splitlines() if "kaputt.jpg" in line]
    assert len(lines) == 1, str(error.value)
    assert "content/pages/a.md, Zeile 6: „images/seiten/kaputt.jpg“ ist keine lesbare " \
        "Bilddatei" in lines[0]


def test_a_damaged_header_image_of_an_issue_is_reported_with_its_key(tmp_path):
    with pytest.raises(BuildError) as error:
        build_fixture_site(tmp_path, {
            "images/newsletter/kaputt.png": b"kein PNG",
            "newsletter/2026-01.md": "---\nissue: 1\nyear: 2026\ndate: 2026-01-01\n"
            "summary: Ausgabe\nimage:\n  src: ../images/newsletter/kaputt.png\n  alt: Titel\n"
            "---\nLiebe Leserinnen und Leser,\n\n## Artikel\n\nText.\n"})
    assert "„images/newsletter/kaputt.png“ ist keine lesbare Bilddatei" in str(error.value)
    assert "content/newsletter/2026-01.md, Zeile " in str(error.value)
    assert "Schlüssel „image.src“" in str(error.value)


def test_a_small_image_file_is_not_warned(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        build_fixture_site(tmp_path, {"images/seiten/foto.jpg": photo(200, 100),
                                      "pages/a.md": "---\ntitle: A\n---\n![F](../images/seiten/foto.jpg)\n"})
    assert "groß (mehr als" not in caplog.text


@pytest.mark.parametrize("written, suggestion", [
    ("../images/seiten/Bild.PNG", "../images/seiten/bild.png"),
    ("images/seiten/Bild.PNG", "images/seiten/bild.png"),
    ("/images/seiten/BILD.png", "/images/seiten/bild.png"),
])
def test_a_case_mistake_suggests_the_existing_file(tmp_path, written, suggestion):
    with pytest.raises(BuildError) as raised:
        build_fixture_site(tmp_path, {"images/seiten/bild.png": photo(40, 20, kind="PNG"),
                                      "pages/a.md": f"---\ntitle: A\n---\nText\n\n![Ein Bild]({written})\n"})
    message = str(raised.value)
    assert f"pages/a.md, Zeile 6: Die Bilddatei „{written}“ gibt es nicht." in message
    assert f"Meinten Sie „{suggestion}“?" in message


def test_a_case_mistake_in_the_header_image_suggests_the_existing_file(tmp_path):
    issue = ("---\nissue: 3\nyear: 2025\ndate: 2025-06-16\nimage:\n  src: images/newsletter/Titel.JPG\n"
             "  alt: Ein Titelbild\n  credit: © Jemand\nsummary: Neues\n---\nText\n")
    with pytest.raises(BuildError) as raised:
        build_fixture_site(tmp_path, {"images/newsletter/titel.jpg": photo(60, 30),
                                      "newsletter/2025-03.md": issue})
    message = str(raised.value)
    assert "Schlüssel „image.src“" in message and "„images/newsletter/Titel.JPG“ gibt es nicht" in message
    assert "Meinten Sie „images/newsletter/titel.jpg“?" in message


ISSUE = ("---\nissue: 3\nyear: 2025\ndate: 2025-06-16\nsummary: Neues\nimage:\n"
         "  src: images/newsletter/titel.svg\n  alt: Ein blaues Titelbild\n  credit: © IQ\n---\n"
         "Liebe Leserinnen und Leser,\n\n## Ein Artikel\n\n"
         "![Ein Foto vom Fachtag](../images/newsletter/fachtag.jpg)\n© Jemand\n\n"
         "![Eine Grafik](../images/newsletter/grafik.svg)\n© IQ\n")
NEWSLETTER = {"images/newsletter/titel.svg": WIDE_SVG, "images/newsletter/grafik.svg": SVG,
              "images/newsletter/fachtag.jpg": photo(3000, 2000), "newsletter/2025-03.md": ISSUE}


@pytest.fixture(scope="module")
def newsletter_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ausgabe")
    return build_fixture_site(folder, NEWSLETTER, public=True,
                              overrides={"CACHE_PATH": str(folder / "cache")})


def test_the_email_shows_only_png_and_jpeg_with_absolute_addresses(newsletter_site):
    email = BeautifulSoup((newsletter_site / "newsletter" / "2025-03" / "email.html")
                          .read_text(encoding="utf-8"), "html.parser")
    images = email.find_all("img")
    assert len(images) == 4  # header image, photo, graphic, EU emblem
    expected = {
        # alt: (file, pixel size, shown width and height)
        "Ein blaues Titelbild": ("titel-1200.png", (1200, 600), ("600", "300")),
        "Ein Foto vom Fachtag": ("fachtag-1440.jpg", (1440, 960), ("552", "368")),
        "Eine Grafik": ("grafik-1200.png", (1200, 675), ("552", "311")),
        "Flagge der Europäischen Union": ("eu-emblem-144.png", (144, 96), ("72", "48")),
    }
    for img in images:
        name, pixels, shown = expected[img["alt"]]
        assert img["src"].startswith(SITEURL + "/bilder/") and img["src"].endswith("/" + name)
        assert not img.get("srcset")
        assert (img["width"], img["height"]) == shown
        with Image.open(file_of(newsletter_site, img["src"], SITEURL)) as made:
            assert made.size == pixels
            assert made.format == ("JPEG" if name.endswith(".jpg") else "PNG")
    emblem = newsletter_site / "bilder" / "theme" / "img" / "eu-emblem-144.png"
    with Image.open(emblem) as rendered:  # the flag's blue, rendered from the theme's SVG
        assert rendered.convert("RGB").getpixel((2, 2)) == (0, 51, 153)


def test_the_issue_page_shows_web_sizes_and_the_svg_as_it_is(newsletter_site):
    images = {img["alt"]: img for img in page_images(newsletter_site, "newsletter/2025-03")}
    hero = images["Ein blaues Titelbild"]
    assert hero["src"] == f"{SITEURL}/images/newsletter/titel.svg"
    assert (hero["width"], hero["height"]) == ("1200", "600") and not hero.get("srcset")
    foto = images["Ein Foto vom Fachtag"]
    assert foto["src"] == f"{SITEURL}/bilder/images/newsletter/fachtag-1600.jpg"
    assert (foto["width"], foto["height"]) == ("1600", "1067")
    assert [w for _, w in srcset_of(foto)] == [480, 960, 1440, 1600]


def test_a_photo_as_header_image_gets_web_sizes(tmp_path):
    issue = ISSUE.replace("images/newsletter/titel.svg", "images/newsletter/titel.jpg")
    output = build_fixture_site(tmp_path, {**NEWSLETTER, "newsletter/2025-03.md": issue,
                                           "images/newsletter/titel.jpg": photo(2000, 1000)},
                                overrides={"CACHE_PATH": str(tmp_path / "cache")})
    hero = page_images(output, "newsletter/2025-03")[0]
    assert hero["alt"] == "Ein blaues Titelbild" and not hero.get("loading")
    assert hero["src"] == "/bilder/images/newsletter/titel-1600.jpg"
    assert (hero["width"], hero["height"]) == ("1600", "800")
    assert [w for _, w in srcset_of(hero)] == [480, 960, 1440, 1600]
    with Image.open(file_of(output, hero["src"])) as served:
        assert served.size == (1600, 800)


def test_the_preview_serves_the_web_sizes_the_build_writes(tmp_path):
    import sitebuild
    from previewsite import PreviewSite

    files = {"images/seiten/foto.jpg": photo(1000, 500), "images/newsletter/titel.svg": WIDE_SVG,
             "pages/foto.md": "---\ntitle: Foto\n---\n![Ein Foto](../images/seiten/foto.jpg)\n",
             "newsletter/2025-03.md": ISSUE.split("Liebe")[0] + "Text.\n"}
    content = tmp_path / "content"
    for relative, data in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data if isinstance(data, bytes) else data.encode())
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    preview = PreviewSite(PELICANCONF, str(tmp_path / "vorschau"), overrides)
    preview.rebuild()
    assert preview.problems == []
    built = tmp_path / "gebaut"
    sitebuild.build(PELICANCONF, str(built), overrides={**overrides, "SEARCH_INDEX": False})
    names = ["bilder/images/seiten/foto-480.jpg", "bilder/images/seiten/foto-960.jpg",
             "bilder/images/seiten/foto-1000.jpg", "bilder/images/newsletter/titel-1200.png",
             "bilder/theme/img/eu-emblem-144.png"]
    for name in names:
        made = preview.current.file(name)
        assert made is not None and made == (built / name).read_bytes(), name
    page = preview.current.file("foto/index.html").decode("utf-8")
    assert 'srcset="/bilder/images/seiten/foto-480.jpg 480w' in page
    assert os.path.getsize(built / names[0]) > 0
