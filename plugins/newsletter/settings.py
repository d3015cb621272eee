"""Defaults of the newsletter's settings, in one place. pelicanconf/publishconf override them."""

DEFAULTS = {
    # Folders below content/ with one Markdown file per issue.
    "NEWSLETTER_PATHS": ["newsletter"],
    # The web version of an issue: /newsletter/2025-03/ (slug = year-issue, two digits).
    "NEWSLETTER_URL": "newsletter/{slug}/",
    "NEWSLETTER_SAVE_AS": "newsletter/{slug}/index.html",
    # Email versions next to the web version.
    "NEWSLETTER_EMAIL_SAVE_AS": "newsletter/{slug}/email.html",
    "NEWSLETTER_TEXT_SAVE_AS": "newsletter/{slug}/email.txt",
    # The archive of all issues.
    "NEWSLETTER_ARCHIVE_URL": "newsletter/",
    "NEWSLETTER_ARCHIVE_SAVE_AS": "newsletter/index.html",
    # Headings that start with one of these words open a rubric article
    # ("Praxistipp für Unternehmen – Dual Career" → rubric "Praxistipp für Unternehmen").
    "NEWSLETTER_RUBRICS": ["Praxistipp", "Aus dem Netzwerk", "Kurz notiert", "Im Porträt",
                           "Nachgefragt"],
    # Without `events_until` and without a later issue, "Termine" covers this many weeks.
    "NEWSLETTER_TERMINE_WEEKS": 12,
    # Merge tags the mailing tool replaces when it sends the email, written as text in the
    # email's footer (a tag in an href is no valid URL). Default style `{{ tag }}`; set the
    # tags of your tool, e.g. Mailchimp "*|UNSUB|*" and "*|LIST:ADDRESSLINE|*".
    # `unsubscribe`: the unsubscribe link; `imprint`: the sender's imprint/address block.
    "NEWSLETTER_EMAIL_MERGE_TAGS": {
        "unsubscribe": "{{ unsubscribe }}",
        "imprint": "{{ imprint }}",
    },
    # Width of the email's content column in pixels (mailing tools: at most 600).
    "NEWSLETTER_EMAIL_WIDTH": 600,
    # The theme's images in the e-mail template (path on the site: width shown in px):
    # the e-mail shows them as PNG renderings at twice that width (no SVG in mail clients).
    "NEWSLETTER_EMAIL_THEME_IMAGES": {"theme/img/eu-emblem.svg": 72},
    # The newsletter's own feed (newsletter/rss.xml, newsletter/atom.xml; public build only).
    "NEWSLETTER_FEED_TITLE": "Newsletter des IQ Netzwerks Niedersachsen",
    "NEWSLETTER_FEED_DESCRIPTION": "Alle Ausgaben des Newsletters des IQ Netzwerks "
                                   "Niedersachsen, vollständig, neueste zuerst.",
    # Plain-text version: lines are wrapped at this many characters.
    "NEWSLETTER_TEXT_WIDTH": 72,
    # `invoke testmail` (scripts/testmail.py) sends an issue's e-mail of the public build
    # to one address. The mail server: each of these is overridden by an environment
    # variable (IQ_SMTP_HOST, IQ_SMTP_PORT, IQ_SMTP_STARTTLS, IQ_SMTP_USER, IQ_SMTP_FROM),
    # so a developer's own server needs no change here. The password is never a setting:
    # only the environment (IQ_SMTP_PASSWORD) has it, so no file in git ever holds it.
    "NEWSLETTER_SMTP_HOST": "localhost",
    "NEWSLETTER_SMTP_PORT": 587,  # submission port; servers expect STARTTLS there
    "NEWSLETTER_SMTP_STARTTLS": True,
    "NEWSLETTER_SMTP_USER": "",  # empty: no login (a local relay)
    # The sender ("Name <address>" or an address); None: SITENAME <ORGANIZATION_EMAIL>.
    "NEWSLETTER_SMTP_FROM": None,
    # Seconds to wait for the mail server before giving up with a message.
    "NEWSLETTER_SMTP_TIMEOUT": 20,
    # Images of the test mail: "linked" (the e-mail as built, images from the public
    # site, as the mailing tool will send it) or "inline" (the built image files inside
    # the mail, for a test before the issue is published and its images are online).
    "NEWSLETTER_TESTMAIL_IMAGES": "linked",
    # Before the title in the subject, so nobody takes the test for the real one.
    "NEWSLETTER_TESTMAIL_SUBJECT_PREFIX": "[Test] ",
}

