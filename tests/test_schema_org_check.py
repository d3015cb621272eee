"""The schema.org check of tests/test_structured_data.py finds what it is meant to find: a
check that passes everything would let any JSON-LD through."""

from schema_org_check import SCHEMA, missing_for_google, problems


def test_a_correct_event_passes():
    data = {"@context": SCHEMA, "@type": "Event", "name": "Seminar",
            "startDate": "2025-06-26T10:00+02:00", "endDate": "2025-06-26",
            "eventStatus": f"{SCHEMA}/EventScheduled", "description": "Text",
            "location": {"@type": "VirtualLocation", "url": "https://example.org/"},
            "organizer": {"@type": "Organization", "@id": "https://example.org/#o"},
            "audience": [{"@type": "Audience", "audienceType": "Jobcenter"}],
            "superEvent": {"@id": "https://example.org/reihe"}}
    assert problems(data) == [] and missing_for_google(data) == []


def test_each_kind_of_mistake_is_named():
    data = {"@context": SCHEMA, "@type": "Event", "name": "Seminar",
            "startDate": "26.06.2025",                       # no ISO 8601
            "endDate": "2025-06-26T12:00",                   # a time without time zone
            "organiser": "IQ",                               # no schema.org property
            "headline": "Seminar",                           # an Article's, not an Event's
            "eventStatus": f"{SCHEMA}/Scheduled",            # not an EventStatusType
            "location": {"@type": "Person", "name": "X"},    # outside location's range
            "url": "/termine/seminar/",                      # relative
            "attendees": {"@type": "Person", "name": "Y"},   # superseded by attendee
            "about": {"name": "ohne Typ"},
            "performer": {"@type": "Kuenstler"}}
    found = "\n".join(problems(data))
    for expected in ("Event.startDate: „26.06.2025“ ist kein Datum",
                     "Event.endDate: „2025-06-26T12:00“ ist kein Datum",
                     "„organiser“ ist keine Eigenschaft von schema.org",
                     "„headline“ gehört nicht zu Event",
                     "„https://schema.org/Scheduled“ ist kein Wert von EventStatusType",
                     "Event.location: Person liegt nicht im Wertebereich",
                     "„/termine/seminar/“ ist keine absolute Adresse",
                     "„attendees“ ist ersetzt durch „attendee“",
                     "Event.about: Objekt ohne @type",
                     "„Kuenstler“ ist kein Typ von schema.org"):
        assert expected in found
    assert missing_for_google(data) == ["description", "organizer"]


def test_action_annotations_belong_to_their_property():
    search = {"@type": "SearchAction", "query-input": "required name=q",
              "target": {"@type": "EntryPoint", "urlTemplate": "https://example.org/?q={q}"}}
    site = {"@context": SCHEMA, "@type": "WebSite", "potentialAction": search}
    assert problems(site) == []
    event = {"@context": SCHEMA, "@type": "Event", "query-input": "required name=q"}
    assert problems(event) == ["Event.query-input: „query“ gehört nicht zu Event "
                               "(domainIncludes: SearchAction)."]


def test_articles_need_dates_and_author_and_blocks_their_context():
    article = {"@context": SCHEMA, "@type": "NewsArticle", "headline": "Titel",
               "datePublished": "2025-06-16", "dateModified": ""}
    assert missing_for_google(article) == ["dateModified", "author"]
    assert problems([{"@type": "Article"}]) == ["Oberstes Objekt ohne \"@context\": "
                                                "\"https://schema.org\"."]
