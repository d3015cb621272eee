"""schema.org JSON-LD for an issue: the issue, and each article as a NewsArticle.

Search engines can then show single articles ("Praxistipp für Unternehmen – Dual
Career") with their date and publisher, not only the issue as a whole. Author and
publisher are the network (the home page's Organization, by its @id); dateModified is the
issue file's last change (iq_core.jsonld.date_modified).
"""

from iq_core.jsonld import SCHEMA, date_modified, network_reference, public_site_url
from iq_core.webimages import web_image


def shared_image(issue, siteurl):
    """The issue image's address for search engines: its web size, never the original
    (which may be a camera's 6000-px file with its camera data)."""
    if not issue.image:
        return None
    shown = web_image(issue.image.path, issue.settings)
    return shown.src(siteurl) if shown else f"{siteurl}/{issue.image.path}"


def issue_json_ld(issue):
    siteurl = public_site_url(issue.settings)
    issue_url = f"{siteurl}/{issue.url}"
    network = network_reference(issue.settings)
    published = issue.issue_date.isoformat()
    modified = date_modified(issue, issue.issue_date)
    image = shared_image(issue, siteurl)
    articles = []
    for article in issue.articles:
        entry = {
            "@type": "NewsArticle",
            "headline": article.heading_text[:110],
            "url": f"{issue_url}#{article.anchor}",
            "datePublished": published,
            "dateModified": modified,
            "inLanguage": "de",
            "isPartOf": {"@id": issue_url},
            "author": network,
            "publisher": network,
        }
        if article.rubric:
            entry["articleSection"] = article.rubric
        if image:
            entry["image"] = image
        articles.append(entry)
    return {
        "@context": SCHEMA,
        "@type": "PublicationIssue",
        "@id": issue_url,
        "name": issue.title,
        "issueNumber": str(issue.issue),
        "datePublished": published,
        "dateModified": modified,
        "url": issue_url,
        "inLanguage": "de",
        "author": network,
        "publisher": network,
        "hasPart": articles,
    }
