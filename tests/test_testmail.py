"""`invoke testmail`: an issue's e-mail of the public build, sent to a local SMTP server.

aiosmtpd receives what smtplib sends; the message is parsed back as a mail program would
and compared with the files the build wrote (the failures and their German messages:
tests/test_testmail_errors.py).
"""

import datetime
import os
import ssl
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from mail_support import (ISSUE, PUBLIC, SENDER, TO, Accounts, Mailbox, built, environment,
                          same_text, send, smtp_server, tls_server_context)
from test_editor_changes import copy_project


def test_linked_images_send_the_built_email_as_it_is(public_site):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        report = send(public_site, port)
    message = mailbox.message()
    assert message["Subject"] == "[Test] Newsletter 3 | 25"
    assert message["From"] == SENDER and message["To"] == TO
    assert message["List-Unsubscribe"] == "<{{ unsubscribe }}>"
    assert message["Date"].datetime is not None
    assert message["Message-ID"].endswith("@example.org>")
    assert mailbox.envelopes[0].mail_from == "absender@example.org"
    assert mailbox.envelopes[0].rcpt_tos == [TO]
    assert message.get_content_type() == "multipart/alternative"
    parts = message.get_payload()
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert same_text(parts[0].get_content(), built(public_site, "email.txt"))
    assert same_text(parts[1].get_content(), built(public_site, "email.html"))
    images = [img["src"] for img in BeautifulSoup(parts[1].get_content(), "lxml").find_all("img")]
    assert images and all(src.startswith(f"{PUBLIC}/bilder/") for src in images)
    assert report[0] == (f"Die Testmail „[Test] Newsletter 3 | 25“ ist an {TO} verschickt "
                         f"(über 127.0.0.1:{port}, Absender {SENDER}).")
    assert "--inline-images" in report[1]


def test_inline_images_are_related_parts_the_html_refers_to(public_site):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        report = send(public_site, port, inline=True)
    text, related = mailbox.message().get_payload()
    assert text.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html_part, *image_parts = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    by_cid = {part["Content-ID"].strip("<>"): part for part in image_parts}
    assert all(part.get_content_type() == "image/png" for part in image_parts)
    sent = BeautifulSoup(html_part.get_content(), "lxml").find_all("img")
    written_html = built(public_site, "email.html")
    written = BeautifulSoup(written_html, "lxml").find_all("img")
    assert len(sent) == len(written) == 4 == len(by_cid)
    restored = html_part.get_content()
    for sent_img, written_img in zip(sent, written):
        assert sent_img["src"].startswith("cid:")
        part = by_cid[sent_img["src"][len("cid:"):]]
        file = public_site / written_img["src"][len(PUBLIC) + 1:]
        assert part.get_content() == file.read_bytes()
        assert part.get_filename() == file.name
        assert part.get_content_disposition() == "inline"
        restored = restored.replace(f'src="{sent_img["src"]}"', f'src="{written_img["src"]}"')
    assert same_text(restored, written_html)  # nothing else in the HTML changed
    assert report[1] == "Bilder in der E-Mail selbst: 4."


def test_inline_is_also_a_setting_and_the_mailing_tools_tags_are_used(public_site):
    mailbox = Mailbox()
    settings = {"NEWSLETTER_TESTMAIL_IMAGES": "inline", "NEWSLETTER_TESTMAIL_SUBJECT_PREFIX": "",
                "NEWSLETTER_EMAIL_MERGE_TAGS": {"unsubscribe": "*|UNSUB|*", "imprint": "x"}}
    with smtp_server(mailbox) as port:
        send(public_site, port, overrides=settings)
    message = mailbox.message()
    assert message["Subject"] == "Newsletter 3 | 25"
    assert message["List-Unsubscribe"] == "<*|UNSUB|*>"
    assert message.get_payload()[1].get_content_type() == "multipart/related"


def test_without_a_sender_setting_the_network_sends(public_site):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        environ = environment(port)
        del environ["IQ_SMTP_FROM"]
        send(public_site, port, environ=environ)
    assert mailbox.message()["From"] == ("IQ Netzwerk Niedersachsen "
                                         "<info@iq-niedersachsen.example>")


def test_starttls_and_login_with_the_password_from_the_environment(public_site, certificate):
    mailbox, accounts = Mailbox(), Accounts("redaktion", "geheim")
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    with smtp_server(mailbox, tls_context=tls_server_context(certificate), require_starttls=True,
                     authenticator=accounts, auth_required=True) as port:
        environ = environment(port, IQ_SMTP_STARTTLS="ja", IQ_SMTP_USER="redaktion",
                              IQ_SMTP_PASSWORD="geheim")
        send(public_site, port, environ=environ, tls_context=trusted)
    assert accounts.attempts == [("redaktion", "geheim", True)]  # over TLS
    assert mailbox.message()["Subject"] == "[Test] Newsletter 3 | 25"


# The day the project copy is built: the fixture site's (conftest.SITE_BUILD_DATE).
BUILD_DAY = int(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.timezone.utc).timestamp())


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with the fixture site as content/ (the task builds content/)."""
    project = tmp_path_factory.mktemp("kopie")
    copy_project(project)
    return project


def invoke_testmail(project, port, *arguments):
    environ = {key: value for key, value in os.environ.items() if not key.startswith("IQ_SMTP")}
    environ.update(environment(port), SOURCE_DATE_EPOCH=str(BUILD_DAY))
    return subprocess.run([sys.executable, "-m", "invoke", "testmail", *arguments], cwd=project,
                          capture_output=True, text=True, env=environ)


def test_invoke_testmail_as_editors_call_it(project, public_site):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        result = invoke_testmail(project, port, "--issue", ISSUE, "--to", TO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Die Testmail „[Test] Newsletter 3 | 25“ ist an {TO} ")
    message = mailbox.message()
    assert message["To"] == TO and message["List-Unsubscribe"] == "<{{ unsubscribe }}>"
    text, html_part = message.get_payload()
    # The task's own public build wrote the same e-mail as the fixture's public build.
    assert same_text(text.get_content(), built(public_site, "email.txt"))
    assert same_text(html_part.get_content(), built(public_site, "email.html"))
    assert not (project / "output").exists()  # output/ is left as it was


def test_invoke_testmail_errors_are_german_without_traceback(project):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        unknown = invoke_testmail(project, port, "--issue", "2031-01", "--to", TO)
        invalid = invoke_testmail(project, port, "--issue", ISSUE, "--to", "niemand")
    assert unknown.returncode == 1 and invalid.returncode == 1
    assert unknown.stderr.strip().endswith(
        "Keine Testmail verschickt: Die Ausgabe „2031-01“ gibt es in der öffentlichen Website "
        "nicht. Vorhandene Ausgaben: 2025-01, 2025-02, 2025-03. (Entwürfe mit „status: draft“ "
        "gehören nicht zur öffentlichen Website und lassen sich nicht verschicken.)")
    assert invalid.stderr.strip() == ("Keine Testmail verschickt: „niemand“ ist keine gültige "
                                      "E-Mail-Adresse. Bitte mit --to eine Adresse wie "
                                      "name@example.org angeben.")
    assert "Traceback" not in unknown.stderr + invalid.stderr
    assert mailbox.envelopes == []
