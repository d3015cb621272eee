"""An image file at its own address is never wider than the maximum and carries no camera
data: a link to the original, or a search engine, gets the capped file."""

import io

from PIL import Image

from test_images import photo

FILES = {
    "images/seiten/kamera.jpg": photo(3000, 2000),
    "images/seiten/klein.jpg": photo(300, 200),
    "images/seiten/breit.png": photo(2400, 600, kind="PNG"),
    "images/seiten/schmal.png": photo(400, 300, kind="PNG"),
    "pages/fotos.md": "---\ntitle: Fotos\n---\n[Foto in voller Größe](../images/seiten/kamera.jpg)"
                      "\n\n![Klein](../images/seiten/klein.jpg)\n\n![Breit](../images/seiten/breit.png)"
                      "\n\n![Schmal](../images/seiten/schmal.png)\n",
}


def opened(path):
    return Image.open(io.BytesIO(path.read_bytes()))


def test_originals_are_capped_and_without_camera_data(fixture_site):
    output = fixture_site(FILES, public=True)
    images = output / "images" / "seiten"
    with opened(images / "kamera.jpg") as camera, opened(images / "klein.jpg") as small:
        assert camera.size == (1600, 1067) and camera.format == "JPEG"
        assert small.size == (300, 200)
        assert not camera.getexif() and not small.getexif()
    with opened(images / "breit.png") as wide:
        assert wide.size == (1600, 400) and wide.format == "PNG"
    # A PNG within the maximum has no camera data: published byte for byte.
    assert (images / "schmal.png").read_bytes() == FILES["images/seiten/schmal.png"]


def test_the_originals_had_camera_data_and_size():
    with Image.open(io.BytesIO(FILES["images/seiten/kamera.jpg"])) as original:
        assert original.size == (3000, 2000) and original.getexif()


ISSUE = """---
issue: 4
year: 2026
date: 2026-10-01
summary: Eine Ausgabe mit einem Foto im Kopf.
image:
  src: ../images/newsletter/kopf.jpg
  alt: Menschen im Gespräch
  credit: © IQ Niedersachsen
---
Liebe Leserinnen und Leser,

## Ein Artikel

Text.
"""


def test_search_engines_get_the_web_size_of_the_issue_image(fixture_site):
    import json

    from bs4 import BeautifulSoup

    output = fixture_site({"images/newsletter/kopf.jpg": photo(3000, 1500),
                           "newsletter/2026-04.md": ISSUE}, public=True)
    page = BeautifulSoup((output / "newsletter" / "2026-04" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    images = {a.get("image") for d in data for a in d.get("hasPart", [])}
    assert images == {"https://www.iq-niedersachsen.example/bilder/images/newsletter/kopf-1600.jpg"}
