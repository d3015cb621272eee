"""The web editor's forms (plugins/cms/config.py) and `invoke check` agree: a file filled
in as the form writes it is accepted, every key the form marks required is required by
the check, a key the form does not offer is refused, select lists offer exactly the shared
lists' entries, and patterns and date formats write what the check reads."""

import re

import pytest
import yaml

import sitebuild
from conftest import PELICANCONF, SITE_BUILD_DATE, SITE_CONTENT, copy_site_lists

import events
import good_practice
import iq_core
import newsletter
from cms.config import cms_config
from iq_core.settings import with_defaults
from iq_core.vocabulary import vocabulary

# What an editor types into each kind of field, as Decap writes it.
SAMPLES = {"string": "Beispieltext", "text": "Ein Satz als Beispiel.", "boolean": False,
           "iq-kriterium": True}
SPECIAL = {("newsletter", "issue"): 3, ("newsletter", "year"): 2026,
           ("newsletter", "date"): "2026-06-16"}
BODIES = {"newsletter": "Liebe Leserinnen und Leser,\n\ndas Editorial.\n\n## Ein Artikel\n\nText.\n",
          "steckbriefe": "## Ausgangslage/Herausforderung\n\nA.\n\n## Umsetzung\n\nB.\n\n"
                         "## Fazit\n\nC.\n",
          "termine": "Worum es geht.\n", "seiten": "Text der Seite.\n"}
FOLDERS = {"newsletter": "newsletter", "steckbriefe": "good-practice", "termine": "events",
           "seiten": "pages"}


@pytest.fixture(scope="module")
def config():
    settings = {"PATH": SITE_CONTENT}
    for plugin in (iq_core, good_practice, events, newsletter):
        settings = with_defaults(settings, plugin.DEFAULTS)
    return cms_config(settings), settings


def collections(config):
    return {c["name"]: c for c in config[0]["collections"]}


def moment_to_strftime(pattern):
    return pattern.replace("YYYY", "%Y").replace("MM", "%m").replace("DD", "%d") \
        .replace("HH", "%H").replace("mm", "%M")


def sample(collection, field):
    """The value the form writes for `field` when filled in with a plain example."""
    if (collection, field["name"]) in SPECIAL:
        return SPECIAL[(collection, field["name"])]
    kind = field["widget"]
    if kind == "datetime":
        import datetime
        return datetime.datetime(2026, 6, 26, 10, 0).strftime(moment_to_strftime(field["format"]))
    if kind == "select":
        first = field["options"][0]["value"]
        return [first] if field["multiple"] else first
    if kind in ("object", "list"):
        inner = {f["name"]: sample(collection, f) for f in field["fields"] if f["required"]}
        if field["name"] == "criteria":
            inner = {field["fields"][1]["name"]: True}
        return [inner] if kind == "list" else inner
    if kind == "number":
        return 1
    return SAMPLES[kind]


def filled_file(collection, fields, leave_out=(), add=None):
    """Front matter and body as the form writes them: the required fields filled."""
    data = {f["name"]: sample(collection, f) for f in fields
            if f["required"] and f["name"] != "body" and f["name"] not in leave_out}
    data.update(add or {})
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n{BODIES[collection]}"


def check(tmp_path, files):
    content = tmp_path / "content"
    copy_site_lists(content, files)
    for relative, text in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    sitebuild.check(PELICANCONF, overrides={"PATH": str(content), "BUILD_DATE": SITE_BUILD_DATE,
                                            "IQ_GIT_HISTORY": False}, in_process=True)


@pytest.mark.parametrize("name", list(FOLDERS))
def test_a_file_filled_in_through_the_form_passes_the_check(config, tmp_path, name):
    fields = collections(config)[name]["fields"]
    check(tmp_path, {f"{FOLDERS[name]}/beispiel.md": filled_file(name, fields)})


def required_cases():
    names = {"newsletter": ["date", "summary", "issue", "year"],
             "steckbriefe": ["title", "date", "subtitle", "criteria", "audiences", "instrument",
                             "provider"],
             "termine": ["title", "start"], "seiten": ["title"]}
    return [(name, key) for name, keys in names.items() for key in keys]


@pytest.mark.parametrize("name, key", required_cases())
def test_every_key_the_form_requires_the_check_requires(config, tmp_path, name, key):
    fields = collections(config)[name]["fields"]
    assert next(f for f in fields if f["name"] == key)["required"] is True
    with pytest.raises(sitebuild.BuildError) as error:
        check(tmp_path, {f"{FOLDERS[name]}/beispiel.md": filled_file(name, fields, leave_out=(key,))})
    missing = [line for line in str(error.value).splitlines() if "fehlt" in line]
    assert missing and all(f"„{key}“" in line for line in missing), str(error.value)


