"""Addresses of other websites, phone numbers and e-mail, as editors paste them.

An address goes into the page as valid HTML or is refused with a German reason, never
written as typed: the HTML checks before publishing (`invoke verify`) reject an `href`
with a space, and a page that fails them is not published.

What a browser would do anyway when the link is followed, the build does: a space or a
character such as ^ is percent-encoded (`pfad mit leerzeichen` → `pfad%20mit%20leerzeichen`),
a second `#` becomes %23 (the browser reads `#a#b` as the anchor „a#b“), and the spaces,
dashes and slashes of a phone number are left out (`tel:0511 123 456` → `tel:0511123456`),
the visible text stays. What has no one meaning is refused: a backslash (some browsers
read it as /, others not), a % without two hexadecimal digits after it (a broken copy),
quotes and angle brackets (they would end the attribute).
"""

import re
from typing import NamedTuple
from urllib.parse import quote, urlsplit

# Percent-encoded by the build: the browser sends them so, and the meaning stays.
ENCODED = re.compile(r"[\s^`{|}]")
REFUSED = re.compile(r'["<>\\]')
BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
PHONE_SEPARATORS = re.compile(r"[\s()/.\-]")
WEB_SCHEMES = ("http", "https", "webcal")
EXAMPLE = "https://www.beispiel.de/seite"
WHOLE_ADDRESS = "Eine Adresse beginnt mit „https://“, z. B. https://www.netzwerk-iq.de/."


class Resolved(NamedTuple):
    """What a link or image path becomes (iq_core.links)."""

    value: str | None   # what goes into the page; None: the link or image is left out
    problem: str | None  # German, for editors
    hint: str | None = None


def other_website(value, scheme):
    """The Resolved of a link to another website, an e-mail address or a phone number
    (`scheme`: lower case, one of links.URL_SCHEMES)."""
    if scheme == "mailto" and "?" in value:
        return Resolved(None, f"Der E-Mail-Link „{_short(value)}“ enthält Zusätze nach „?“ "
                        "(z. B. cc, bcc oder subject).",
                        "Schreiben Sie nur die Adresse: mailto:name@beispiel.de.")
    if scheme == "mailto" and re.search(r"\s", value):
        return Resolved(None, f"Die E-Mail-Adresse in „{_short(value)}“ enthält ein "
                        "Leerzeichen.", "Schreiben Sie sie ohne Leerzeichen: "
                        "mailto:name@beispiel.de.")
    if scheme == "tel":
        number = phone_address(value)
        if number is None:
            return Resolved(None, f"„{_short(value)}“ ist keine Telefonnummer.",
                            "Schreiben Sie nach „tel:“ nur die Nummer, z. B. "
                            "tel:0511 123 456 oder tel:+49 511 123 456.")
        return Resolved(number, None)
    resolved = written_address(value)
    if resolved.value and scheme in WEB_SCHEMES and not _host_of(resolved.value):
        return Resolved(None, f"„{_short(value)}“ ist keine vollständige Internetadresse.",
                        f"Eine Adresse hat die Form {EXAMPLE}.")
    return resolved


def written_address(value):
    """The Resolved of an address that is not a file of content/: valid HTML, or a
    problem when no build can make it so."""
    problem = address_problem(value)
    if problem:
        return Resolved(None, *problem)
    return Resolved(encoded_address(value), None)


def address_problem(text):
    """(problem, hint) for an address no build can make valid, else None."""
    refused = REFUSED.search(text)
    if refused and refused.group() == "\\":
        return (f"Die Adresse „{_short(text)}“ enthält einen umgekehrten Schrägstrich „\\“.",
                "In Internetadressen steht „/“; kopieren Sie die Adresse am besten aus der "
                "Adresszeile des Browsers.")
    if refused:
        return (f"Die Adresse „{_short(text)}“ enthält das Zeichen „{refused.group()}“, das "
                "in Adressen nicht vorkommt.", "Kopieren Sie die Adresse aus der Adresszeile "
                "des Browsers.")
    if BROKEN_ESCAPE.search(text):
        return (f"Die Adresse „{_short(text)}“ enthält ein „%“, auf das nicht zwei Ziffern oder "
                "Buchstaben A–F folgen (z. B. „%20“).", "Kopieren Sie die Adresse erneut aus "
                "der Adresszeile des Browsers; ein Prozentzeichen selbst schreibt man „%25“.")
    return None


def encoded_address(text):
    """`text` (checked by address_problem) as valid HTML: spaces and the like
    percent-encoded, every `#` after the first one as %23."""
    text = ENCODED.sub(lambda found: quote(found.group(), safe=""), text.strip())
    address, hash_sign, fragment = text.partition("#")
    return address + hash_sign + fragment.replace("#", "%23")


def web_address_problem(text):
    """(problem, hint) unless `text` is a whole http(s) address of another website
    (what front matter may link to)."""
    if not isinstance(text, str):
        return (f"„{text}“ ist keine vollständige Internetadresse.", WHOLE_ADDRESS)
    problem = address_problem(text.strip())
    if problem:
        return problem
    address = encoded_address(text)
    host = _host_of(address)
    if not address.lower().startswith(("http://", "https://")) or "." not in host or \
            host.startswith(".") or host.endswith("."):
        return (f"„{_short(text.strip())}“ ist keine vollständige Internetadresse.",
                WHOLE_ADDRESS)
    return None


def is_web_address(text):
    """http(s)://host.tld/… that the build can write as valid HTML."""
    return web_address_problem(text) is None


def phone_address(text):
    """`tel:0511 123 456` → `tel:0511123456` (digits and a leading +), or None when no
    phone number is left."""
    number = text.split(":", 1)[1].replace("(0)", "")
    plus = "+" if number.strip().startswith("+") else ""
    digits = PHONE_SEPARATORS.sub("", number.strip().lstrip("+"))
    return f"tel:{plus}{digits}" if digits.isdigit() and digits.isascii() else None


def _host_of(address):
    """The host of `address`; empty when there is none or it cannot be one (a space)."""
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:  # a port that is no number
        return ""
    return "" if "%" in host else host


def _short(value, length=80):
    return value if len(value) <= length else value[: length - 1] + "…"
