"""schema.org JSON-LD that the content types share: the network as one Organization, the
home page's WebSite with its search, and the dates an Article needs.

Every item names the network by the same `@id`, so a search engine that read the home
page's full Organization (e-mail, logo) knows that the author of a newsletter article and
the organiser of a seminar are that one organisation, not two that share a name. Templates
render the dictionaries with `|tojson` (which escapes `<`, `>` and `&` inside strings).
"""

import datetime
from zoneinfo import ZoneInfo

from .history import last_modified

SCHEMA = "https://schema.org"
# The search page reads its term from this parameter (theme/templates/suche.html: the
# input named "q"; theme/static/js/suche.js: params.get("q")).
SEARCH_PARAMETER = "q"
# The theme's logo: the "IQ" mark that is also the favicon (vector, any size).
LOGO = "theme/img/favicon.svg"


def public_site_url(settings):
    """The site's absolute address without a trailing slash.

    JSON-LD needs absolute addresses (as calendars do); the preview has root-relative links
    (SITEURL empty), so its JSON-LD names the public address, as its calendars do.
    """
    site_url = settings.get("SITEURL") or ""
    if site_url.startswith(("http://", "https://")):
        return site_url.rstrip("/")
    return settings["PUBLIC_SITEURL"].rstrip("/")


def organization_name(settings):
    return settings.get("ORGANIZATION_NAME") or settings["SITENAME"]


def network_reference(settings):
    """The network where an item names it (author, publisher, organizer): its `@id`, and
    name and address for readers that do not follow the `@id` to the home page."""
    site = public_site_url(settings)
    return {"@type": "Organization", "@id": f"{site}/#organisation",
            "name": organization_name(settings), "url": f"{site}/"}


def network_organization(settings):
    """The network in full, once, on the home page."""
    data = network_reference(settings)
    if settings.get("ORGANIZATION_EMAIL"):
        data["email"] = settings["ORGANIZATION_EMAIL"]
    data["logo"] = f"{public_site_url(settings)}/{LOGO}"
    return data


def search_page_url(settings):
    """The search page's address: where SUCHE_SAVE_AS writes it, without index.html."""
    save_as = settings.get("SUCHE_SAVE_AS") or "suche/index.html"
    folder = save_as[:-len("index.html")] if save_as.endswith("index.html") else save_as
    return f"{public_site_url(settings)}/{folder}"


def website(settings):
    """The site, with the search that search engines may offer on their result page."""
    site = public_site_url(settings)
    return {
        "@type": "WebSite",
        "@id": f"{site}/#website",
        "name": settings["SITENAME"],
        "url": f"{site}/",
        "inLanguage": settings.get("DEFAULT_LANG", "de"),
        "publisher": {"@id": network_reference(settings)["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate":
                       f"{search_page_url(settings)}?{SEARCH_PARAMETER}={{search_term_string}}"},
            # schema.org's notation for an action's input (Google's example form).
            "query-input": "required name=search_term_string",
        },
    }


def home_json_ld(settings):
    """The home page's JSON-LD: the site and the network, as one graph."""
    return {"@context": SCHEMA, "@graph": [website(settings), network_organization(settings)]}


def install_home_json_ld(generator):
    """`home_json_ld` in every generator's templates (theme/templates/index.html uses it)."""
    generator.env.globals["home_json_ld"] = home_json_ld(generator.settings)


def date_modified(item, published):
    """An Article's dateModified: the item's last change (`modified` as written, else its
    file's last git commit; iq_core.history), as ISO 8601 in the site's time zone.

    `published` is the datePublished (a date). Without a known change, or with a change
    on or before that day (a file committed before its publication date), it is the
    published day: nothing can have changed before the item was out.
    """
    changed = last_modified(item)
    if changed is None:
        return published.isoformat()
    zone = ZoneInfo(item.settings.get("TIMEZONE") or "UTC")
    local = changed.astimezone(zone) if changed.tzinfo else changed.replace(tzinfo=zone)
    if local.date() <= _day(published):
        return published.isoformat()
    return local.isoformat(timespec="seconds")


def _day(value):
    return value.date() if isinstance(value, datetime.datetime) else value
