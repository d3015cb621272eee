"""The web editor's page /admin/: Decap CMS as static files of the site itself.

Written through the site's writer like every other file, so the build writes them and
the preview (`invoke livereload`, `invoke cms`) serves them from memory: the page
(theme/templates/admin.html) with its Content-Security-Policy, config.yml (the content
model's collections from config.py plus this page's settings) and Decap's bundle, copied
from the npm package. Nothing is loaded from another host.
"""

import functools
import logging
import os

import yaml
from pelican.generators import Generator

from .config import cms_config

logger = logging.getLogger(__name__)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = "admin"
# Decap's main bundle, the chunks it loads on demand and its WebAssembly parts. Not
# cms.js (the same program without the bundled React) and not the source maps.
BUNDLE_MAIN = "decap-cms.js"

MISSING_BUNDLE = (
    "Der Web-Editor (Decap CMS) ist nicht installiert: {folder} fehlt. "
    "Bitte einmal „./scripts/install-site“ ausführen (installiert auch die npm-Pakete "
    "aus package-lock.json), dann erneut bauen.")


def bundle_folder(settings):
    return os.path.join(ROOT, settings["CMS_BUNDLE_FOLDER"])


def bundle_files(folder):
    """The names of Decap's files that the editor page needs, sorted; [] if missing."""
    if not os.path.isfile(os.path.join(folder, BUNDLE_MAIN)):
        return []
    return sorted(name for name in os.listdir(folder)
                  if name == BUNDLE_MAIN or name.endswith((".decap-cms.js", ".wasm")))


def page_config(settings):
    """The keys of config.yml that belong to this page, not to the content model."""
    config = {"locale": settings["CMS_LOCALE"], "backend": dict(settings["CMS_BACKEND"])}
    # Always written, also when off: the public editor must never look for decap-server.
    config["local_backend"] = ({"url": settings["CMS_LOCAL_BACKEND_URL"]}
                               if settings["CMS_LOCAL_BACKEND"] else False)
    config["publish_mode"] = settings["CMS_PUBLISH_MODE"]
    config["media_folder"] = settings["CMS_MEDIA_FOLDER"]
    config["public_folder"] = settings["CMS_PUBLIC_FOLDER"]
    siteurl = settings.get("SITEURL", "")
    if siteurl.startswith("http"):  # the preview has no address of its own
        config["site_url"] = config["display_url"] = siteurl
    config["logo_url"] = "../theme/img/favicon.svg"  # relative to /admin/, wherever it is
    return config


def admin_config(settings):
    """config.yml as a dict: this page's keys win over the same keys from the content
    model's generator (the page knows where it is published, the model does not)."""
    model = cms_config(settings)
    config = page_config(settings)
    for key, value in model.items():
        config.setdefault(key, value)
    config["collections"] = model.get("collections", [])
    return config


def config_yaml(config):
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def origin(url):
    """"http://localhost:8081" for "http://localhost:8081/api/v1"."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def content_security_policy(settings):
    """As strict as Decap allows. It compiles its config schema at run time (ajv:
    'unsafe-eval'), styles itself with inline styles (emotion: 'unsafe-inline'), shows
    uploads as blob:/data: images and talks to the git host's API (or decap-server)."""
    hosts = list(settings["CMS_API_HOSTS"])
    backend = settings["CMS_BACKEND"]
    for key in ("base_url", "api_root"):
        if backend.get(key):
            hosts.append(origin(backend[key]))
    if settings["CMS_LOCAL_BACKEND"]:
        hosts.append(origin(settings["CMS_LOCAL_BACKEND_URL"]))
    remote = " ".join(dict.fromkeys(hosts))
    return "; ".join([
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {remote}",
        "font-src 'self' data:",
        f"connect-src 'self' blob: {remote}",
        "frame-src 'self' blob:",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def read_file(path):
    with open(path, "rb") as handle:
        return handle.read()


class AdminPage(Generator):
    """Writes /admin/ (page, config.yml, Decap's files) through the run's writer."""

    def generate_output(self, writer):
        folder = bundle_folder(self.settings)
        names = bundle_files(folder)
        if not names:
            logger.error(MISSING_BUNDLE.format(folder=os.path.relpath(folder, ROOT)))
            return
        config = admin_config(self.settings)
        writer.write_data(f"{FOLDER}/config.yml", lambda: config_yaml(config))
        for name in names:
            path = os.path.join(folder, name)
            writer.write_data(f"{FOLDER}/{name}", functools.partial(read_file, path))
        writer.write_file(f"{FOLDER}/index.html", self.get_template("admin"), self.context,
                          admin_csp=content_security_policy(self.settings),
                          admin_bundle=BUNDLE_MAIN)
