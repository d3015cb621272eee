"""The web editor's configuration (Decap CMS, admin/config.yml), made from the content
model's field declarations (plugins/<type>/fields.py), never kept by hand.

STUB: replaced by the generated configuration; the signature stays.
"""


def cms_config(settings):
    """The Decap CMS configuration as a dict (written as admin/config.yml)."""
    return {
        "locale": "de",
        "local_backend": True,
        "backend": {"name": "git-gateway", "branch": "main"},
        "media_folder": "content/images",
        "public_folder": "/images",
        "collections": [{
            "name": "termine", "label": "Termine", "folder": "content/events",
            "create": True, "extension": "md", "format": "frontmatter",
            "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "fields": [
                {"name": "title", "label": "Titel", "widget": "string"},
                {"name": "start", "label": "Beginn", "widget": "datetime",
                 "format": "YYYY-MM-DD HH:mm", "date_format": "DD.MM.YYYY",
                 "time_format": "HH:mm", "picker_utc": False},
                {"name": "body", "label": "Text", "widget": "markdown"},
            ],
        }],
    }
