"""Helpers for the tests of `invoke testmail`: a local SMTP server (aiosmtpd) that keeps
what it receives, accounts for its logins, STARTTLS with conftest's `certificate`, and
the call of send_testmail with the public fixture build and with settings in place of
the environment (no test depends on the machine's IQ_SMTP_* variables)."""

import contextlib
import email
import email.policy
import socket
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from conftest import PUBLISHCONF, SITE_OVERRIDES
from smtpsend import MailError
from testmail import send_testmail

ISSUE = "2025-03"
TO = "redaktion@example.org"
SENDER = "Newsletter-Test <absender@example.org>"
PUBLIC = "https://www.iq-niedersachsen.example"


def free_port():
    """A port on which nothing listens (aiosmtpd's Controller needs a number)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """An aiosmtpd handler that keeps every message and refuses the addresses it is told
    (as sender or recipient)."""

    def __init__(self, refuse=()):
        self.envelopes = []
        self.refuse = set(refuse)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address in self.refuse:
            return "553 5.7.1 Sender address rejected"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    def message(self):
        """The one message received, parsed as a mail program reads it."""
        assert len(self.envelopes) == 1, self.envelopes
        return email.message_from_bytes(self.envelopes[0].content, policy=email.policy.default)


class Accounts:
    """An aiosmtpd authenticator: one user and password, every login attempt recorded
    as (login, password, over TLS)."""

    def __init__(self, user, password):
        self.user, self.password, self.attempts = user, password, []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.attempts.append((login, password, session.ssl is not None))
        # handled=False: aiosmtpd answers a refusal with 535 (True: "I have answered").
        return AuthResult(success=(login, password) == (self.user, self.password),
                          handled=False)


@contextlib.contextmanager
def smtp_server(mailbox, **parameters):
    """A local SMTP server on a free port while in use; yields the port."""
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port(), **parameters)
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


def tls_server_context(certificate):
    """The server's side of STARTTLS with conftest's self-signed `certificate`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def environment(port, **more):
    """The environment variables of a send through the local server on `port`."""
    return {"IQ_SMTP_HOST": "127.0.0.1", "IQ_SMTP_PORT": str(port), "IQ_SMTP_STARTTLS": "nein",
            "IQ_SMTP_FROM": SENDER, **more}


def send(site, port, *, issue=ISSUE, to=TO, overrides=None, **options):
    """send_testmail with the public build `site` and the local server on `port`."""
    environ = options.pop("environ", environment(port))
    return send_testmail(PUBLISHCONF, issue, to, environ=environ, built=str(site),
                         overrides={**SITE_OVERRIDES, **(overrides or {})}, **options)


def message_of(call):
    """The German message of the MailError that `call` raises."""
    with pytest.raises(MailError) as caught:
        call()
    return str(caught.value)


def built(site, name):
    return (site / "newsletter" / ISSUE / name).read_text(encoding="utf-8")


def same_text(received, written):
    """MIME text travels with CRLF line ends and ends with one (RFC 2045/2046)."""
    return received.replace("\r\n", "\n") == (written if written.endswith("\n")
                                               else written + "\n")
