"""Defaults of the site's own settings, in one place. pelicanconf/publishconf override them."""

DEFAULTS = {
    # Preview builds render drafts (at /entwurf/…/) and hidden items with a banner;
    # public builds (publishconf) never write them.
    "SHOW_DRAFTS": False,
    # Feeds and calendars need absolute links, so publishconf switches them on.
    "FEEDS_ENABLED": False,
    # Main navigation and footer links: (label, path below SITEURL).
    "MAIN_NAVIGATION": [],
    "FOOTER_LINKS": [],
    # Theme translations (gettext catalogues) below the theme folder.
    "THEME_TRANSLATIONS_DIR": "translations",
    # Seconds Markdown may take for one file (a normal file takes milliseconds).
    "IQ_MARKDOWN_SECONDS": 20,
    # Jobs (e-mails, feeds) before the writer's helper program starts on the second core
    # (iq_core.helper; fewer are made in the build's own process); None: never.
    "IQ_HELPER_AFTER_JOBS": 20,
    # Markdown files from which a build reads ahead on the second core (iq_core.readahead;
    # a smaller site is read quicker by one process); None: never.
    "IQ_READ_AHEAD_FILES": 300,
    # Last change and number of changes of every content file from git (iq_core.history):
    # calendars' SEQUENCE and LAST-MODIFIED, feeds' `updated`, the sitemap's lastmod.
    # Off (or outside git): `modified` and `date` from the files only.
    "IQ_GIT_HISTORY": True,
    # The network as publisher and organiser: schema.org Organization, calendar ORGANIZER
    # (CN and mailto:). None: SITENAME.
    "ORGANIZATION_NAME": None,
    "ORGANIZATION_EMAIL": "info@iq-niedersachsen.example",
    # "Today" of the build: what is coming, what is archived, which scheduled item is
    # published. None means SOURCE_DATE_EPOCH (reproducible builds), else today's date in
    # TIMEZONE. Tests pin it; read it with `iq_core.dates.today(settings)`.
    "BUILD_DATE": None,
    # Images in web sizes (iq_core.webimages): JPEG and PNG files are served as copies at
    # these widths in pixels (srcset), none wider than the original or IQ_IMAGE_MAX_WIDTH;
    # the widest is the image's src. The copies go below IQ_IMAGE_FOLDER in the output.
    "IQ_IMAGE_WIDTHS": [480, 960, 1440],
    "IQ_IMAGE_MAX_WIDTH": 1600,
    "IQ_IMAGE_FOLDER": "bilder",
    # How wide a text's image is shown (the `sizes` attribute): the text column, 42rem.
    "IQ_IMAGE_SIZES": "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
    "IQ_IMAGE_JPEG_QUALITY": 82,
    # An image file larger than this (bytes) gets a warning with its size.
    "IQ_IMAGE_WARN_BYTES": 1_000_000,
    # Fonts for text in SVGs rendered as PNG (e-mail): only these, so the PNG is the same
    # on every machine (Debian's fonts-dejavu-core); family for Arial, Helvetica, sans-serif.
    "IQ_IMAGE_FONT_DIRS": ["/usr/share/fonts/truetype/dejavu"],
    "IQ_IMAGE_FONT_FAMILY": "DejaVu Sans",
    # Shared lists (iq_core.vocabulary): the folder below content/ with one YAML file per
    # list; each list's German title (in messages) and the keys an entry may have besides
    # `value` and `label`. Which key of which content type uses which list: the content
    # types' *_VOCABULARIES settings.
    "VOCABULARY_PATH": "listen",
    "VOCABULARIES": {
        "adressaten": {"title": "Adressaten"},
        "themen": {"title": "Themen"},
        "formate": {"title": "Veranstaltungsformate", "keys": ["plural"]},
        "netzwerke": {"title": "Landesnetzwerke"},
        "foerderrunden": {"title": "Förderrunden"},
    },
}


def apply_defaults(pelican):
    """The defaults of every plugin (the DEFAULTS its package exports, from its
    settings.py), wherever pelicanconf/publishconf leave a setting out. The one place
    defaults are applied (at Pelican's `initialized`, when every plugin is loaded)."""
    for plugin in pelican.plugins:
        with_defaults(pelican.settings, getattr(plugin, "DEFAULTS", {}))


def with_defaults(settings, defaults):
    for key, value in defaults.items():
        settings.setdefault(key, value)
    return settings
