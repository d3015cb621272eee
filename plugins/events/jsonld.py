"""schema.org Event data for search engines (rendered with `|tojson` in the template)."""

SCHEMA = "https://schema.org"


def event_json_ld(event, site_url):
    items = [_occurrence(o, site_url) for o in event.occurrences]
    return items[0] if len(items) == 1 else items


def _occurrence(occurrence, site_url):
    event = occurrence.event
    page = f"{site_url}/{event.url}"
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "url": page,
        "startDate": _iso(occurrence.start, occurrence.all_day),
        "endDate": _iso(occurrence.end, occurrence.all_day),
        "eventStatus": f"{SCHEMA}/EventCancelled" if occurrence.cancelled
        else f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode" if event.is_online
        else f"{SCHEMA}/OfflineEventAttendanceMode",
        "inLanguage": event.lang,
    }
    if event.is_online:
        data["location"] = {"@type": "VirtualLocation",
                            "url": event.online_url or event.registration_url or page}
    elif event.location:
        data["location"] = {"@type": "Place", "name": " ".join(event.location.split()),
                            "address": " ".join(event.location.split())}
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser,
                             "url": f"{site_url}/"}
    if event.summary_text:
        data["description"] = event.summary_text
    if event.audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": a} for a in event.audiences]
    return data


def _iso(value, all_day):
    return value.isoformat() if all_day else value.isoformat(timespec="minutes")
