"""Machine-readable forms of the sheets: the open-data export and schema.org JSON-LD."""

import json
from zoneinfo import ZoneInfo

from iq_core.history import last_modified
from iq_core.jsonld import SCHEMA, date_modified, network_reference, public_site_url

from .criteria import CRITERIA


def absolute(settings, url):
    return f"{settings['SITEURL']}/{url}"


def changed_day(sheet, settings):
    """The day of the sheet's last change (`modified`, else git: iq_core.history), or None."""
    changed = last_modified(sheet)
    return changed.astimezone(ZoneInfo(settings["TIMEZONE"])).date().isoformat() \
        if changed else None


def sheet_record(sheet, settings):
    """Every published field of a sheet, as plain JSON values (null when not given)."""
    met = {m.criterion.key: m for m in sheet.criteria}
    return {
        "slug": sheet.slug,
        "url": absolute(settings, sheet.url),
        "title": sheet.title,
        "subtitle": sheet.subtitle,
        "summary": sheet.summary_text,
        "date": sheet.date.date().isoformat(),
        "modified": changed_day(sheet, settings),
        "criteria": {
            c.key: {"label": c.label, "met": c.key in met,
                    "justification": met[c.key].justification if c.key in met else None}
            for c in CRITERIA
        },
        "audiences": [a.label for a in sheet.audiences],
        "instrument": dict(sheet.instrument),
        "project": sheet.project,
        "duration": sheet.duration,
        "provider": sheet.provider,
        "competence_centre": sheet.competence_centre,
        "network": sheet.network.label if sheet.network else None,
        "funding_period": sheet.funding_period.label if sheet.funding_period else None,
        "topics": [t.label for t in sheet.topics],
        "contact": {key: value for key, value in sheet.contact.items() if key != "phone_href"}
        if sheet.contact else None,
        "links": [dict(link) for link in sheet.links],
    }


def export(sheets, settings):
    """The text of good-practice/index.json: sorted keys, sheets newest first."""
    data = {
        "title": "Good-Practice-Steckbriefe des IQ Netzwerks Niedersachsen",
        "url": absolute(settings, settings["GOOD_PRACTICE_ARCHIVE_URL"]),
        "language": "de",
        "criteria": [{"key": c.key, "label": c.label, "definition": list(c.definition)}
                     for c in CRITERIA],
        "count": len(sheets),
        "sheets": [sheet_record(sheet, settings) for sheet in sheets],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    # As Jinja's tojson does: <, > and & only occur inside strings, where the escapes mean
    # the same; a page that embeds this data can then never be ended by a "</script>".
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(sheet, settings):
    """schema.org: the sheet is an Article about a Project (an Organization in schema.org),
    written and published by the network (the home page's Organization, by its @id)."""
    site = public_site_url(settings)
    network = network_reference(settings)
    published = sheet.date.date()
    project = {
        "@type": "Project",
        "name": sheet.project or sheet.instrument["name"],
        "parentOrganization": {"@type": "Organization", "name": sheet.provider},
    }
    if sheet.duration:
        project["description"] = f"Projektlaufzeit {sheet.duration}"
    if sheet.network:
        project["areaServed"] = {"@type": "State", "name": sheet.network.label}
    if sheet.contact and (sheet.contact.get("email") or sheet.contact.get("phone")):
        point = {"@type": "ContactPoint"}
        for key, field in (("role", "contactType"), ("name", "name"), ("email", "email"),
                           ("phone", "telephone")):
            if sheet.contact.get(key):
                point[field] = sheet.contact[key]
        project["contactPoint"] = point
    return {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": sheet.title,
        "alternativeHeadline": sheet.subtitle,
        "url": f"{site}/{sheet.url}",
        "inLanguage": "de",
        "datePublished": published.isoformat(),
        "dateModified": date_modified(sheet, published),
        "author": network,
        "genre": "Good Practice",
        "keywords": [m.criterion.label for m in sheet.criteria] + [t.label for t in sheet.topics],
        "audience": [{"@type": "Audience", "audienceType": a.label} for a in sheet.audiences],
        "about": project,
        "mentions": {"@type": "CreativeWork", "name": sheet.instrument["name"],
                     "genre": sheet.instrument["type"],
                     "description": sheet.instrument["description"]},
        "publisher": network,
    }
