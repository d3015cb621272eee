"""One way to show that an event, or one of its dates, is cancelled or moved.

Everywhere (page, lists, home page, newsletter, feed, calendar SUMMARY) the title is
shown once, after the marker: „Abgesagt: Deutsch am Arbeitsplatz“. Editors often write
the marker into the title as well („Abgesagt – Deutsch am Arbeitsplatz“); that word is
left out wherever the marker is shown, so nobody reads „Abgesagt: Abgesagt: …“.
Calendar apps that ignore STATUS:CANCELLED (calcurse) still show the word in SUMMARY.
"""

import re

CANCELLED = "Abgesagt"
RESCHEDULED = "Verschoben"
# A marker word at the start of a title, with its colon or dash ("ABGESAGT –", "Verschoben:").
_WRITTEN_MARKER = re.compile(r"^\s*(?:abgesagt|verschoben|entfällt|fällt aus)\s*[:!–—-]\s*",
                             re.IGNORECASE)


def marker(cancelled, rescheduled):
    """"Abgesagt", "Verschoben" or None (a cancelled date that was moved is cancelled)."""
    if cancelled:
        return CANCELLED
    return RESCHEDULED if rescheduled else None


def bare_title(title):
    """The title without marker words the editor put in front of it."""
    text = title or ""
    while True:
        shorter = _WRITTEN_MARKER.sub("", text, count=1)
        if shorter == text or not shorter.strip():
            return text.strip()
        text = shorter


def marked_title(title, shown_marker):
    """„Abgesagt: Titel“ with a marker; the title as written without one."""
    if not shown_marker:
        return title
    return f"{shown_marker}: {bare_title(title)}"
