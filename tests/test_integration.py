"""Content types working together: the newsletter's Termine come from the calendar."""

from bs4 import BeautifulSoup

SEMINARS_3_25 = [
    "26. Juni 2025", "1. Juli 2025", "3. Juli 2025", "8. Juli 2025", "15. Juli 2025",
    "24. Juli 2025", "31. Juli 2025", "5. August 2025", "14. August 2025", "21. August 2025",
    "28. August 2025",
]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def termine_dates(page):
    return [d.get_text(strip=True) for d in page.select(".nl-termin-date")]


def test_issue_lists_exactly_the_seminars_of_its_period_once(public_site):
    for name in ("index.html", "email.html"):
        page = soup(public_site / "newsletter" / "2025-03" / name)
        assert termine_dates(page) == SEMINARS_3_25, name
        headings = [h.get_text(strip=True) for h in page.find_all("h2")]
        assert headings.count("Termine") == 1, name


def test_plain_text_email_has_the_termine_too(public_site):
    text = (public_site / "newsletter" / "2025-03" / "email.txt").read_text(encoding="utf-8")
    assert "26. Juni 2025 | 10 - 11:30 Uhr | MS Teams" in text
    assert "28. August 2025 | 10 - 11:30 Uhr | MS Teams" in text


def test_site_feed_has_every_content_type(public_site):
    import feedparser

    parsed = feedparser.parse(str(public_site / "atom.xml"))
    ids = [entry.id for entry in parsed.entries]
    assert any("/newsletter/" in i for i in ids) and any("/termin/" in i for i in ids)
    assert len(ids) == len(set(ids))
