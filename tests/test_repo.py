"""The repository keeps its promises to a newcomer: two commands, pinned dependencies, CI."""

import json
import os
import re

from conftest import ROOT


def read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as handle:
        return handle.read()


def command_blocks(text):
    return re.findall(r"^```sh\n(.*?)\n```$", text, flags=re.M | re.S)


def test_readme_starts_with_exactly_two_commands():
    readme = read("README.md")
    head = readme.split("\n---\n", 1)[0]
    blocks = command_blocks(head)
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)
    build, test = blocks
    # The build command installs what the build needs first: the Python packages and
    # Debian's Pango for WeasyPrint (the fact sheets' PDFs).
    assert build == "./scripts/install-site && .venv/bin/invoke build"
    install = read("scripts/install-site")
    assert "pip install" in install and "-r requirements.txt" in install
    for needed in ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0",
                   "fonts-dejavu-core"]:
        assert needed in install
    assert "./scripts/install-site" in read("scripts/install-checkers")
    assert "localhost:8000" in head
    assert test == "./scripts/test"


def test_ci_runs_the_readme_test_command():
    ci = read(".ci/run")
    assert "block==2" in ci and "README.md" in ci
    assert "playwright install" not in ci + read("scripts/test")


def test_test_command_installs_what_tests_need():
    assert "./scripts/install-checkers" in read("scripts/test") and "pytest" in read("scripts/test")
    script = read("scripts/install-checkers")
    for needed in ["chromium", "default-jre-headless", "requirements-test.txt", "npm ci"]:
        assert needed in script


def workflow(name):
    import yaml

    return yaml.safe_load(read(os.path.join(".github", "workflows", name)))


def test_deploy_needs_the_content_and_site_checks_never_the_test_suite():
    site = workflow("site.yml")
    steps = [step.get("run", "") for step in site["jobs"]["content"]["steps"]]
    assert ".venv/bin/invoke check" in steps and any("invoke verify" in s for s in steps)
    assert site["jobs"]["deploy"]["needs"] == "content"
    assert not any("pytest" in s or "scripts/test" in s or ".ci/run" in s for s in steps)
    assert set(site["jobs"]) == {"content", "deploy"}
    assert "schedule" in site[True]  # YAML reads the key `on` as True
    # The site is built from the full history (SEQUENCE, last changes: iq_core.history).
    checkout = site["jobs"]["content"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0


def test_test_suite_runs_on_code_changes_only():
    tests = workflow("tests.yml")
    for event in ("push", "pull_request"):
        assert tests[True][event]["paths-ignore"] == ["content/**"]
    assert [s.get("run") for s in tests["jobs"]["test"]["steps"]][-1] == ".ci/run"


def test_python_dependencies_are_pinned():
    for name in ["requirements.txt", "requirements-test.txt"]:
        for line in read(name).splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-r "):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][\w.]*", line), line


def test_npm_dependencies_are_pinned_and_locked():
    package = json.loads(read("package.json"))
    for version in package["devDependencies"].values():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert os.path.exists(os.path.join(ROOT, "package-lock.json"))


def test_gitlab_publishes_what_the_checks_accepted_without_waiting_for_tests():
    gitlab = yaml_file(".gitlab-ci.yml")
    assert gitlab["website"]["script"][-3:] == ["./scripts/install-checkers",
                                                ".venv/bin/invoke check", ".venv/bin/invoke verify"]
    assert gitlab["website"]["variables"]["GIT_DEPTH"] == 0  # history: iq_core.history
    assert gitlab["pages"]["needs"] == ["website"]
    assert gitlab["tests"]["script"] == [".ci/run"]
    assert gitlab["tests"]["rules"][0] == {"if": '$CI_PIPELINE_SOURCE == "schedule"',
                                           "when": "never"}
    assert gitlab["pages"]["before_script"] == []
    watched = gitlab["tests"]["rules"][1]["changes"]
    assert not any(path.startswith("content") or path == "**/*" for path in watched)


def yaml_file(name):
    import yaml

    return yaml.safe_load(read(name))


def test_no_test_reads_the_real_content_or_the_clock():
    """The suite reads tests/site/content and fixed dates only (tests/conftest.py)."""
    real_content = re.compile(r"""ROOT\s*(?:,|\+|/)\s*["']/?content\b|["']invoke["'],\s*["']check["']""")
    clock = re.compile(r"\b(?:datetime\.now|date\.today|time\.time)\(")
    offenders = []
    for name in sorted(os.listdir(os.path.join(ROOT, "tests"))):
        if name.endswith(".py") and name != "test_repo.py":
            text = read(os.path.join("tests", name))
            offenders += [(name, hit.group(0)) for hit in real_content.finditer(text)]
            offenders += [(name, hit.group(0)) for hit in clock.finditer(text)]
    assert offenders == [("test_editor_changes.py", '"invoke", "check"')]  # runs in a copy
