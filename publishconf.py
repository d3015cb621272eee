"""Pelican settings for the public site (`invoke publish`).

Everything from pelicanconf.py, plus the real absolute address and the feeds.
"""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F403

# Set SITEURL in the environment for a test deployment (e.g. GitHub Pages of a fork).
SITEURL = os.environ.get("IQ_SITEURL", PUBLIC_SITEURL)  # noqa: F405
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
SHOW_DRAFTS = False  # drafts and hidden items appear nowhere public
FEEDS_ENABLED = True
