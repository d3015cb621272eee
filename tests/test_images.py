"""Images typed in Markdown get their size from the file and load lazily."""

from bs4 import BeautifulSoup

from conftest import build_fixture_site

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"></svg>'


def test_markdown_images_get_size_and_lazy_loading(tmp_path):
    output = build_fixture_site(tmp_path, {
        "images/foto.svg": SVG,
        "images/seiten/relativ.svg": SVG,
        "pages/bilder.md": "---\ntitle: Bilder\n---\n![Ein Foto](/images/foto.svg)\n\n"
                           "![Relativ](../images/seiten/relativ.svg)\n\n"
                           "![Ein Foto]({static}/images/foto.svg)\n",
    })
    page = BeautifulSoup((output / "bilder" / "index.html").read_text(encoding="utf-8"), "html.parser")
    images = page.main.find_all("img")
    assert len(images) == 3
    for img in images:
        assert (img["width"], img["height"], img["loading"]) == ("640", "360", "lazy")
