"""The test mail of an issue: the built email.html and email.txt as one message.

multipart/alternative with the plain text first and the HTML last (mail programs show the
last part they can). The HTML is sent exactly as the build wrote it; only for inline
images is each image's address replaced by a cid: reference to a part of a
multipart/related, made from the image file of the same build.
"""

import html
import mimetypes
import os
import re
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

# Image addresses in the HTML the build wrote (css-inline writes double-quoted attributes).
IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")', re.IGNORECASE)


def compose(*, subject, sender, recipient, text, html_text, unsubscribe, images=()):
    """The message; `images`: [(content id, path of the file)] of `html_text`'s cid: images."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = recipient
    # Date and Message-ID belong to this one sending, not to the build: they may use the
    # clock. The Message-ID's domain is the sender's, as for mail the network sends itself.
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=domain_of(sender))
    # The mailing tool replaces its merge tag with each reader's unsubscribe link; the test
    # shows the header as the real mailing will have it (RFC 2369: the URL in <…>).
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message.set_content(text, subtype="plain")
    message.add_alternative(html_text, subtype="html")
    html_part = message.get_payload()[-1]
    for content_id, path in images:
        maintype, subtype = (mimetypes.guess_type(path)[0] or "application/octet-stream").split("/")
        with open(path, "rb") as file:
            html_part.add_related(file.read(), maintype, subtype, cid=f"<{content_id}>",
                                  disposition="inline", filename=os.path.basename(path))
    return message


def domain_of(sender):
    return sender.rstrip(">").rsplit("@", 1)[-1]


def inline_images(html_text, site, base, domain):
    """`html_text` with each image of the site (an address below `base`) as cid:, and the
    [(content id, file)] for compose. The files are those of the build in `site`; an
    image elsewhere (none of the site's, there should be none) stays linked."""
    ids = {}

    def to_cid(match):
        path = file_of(html.unescape(match.group(2)), site, base)
        if path is None:
            return match.group(0)
        if path not in ids:
            # Short: a folded Content-ID header is misread by some programs. The file's
            # name travels as the part's filename.
            ids[path] = f"bild{len(ids) + 1}@{domain}"
        return f"{match.group(1)}cid:{ids[path]}{match.group(3)}"

    changed = IMG_SRC.sub(to_cid, html_text)
    return changed, [(content_id, path) for path, content_id in ids.items()]


def file_of(url, site, base):
    """The file of the build in `site` that `url` (an address below `base`) serves, if any."""
    prefix = base.rstrip("/") + "/"
    if not url.startswith(prefix):
        return None
    relative = unquote(urlsplit(url[len(prefix):]).path)
    root = os.path.realpath(site)
    path = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
        return None
    return path
