"""Tasks for editors and developers (invoke), shaped like Pelican's quickstart tasks.

    invoke build        build the preview site into output/
    invoke serve        serve output/ at http://localhost:8000/
    invoke livereload   preview that rebuilds and reloads the browser on every save
    invoke publish      build the public site (publishconf.py) into output/
    invoke check        check all content, report every problem at once (output/ untouched)
    invoke clean        remove output/
    invoke test         run all tests
"""

import os
import shutil
import sys

from invoke import task

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "scripts"))

import sitebuild  # noqa: E402

CONFIG = {
    "settings": os.path.join(HERE, "pelicanconf.py"),
    "publish_settings": os.path.join(HERE, "publishconf.py"),
    "output": os.path.join(HERE, "output"),
    "port": 8000,
}


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


@task
def check(c):
    """Check all content and report every problem at once, in German; output/ stays as it is."""
    sitebuild.check_or_exit(CONFIG["publish_settings"])


@task
def build(c, output=None):
    """Build the preview site (drafts shown with a banner)."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["settings"], target)
    print(f"Fertig: die Vorschau liegt in {os.path.relpath(target)}/. "
          f"Ansehen mit „invoke serve“, dann http://localhost:{CONFIG['port']}/ öffnen.")


@task
def publish(c, output=None):
    """Build the public site with publishconf.py (absolute links, feeds, no drafts)."""
    target = output or CONFIG["output"]
    sitebuild.build_or_exit(CONFIG["publish_settings"], target)
    print(f"Fertig: die öffentliche Website liegt in {os.path.relpath(target)}/.")


@task
def serve(c, port=None):
    """Serve output/ on localhost."""
    sitebuild.serve(CONFIG["output"], int(port or CONFIG["port"]))


@task
def livereload(c, port=None):
    """Preview with automatic rebuild: edit a file, save, and the browser reloads."""
    sitebuild.livereload(CONFIG["settings"], CONFIG["output"], int(port or CONFIG["port"]))


@task
def test(c):
    """Run all tests (needs the test tools: see README, second command)."""
    c.run(f"{sys.executable} -m pytest", pty=False)
