"""The web editor's files in the build (/admin/): the page, config.yml, Decap's bundle
from the npm package, the settings of the preview and the public site, and a German
message when the bundle is not installed. The browser side: test_cms_browser.py."""

import json
import os
import re

import lxml.html
import pytest
import yaml

from conftest import PELICANCONF, ROOT, SITE_OVERRIDES, build_fixture_site
from cms.config import cms_config
from pelican.settings import read_settings

import events
import good_practice
import iq_core
import newsletter
from iq_core.settings import with_defaults
import sitebuild
from siteverify.pages import html_pages

DECAP = os.path.join(ROOT, "node_modules", "decap-cms", "dist")


def admin_page(output):
    return lxml.html.fromstring((output / "admin" / "index.html").read_bytes())


def config_of(output):
    return yaml.safe_load((output / "admin" / "config.yml").read_text(encoding="utf-8"))


def policy_of(output):
    content = admin_page(output).xpath(
        "//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    return dict(part.strip().split(" ", 1) for part in content.split(";"))


def test_the_page_is_german_and_kept_out_of_search_engines(preview_site):
    page = admin_page(preview_site)
    assert page.get("lang") == "de"
    assert page.findtext(".//title") == "Web-Editor – IQ Netzwerk Niedersachsen"
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    assert not page.xpath("//*[@data-pagefind-body]")
    # Scripts from the site only, relative to /admin/ (the site may live below a path).
    assert page.xpath("//script/@src") == ["../theme/js/cms-manual-init.js", "decap-cms.js",
                                           "../theme/js/cms-kriterium.js",
                                           "../theme/js/cms-preview.js"]


def test_the_page_is_the_same_for_any_content(preview_site, tmp_path):
    """No content reaches the editor's page (its scripts and policy are fixed), which is why
    the hostile-content test leaves it out."""
    other = build_fixture_site(tmp_path, {"pages/x.md": "---\ntitle: <script>x</script>\n---\n"})
    assert (other / "admin" / "index.html").read_bytes() == \
        (preview_site / "admin" / "index.html").read_bytes()


def test_the_policy_allows_scripts_and_styles_from_the_site_only(preview_site):
    policy = policy_of(preview_site)
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self' 'unsafe-eval' 'wasm-unsafe-eval'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["font-src"] == "'self' data:"
    assert policy["connect-src"].split() == [
        "'self'", "blob:", "https://api.github.com", "https://github.com", "https://gitlab.com",
        "http://localhost:8081"]


def test_the_public_policy_has_no_local_backend(public_site):
    assert "localhost" not in json.dumps(policy_of(public_site))


def test_decaps_files_are_the_npm_packages_own(preview_site):
    for name in ("decap-cms.js", "dd5d52671a5763720504.wasm"):
        with open(os.path.join(DECAP, name), "rb") as handle:
            assert (preview_site / "admin" / name).read_bytes() == handle.read()
    chunks = {name for name in os.listdir(DECAP) if name.endswith(".decap-cms.js")}
    assert chunks and chunks <= set(os.listdir(preview_site / "admin"))
    assert not list((preview_site / "admin").glob("*.map"))


def test_config_keeps_the_content_models_collections(preview_site):
    settings = read_settings(PELICANCONF, override=SITE_OVERRIDES)
    for plugin in (iq_core, good_practice, events, newsletter):  # as Pelican applies them
        settings = with_defaults(settings, plugin.DEFAULTS)
    model = cms_config(settings)["collections"]
    config = config_of(preview_site)
    assert [c["name"] for c in config["collections"]] == [c["name"] for c in model]
    for written, wanted in zip(config["collections"], model):
        assert {key: written[key] for key in wanted} == wanted


def test_preview_saves_locally_and_the_public_site_reviews(preview_site, public_site):
    local, public = config_of(preview_site), config_of(public_site)
    assert local["locale"] == public["locale"] == "de"
    assert local["local_backend"] == {"url": "http://localhost:8081/api/v1"}
    assert local["publish_mode"] == "simple"  # decap-server's file mode has no branches
    assert public["local_backend"] is False
    assert public["publish_mode"] == "editorial_workflow"
    assert public["backend"]["name"] in {"github", "gitlab"}
    assert public["site_url"].startswith("https://")


def test_the_editor_is_no_reader_page_for_the_site_checks(preview_site):
    pages = html_pages(preview_site)
    assert pages and not [path for path in pages if "admin" in path.parts]


def test_a_missing_decap_stops_the_build_with_the_install_command(tmp_path):
    with pytest.raises(sitebuild.BuildError) as failure:
        build_fixture_site(tmp_path, {}, overrides={"CMS_BUNDLE_FOLDER": "node_modules/fehlt"})
    message = str(failure.value)
    assert "Web-Editor (Decap CMS) ist nicht installiert" in message
    assert "./scripts/install-site" in message
    assert "Traceback" not in message


def test_decap_is_pinned_and_locked():
    with open(os.path.join(ROOT, "package.json"), encoding="utf-8") as handle:
        dependencies = json.load(handle)["dependencies"]
    with open(os.path.join(ROOT, "package-lock.json"), encoding="utf-8") as handle:
        locked = json.load(handle)["packages"]
    for name in ("decap-cms", "decap-server"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", dependencies[name])
        assert locked[f"node_modules/{name}"]["version"] == dependencies[name]
