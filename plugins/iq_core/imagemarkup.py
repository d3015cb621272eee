"""Images in pages get their web sizes: src, srcset, sizes, width and height.

Applied to the finished HTML of a text, in the templates (`{{ page.content|web_images }}`),
after Pelican has put in the images' addresses: the reader's output, its sanitiser (no
`srcset` from editors) and Pelican's bookkeeping of which files a draft uses stay as they
are. Only the <img> tags of the site's own JPEG and PNG files are rewritten, in place;
every other byte of the text stays. What sizes there are decides iq_core.webimages.
"""

import dataclasses
import functools
from html import escape
from html.parser import HTMLParser

from markupsafe import Markup

from .webimages import path_of_url, web_image


class _ImageTags(HTMLParser):
    """Where each <img> tag stands in a text, as written, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.tags.append((self.getpos(), self.get_starttag_text(), attrs))

    handle_startendtag = handle_starttag


def web_images(html, sizes=None, *, settings):
    """`html` with every <img> of a JPEG/PNG of the site showing its web sizes. `sizes`:
    how wide the image is shown (CSS), default IQ_IMAGE_SIZES (the text column)."""
    return Markup(replace_image_tags(str(html or ""),
                                     lambda attributes: _web_tag(attributes, sizes, settings)))


def replace_image_tags(text, new_tag):
    """`text` with each <img> tag replaced by `new_tag(attributes)` (a list of (name,
    value) pairs; None keeps the tag); every other byte stays as it is."""
    if "<img" not in text:
        return text
    parser = _ImageTags()
    parser.feed(text)
    parser.close()
    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    pieces, done = [], 0
    for (line, column), written, attributes in parser.tags:
        begin = line_starts[line - 1] + column
        tag = new_tag(attributes)
        if tag is None or not text.startswith(written, begin) or begin < done:
            continue
        pieces += [text[done:begin], tag]
        done = begin + len(written)
    pieces.append(text[done:])
    return "".join(pieces)


def image_tag(attributes):
    """An <img> with `attributes` (a dict; value None: written without a value)."""
    written = (name if value is None else f'{name}="{escape(value)}"'
               for name, value in attributes.items())
    return f"<img {' '.join(written)}>"


def _web_tag(attributes, sizes, settings):
    attributes = dict(attributes)
    shown = shown_image(path_of_url(attributes.get("src") or "", settings["SITEURL"]) or "",
                        sizes, settings=settings)
    if shown is None or not shown.resized:
        return None  # another host, an SVG, a GIF …: as it is
    attributes.update(src=shown.src, width=shown.width, height=shown.height)
    if shown.srcset:
        attributes.update(srcset=shown.srcset, sizes=shown.sizes)
    return image_tag(attributes)


@dataclasses.dataclass(frozen=True)
class ShownImage:
    """What a template writes into an <img> for one image (all text)."""

    src: str
    srcset: str  # empty: one size only
    sizes: str
    width: str
    height: str
    resized: bool  # False: the file as it is (SVG, GIF …)


def shown_image(path, sizes=None, *, settings):
    """The ShownImage of `path` (below the site's root), or None if it names no image.
    A template filter too: `{% set shown = image.path|web_image %}`."""
    image = web_image(path, settings) if path else None
    if image is None:
        return None
    siteurl = settings["SITEURL"]
    return ShownImage(src=image.src(siteurl), srcset=image.srcset(siteurl),
                      sizes=sizes or settings["IQ_IMAGE_SIZES"], width=str(image.width),
                      height=str(image.height), resized=bool(image.renditions))


def install_image_filters(generator):
    """`web_images` (a text's images) and `web_image` (one image by path) in every
    generator's templates, with this run's settings."""
    generator.env.filters.update({
        "web_images": functools.partial(web_images, settings=generator.settings),
        "web_image": functools.partial(shown_image, settings=generator.settings),
    })
