"""Checks of an issue's front matter. Every error names the file and the key, in German."""

import dataclasses
import datetime

from iq_core.dates import parse_when
from iq_core.errors import ContentError, Problems, closest_key
from iq_core.fields import keys, nested, required_keys
from iq_core.validation import check_keys

from .body import process_body
from .fields import NEWSLETTER_FIELDS
from .images import ImageRef, load_image

NEWSLETTER_KEYS = keys(NEWSLETTER_FIELDS)
REQUIRED_KEYS = required_keys(NEWSLETTER_FIELDS)
IMAGE_KEYS = keys(nested(NEWSLETTER_FIELDS, "image").fields)
MAX_ISSUES = 99  # issues in one year; the address has two digits


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    issue: int
    year: int
    issue_date: datetime.date
    published: datetime.datetime
    modified: datetime.datetime | None
    title: str
    slug: str
    status: str
    events_until: datetime.date | None
    image: ImageRef | None


def default_title(issue, year):
    """Newsletter 3 | 25"""
    return f"Newsletter {issue} | {year % 100:02d}"


def default_slug(issue, year):
    """2025-03"""
    return f"{year}-{issue:02d}"


def clean_issue(content, metadata, settings, source_path, problems):
    """The issue's clean (body HTML, metadata), or None with its mistakes in `problems`."""
    content_root = settings["PATH"]
    fields = problems.value(check_front_matter, source_path, metadata.get("front_matter", {}),
                            metadata.get("front_matter_lines", {}), settings, content_root,
                            metadata.get("front_matter_dates", {}))
    body = problems.value(process_body, content, source_path=source_path,
                          source_text=metadata.get("source_text", ""), settings=settings,
                          content_root=content_root)
    if fields is None or body is None:
        return None
    # Derived values replace what the reader guessed (e.g. a slug from the title).
    metadata.update(title=fields.title, slug=fields.slug, date=fields.published,
                    status=fields.status, issue=fields.issue, year=fields.year,
                    issue_date=fields.issue_date, events_until=fields.events_until,
                    image=fields.image, body_editorial=body.editorial,
                    body_articles=body.articles, body_images=body.images)
    return body.html, metadata


def check_front_matter(source_path, raw, lines, settings, content_root, dates):
    """The validated values of one issue, or ContentError(s) naming file and key.
    `dates`: `date` and `modified` as the reader parsed them (iq_core.common)."""
    raw = {key: value for key, value in raw.items() if value is not None}
    problems = Problems()
    problems.value(check_keys, source_path, raw, lines, NEWSLETTER_KEYS, required=REQUIRED_KEYS)
    issue = year = published = None
    if "issue" in raw:
        issue = problems.value(_whole_number, source_path, raw, lines, "issue", minimum=1,
                               maximum=MAX_ISSUES, example="issue: 3")
    if "year" in raw:
        year = problems.value(_whole_number, source_path, raw, lines, "year", minimum=2000,
                              maximum=2100, example="year: 2025")
    timezone = settings["TIMEZONE"]
    published, modified = dates.get("date"), dates.get("modified")
    for key in ("date", "modified"):
        if key in raw and dates.get(key) is None:  # the reader has said why
            problems.add(ContentError(source_path, "Kein gültiges Datum.", key=key,
                                      line=lines.get(key)))
    events_until = image = None
    if modified and published and modified < published:
        problems.add(ContentError(
            source_path, "Die Änderung liegt vor dem Erscheinen der Ausgabe.",
            key="modified", line=lines.get("modified"),
            hint="Schreiben Sie den Tag der letzten Änderung, am oder nach „date“.",
        ))
    if "events_until" in raw:
        events_until = problems.value(_date_only, source_path, raw, lines, "events_until",
                                      timezone)
    if events_until and published and events_until < published.date():
        problems.add(ContentError(
            source_path,
            f"Das Ende der Termine ({events_until.isoformat()}) liegt vor dem Datum der "
            f"Ausgabe ({published.date().isoformat()}).",
            key="events_until", line=lines.get("events_until"),
            hint="Schreiben Sie ein Datum am oder nach „date“ – oder lassen Sie die Zeile "
            "weg, dann reichen die Termine bis zur nächsten Ausgabe.",
        ))
    if "image" in raw:
        image = problems.value(_image, source_path, raw["image"], lines.get("image"),
                               content_root, settings["STATIC_PATHS"])
    problems.raise_any()
    slug = str(raw.get("slug") or default_slug(issue, year)).strip()
    title = str(raw.get("title") or default_title(issue, year)).strip()
    return FrontMatter(
        issue=issue, year=year, issue_date=published.date(), published=published,
        modified=modified, title=title, slug=slug, status=raw.get("status", "published"),
        events_until=events_until, image=image,
    )


