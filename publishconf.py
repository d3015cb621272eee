"""Pelican settings for the public site (`invoke publish`).

Everything from pelicanconf.py, plus the real absolute address and the feeds.
"""

import importlib.util
import os

# pelicanconf.py beside this file, loaded by its path (not from sys.path).
_spec = importlib.util.spec_from_file_location(
    "pelicanconf", os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelicanconf.py"))
_pelicanconf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_pelicanconf)
globals().update({key: value for key, value in vars(_pelicanconf).items() if key.isupper()})

# Set SITEURL in the environment for a test deployment (e.g. GitHub Pages of a fork).
SITEURL = os.environ.get("IQ_SITEURL", _pelicanconf.PUBLIC_SITEURL)
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
SHOW_DRAFTS = False  # drafts and hidden items appear nowhere public
FEEDS_ENABLED = True

# The public web editor: log in at the git host, changes go through review (drafts,
# "zur Prüfung", "bereit" as branches and pull/merge requests); no local decap-server.
CMS_LOCAL_BACKEND = False
CMS_PUBLISH_MODE = "editorial_workflow"
