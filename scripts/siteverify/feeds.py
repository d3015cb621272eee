"""Feeds, calendars, the sitemap and JSON files parse, with the fields readers rely on.

Read by two independent readers each where there are two (feedparser and lxml for feeds,
icalendar and vobject for calendars), as subscribers' programs differ in strictness;
calendars also by the strict libical with the rules of RFC 5546 (icalstrict.py).
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from .icalstrict import StrictReaderMissing, strict_problems
from .pages import problem, url_path

# Never trust a published file with entities or the network while reading it.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def absolute(url):
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def rss_problems(channel):
    problems = [f"dem Feed fehlt <{name}>." for name in ("title", "link", "description")
                if not (channel.findtext(name) or "").strip()]
    guids = [item.findtext("guid") for item in channel.iter("item")]
    if None in guids or len(set(guids)) != len(guids):
        problems.append("Einträge ohne eindeutige <guid>: Feedreader zeigen sie doppelt.")
    problems += [f"der Link {item.findtext('link')} ist nicht absolut."
                 for item in channel.iter("item") if not absolute(item.findtext("link"))]
    return problems


def atom_problems(feed):
    problems = [f"dem Feed fehlt <{name}>." for name in ("id", "title", "updated")
                if not (feed.findtext(ATOM + name) or "").strip()]
    entries = list(feed.iter(ATOM + "entry"))
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    if None in ids or len(set(ids)) != len(ids):
        problems.append("Einträge ohne eindeutige <id>: Feedreader zeigen sie doppelt.")
    for entry in entries:
        missing = [name for name in ("title", "updated") if entry.find(ATOM + name) is None]
        if missing:
            problems.append(f"dem Eintrag {entry.findtext(ATOM + 'id')} fehlt "
                            f"<{'>, <'.join(missing)}>.")
    return problems


def xml_problems(path):
    import feedparser

    try:
        root = etree.parse(str(path), SAFE_XML).getroot()
    except etree.XMLSyntaxError as error:
        return [f"kein gültiges XML ({error.msg}, Zeile {error.lineno})."]
    if root.tag == SITEMAP + "urlset":
        return [f"die Adresse {loc.text} in der Sitemap ist nicht absolut."
                for loc in root.iter(SITEMAP + "loc") if not absolute(loc.text)]
    if root.tag == "rss":
        problems = rss_problems(root.find("channel"))
    elif root.tag == ATOM + "feed":
        problems = atom_problems(root)
    else:
        return []
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        problems.append(f"Feedreader lesen den Feed nicht: {parsed.bozo_exception}.")
    return problems


def calendar_problems(path):
    import icalendar
    import vobject

    data = path.read_bytes()
    try:
        calendar = icalendar.Calendar.from_ical(data)
        vobject.readOne(data.decode("utf-8"))
    except Exception as error:  # noqa: BLE001 (any reader's failure is the finding)
        return [f"Kalenderprogramme lesen den Kalender nicht: {error}."]
    problems = [f"dem Kalender fehlt {name}." for name in ("VERSION", "PRODID")
                if name not in calendar]
    seen = set()
    for event in calendar.walk("VEVENT"):
        missing = [name for name in ("UID", "DTSTAMP", "DTSTART") if name not in event]
        if missing:
            problems.append(f"dem Termin „{event.get('SUMMARY')}“ fehlt {', '.join(missing)}.")
        identity = (str(event.get("UID")), str(event.get("RECURRENCE-ID")))
        if identity in seen:
            problems.append(f"die UID {identity[0]} kommt zweimal vor: Kalender verlieren "
                            "einen der Termine.")
        seen.add(identity)
    return problems


def json_problems(path):
    try:
        json.loads(path.read_bytes())
    except ValueError as error:
        return [f"kein gültiges JSON ({error})."]
    return []


CHECKS = {".xml": xml_problems, ".ics": calendar_problems, ".json": json_problems}


def feed_problems(output):
    """Report lines for every feed, calendar, sitemap and JSON file of the site."""
    output = Path(output)
    problems, calendars = [], []
    for path in sorted(output.rglob("*")):
        check = CHECKS.get(path.suffix.lower())
        if check and path.relative_to(output).parts[0] != "pagefind":
            problems += [problem(url_path(output, path), text) for text in check(path)]
            if path.suffix.lower() == ".ics":
                calendars.append(path)
    return problems + strict_calendar_problems(output, calendars)


def strict_calendar_problems(output, calendars):
    try:
        findings = strict_problems(calendars)
    except StrictReaderMissing as error:
        return [problem("/", f"Die strenge Kalenderprüfung (libical) fehlt: {error}")]
    return [problem(url_path(output, Path(path)), f"libical (streng nach RFC 5545/5546) "
                    f"meldet: {finding}.")
            for path, lines in findings.items() for finding in lines]
