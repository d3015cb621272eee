"""The email version of an issue: one self-contained HTML file and its plain-text twin.

Rendered from the theme's MJML template `newsletter_email.mjml` and compiled by MJML
(email_markup.py), then every link and image made absolute, every image PNG or JPEG,
HTML5 elements plain ones (BeautifulSoup), the CSS inlined by css-inline (a maintained
inliner), and the plain text derived from the same document. Mailing tools get no
script and no external stylesheet.
"""

from urllib.parse import quote, urljoin

import css_inline
from bs4 import BeautifulSoup, NavigableString

from iq_core.imagefiles import publish
from iq_core.timing import timed
from iq_core.webimages import email_rendition, path_of_url
from iq_core.writer import save

from .email_markup import (compile_mjml, not_for_search_engines, plain_elements, plain_head,
                           skip_preheader_in_text)
from .images import scaled
from .markup import to_html
from .plaintext import GLUE, html_to_text

# Inner width of the content column (the column is NEWSLETTER_EMAIL_WIDTH wide, padded).
COLUMN_PADDING = 24
KEEP = ("mailto:", "tel:")


def email_base(settings):
    """The public address the email links to: SITEURL if set, else PUBLIC_SITEURL."""
    return (settings.get("SITEURL") or settings.get("PUBLIC_SITEURL") or "").rstrip("/")


def write_email(generator, writer, issue):
    """email.html and email.txt next to the issue's page: the page is rendered here (it
    needs the site's context), the rest is a job of plain data (see iq_core.writer)."""
    names = [issue.output_path("NEWSLETTER_EMAIL_SAVE_AS"),
             issue.output_path("NEWSLETTER_TEXT_SAVE_AS")]
    images = email_images(generator.settings, writer, issue)
    writer.write_job(names, lambda: email_job(generator, issue, images))


def email_images(settings, writer, issue):
    """{path below the site's root: (file the e-mail shows instead, width, height)} for
    every image of the issue and the theme's images in the e-mail; the files are written
    here (the same pipeline as the web sizes, iq_core.webimages): mail clients show no
    SVG, so an SVG becomes a PNG, and no photo is sent larger than needed."""
    shown = {path: settings["NEWSLETTER_EMAIL_WIDTH"] for path in issue.body_images}
    if issue.image:
        shown[issue.image.path] = settings["NEWSLETTER_EMAIL_WIDTH"]
    shown.update(settings["NEWSLETTER_EMAIL_THEME_IMAGES"])
    images = {}
    for path, css_width in sorted(shown.items()):
        found = email_rendition(path, css_width, settings)
        if found is not None:
            rendition, width, height = found
            publish(writer, rendition, settings)
            images[path] = (rendition.name, width, height)
    return images


def email_job(generator, issue, images):
    settings = generator.settings
    base = email_base(settings)
    merge_tags = settings["NEWSLETTER_EMAIL_MERGE_TAGS"]
    mjml = generator.env.get_template("newsletter_email.mjml").render(
        generator.context, issue=issue, email_base=base, merge_tags=merge_tags,
        email_width=settings["NEWSLETTER_EMAIL_WIDTH"],
        # Without a SITEURL (the local preview) images stay on the preview's own server:
        # pages of the preview load nothing from other hosts.
        email_images_local=not settings.get("SITEURL"),
    )
    return (write_email_files, mjml, f"{base}/{issue.url}", settings.get("SITEURL", ""),
            settings["NEWSLETTER_EMAIL_WIDTH"], list(merge_tags.values()),
            settings["NEWSLETTER_TEXT_WIDTH"], images)


def write_email_files(kept, mjml, web_url, image_base, email_width, merge_tags, text_width,
                      images, paths):
    """A writer job: the e-mail's HTML (compiled from `mjml`) with inlined CSS and its
    plain text, to `paths`."""
    with timed("newsletter email"):
        # lxml builds the tree several times faster than html.parser; the HTML is ours.
        soup = BeautifulSoup(compile_mjml(mjml), "lxml")
        plain_elements(soup)
        skip_preheader_in_text(soup)
        plain_head(soup)
        not_for_search_engines(soup)
        use_email_images(soup, image_base, images)
        make_absolute(soup, web_url, image_base)
        size_images(soup, email_width)
        text = plain_text(soup, merge_tags, text_width)
        for tag in soup.find_all(attrs={"data-plain": True}):
            del tag["data-plain"]
        inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)
        html_path, text_path = paths
        save(html_path, inliner.inline(to_html(soup)))
        save(text_path, text)


def plain_text(soup, merge_tags, width):
    """The text version; a merge tag stays on one line so the mailing tool still finds it.

    The merge tags are glued in `soup` itself for the walk and put back afterwards:
    the same tree, not a second parse of the whole message.
    """
    glued_strings = []
    for token in merge_tags:
        glued = token.replace(" ", GLUE)
        for string in soup.find_all(string=lambda s: token in s):
            replacement = NavigableString(str(string).replace(token, glued))
            string.replace_with(replacement)
            glued_strings.append((replacement, string))
    try:
        return html_to_text(soup.body or soup, width)
    finally:
        for replacement, original in reversed(glued_strings):
            replacement.replace_with(original)


def make_absolute(soup, web_url, image_base):
    """Every href and src absolute against the web version's address.

    Kept as they are: mailto:/tel:; and in the preview (no `image_base`) the images,
    which then come from the preview server.
    """
    for tag in soup.find_all(href=True):
        href = tag["href"].strip()
        if href.startswith(KEEP):
            continue
        tag["href"] = urljoin(web_url, href)
    for tag in soup.find_all(src=True):
        if image_base:
            tag["src"] = urljoin(web_url, tag["src"].strip())


def use_email_images(soup, siteurl, images):
    """Every image of the site as its e-mail file (PNG or JPEG, see email_images), with the
    size it is shown at; no srcset (several mail clients would pick a file of their own)."""
    for img in soup.find_all("img"):
        found = images.get(path_of_url(img.get("src") or "", siteurl))
        if found is None:
            continue
        name, width, height = found
        img["src"] = f"{siteurl}/{quote(name)}"
        img["width"], img["height"] = str(width), str(height)
        for attribute in ("srcset", "sizes"):
            img.attrs.pop(attribute, None)


def size_images(soup, email_width):
    """width/height on every image, no wider than its column (mail clients ignore CSS sizes)."""
    column = email_width - 2 * COLUMN_PADDING
    for img in soup.find_all("img"):
        hero = img.find_parent(class_="nl-email-hero") is not None  # MJML: class on the cell
        limit = email_width if hero else column
        try:
            width, height = int(img["width"]), int(img["height"])
        except (KeyError, ValueError):
            continue
        img["width"], img["height"] = (str(v) for v in scaled(width, height, limit))

