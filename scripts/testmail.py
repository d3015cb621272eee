"""`invoke testmail`: one issue's e-mail of the public site, sent to one address to look at.

The mail is what the mailing tool will get: email.html and email.txt as the public build
writes them (NEWSLETTER_EMAIL_SAVE_AS, NEWSLETTER_TEXT_SAVE_AS). The site is built into a
scratch folder with the same build as `invoke publish` (output/ stays as it is; the search
index is left out, a mail has no use for it). Each failure ends with a German sentence
and a non-zero exit code, never a traceback.
"""

import html
import os
import re
import sys
import tempfile

import sitebuild
from mailcompose import compose, domain_of, inline_images
from smtpsend import MailError, is_address, mail_server, send

IMAGE_MODES = ("linked", "inline")


def public_settings(settings_file, overrides=None):
    """The public build's settings with every default the build applies (iq_core and the
    newsletter plugin: one place for defaults, see iq_core.settings)."""
    from pelican.settings import read_settings

    import iq_core
    import newsletter
    from iq_core.settings import with_defaults

    settings = read_settings(settings_file, override=dict(overrides or {}))
    return with_defaults(with_defaults(settings, iq_core.DEFAULTS), newsletter.DEFAULTS)


def send_testmail(settings_file, issue, to, *, overrides=None, inline=False, environ=None,
                  built=None, tls_context=None):
    """Build the public site, send `issue`'s e-mail to `to`; the lines to show the editor.

    `inline`: images inside the mail even if NEWSLETTER_TESTMAIL_IMAGES says "linked".
    `built`: a public build to take the e-mail from instead of building (the tests' site).
    `environ`: in place of os.environ; `tls_context`: see smtpsend.send.
    """
    issue, to = (issue or "").strip().strip("/"), (to or "").strip()
    if not issue:
        raise MailError("Welche Ausgabe? Bitte mit --issue angeben, z. B. --issue 2025-03.")
    if not is_address(to):
        raise MailError(f"„{to}“ ist keine gültige E-Mail-Adresse. Bitte mit --to eine "
                        "Adresse wie name@example.org angeben." if to else
                        "An wen? Bitte die Adresse mit --to angeben, z. B. --to name@example.org.")
    settings = public_settings(settings_file, overrides)
    server = mail_server(settings, os.environ if environ is None else environ)
    mode = "inline" if inline else settings["NEWSLETTER_TESTMAIL_IMAGES"]
    if mode not in IMAGE_MODES:
        raise MailError(f"„{mode}“ ist für NEWSLETTER_TESTMAIL_IMAGES nicht möglich: "
                        "„linked“ (Bilder von der Website) oder „inline“ (Bilder in der E-Mail).")
    with tempfile.TemporaryDirectory(prefix="iq-testmail-") as scratch:
        site = built or build_public_site(settings_file, overrides, scratch)
        html_path, text_path = issue_files(settings, site, issue)
        with open(html_path, encoding="utf-8") as file:
            html_text = file.read()
        with open(text_path, encoding="utf-8") as file:
            text = file.read()
        images = []
        if mode == "inline":
            html_text, images = inline_images(html_text, site, site_base(settings),
                                              domain_of(server.sender))
        subject = settings["NEWSLETTER_TESTMAIL_SUBJECT_PREFIX"] + issue_title(html_text, settings)
        message = compose(subject=subject, sender=server.sender, recipient=to, text=text,
                          html_text=html_text, images=images,
                          unsubscribe=settings["NEWSLETTER_EMAIL_MERGE_TAGS"]["unsubscribe"])
        send(server, message, to, tls_context)
    return sent_report(subject, to, server, mode, settings, len(images))


def build_public_site(settings_file, overrides, scratch):
    """The public site, built as by `invoke publish` (in its own process), into `scratch`."""
    output = os.path.join(scratch, "output")
    sitebuild.run_pelican(settings_file, output, {**(overrides or {}), "SEARCH_INDEX": False},
                          shown_as="(Testmail)")
    return output


def site_base(settings):
    """The address the e-mail's links and images start with (as newsletter.email builds it)."""
    return (settings.get("SITEURL") or settings.get("PUBLIC_SITEURL") or "").rstrip("/")


def issue_files(settings, site, issue):
    """email.html and email.txt of `issue` (its slug) in the build `site`, or a MailError
    that names the issues the public site has."""
    issues = published_issues(settings, site)
    if issue not in issues:
        listed = ", ".join(issues) or "keine"
        raise MailError(f"Die Ausgabe „{issue}“ gibt es in der öffentlichen Website nicht. "
                        f"Vorhandene Ausgaben: {listed}. (Entwürfe mit „status: draft“ gehören "
                        "nicht zur öffentlichen Website und lassen sich nicht verschicken.)")
    return (os.path.join(site, settings[key].format(slug=issue))
            for key in ("NEWSLETTER_EMAIL_SAVE_AS", "NEWSLETTER_TEXT_SAVE_AS"))


def published_issues(settings, site):
    """The slugs of every issue whose e-mail the build `site` has, sorted."""
    pattern = settings["NEWSLETTER_EMAIL_SAVE_AS"]
    before, after = pattern.split("{slug}", 1)
    found = []
    for folder, _, files in os.walk(site):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            if relative.startswith(before) and relative.endswith(after):
                slug = relative[len(before):len(relative) - len(after)]
                if slug and "/" not in slug:
                    found.append(slug)
    return sorted(found)


def issue_title(html_text, settings):
    """The issue's title from the e-mail's <title> ("Newsletter 3 | 25 – SITENAME")."""
    match = re.search(r"<title>(.*?)</title>", html_text, re.S | re.I)
    if match is None:
        raise MailError("Die E-Mail-Fassung hat keinen Titel (<title>) für den Betreff.")
    title = " ".join(html.unescape(match.group(1)).split())
    suffix = f" – {settings['SITENAME']}"
    return title[:-len(suffix)] if title.endswith(suffix) and title != suffix else title


def sent_report(subject, to, server, mode, settings, image_count):
    lines = [f"Die Testmail „{subject}“ ist an {to} verschickt (über {server.shown}, "
             f"Absender {server.sender})."]
    if mode == "inline":
        lines.append(f"Bilder in der E-Mail selbst: {image_count}.")
    else:
        lines.append(f"Die Bilder kommen von {site_base(settings)}/: Ist die Ausgabe noch nicht "
                     "veröffentlicht, fehlen sie; dann mit --inline-images schicken.")
    return lines


def send_or_exit(settings_file, issue, to, inline=False):
    """For the task: the report, or the German message on stderr and exit code 1."""
    try:
        lines = send_testmail(settings_file, issue, to, inline=inline)
    except KeyboardInterrupt:
        print("\nAbgebrochen. Es wurde keine Testmail verschickt.", file=sys.stderr)
        sys.exit(130)
    except sitebuild.BuildError as error:
        print(f"Der Bau ist fehlgeschlagen, es wurde keine Testmail verschickt:\n\n{error}",
              file=sys.stderr)
        sys.exit(1)
    except MailError as error:
        print(f"Keine Testmail verschickt: {error}", file=sys.stderr)
        sys.exit(1)
    print("\n".join(lines))
