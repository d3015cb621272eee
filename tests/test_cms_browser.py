"""The web editor (/admin/) in Chromium on the local backend: an editor creates an event
through the forms and the site accepts and shows it.

decap-server runs on a scratch git repository with the fixture content (never the real
content/); the fixture site's preview build serves /admin/. Every request the page makes
is recorded: only the site and decap-server (localhost:8081) may be asked, and the page's
own Content-Security-Policy must let Decap work without a single violation.
"""

import os
import shutil
import subprocess
import time

import pytest
import yaml

from conftest import (PELICANCONF, PUBLISHCONF, ROOT, SITE_BUILD_DATE, SITE_CONTENT,
                      axe_violations, served)
from cmsserver import PORT, start_decap_server, stop_decap_server
from iq_core.frontmatter import FrontMatterLoader
import sitebuild

LOCAL_BACKEND = f"http://localhost:{PORT}/"
# axe rules about the page itself (language, title, zoom): ours to get right. Whatever
# else axe finds is inside Decap's own interface and is listed in README.md.
PAGE_RULES = {"html-has-lang", "html-lang-valid", "html-xml-lang-mismatch", "valid-lang",
              "document-title", "meta-viewport", "meta-refresh"}
# Records what the page's policy blocks (a violation is also a console message, but the
# event names the directive). Playwright's init scripts are not subject to the policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.effectiveDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A git repository with the fixture content, as an editor's checkout."""
    folder = tmp_path_factory.mktemp("checkout")
    shutil.copytree(SITE_CONTENT, folder / "content")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Inhalte"], cwd=folder, check=True)
    return folder


@pytest.fixture(scope="module")
def decap_server(checkout):
    process = start_decap_server(checkout)
    yield
    stop_decap_server(process)


class AdminTab:
    """A German browser tab (Berlin time) that lets through the site and decap-server and
    records every other request, the page's policy violations and its script errors."""

    def __init__(self, browser, base_url, **options):
        self.allowed = (base_url + "/", LOCAL_BACKEND)
        self.foreign_requests, self.errors = [], []
        self.context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin",
                                           viewport={"width": 1280, "height": 900}, **options)
        self.context.route("**/*", self._route)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.base_url = base_url

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.allowed) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def violations(self):
        return self.page.evaluate("window.__cspViolations")

    def log_in(self):
        """/admin/ on the local backend: "Anmelden" needs no account there."""
        self.page.goto(self.base_url + "/admin/")
        self.page.get_by_role("button", name="Anmelden").click()
        self.page.get_by_role("link", name="Termine").first.wait_for()

    def new_event(self, title, start):
        self.page.goto(self.base_url + "/admin/#/collections/termine/new")
        if title:
            self.page.get_by_label("Titel", exact=True).fill(title)
        self.page.get_by_label("Beginn", exact=True).fill(start)  # the browser's own date-time field
        self.page.locator("[data-slate-editor]").click()
        self.page.keyboard.type("Ein Fachtag für Beratende in Hannover.")

    def publish(self):
        self.page.get_by_role("button", name="Veröffentlichen").click()
        self.page.get_by_text("Jetzt veröffentlichen").click()

    def close(self):
        self.context.close()


@pytest.fixture
def admin_tab(browser, site_url, decap_server):
    tab = AdminTab(browser, site_url)
    yield tab
    tab.close()


