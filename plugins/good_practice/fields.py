"""A fact sheet's front-matter keys (iq_core.fields): what validation.py allows and
requires, and what the web editor's form shows."""

from iq_core.fields import (COMMON_FIELDS, DATE, EMAIL_PATTERN, SUMMARY, TITLE, URL_PATTERN,
                            Field, replaced)

from .criteria import CRITERIA

CRITERION_HINT = "Haken setzen, wenn erfüllt; die Begründung ist freiwillig."
CRITERIA_FIELDS = tuple(Field(c.key, "criterion", c.label, CRITERION_HINT) for c in CRITERIA)
INSTRUMENT_FIELDS = (
    Field("type", "text", "Art", "Instrument, Produkt, Broschüre, Konzept, "
          "Qualifizierungsmaßnahme …", required=True),
    Field("name", "text", "Name", required=True),
    Field("description", "longtext", "Beschreibung", required=True),
)
CONTACT_FIELDS = (
    Field("role", "text", "Funktion", "Zum Beispiel „Projektansprechpartnerin“."),
    Field("name", "text", "Name"),
    Field("address", "text", "Anschrift"),
    Field("phone", "text", "Telefon", "Mit Vorwahl, z. B. 0511 123456."),
    Field("email", "email", "E-Mail", pattern=EMAIL_PATTERN),
)
LINK_FIELDS = (
    Field("title", "text", "Linktext", required=True),
    Field("url", "url", "Adresse", required=True, pattern=URL_PATTERN),
)

SHEET_FIELDS = replaced(
    COMMON_FIELDS,
    TITLE._replace(hint="Die Überschrift des Steckbriefs."),
    DATE._replace(required=True),
    SUMMARY._replace(hint="Optional; sonst zeigen Listen den Untertitel."),
) + (
    Field("subtitle", "longtext", "Untertitel", "Ein Satz: worum es geht.", required=True),
    Field("criteria", "object", "IQ-Kriterien", "Mindestens eines.", required=True,
          fields=CRITERIA_FIELDS),
    Field("audiences", "choices", "Adressaten für Transfer",
          "Aus der Liste content/listen/adressaten.yaml.", required=True, vocabulary="adressaten"),
    Field("instrument", "object", "Instrument", required=True, fields=INSTRUMENT_FIELDS),
    Field("project", "text", "Projekt"),
    Field("duration", "text", "Projektlaufzeit", "Zum Beispiel 2015–2016."),
    Field("provider", "text", "Träger", required=True),
    Field("competence_centre", "text", "Fachstelle"),
    Field("network", "choice", "Landesnetzwerk", "Aus der Liste content/listen/netzwerke.yaml.",
          vocabulary="netzwerke"),
    Field("funding_period", "choice", "Förderrunde",
          "Aus der Liste content/listen/foerderrunden.yaml.", vocabulary="foerderrunden"),
    Field("topics", "choices", "Themen", "Aus der Liste content/listen/themen.yaml.",
          vocabulary="themen"),
    Field("contact", "object", "Kontakt", fields=CONTACT_FIELDS),
    Field("links", "objects", "Angebot (Links)", fields=LINK_FIELDS),
)
