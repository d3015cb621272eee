"""The review workflow of the web editor (publish_mode: editorial_workflow), offline:
decap-server in git mode keeps each unpublished entry in a branch `cms/<collection>/<slug>`
with its status, as the GitHub/GitLab backends do with pull/merge requests. An event is
saved as a draft, handed over for review, marked ready and published (= merged); main sees
it only then."""

import shutil
import subprocess
import time

import pytest

from conftest import SITE_CONTENT, build_fixture_site, served
from cmsserver import start_decap_server, stop_decap_server
from test_cms_browser import AdminTab

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def git(folder, *args):
    return subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redaktion")
    shutil.copytree(SITE_CONTENT, folder / "content")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Inhalte")
    process = start_decap_server(folder, mode="git")
    yield folder
    stop_decap_server(process)


@pytest.fixture(scope="module")
def workflow_site(tmp_path_factory):
    """The preview with the public site's review workflow on the local backend."""
    return build_fixture_site(tmp_path_factory.mktemp("workflow"), {},
                              overrides={"CMS_PUBLISH_MODE": "editorial_workflow"})


def wait_for(condition, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def status_of(folder, branch):
    return git(folder, "config", f"branch.{branch}.description")


def test_draft_review_ready_and_publish_are_branches_and_a_merge(browser, repository,
                                                                 workflow_site):
    with served(workflow_site) as url:
        tab = AdminTab(browser, url)
        try:
            page = tab.page
            page.goto(url + "/admin/")
            page.get_by_role("button", name="Anmelden").click()
            page.goto(url + "/admin/#/collections/termine/new")
            page.get_by_label("Titel", exact=True).fill("Runder Tisch Anerkennung")
            page.get_by_label("Beginn", exact=True).fill("2026-09-10T14:00")
            page.get_by_role("button", name="Speichern").click()
            page.get_by_text("Beitrag gespeichert").wait_for()

            branch = "cms/termine/2026-09-10-runder-tisch-anerkennung"
            name = "content/events/2026-09-10-runder-tisch-anerkennung.md"
            assert branch in git(repository, "branch", "--list", "cms/*")
            assert status_of(repository, branch) == "decap-cms/draft"
            assert "start: 2026-09-10 14:00" in git(repository, "show", f"{branch}:{name}")
            assert name not in git(repository, "ls-tree", "-r", "--name-only", "main")

            for status, label in (("pending_review", "Zur Prüfung"), ("pending_publish", "Bereit")):
                page.get_by_role("button", name="Status").click()
                page.get_by_role("menuitem", name=label).click()
                assert wait_for(lambda: status_of(repository, branch) == f"decap-cms/{status}")
                assert name not in git(repository, "ls-tree", "-r", "--name-only", "main")

            page.once("dialog", lambda dialog: dialog.accept())  # „Wirklich veröffentlichen?“
            page.get_by_role("button", name="Veröffentlichen").click()
            page.get_by_text("Jetzt veröffentlichen").click()
            assert wait_for(lambda: name in git(repository, "ls-tree", "-r", "--name-only", "main"))
            assert branch not in git(repository, "branch", "--list", "cms/*")
            assert tab.foreign_requests == [] and tab.violations() == [] and tab.errors == []
        finally:
            tab.close()
