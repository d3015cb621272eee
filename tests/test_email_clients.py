"""The e-mail check against real mail clients (scripts/siteverify/email_clients.py, caniemail
data through npm doiuse-email): first on tiny messages, so it is seen to fail where a client
lacks a feature, then over every issue's e-mail of the fixture site, together with what any
correct newsletter e-mail must be (size, images, links, plain text)."""

import json
import re

import lxml.etree
import lxml.html
import pytest

from email_rules import (GMAIL_CLIPS_AT, links_missing_from_text, long_lines, non_absolute_urls,
                         svg_images)
from siteverify import email_clients
from siteverify.email_clients import (ALLOWED, CLIENTS, MISSING, PACKAGE, CheckerMissing,
                                      email_client_problems, email_files, report_lines,
                                      unexplained, unsupported_features)

# A plain e-mail layout as mail clients want it: tables, inline styles, PNG, absolute links.
TABLE_LAYOUT = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Newsletter</title></head>
<body style="margin: 0; background-color: #eef4f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"
 style="background-color: #eef4f8;"><tr><td align="center" style="padding: 16px 0;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"
 style="background-color: #ffffff;"><tr><td style="padding: 8px 24px; font-size: 16px;
 font-family: Arial, sans-serif; line-height: 1.5; color: #1b1b1b;">
<h1 style="margin: 0 0 8px; font-size: 28px;">Newsletter 3 | 25</h1>
<img src="https://www.iq-niedersachsen.example/bilder/titel-1200.png" width="552" height="276"
 alt="Titelbild" style="display: block; border: 0;">
<p style="margin: 0 0 14px;">Text mit <a href="https://www.iq-niedersachsen.example/"
 style="color: #00507d; text-decoration: underline;">Link</a>.</p>
