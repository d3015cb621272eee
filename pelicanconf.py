"""Pelican settings for the local preview (`invoke build`, `invoke livereload`).

Links are root-relative (SITEURL is empty) so the preview works on any local port.
`publishconf.py` adds the real address, feeds with absolute links and calendars.
Settings of our own plugins have their defaults in each plugin's `settings.py`;
only values that differ from those defaults belong here.
"""

SITENAME = "IQ Netzwerk Niedersachsen"
SITESUBTITLE = "Integration durch Qualifizierung"
SITEURL = ""
# The one place where the public address is set (publishconf.py uses it).
PUBLIC_SITEURL = "https://www.iq-niedersachsen.example"

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # the build script replaces output/ atomically

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
LOCALE = ("de_DE.UTF-8", "de_DE", "C.UTF-8")
DEFAULT_DATE_FORMAT = "%d.%m.%Y"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["iq_core", "iq_feeds", "newsletter", "good_practice", "events",
           "site_checks", "search_index", "sitemap", "cms"]

# Jinja: `{% trans %}` and `_()` make every visible string translatable. Autoescape:
# whatever an editor types into a front-matter field is text on every page; HTML that
# the site itself made (Markdown bodies, teasers) is marked safe where it is output.
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# Markdown as editors type it; iq_core adds the German text extension
# (gender stars, paragraphs that start with a date).
MARKDOWN = {
    "extension_configs": {
        # Footnotes link back with a German title (screen readers read it out).
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Zurück zur Fußnote %d im Text"},
        },
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Markdown only (iq_core's reader): Pelican's HTML and reStructuredText readers would pass
# a content/pages/*.html or *.rst past every check of the reader.
READERS = {"html": None, "htm": None, "rst": None}

# Dates come from the front matter only: Pelican would read one from a file name like
# 2025-06-31-seminar.md and stop with an English error where the day does not exist.
FILENAME_METADATA = ""

# The site has no blog: the content types of plugins/ read their own folders.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {}

# Readable German URLs.
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index", "suche", "404"]
INDEX_SAVE_AS = "index.html"
SUCHE_SAVE_AS = "suche/index.html"
ARTICLE_URL = ARTICLE_SAVE_AS = ""
DRAFT_URL = DRAFT_SAVE_AS = ""
# The preview shows drafts with a banner at /entwurf/…/; publishconf.py never writes them.
SHOW_DRAFTS = True
DRAFT_PAGE_URL = "entwurf/{slug}/"
DRAFT_PAGE_SAVE_AS = "entwurf/{slug}/index.html"
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# Feeds need absolute links: they are switched on in publishconf.py only.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# Main navigation and footer: (label, URL path). Labels are translated in the theme.
MAIN_NAVIGATION = [
    ("Newsletter", "newsletter/"),
    ("Good Practice", "good-practice/"),
    ("Termine", "termine/"),
    ("Über uns", "ueber-uns/"),
    ("Abonnieren", "abonnieren/"),
]
FOOTER_LINKS = [
    ("Impressum", "impressum/"),
    ("Datenschutz", "datenschutz/"),
    ("Erklärung zur Barrierefreiheit", "barrierefreiheit/"),
    ("Leichte Sprache", "leichte-sprache/"),
    ("Kontakt", "kontakt/"),
]

# Outputs must be byte-identical across builds of one commit.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# The web editor (/admin/, plugins/cms): on this computer it saves through decap-server
# (`invoke cms`) straight into the checkout. decap-server's file mode knows no review
# branches, so locally a save writes the file at once; publishconf.py switches back to
# the editorial workflow of the public site.
CMS_LOCAL_BACKEND = True
CMS_PUBLISH_MODE = "simple"
