"""`invoke testmail` fails with one German sentence that names the server, the address
or the setting to check, and nothing is sent (the task prints it without a traceback and
exits with 1: tests/test_testmail.py)."""

import pytest

from conftest import build_fixture_site
from mail_support import (TO, Accounts, Mailbox, environment, free_port, message_of,
                          send, smtp_server, tls_server_context)


def test_unreachable_server(public_site):
    port = free_port()  # nobody listens there
    text = message_of(lambda: send(public_site, port))
    assert text == (f"Der Mailserver 127.0.0.1:{port} ist nicht erreichbar: Die Verbindung "
                    "wurde abgelehnt. Bitte IQ_SMTP_HOST und IQ_SMTP_PORT prüfen.")


def test_refused_login(public_site):
    mailbox, accounts = Mailbox(), Accounts("redaktion", "richtig")
    with smtp_server(mailbox, authenticator=accounts, auth_require_tls=False) as port:
        environ = environment(port, IQ_SMTP_USER="redaktion", IQ_SMTP_PASSWORD="falsch")
        text = message_of(lambda: send(public_site, port, environ=environ))
    # smtplib tries each mechanism the server offers (PLAIN, then LOGIN) before giving up.
    assert accounts.attempts == [("redaktion", "falsch", False)] * 2
    assert text.startswith(f"Der Mailserver 127.0.0.1:{port} hat die Anmeldung als "
                           "„redaktion“ abgelehnt (Antwort des Servers: 535 ")
    assert "IQ_SMTP_PASSWORD" in text and "falsch" not in text  # the password is never shown
    assert mailbox.envelopes == []


def test_a_server_without_starttls(public_site):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        text = message_of(lambda: send(public_site, port,
                                       environ=environment(port, IQ_SMTP_STARTTLS="ja")))
    assert text.startswith(f"Der Mailserver 127.0.0.1:{port} bietet kein STARTTLS an.")
    assert "IQ_SMTP_STARTTLS=nein" in text and mailbox.envelopes == []


def test_an_untrusted_certificate_stops_starttls(public_site, certificate):
    mailbox = Mailbox()
    with smtp_server(mailbox, tls_context=tls_server_context(certificate)) as port:
        text = message_of(lambda: send(public_site, port,
                                       environ=environment(port, IQ_SMTP_STARTTLS="ja")))
    assert text.startswith(f"Die verschlüsselte Verbindung (STARTTLS) mit 127.0.0.1:{port} "
                           "ist fehlgeschlagen: Das Zertifikat des Servers ist nicht "
                           "vertrauenswürdig")
    assert mailbox.envelopes == []


def test_refused_recipient(public_site):
    mailbox = Mailbox(refuse={TO})
    with smtp_server(mailbox) as port:
        text = message_of(lambda: send(public_site, port))
    assert text == (f"Der Mailserver 127.0.0.1:{port} nimmt die Empfängeradresse „{TO}“ nicht "
                    "an (Antwort des Servers: 550 5.1.1 Mailbox unavailable).")


def test_refused_sender(public_site):
    mailbox = Mailbox(refuse={"absender@example.org"})
    with smtp_server(mailbox) as port:
        text = message_of(lambda: send(public_site, port))
    assert text.startswith(f"Der Mailserver 127.0.0.1:{port} nimmt den Absender "
                           "„absender@example.org“ nicht an (Antwort des Servers: 553 5.7.1 "
                           "Sender address rejected). Bitte IQ_SMTP_FROM prüfen")
    assert mailbox.envelopes == []


@pytest.mark.parametrize("to, expected", [
    ("redaktion(at)example.org", "„redaktion(at)example.org“ ist keine gültige E-Mail-Adresse."),
    ("redaktion@example", "„redaktion@example“ ist keine gültige E-Mail-Adresse."),
    ("", "An wen? Bitte die Adresse mit --to angeben"),
])
def test_invalid_address_stops_before_anything_is_sent(public_site, to, expected):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        assert message_of(lambda: send(public_site, port, to=to)).startswith(expected)
    assert mailbox.envelopes == []


@pytest.mark.parametrize("variables, expected", [
    ({"IQ_SMTP_PORT": "smtp"}, "„smtp“ ist kein Port (IQ_SMTP_PORT)"),
    ({"IQ_SMTP_STARTTLS": "vielleicht"}, "„vielleicht“ ist für IQ_SMTP_STARTTLS nicht möglich"),
    ({"IQ_SMTP_USER": "redaktion"}, "Für die Anmeldung als „redaktion“ fehlt das Passwort"),
    ({"IQ_SMTP_PASSWORD": "geheim"}, "IQ_SMTP_PASSWORD ist gesetzt, aber kein Benutzername"),
    ({"IQ_SMTP_FROM": "Redaktion"}, "„Redaktion“ ist keine gültige Absenderadresse"),
])
def test_wrong_settings_are_named(public_site, variables, expected):
    port = free_port()
    text = message_of(lambda: send(public_site, port, environ=environment(port, **variables)))
    assert text.startswith(expected)


def test_a_password_in_the_settings_is_refused(public_site):
    port = free_port()
    text = message_of(lambda: send(public_site, port,
                                   overrides={"NEWSLETTER_SMTP_PASSWORD": "geheim"}))
    assert "IQ_SMTP_PASSWORD" in text and "geheim" not in text


ISSUE_FILE = """---
issue: {issue}
year: 2025
date: 2025-0{issue}-10
summary: Kurz {issue}
status: {status}
---
Editorial

## Artikel

Text.
"""


def test_unknown_issue_names_the_published_ones(tmp_path):
    """Its own public build (in this process): a draft is no issue of the public site."""
    site = build_fixture_site(tmp_path, {
        "newsletter/2025-01.md": ISSUE_FILE.format(issue=1, status="published"),
        "newsletter/2025-02.md": ISSUE_FILE.format(issue=2, status="published"),
        "newsletter/2025-04.md": ISSUE_FILE.format(issue=4, status="draft"),
    }, public=True)
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        text = message_of(lambda: send(site, port, issue="2025-04"))
    assert text.startswith("Die Ausgabe „2025-04“ gibt es in der öffentlichen Website nicht. "
                           "Vorhandene Ausgaben: 2025-01, 2025-02. (Entwürfe")
    assert mailbox.envelopes == []
