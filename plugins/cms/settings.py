"""Defaults of the web editor's page settings (Decap CMS under /admin/), in one place.

These belong to the page, not to the content model: where the editor saves (backend),
how a change becomes public (publish mode), where uploads go. The collections and their
fields come from the content model (config.py). pelicanconf/publishconf override these.
"""

DEFAULTS = {
    # Where the site's repository lives. GitHub: {"name": "github", "repo": "owner/name",
    # "branch": "main", "base_url": "<OAuth proxy>"}; GitLab: {"name": "gitlab",
    # "repo": "group/name", "branch": "main", "auth_type": "pkce", "app_id": "<id>"}.
    "CMS_BACKEND": {"name": "github", "repo": "iq-niedersachsen/website", "branch": "main"},
    # Drafts, "zur Prüfung", "bereit" as branches with pull/merge requests.
    "CMS_PUBLISH_MODE": "editorial_workflow",
    # The local mode (`invoke cms`): Decap talks to decap-server on this computer, which
    # writes into the checkout. Off on the public site: there, editors log in.
    "CMS_LOCAL_BACKEND": False,
    "CMS_LOCAL_BACKEND_URL": "http://localhost:8081/api/v1",
    # Uploads: content/images/<Bereich>/ per collection (the collection's folder name,
    # e.g. content/images/events/), written relative to the Markdown file as the content
    # model allows (../images/events/bild.jpg). These are the fallbacks outside a collection.
    "CMS_MEDIA_FOLDER": "content/images",
    "CMS_PUBLIC_FOLDER": "../images",
    "CMS_LOCALE": "de",
    # The decap-cms npm package (scripts/install-site installs it; the build copies it).
    "CMS_BUNDLE_FOLDER": "node_modules/decap-cms/dist",
    # Hosts the editor page may talk to (Content-Security-Policy): the git hosts' APIs
    # and login pages. An OAuth proxy for GitHub (base_url) is added from CMS_BACKEND.
    "CMS_API_HOSTS": ["https://api.github.com", "https://github.com",
                      "https://gitlab.com"],
}