def _whole_number(source_path, raw, lines, key, *, minimum, maximum=None, example):
    value = raw[key]
    # YAML reads `true` as a bool, which Python also counts as a number.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(
            source_path, f"„{value}“ ist keine ganze Zahl.", key=key, line=lines.get(key),
            hint=f"Schreiben Sie die Zahl ohne Anführungszeichen, z. B. „{example}“.",
        )
    if value < minimum or (maximum is not None and value > maximum):
        allowed = f"mindestens {minimum}" if maximum is None else f"von {minimum} bis {maximum}"
        raise ContentError(
            source_path, f"{value} ist hier nicht möglich (erlaubt: {allowed}).",
            key=key, line=lines.get(key), hint=f"Zum Beispiel „{example}“.",
        )
    return value



def _date_only(source_path, raw, lines, key, timezone):
    value = parse_when(raw[key], source_path=source_path, key=key, timezone=timezone,
                       line=lines.get(key))
    if isinstance(value, datetime.datetime):
        raise ContentError(
            source_path, "Hier steht ein Tag, ohne Uhrzeit.", key=key, line=lines.get(key),
            hint="Schreiben Sie z. B. 2025-08-31.",
        )
    return value


def _image(source_path, value, line, content_root, static_paths):
    example = ("image:\n  src: images/newsletter/2025-03-titel.jpg\n  alt: Was auf dem Bild "
               "zu sehen ist\n  credit: © Name")
    if not isinstance(value, dict):
        raise ContentError(
            source_path, "Hier steht eine Gruppe von Angaben (src, alt, credit).",
            key="image", line=line, hint=f"Schreiben Sie eingerückt:\n{example}",
        )
    for sub in value:
        if sub not in IMAGE_KEYS:
            guess = closest_key(sub, IMAGE_KEYS)
            raise ContentError(
                source_path, "Diesen Schlüssel kennt die Website bei „image“ nicht.",
                key=f"image.{sub}", line=line,
                hint=(f"Meinten Sie „{guess}“? " if guess else "") + "Erlaubt sind: alt, credit, src.",
            )
    for sub in ("src", "alt"):
        text = value.get(sub)
        if text is None or not isinstance(text, str) or not text.strip():
            problem = ("Der Alternativtext fehlt: er beschreibt das Bild für Menschen, die es "
                       "nicht sehen." if sub == "alt" else "Der Pfad zur Bilddatei fehlt.")
            raise ContentError(
                source_path, problem, key=f"image.{sub}", line=line,
                hint=f"Schreiben Sie eingerückt:\n{example}",
            )
    credit = value.get("credit")
    if credit is not None and not isinstance(credit, str):
        raise ContentError(
            source_path, "Die Bildrechte sind ein Text.", key="image.credit", line=line,
            hint="Zum Beispiel „credit: © Freepik | pch.vector“ (mit Anführungszeichen, "
            "wenn der Text ein „:“ enthält).",
        )
    path, width, height = load_image(source_path, value["src"], content_root=content_root,
                                     static_paths=static_paths,
                                     key="image.src", line=line)
    return ImageRef(path=path, alt=value["alt"].strip(),
                    credit=credit.strip() if credit and credit.strip() else None,
                    width=width, height=height)