@pytest.mark.parametrize("name", list(FOLDERS))
def test_the_form_requires_nothing_else_and_offers_every_key(config, name):
    from events.validation import EVENT_KEYS, REQUIRED_KEYS as EVENT_REQUIRED
    from good_practice.validation import REQUIRED_KEYS as SHEET_REQUIRED, SHEET_KEYS
    from iq_core.validation import PAGE_KEYS
    from newsletter.validation import NEWSLETTER_KEYS, REQUIRED_KEYS as ISSUE_REQUIRED
    allowed = {"newsletter": (NEWSLETTER_KEYS, ISSUE_REQUIRED), "steckbriefe": (SHEET_KEYS, SHEET_REQUIRED),
               "termine": (EVENT_KEYS, EVENT_REQUIRED), "seiten": (PAGE_KEYS, ("title",))}[name]
    fields = [f for f in collections(config)[name]["fields"] if f["name"] != "body"]
    assert {f["name"] for f in fields} == set(allowed[0])
    assert {f["name"] for f in fields if f["required"]} == set(allowed[1])


@pytest.mark.parametrize("name", list(FOLDERS))
def test_a_key_the_form_does_not_offer_is_refused(config, tmp_path, name):
    fields = collections(config)[name]["fields"]
    with pytest.raises(sitebuild.BuildError) as error:
        check(tmp_path, {f"{FOLDERS[name]}/beispiel.md": filled_file(name, fields, add={"untertitel": "x"})})
    assert "untertitel" in str(error.value)


def test_select_lists_offer_exactly_the_shared_lists(config):
    _, settings = config
    found = 0
    for collection in collections(config).values():
        for field in collection["fields"]:
            listed = {"audiences": "adressaten", "topics": "themen", "network": "netzwerke",
                      "funding_period": "foerderrunden", "format": "formate"}.get(field["name"])
            if listed and field["widget"] == "select":
                entries = vocabulary(settings, listed).entries
                assert [o["value"] for o in field["options"]] == [e.value for e in entries]
                assert [o["label"] for o in field["options"]] == [e.label for e in entries]
                found += 1
    assert found == 6  # audiences ×2, topics, network, funding_period, format


def test_a_new_list_entry_appears_in_the_form(tmp_path):
    content = tmp_path / "content"
    copy_site_lists(content, {})
    with open(content / "listen" / "formate.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n- value: Exkursion\n  plural: Exkursionen\n")
    settings = {"PATH": str(content)}
    for plugin in (iq_core, good_practice, events, newsletter):
        settings = with_defaults(settings, plugin.DEFAULTS)
    termine = next(c for c in cms_config(settings)["collections"] if c["name"] == "termine")
    formats = next(f for f in termine["fields"] if f["name"] == "format")
    assert formats["options"][-1] == {"label": "Exkursion", "value": "Exkursion"}


def test_the_form_email_pattern_is_the_checks(config, tmp_path):
    contact = next(f for f in collections(config)["steckbriefe"]["fields"] if f["name"] == "contact")
    pattern = re.compile(next(f for f in contact["fields"] if f["name"] == "email")["pattern"][0])
    for address, valid in (("name@beispiel.de", True), ("mailto:name@beispiel.de", False),
                           ("name@beispiel", False), ("a b@beispiel.de", False)):
        assert bool(pattern.match(address)) is valid, address


def test_dates_and_times_are_written_as_the_content_model_says(config):
    termine = collections(config)["termine"]["fields"]
    start = next(f for f in termine if f["name"] == "start")
    assert start["format"] == "YYYY-MM-DD HH:mm" and start["picker_utc"] is False
    date = next(f for f in termine if f["name"] == "date")
    assert date["format"] == "YYYY-MM-DD" and date["time_format"] is False


def test_uploads_go_to_the_area_below_content_images(config):
    for name, area in (("newsletter", "newsletter"), ("steckbriefe", "good-practice"),
                       ("termine", "events"), ("seiten", "pages")):
        assert collections(config)[name]["media_folder"] == f"/content/images/{area}"
    image = next(f for f in collections(config)["newsletter"]["fields"] if f["name"] == "image")
    names = {f["name"]: f for f in image["fields"]}
    # Optional in the form (Decap would demand them with no image at all), named in the
    # hint, and required by the check once there is an image:
    assert not names["alt"]["required"] and "Nötig, sobald „Titelbild“" in names["alt"]["hint"]
    assert names["src"]["widget"] == "image"
    assert names["src"]["public_folder"] == "images/newsletter"


def test_empty_lists_as_the_editor_writes_them_pass_the_check(config, tmp_path):
    """Decap writes a list field left empty as `[]`: that means none, not a mistake."""
    fields = collections(config)
    check(tmp_path, {
        "events/beispiel.md": filled_file("termine", fields["termine"]["fields"],
                                          add={"more_dates": [], "audiences": []}),
        "good-practice/beispiel.md": filled_file("steckbriefe", fields["steckbriefe"]["fields"],
                                                 add={"links": [], "topics": []}),
    })


def test_an_image_without_alt_text_is_still_refused_by_the_check(config, tmp_path):
    fields = collections(config)["newsletter"]["fields"]
    with pytest.raises(sitebuild.BuildError) as error:
        check(tmp_path, {"newsletter/beispiel.md": filled_file(
            "newsletter", fields, add={"image": {"src": "images/newsletter/fehlt.png"}})})
    assert "Alternativtext fehlt" in str(error.value)
