"""A newsletter issue's front-matter keys (iq_core.fields): what validation.py allows and
requires, and what the web editor's form shows."""

from iq_core.fields import COMMON_FIELDS, DATE, SUMMARY, TITLE, Field, replaced

IMAGE_FIELDS = (
    Field("src", "image", "Bilddatei", "Aus content/images/newsletter/.", required=True),
    Field("alt", "text", "Alternativtext",
          "Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen.", required=True),
    Field("credit", "text", "Bildrechte", "Zum Beispiel „© Freepik | pch.vector“."),
)

NEWSLETTER_FIELDS = replaced(
    COMMON_FIELDS,
    TITLE._replace(required=False, hint="Leer lassen: Der Titel entsteht aus Nummer und Jahr "
                   "(„Newsletter Nummer | Jahr“)."),
    DATE._replace(required=True, label="Erscheinungsdatum"),
    SUMMARY._replace(required=True, hint="Die Themen der Ausgabe in einem Satz (Vorschautext "
                     "der E-Mail, Listen und Feeds)."),
) + (
    Field("issue", "number", "Nummer im Jahr", "1, 2, 3 …", required=True),
    Field("year", "number", "Jahr", "Zum Beispiel 2025.", required=True),
    Field("image", "object", "Titelbild", "Optional: Bild oben in der Ausgabe.",
          fields=IMAGE_FIELDS),
    Field("events_until", "date", "Termine bis",
          "Der Block „Termine“ zeigt die Veranstaltungen bis zu diesem Tag (leer: bis zur "
          "nächsten Ausgabe, sonst 12 Wochen)."),
)
