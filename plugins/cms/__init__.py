"""cms: the web editor under /admin/ (Decap CMS), for editors who do not use git.

The page and Decap's files are static files of the site (admin.py); the configuration's
collections come from the content model (config.py). `invoke cms` runs it locally.
"""

from pelican import signals

from .admin import AdminPage
from .settings import DEFAULTS  # noqa: F401 (applied by iq_core)


def get_generators(pelican):
    return AdminPage


def register():
    signals.get_generators.connect(get_generators)
