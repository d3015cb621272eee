"""Drafts, hidden and scheduled items: shown in the preview, never written by a public build.

A page whose `date` lies after the build's today is scheduled: the preview shows it with
a banner ("erscheint am …"), the public build leaves it out until that day.
"""

from .contenttype import scheduled_day
from .validation import check_page


def validate_page(instance):
    from pelican.contents import Page

    if isinstance(instance, Page):
        check_page(instance)


def drop_unpublished_pages(generator):
    for page in generator.pages:
        # For the banner; content types' items have the same property.
        page.scheduled_for = scheduled_day(page, generator.settings)
    if generator.settings["SHOW_DRAFTS"]:
        return
    generator.pages = [page for page in generator.pages if page.scheduled_for is None]
    generator.hidden_pages = []
    generator.hidden_translations = []
    generator.draft_pages = []
    generator.draft_translations = []
    generator._update_context(("pages", "hidden_pages", "draft_pages"))
