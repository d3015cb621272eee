"""The web editor's collections (Decap CMS, admin/config.yml), made from the content
model's declarations (iq_core.fields and each type's fields.py), never kept by hand.

The same declarations give the validators their allowed and required keys, so a form
cannot offer a key `invoke check` refuses or leave out one it requires; the values of
select lists are read from content/listen/ in the same run, so a new list entry appears
in the form with the next build. tests/test_cms_config.py compares form and checks.
"""

from events.fields import EVENT_FIELDS
from good_practice.fields import SHEET_FIELDS
from good_practice.sections import SECTIONS
from iq_core.fields import PAGE_FIELDS
from iq_core.placeholders import PLACEHOLDERS
from iq_core.vocabulary import vocabulary
from newsletter.fields import NEWSLETTER_FIELDS

# How a date and a date-time are written: as the content model says, local time.
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY",
        "time_format": False, "picker_utc": False}
DATETIME = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "DD.MM.YYYY",
            "time_format": "HH:mm", "picker_utc": False}
SIMPLE = {"text": {"widget": "string"}, "longtext": {"widget": "text"},
          "number": {"widget": "number", "value_type": "int"}, "date": DATE,
          "datetime": DATETIME, "boolean": {"widget": "boolean"},
          "url": {"widget": "string"}, "email": {"widget": "string"},
          # true, or a text giving the reason: the site's own widget (admin/cms-widgets.js).
          "criterion": {"widget": "iq-kriterium"}}


class Collection:
    """One content type as the editor shows it: where its files are and its fields."""

    def __init__(self, name, label, singular, folder, fields, slug, body):
        self.name, self.label, self.singular = name, label, singular
        self.folder, self.fields = folder, fields
        self.slug, self.body = slug, body


COLLECTIONS = (
    Collection("newsletter", "Newsletter", "Ausgabe", "newsletter",
               NEWSLETTER_FIELDS, "{{fields.year}}-{{fields.issue}}",
               {"label": "Text der Ausgabe", "hint": "Erst das Editorial, dann je Artikel "
                "eine Überschrift „## …“; der „Praxistipp für Unternehmen“ ist ein Artikel."}),
    Collection("steckbriefe", "Good-Practice-Steckbriefe", "Steckbrief", "good-practice",
               SHEET_FIELDS, "{{slug}}",
               {"label": "Text des Steckbriefs", "hint": "Drei Abschnitte, je mit einer "
                "Überschrift „## …“, in dieser Reihenfolge.",
                # The placeholder of `invoke new-factsheet`: published unchanged, the check
                # names it.
                "default": "\n\n".join(f"## {heading}\n\n{PLACEHOLDERS['text'].text}"
                                       for heading, _ in SECTIONS)}),
    # Named by the event's first day, as the content model says, not the day of writing.
    Collection("termine", "Termine", "Termin", "events", EVENT_FIELDS,
               "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}",
               {"label": "Beschreibung", "required": False}),
    Collection("seiten", "Seiten", "Seite", "pages", PAGE_FIELDS, "{{slug}}",
               {"label": "Text der Seite"}),
)


def select_options(settings, field):
    """[{label, value}] of a choice: the shared list's entries, or the fixed values."""
    if field.vocabulary:
        return [{"label": entry.label, "value": entry.value}
                for entry in vocabulary(settings, field.vocabulary).entries]
    return [{"label": label, "value": value} for value, label in field.options]


def widget(settings, field, area):
    """The Decap field for one declaration (nested ones too)."""
    made = {"name": field.name, "label": field.label, "required": field.required}
    if field.hint:
        made["hint"] = field.hint
    if field.kind in ("choice", "choices"):
        made.update(widget="select", options=select_options(settings, field),
                    multiple=field.kind == "choices")
    elif field.kind in ("object", "objects"):
        inner_fields = field.fields
        if field.kind == "object" and not field.required:
            # Decap checks the required fields of an optional group even when the group is
            # left empty, so nothing could be saved without a header image: here they are
            # optional in the form and the check names them once the group is used.
            inner_fields = [inner._replace(required=False, hint=(
                f"Nötig, sobald „{field.label}“ angegeben ist. {inner.hint}".strip()))
                if inner.required else inner for inner in field.fields]
        made.update(widget="object" if field.kind == "object" else "list",
                    fields=[widget(settings, inner, area) for inner in inner_fields])
        if field.kind == "object" and not field.required:
            made["collapsed"] = True
        if field.kind == "objects":
            # Without it Decap starts the list with one empty entry, whose required fields
            # then stop the save („Beginn dieses Termins ist erforderlich“).
            made.update(default=[], allow_add=True)
    elif field.kind == "image":
        made.update(widget="image", media_folder=f"/content/images/{area}",
                    public_folder=f"images/{area}", choose_url=False)
    else:
        made.update(SIMPLE[field.kind])
    if field.pattern:
        made["pattern"] = list(field.pattern)
    return made


# What a list of entries shows for each; an issue has no title of its own (the site makes
# "Newsletter 3 | 25" from number and year), without this its entries had no name.
SUMMARIES = {"newsletter": "Newsletter {{fields.issue}} | {{fields.year}}"}
IDENTIFIERS = {"newsletter": "summary"}


def collection(settings, declared):
    body = {"name": "body", "widget": "markdown", "required": True, **declared.body}
    extra = {}
    if declared.name in SUMMARIES:
        extra = {"summary": SUMMARIES[declared.name],
                 "identifier_field": IDENTIFIERS[declared.name]}
    return {**extra,
        "name": declared.name, "label": declared.label, "label_singular": declared.singular,
        "folder": f"content/{declared.folder}", "create": True, "delete": True,
        "extension": "md", "format": "frontmatter", "slug": declared.slug,
        # Uploads of this area: content/images/<its folder>/ (content/images/events/ for
        # events, as the editors' guides say), linked from the text as /images/…
        "media_folder": f"/content/images/{declared.folder}",
        "public_folder": f"/images/{declared.folder}",
        "fields": [widget(settings, field, declared.folder) for field in declared.fields] + [body],
    }


def cms_config(settings):
    """The collections of the Decap CMS configuration (the admin page adds the backend)."""
    return {
        "locale": "de",
        "media_folder": "content/images",
        "public_folder": "/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(settings, declared) for declared in COLLECTIONS],
    }
