"""Checks of a sheet's contact and links (part of validation.SheetChecker)."""

import re

from iq_core.common import kind_of
from iq_core.errors import closest_key
from iq_core.addresses import encoded_address, web_address_problem
from iq_core.fields import EMAIL_PATTERN

from .fields import CONTACT_FIELDS, LINK_FIELDS

CONTACT_KEYS = tuple(field.name for field in CONTACT_FIELDS)
LINK_KEYS = tuple(field.name for field in LINK_FIELDS)
EMAIL = re.compile(EMAIL_PATTERN[0])  # the web editor's form checks the same
PHONE = re.compile(r"^\+?[0-9 ()/.\-]+$")

# Words editors use for a key that difflib cannot relate to it.
SYNONYMS = {"href": "url", "link": "url", "text": "title", "telefon": "phone", "tel": "phone",
            "adresse": "address", "anschrift": "address", "funktion": "role"}


def suggest(name, allowed):
    guess = closest_key(name, allowed) or SYNONYMS.get(str(name).casefold())
    return f"Meinten Sie „{guess}“? " if guess in allowed else ""


class ContactChecks:
    """`contact` and `links` of a sheet; the checker gives `error`, `mapping`, `text`."""

    def contact(self, value):
        if value is None:
            return None
        self.mapping(value, "contact", CONTACT_KEYS)
        contact = {name: self.text(value.get(name), "contact", name) for name in CONTACT_KEYS}
        if not any(contact.values()):
            raise self.error("Der Kontakt ist leer.", "contact",
                             hint="Ergänzen Sie name, phone oder email – oder lassen Sie "
                             "„contact“ ganz weg.")
        if contact["email"] and not EMAIL.match(contact["email"]):
            raise self.error(f"„{contact['email']}“ ist keine gültige E-Mail-Adresse.",
                             "contact", "email", key="contact: email",
                             hint="Schreiben Sie sie in der Form name@beispiel.de, ohne "
                             "Leerzeichen und ohne „mailto:“.")
        if contact["phone"]:
            contact["phone_href"] = self.phone_href(contact["phone"])
        return contact

    def phone_href(self, phone):
        digits = re.sub(r"\D", "", phone.replace("(0)", ""))
        if not PHONE.match(phone) or len(digits) < 6:
            raise self.error(f"„{phone}“ ist keine Telefonnummer.", "contact", "phone",
                             key="contact: phone",
                             hint="Schreiben Sie die Nummer mit Vorwahl, z. B. „0511 123456“ "
                             "oder „+49 511 123456“.")
        if phone.strip().startswith("+"):
            return "tel:+" + digits
        if digits.startswith("00"):
            return "tel:+" + digits[2:]
        if digits.startswith("0"):
            return "tel:+49" + digits[1:]
        raise self.error(f"Bei „{phone}“ fehlt die Vorwahl.", "contact", "phone",
                         key="contact: phone", hint="Schreiben Sie z. B. „0511 123456“.")

    def links(self, value):
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(
                f"Hier steht {kind_of(value)}, erwartet ist eine Liste von Links.", "links",
                hint="Je Link zwei Zeilen: „- title: Linktext“ und darunter, eingerückt, "
                "„  url: https://…“.")
        links = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.error(
                    f"Hier steht {kind_of(item)}, erwartet ist ein Link mit title und url.",
                    "links", index, key="links",
                    hint="Je Link zwei Zeilen: „- title: Linktext“ und darunter, eingerückt, "
                    "„  url: https://…“.")
            for name in item:
                if name not in LINK_KEYS:
                    hint = suggest(name, LINK_KEYS)
                    raise self.error(f"Ein Link kennt die Angabe „{name}“ nicht.", "links",
                                     index, name, key=f"links: {name}",
                                     hint=hint + "Erlaubt sind: title, url.")
            title = self.text(item.get("title"), "links", index, "title", required=True)
            url = self.text(item.get("url"), "links", index, "url", required=True)
            problem = web_address_problem(url)
            if problem:
                raise self.error(problem[0], "links", index, "url", key="links: url",
                                 hint=problem[1])
            links.append({"title": title, "url": encoded_address(url)})
        return links
