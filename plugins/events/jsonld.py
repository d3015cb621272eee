"""schema.org Event data for search engines (rendered with `|tojson` in the template).

Google shows an event in its results only with name, startDate, location, description
and organizer; every event gets the last two even where the editor left them out.
"""

from iq_core.jsonld import SCHEMA, network_reference, organization_name

from .formatting import moment, short_place


def event_json_ld(event, site_url):
    items = [_occurrence(o, site_url) for o in event.occurrences]
    return items[0] if len(items) == 1 else items


def _occurrence(occurrence, site_url):
    event = occurrence.event
    page = f"{site_url}/{event.url}"
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        # The status says cancelled or moved; a marker word the editor put into the title
        # („Abgesagt – …“) is no part of the event's name.
        "name": occurrence.bare_title,
        "description": event.summary_text or description_sentence(occurrence),
        "url": page,
        "startDate": _iso(occurrence.start, occurrence.all_day),
        "endDate": _iso(occurrence.end, occurrence.all_day),
        "eventStatus": f"{SCHEMA}/{_status(occurrence)}",
        "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode" if event.is_online
        else f"{SCHEMA}/OfflineEventAttendanceMode",
        "inLanguage": event.lang,
        "organizer": organizer(event),
    }
    if occurrence.rescheduled_from is not None and not occurrence.cancelled:
        data["previousStartDate"] = _iso(occurrence.rescheduled_from,
                                         not hasattr(occurrence.rescheduled_from, "hour"))
    if event.is_online:
        data["location"] = {"@type": "VirtualLocation",
                            "url": event.online_url or event.registration_url or page}
    elif event.location:
        data["location"] = {"@type": "Place", "name": " ".join(event.location.split()),
                            "address": " ".join(event.location.split())}
    if event.audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": a} for a in event.audiences]
    return data


def organizer(event):
    """The `organiser` the editor wrote, else (and where it names the network itself) the
    network, by the @id of the home page's Organization."""
    network = network_reference(event.settings)
    if not event.organiser or " ".join(event.organiser.split()) == \
            organization_name(event.settings):
        return network
    return {"@type": "Organization", "name": event.organiser}


def description_sentence(occurrence):
    """A German sentence from format, title, date and place, for an event without summary:
    „Online-Seminar „Deutsch am Arbeitsplatz“ am 26. Juni 2025, 10:00–11:30 Uhr, online
    (MS Teams).“"""
    event = occurrence.event
    # A title with its own quotation marks („Migration bewegt“: IQ Kongress) gets no more.
    title = occurrence.bare_title
    title = title if "„" in title else f"„{title}“"
    text = f"{event.format or 'Veranstaltung'} {title} am {occurrence.when}"
    location = " ".join((event.location or "").split())
    if location.lower().startswith("online"):
        platform = short_place(location)  # "Online (MS Teams)" -> "MS Teams"
        text += f", online ({platform})" if platform != location else ", online"
    elif location:
        text += f" in {location}" + (", auch online" if event.is_online else "")
    elif event.is_online:
        text += ", online"
    text += "."
    if occurrence.cancelled:
        text += " Die Veranstaltung ist abgesagt."
    elif occurrence.rescheduled_from is not None:
        text += f" Der bisherige Termin war am {moment(occurrence.rescheduled_from)}."
    return text


def _status(occurrence):
    if occurrence.cancelled:
        return "EventCancelled"
    return "EventRescheduled" if occurrence.rescheduled_from is not None else "EventScheduled"


def _iso(value, all_day):
    return value.isoformat() if all_day else value.isoformat(timespec="minutes")
