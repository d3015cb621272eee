"""The mail server of `invoke testmail`: its settings and one message sent through it.

The standard library's smtplib does the sending: a test mail needs no more than SMTP with
STARTTLS and a login, and no extra dependency has to be installed and kept up to date.
Every way a send can fail becomes a MailError with a German sentence that names the
server and the setting to check; the server's own reply is quoted as it came.
"""

import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.utils import formataddr, parseaddr

# Which environment variable overrides which setting (defaults: newsletter/settings.py).
ENVIRONMENT = {
    "NEWSLETTER_SMTP_HOST": "IQ_SMTP_HOST",
    "NEWSLETTER_SMTP_PORT": "IQ_SMTP_PORT",
    "NEWSLETTER_SMTP_STARTTLS": "IQ_SMTP_STARTTLS",
    "NEWSLETTER_SMTP_USER": "IQ_SMTP_USER",
    "NEWSLETTER_SMTP_FROM": "IQ_SMTP_FROM",
}
PASSWORD_VARIABLE = "IQ_SMTP_PASSWORD"
YES = {"1", "ja", "j", "yes", "y", "true", "an", "on"}
NO = {"0", "nein", "n", "no", "false", "aus", "off"}
# A plain address as a mailing list holds it (ASCII: no SMTPUTF8 needed for the test).
ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
                     r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                     r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


class MailError(Exception):
    """The test mail could not be made or sent; the message says why, in German."""


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    starttls: bool
    user: str
    password: str
    sender: str  # "Name <address>"
    timeout: float

    @property
    def shown(self):
        return f"{self.host}:{self.port}"

    @property
    def sender_address(self):
        return parseaddr(self.sender)[1]


def is_address(text):
    return bool(ADDRESS.fullmatch(text or ""))


def mail_server(settings, environ):
    """The server from the settings, each overridden by its environment variable; the
    password from the environment only (a password in a settings file would end up in git)."""
    if "NEWSLETTER_SMTP_PASSWORD" in settings:
        raise MailError("Das Passwort des Mailservers gehört nicht in die Einstellungen "
                        "(NEWSLETTER_SMTP_PASSWORD): Bitte dort löschen und als "
                        f"Umgebungsvariable {PASSWORD_VARIABLE} setzen.")
    value = {key: environ.get(variable, settings[key]) for key, variable in ENVIRONMENT.items()}
    user = (value["NEWSLETTER_SMTP_USER"] or "").strip()
    password = environ.get(PASSWORD_VARIABLE, "")
    if user and not password:
        raise MailError(f"Für die Anmeldung als „{user}“ fehlt das Passwort: Bitte die "
                        f"Umgebungsvariable {PASSWORD_VARIABLE} setzen.")
    if password and not user:
        raise MailError(f"{PASSWORD_VARIABLE} ist gesetzt, aber kein Benutzername: Bitte "
                        "IQ_SMTP_USER setzen (oder NEWSLETTER_SMTP_USER in den Einstellungen).")
    host = str(value["NEWSLETTER_SMTP_HOST"] or "").strip()
    if not host:
        raise MailError("Der Mailserver fehlt: Bitte IQ_SMTP_HOST setzen (z. B. smtp.example.org).")
    return MailServer(host=host, port=port_number(value["NEWSLETTER_SMTP_PORT"]),
                      starttls=yes_or_no(value["NEWSLETTER_SMTP_STARTTLS"]), user=user,
                      password=password, sender=sender(value["NEWSLETTER_SMTP_FROM"], settings),
                      timeout=float(settings["NEWSLETTER_SMTP_TIMEOUT"]))


def port_number(value):
    text = str(value).strip()
    if text.isdigit() and 0 < int(text) < 65536:
        return int(text)
    raise MailError(f"„{text}“ ist kein Port (IQ_SMTP_PORT): eine Zahl von 1 bis 65535, "
                    "meist 587 (mit STARTTLS) oder 25.")


def yes_or_no(value):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES or text in NO:
        return text in YES
    raise MailError(f"„{value}“ ist für IQ_SMTP_STARTTLS nicht möglich: „ja“ oder „nein“.")


def sender(value, settings):
    """"Name <address>" of the sender; without a setting, the network's address."""
    if not value:
        value = formataddr((settings["SITENAME"], settings["ORGANIZATION_EMAIL"]))
    name, address = parseaddr(value)
    if not is_address(address):
        raise MailError(f"„{value}“ ist keine gültige Absenderadresse (IQ_SMTP_FROM), "
                        "z. B. „IQ Netzwerk Niedersachsen <newsletter@example.org>“.")
    return formataddr((name, address))