</td></tr></table></td></tr></table></body></html>"""


def message(body, head=""):
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>x</title>{head}'
            f"</head><body>{body}</body></html>")


@pytest.fixture
def check(tmp_path):
    """The checker over one message: its findings [(feature, title, client)]."""
    def run(html):
        path = tmp_path / "email.html"
        path.write_text(html, encoding="utf-8")
        return unsupported_features([path])[str(path)]
    return run


def lacking(findings, feature):
    """The client ids that lack `feature`."""
    return {client for found, _title, client in findings if found == feature}


def test_a_plain_table_layout_with_inline_styles_is_clean(check):
    findings = check(TABLE_LAYOUT)
    assert unexplained(findings) == []
    assert report_lines("/newsletter/2025-03/email.html", findings) == []


@pytest.mark.parametrize("body, feature, lack, have", [
    ('<img src="https://www.iq-niedersachsen.example/emblem.svg" alt="EU" width="72" '
     'height="48">', "image-svg",
     {"gmail.desktop-webmail", "gmail.mobile-webmail", "outlook.windows", "outlook.macos"},
     {"apple-mail.macos", "thunderbird.macos"}),
    ('<svg width="72" height="48"><rect width="72" height="48"/></svg>', "html-svg",
     {"gmail.desktop-webmail", "gmail.android", "outlook.windows", "outlook.outlook-com",
      "yahoo.desktop-webmail"}, {"apple-mail.ios", "thunderbird.macos"}),
    ("<main><section><p>Text</p></section></main>", "html-semantics",
     {"outlook.windows", "outlook.windows-mail", "yahoo.desktop-webmail"},
     {"apple-mail.macos", "gmail.desktop-webmail"}),
    ('<div style="display: none">Vorschautext</div>', "css-display-none",
     {"gmail.mobile-webmail"}, {"gmail.desktop-webmail", "apple-mail.ios"}),
    ('<p style="border-radius: 3px">Rubrik</p>', "css-border-radius",
     {"outlook.windows", "outlook.windows-mail"}, {"gmail.desktop-webmail", "apple-mail.ios"}),
])
def test_a_feature_is_reported_for_the_clients_that_lack_it(check, body, feature, lack, have):
    clients = lacking(check(message(body)), feature)
    assert lack <= clients and not have & clients, clients


def test_the_report_names_page_feature_clients_and_caniemail_in_german(check):
    findings = check(message('<p style="border-radius: 3px">Rubrik</p>'))
    assert report_lines("/newsletter/2025-03/email.html", findings) == [
        "Seite /newsletter/2025-03/email.html: „border-radius“ (css-border-radius) wird von "
        "Outlook (Windows), Windows Mail nicht unterstützt "
        "(https://www.caniemail.com/features/css-border-radius/)."]


def test_an_allowed_enhancement_is_found_but_not_reported(check):
    findings = check(message("<p>x</p>", "<style>@media (max-width: 620px) "
                                         "{ p { padding: 0 !important; } }</style>"))
    assert "outlook.windows" in lacking(findings, "css-at-media")
    assert report_lines("/x/email.html", findings) == []


def test_a_feature_some_client_was_never_tested_for_does_not_end_the_check(check):
    """caniemail has no Thunderbird result for table-layout; doiuse-email alone throws."""
    findings = check(message('<table style="table-layout: fixed"><tr><td '
                             'style="border-radius: 3px">x</td></tr></table>'))
    assert "outlook.windows" in lacking(findings, "css-border-radius")


def test_each_file_is_checked_on_its_own_in_one_run(tmp_path):
    broken, svg = tmp_path / "kaputt.html", tmp_path / "svg.html"
    broken.write_text(message("<p>x</p>", "<style>p { color: red</style>"), encoding="utf-8")
    svg.write_text(message('<img src="https://x.example/a.svg" alt="a">'), encoding="utf-8")
    found = unsupported_features([broken, svg])
    assert found[str(broken)].startswith("nicht prüfbar: ")
    assert report_lines("/a/email.html", found[str(broken)])[0].startswith(
        "Seite /a/email.html: E-Mail nicht prüfbar: ")
    assert "outlook.windows" in lacking(found[str(svg)], "image-svg")


def test_an_unknown_client_id_stops_the_check(tmp_path):
    path = tmp_path / "email.html"
    path.write_text(message("<p>x</p>"), encoding="utf-8")
    with pytest.raises(CheckerMissing, match="Unbekannte E-Mail-Programme.*outlook.web"):
        unsupported_features([path], {"outlook.web": "Outlook im Web"})


def test_without_doiuse_email_the_check_fails_instead_of_passing(tmp_path, monkeypatch):
    monkeypatch.setattr(email_clients, "PACKAGE", tmp_path / "node_modules" / "doiuse-email")
    assert email_client_problems(tmp_path) == []  # no e-mail, nothing to check
    (tmp_path / "newsletter" / "2025-03").mkdir(parents=True)
    (tmp_path / "newsletter" / "2025-03" / "email.html").write_text(message("<p>x</p>"))
    assert email_client_problems(tmp_path) == [MISSING]


def caniemail_features():
    data = json.loads((PACKAGE / "data" / "can-i-email.json").read_text(encoding="utf-8"))
    return {feature["slug"]: feature for feature in data["data"]}


def test_every_allowed_feature_exists_and_says_why():
    features = caniemail_features()
    for feature, reason in ALLOWED.items():
        assert feature in features and len(reason.split()) >= 8, feature


def test_every_client_is_in_caniemails_data():
    stats = caniemail_features()["css-border-radius"]["stats"]
    for client in CLIENTS:
        family, platform = client.split(".")
        assert platform in stats.get(family, {}), client


# --- every issue's e-mail in the fixture site --------------------------------------------

@pytest.fixture(scope="module")
def emails(public_site):
    """{URL path: HTML file} of every issue's e-mail (its plain text: .txt next to it)."""
    files = email_files(public_site)
    issues = sorted(public_site.glob("newsletter/*/index.html"))
    assert [path.parent for path in files] == [path.parent for path in issues]
    return {f"/{path.relative_to(public_site).as_posix()}": path for path in files}


