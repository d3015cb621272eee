"""An event's front-matter keys (iq_core.fields): what validation.py allows and requires,
and what the web editor's form shows."""

from iq_core.fields import COMMON_FIELDS, URL_PATTERN, Field

WHEN_HINT = "Datum und Uhrzeit in deutscher Zeit, z. B. 2026-06-26 10:00; ein Datum allein " \
            "heißt ganztägig."
CANCELLED = Field("cancelled", "boolean", "Abgesagt",
                  "Eine abgesagte Veranstaltung bleibt sichtbar, mit „Abgesagt“ markiert.")
RESCHEDULED_FROM = Field("rescheduled_from", "datetime", "Verschoben von",
                         "Nur bei einer Verschiebung: der bisherige Beginn.")
# Labels of their own: a form (and a screen reader) tells them from the first date's.
MORE_DATE_FIELDS = (
    Field("start", "datetime", "Beginn dieses Termins", WHEN_HINT, required=True),
    Field("end", "datetime", "Ende dieses Termins",
          "Optional; Uhrzeit am selben Tag oder ein späterer Tag."),
    CANCELLED._replace(label="Dieser Termin ist abgesagt"),
    RESCHEDULED_FROM._replace(label="Dieser Termin war vorher am"),
)

EVENT_FIELDS = COMMON_FIELDS + (
    Field("start", "datetime", "Beginn", WHEN_HINT, required=True),
    Field("end", "datetime", "Ende", "Optional; Uhrzeit am selben Tag oder ein späterer Tag."),
    Field("format", "choice", "Format", "Aus der Liste content/listen/formate.yaml.",
          vocabulary="formate"),
    Field("location", "text", "Ort", "Der Ort oder die Plattform, z. B. „Online (MS Teams)“."),
    Field("online_url", "url", "Link zur Teilnahme", "Nur wenn er öffentlich sein darf.",
          pattern=URL_PATTERN),
    Field("registration_url", "url", "Details & Anmeldung", pattern=URL_PATTERN),
    Field("organiser", "text", "Veranstalter", "Leer lassen: IQ Netzwerk Niedersachsen."),
    Field("audiences", "choices", "Zielgruppen", "Aus der Liste content/listen/adressaten.yaml.",
          vocabulary="adressaten"),
    Field("more_dates", "objects", "Weitere Termine",
          "Dieselbe Veranstaltung an weiteren Tagen.", fields=MORE_DATE_FIELDS),
    CANCELLED,
    RESCHEDULED_FROM,
    Field("uid", "text", "Kalender-Kennung (uid)",
          "Nur für übernommene Termine; sonst leer lassen, sie entsteht von selbst."),
)