def new_files(checkout, before, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = set((checkout / "content" / "events").glob("*.md")) - before
        if found:
            return found
        time.sleep(0.1)
    return set()


def test_an_event_made_in_the_browser_is_in_the_content_model_and_on_the_site(
        admin_tab, checkout, tmp_path):
    before = set((checkout / "content" / "events").glob("*.md"))
    admin_tab.log_in()
    admin_tab.new_event("Fachtag Anerkennung im Browser", "2026-06-26T10:00")
    admin_tab.publish()
    admin_tab.page.get_by_text("Beitrag gespeichert").wait_for()

    (written,) = new_files(checkout, before)
    text = written.read_text(encoding="utf-8")
    header, body = text.split("---\n", 2)[1:]
    # Local time as the content model writes it, a plain YAML value (no quotes, no UTC).
    assert "\nstart: 2026-06-26 10:00\n" in "\n" + header
    # Decap writes an empty list as `[]` (the content model reads it as no further dates);
    # untouched optional fields are not written. Named by the event's day, not today's.
    assert yaml.load(header, Loader=FrontMatterLoader) == {  # noqa: S506 (SafeLoader)
        "title": "Fachtag Anerkennung im Browser", "start": "2026-06-26 10:00", "more_dates": []}
    assert written.name == "2026-06-26-fachtag-anerkennung-im-browser.md"
    assert body.strip() == "Ein Fachtag für Beratende in Hannover."

    settings = {"PATH": str(checkout / "content"), "BUILD_DATE": SITE_BUILD_DATE,
                "IQ_GIT_HISTORY": False}
    sitebuild.check(PUBLISHCONF, overrides=settings, in_process=True)  # `invoke check`
    output = tmp_path / "output"
    sitebuild.build(PELICANCONF, str(output), overrides=settings, in_process=True)
    pages = [path for path in (output / "termine").glob("*/index.html")
             if "Fachtag Anerkennung im Browser" in path.read_text(encoding="utf-8")]
    assert len(pages) == 1
    assert "26. Juni 2026" in pages[0].read_text(encoding="utf-8")

    assert admin_tab.foreign_requests == []
    assert admin_tab.violations() == []
    assert admin_tab.errors == []


def test_an_empty_required_field_stops_the_save_with_a_german_message(admin_tab, checkout):
    before = set((checkout / "content" / "events").glob("*.md"))
    admin_tab.log_in()
    admin_tab.new_event("", "2026-07-01T09:30")
    admin_tab.publish()
    admin_tab.page.get_by_text("Titel ist erforderlich.").wait_for()
    assert new_files(checkout, before, timeout=1) == set()
    assert admin_tab.violations() == []


def test_the_policy_is_in_force_and_decap_runs_under_it(admin_tab):
    """The policy is the page's own: a request to another host is blocked by it (not only
    by this test's router), while Decap itself triggers no violation."""
    admin_tab.log_in()
    policy = admin_tab.page.locator(
        'meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'none'" in policy
    assert admin_tab.violations() == []
    admin_tab.page.evaluate("fetch('https://example.org/schrift.woff2').catch(() => null)")
    admin_tab.page.wait_for_function("window.__cspViolations.length > 0")
    assert admin_tab.violations() == ["connect-src https://example.org/schrift.woff2"]
    assert admin_tab.foreign_requests == []  # blocked before it left the browser


def test_the_public_editor_asks_nothing_of_other_hosts_before_login(browser, public_site):
    """The public build's editor (GitHub login, review workflow): the page and Decap load
    from the site alone; only logging in would talk to the git host."""
    with served(public_site) as url:
        tab = AdminTab(browser, url)
        try:
            tab.page.goto(url + "/admin/")
            tab.page.get_by_role("button", name="Mit GitHub anmelden").wait_for()
            assert tab.foreign_requests == []
            assert tab.violations() == []
        finally:
            tab.close()


@pytest.mark.parametrize("view", ["anmelden", "liste", "formular"])
def test_axe_finds_nothing_the_page_could_fix_and_readme_names_the_rest(
        browser, site_url, decap_server, view):
    # axe is injected as an inline script, which the page's own policy forbids.
    tab = AdminTab(browser, site_url, bypass_csp=True)
    try:
        if view == "anmelden":
            tab.page.goto(site_url + "/admin/")
            tab.page.get_by_role("button", name="Anmelden").wait_for()
        else:
            tab.log_in()
        if view == "formular":
            tab.new_event("Barrierefrei prüfen", "2026-06-26T10:00")
        tab.page.wait_for_timeout(500)  # Decap's last re-render after the typing
        found = {rule for rule, _, _ in axe_violations(tab.page)}
    finally:
        tab.close()
    assert not found & PAGE_RULES
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    assert [rule for rule in sorted(found) if f"`{rule}`" not in readme] == []


def fill_fact_sheet(page):
    """The required fields of a fact sheet, as an editor fills them in."""
    page.get_by_label("Titel", exact=True).fill("Mentoring im Betrieb")
    page.locator("input[id^=date-field]").fill("2026-06-01")
    page.locator("textarea[id^=subtitle-field]").fill("Ein Programm, das Fachkräfte begleitet.")
    page.locator("input[id^=innovative-field]").check()  # the criterion field (cms-kriterium.js)
    page.locator("textarea[id^=innovative-field][id$=-begruendung]").fill("Neue Idee für kleine Betriebe.")
    page.locator("input[id^=sustainable-field]").check()  # met, no reason
    page.locator("input[id^=audiences-field]").fill("Jobcenter")  # the shared list's select
    page.keyboard.press("Enter")
    page.locator("input[id^=type-field]").fill("Instrument")
    page.locator("input[id^=name-field]").first.fill("Mentoring-Leitfaden")
    page.locator("textarea[id^=description-field]").fill("Ein Leitfaden für Mentorinnen.")
    page.locator("input[id^=provider-field]").fill("Testträger e.V.")
    page.get_by_role("switch").last.click()  # the text as Markdown, replacing the template
    editor = page.locator("[data-slate-editor]").last
    for _ in range(5):  # the editor may still be taking the switch when the keys arrive
        editor.click()
        editor.press("Control+A")
        editor.press("Backspace")
        if not editor.inner_text().strip("\ufeff \n"):  # slate keeps a zero-width mark
            break
        page.wait_for_timeout(200)
    assert not editor.inner_text().strip("\ufeff \n")
    page.keyboard.type("## Ausgangslage/Herausforderung\n\nA.\n\n## Umsetzung\n\nB.\n\n## Fazit\n\nC.")


def test_a_fact_sheet_made_in_the_browser_is_in_the_content_model_and_on_the_site(
        admin_tab, checkout, tmp_path):
    folder = checkout / "content" / "good-practice"
    before = set(folder.glob("*.md"))
    admin_tab.log_in()
    admin_tab.page.goto(admin_tab.base_url + "/admin/#/collections/steckbriefe/new")
    fill_fact_sheet(admin_tab.page)
    admin_tab.publish()
    admin_tab.page.get_by_text("Beitrag gespeichert").wait_for()

    (written,) = set(folder.glob("*.md")) - before
    assert written.name == "mentoring-im-betrieb.md"
    header, body = written.read_text(encoding="utf-8").split("---\n", 2)[1:]
    assert "\ndate: 2026-06-01\n" in "\n" + header  # a plain date, as editors write it
    data = yaml.load(header, Loader=FrontMatterLoader)  # noqa: S506 (SafeLoader)
    assert data == {
        "title": "Mentoring im Betrieb", "date": data["date"],
        "subtitle": "Ein Programm, das Fachkräfte begleitet.",
        "criteria": {"innovative": "Neue Idee für kleine Betriebe.", "sustainable": True},
        "audiences": ["Jobcenter"],
        "instrument": {"type": "Instrument", "name": "Mentoring-Leitfaden",
                       "description": "Ein Leitfaden für Mentorinnen."},
        "provider": "Testträger e.V.", "links": []}
    assert str(data["date"]) == "2026-06-01"
    assert body.split() == ["##", "Ausgangslage/Herausforderung", "A.", "##", "Umsetzung", "B.",
                            "##", "Fazit", "C."]

    settings = {"PATH": str(checkout / "content"), "BUILD_DATE": SITE_BUILD_DATE,
                "IQ_GIT_HISTORY": False, "GOOD_PRACTICE_PDF_SAVE_AS": ""}
    sitebuild.check(PUBLISHCONF, overrides=settings, in_process=True)
    output = tmp_path / "output"
    sitebuild.build(PELICANCONF, str(output), overrides=settings, in_process=True)
    page = (output / "good-practice" / "mentoring-im-betrieb" / "index.html").read_text(encoding="utf-8")
    assert "Neue Idee für kleine Betriebe." in page
    assert 'gp-badge gp-badge-innovative' in page and 'gp-badge gp-badge-sustainable' in page
    assert 'gp-badge gp-badge-efficient' not in page
    assert admin_tab.foreign_requests == [] and admin_tab.violations() == [] and admin_tab.errors == []


def test_a_newsletter_issue_made_in_the_browser_passes_the_check(admin_tab, checkout, tmp_path):
    """Number, year, date, summary and text: the issue is in the content model and on the
    site as „Newsletter 4 | 26“ (its title comes from number and year)."""
    folder = checkout / "content" / "newsletter"
    before = set(folder.glob("*.md"))
    admin_tab.log_in()
    page = admin_tab.page
    page.goto(admin_tab.base_url + "/admin/#/collections/newsletter/new")
    page.locator("input[id^=issue-field]").fill("4")
    page.locator("input[id^=year-field]").fill("2026")
    page.locator("input[id^=date-field]").fill("2026-10-01")
    page.locator("textarea[id^=summary-field]").fill("Anerkennung, Fachkräfte, Praxistipp")
    page.locator("[data-slate-editor]").last.click()
    page.keyboard.type("Liebe Leserinnen und Leser,")
    admin_tab.publish()
    page.get_by_text("Beitrag gespeichert").wait_for()

    (written,) = set(folder.glob("*.md")) - before
    header = written.read_text(encoding="utf-8").split("---\n", 2)[1]
    data = yaml.load(header, Loader=FrontMatterLoader)  # noqa: S506 (SafeLoader)
    assert {key: str(value) for key, value in data.items()} == {
        "issue": "4", "year": "2026", "date": "2026-10-01",
        "summary": "Anerkennung, Fachkräfte, Praxistipp"}
    assert isinstance(data["issue"], int) and isinstance(data["year"], int)

    settings = {"PATH": str(checkout / "content"), "BUILD_DATE": SITE_BUILD_DATE,
                "IQ_GIT_HISTORY": False, "GOOD_PRACTICE_PDF_SAVE_AS": ""}
    sitebuild.check(PUBLISHCONF, overrides=settings, in_process=True)
    output = tmp_path / "output"
    sitebuild.build(PELICANCONF, str(output), overrides=settings, in_process=True)
    assert "Newsletter 4 | 26" in (output / "newsletter" / "2026-04" / "index.html").read_text(
        encoding="utf-8")