def send(server, message, recipient, tls_context=None):
    """`message` to `recipient` through `server`; MailError with a German sentence if not.
    `tls_context`: whom STARTTLS trusts (default: the system's certificate authorities)."""
    smtp = connect(server)
    try:
        if server.starttls:
            start_tls(smtp, server, tls_context or ssl.create_default_context())
        if server.user:
            log_in(smtp, server)
        deliver(smtp, server, message, recipient)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()  # the server is gone already; nothing left to say goodbye to


def connect(server):
    unreachable = f"Der Mailserver {server.shown} ist nicht erreichbar"
    hint = " Bitte IQ_SMTP_HOST und IQ_SMTP_PORT prüfen."
    try:
        return smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    except smtplib.SMTPException as error:  # connected, but no mail server's greeting
        raise MailError(f"Unter {server.shown} antwortet kein Mailserver{reply(error)}.{hint}")
    except socket.gaierror:
        raise MailError(f"{unreachable}: Den Namen „{server.host}“ gibt es nicht.{hint}")
    except TimeoutError:
        raise MailError(f"{unreachable}: keine Antwort in {server.timeout:g} Sekunden.{hint}")
    except ConnectionRefusedError:
        raise MailError(f"{unreachable}: Die Verbindung wurde abgelehnt.{hint}")
    except OSError as error:
        raise MailError(f"{unreachable} ({error.strerror or error}).{hint}")


def start_tls(smtp, server, context):
    failed = f"Die verschlüsselte Verbindung (STARTTLS) mit {server.shown} ist fehlgeschlagen"
    try:
        smtp.starttls(context=context)
    except smtplib.SMTPNotSupportedError:
        raise MailError(f"Der Mailserver {server.shown} bietet kein STARTTLS an. Bitte den "
                        "Port prüfen (meist 587); ohne Verschlüsselung nur bei einem "
                        "Server im eigenen Netz: IQ_SMTP_STARTTLS=nein.")
    except ssl.SSLCertVerificationError as error:
        raise MailError(f"{failed}: Das Zertifikat des Servers ist nicht vertrauenswürdig "
                        "(selbst ausgestellt, abgelaufen oder für einen anderen Namen). "
                        f"Einzelheiten: {error.verify_message}.")
    except smtplib.SMTPResponseException as error:
        raise MailError(f"{failed}{reply(error)}.")
    except (ssl.SSLError, smtplib.SMTPException, OSError) as error:
        raise MailError(f"{failed} ({error}).")


def log_in(smtp, server):
    try:
        smtp.login(server.user, server.password)
    except smtplib.SMTPAuthenticationError as error:
        raise MailError(f"Der Mailserver {server.shown} hat die Anmeldung als „{server.user}“ "
                        f"abgelehnt{reply(error)}. Bitte Benutzernamen (IQ_SMTP_USER) und "
                        f"Passwort ({PASSWORD_VARIABLE}) prüfen.")
    except smtplib.SMTPNotSupportedError:
        raise MailError(f"Der Mailserver {server.shown} bietet keine Anmeldung an. Ohne "
                        "Anmeldung: IQ_SMTP_USER leer lassen; manche Server erlauben sie erst "
                        "mit STARTTLS (IQ_SMTP_STARTTLS=ja).")
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"Die Anmeldung bei {server.shown} ist fehlgeschlagen ({error}).")


def deliver(smtp, server, message, recipient):
    try:
        smtp.send_message(message, from_addr=server.sender_address, to_addrs=[recipient])
    except smtplib.SMTPRecipientsRefused as error:
        code, text = error.recipients.get(recipient, (None, b""))
        raise MailError(f"Der Mailserver {server.shown} nimmt die Empfängeradresse "
                        f"„{recipient}“ nicht an{answer(code, text)}.")
    except smtplib.SMTPSenderRefused as error:
        raise MailError(f"Der Mailserver {server.shown} nimmt den Absender "
                        f"„{server.sender_address}“ nicht an{reply(error)}. Bitte IQ_SMTP_FROM "
                        "prüfen: viele Server erlauben nur die eigene Adresse des Kontos.")
    except smtplib.SMTPResponseException as error:
        raise MailError(f"Der Mailserver {server.shown} hat die E-Mail abgelehnt{reply(error)}.")
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"Die Verbindung zu {server.shown} ist beim Senden abgebrochen ({error}).")


def reply(error):
    return answer(getattr(error, "smtp_code", None), getattr(error, "smtp_error", b""))


def answer(code, text):
    """The server's reply for the message: its code and its own words (often English)."""
    if code is None or code == -1:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f" (Antwort des Servers: {code} {' '.join(text.split())})".rstrip()