def test_every_email_has_no_unexplained_client_findings(emails):
    found = unsupported_features(emails.values())
    problems = [line for page, path in emails.items()
                for line in report_lines(page, found[str(path)])]
    assert problems == [], "\n".join(problems)


HIDING = re.compile(r"display:\s*none|opacity|overflow", re.IGNORECASE)


def test_only_the_preheader_is_hidden(emails):
    """display:none, opacity and overflow are allowed for the preheader alone (ALLOWED):
    nothing of the message itself may disappear in a client that supports them."""
    for page, path in emails.items():
        html = tree(path)
        hidden = [element for element in html.iter(lxml.etree.Element)
                  if HIDING.search(element.get("style") or "")]
        assert len(hidden) == 1, (page, [lxml.html.tostring(e)[:120] for e in hidden])
        (preheader,) = hidden
        assert preheader.getparent().tag == "body" and preheader.text_content().strip(), page
        style = " ".join(s.text_content() for s in html.iter("style"))
        assert not HIDING.search(style), page


def test_every_email_is_small_enough_for_gmail(emails):
    sizes = {page: path.stat().st_size for page, path in emails.items()}
    assert all(size < GMAIL_CLIPS_AT for size in sizes.values()), sizes


def tree(path):
    return lxml.html.fromstring(path.read_bytes())


def test_no_email_has_svg_script_or_form(emails):
    for page, path in emails.items():
        html = tree(path)
        assert svg_images(html) == [], page
        for tag in ("svg", "script", "form"):
            assert next(html.iter(tag), None) is None, (page, tag)


def test_every_link_and_image_of_an_email_is_absolute(emails):
    found = {page: list(non_absolute_urls(tree(path))) for page, path in emails.items()}
    assert all(urls == [] for urls in found.values()), found


def test_plain_text_lines_fit_72_characters_except_a_lone_url(emails):
    for page, path in emails.items():
        assert long_lines(path.with_suffix(".txt").read_text(encoding="utf-8")) == [], page


def test_every_link_of_the_html_is_in_the_plain_text(emails):
    for page, path in emails.items():
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert links_missing_from_text(tree(path), text) == [], page


def test_the_rules_for_a_correct_email_catch_what_they_should():
    html = lxml.html.fromstring(
        '<div><img src="https://x.example/emblem.SVG?v=2" alt="EU">'
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">'
        '<img src="https://x.example/foto.png" alt="Foto">'
        '<a href="/kontakt/">Kontakt</a> <a href="#inhalt">Inhalt</a> '
        '<a href="//cdn.example/x">x</a> <a href="mailto:info@x.example">Mail</a> '
        '<a href="{{ unsubscribe }}">abbestellen</a> <img src="bild.png" alt="b">'
        '<a href="https://x.example/a/#b">B</a></div>')
    assert svg_images(html) == ["https://x.example/emblem.SVG?v=2",
                                "data:image/svg+xml;base64,PHN2Zz4="]
    assert list(non_absolute_urls(html)) == [
        "img src='data:image/svg+xml;base64,PHN2Zz4='", "a href='/kontakt/'",
        "a href='#inhalt'", "a href='//cdn.example/x'", "img src='bild.png'"]
    url = "https://www.iq-niedersachsen.example/newsletter/2025-03/#ein-jahr-chancenkarte"
    assert long_lines(f"  ({url})\n<{url}>\n{url}.\n" + "x" * 72) == []
    assert long_lines(f"Mehr dazu unter {url}\n" + "ä" * 73) == [f"Mehr dazu unter {url}",
                                                                  "ä" * 73]
    # A link is missing from the text if only a longer one (its #anchor) is there.
    assert links_missing_from_text(html, "B (https://x.example/a/#b)") == []
    html.append(lxml.html.fromstring('<a href="https://x.example/a/">A</a>'))
    assert links_missing_from_text(html, "B (https://x.example/a/#b)") == ["https://x.example/a/"]
    assert links_missing_from_text(html, "A\n(https://x.example/a/) B https://x.example/a/#b.") \
        == []
