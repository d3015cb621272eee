"""Drafts and hidden items: shown in the preview, never written by a public build."""

from .validation import check_page


def validate_page(instance):
    from pelican.contents import Page

    if isinstance(instance, Page):
        check_page(instance)


def drop_unpublished_pages(generator):
    if generator.settings["SHOW_DRAFTS"]:
        return
    generator.hidden_pages = []
    generator.hidden_translations = []
    generator.draft_pages = []
    generator.draft_translations = []
    generator._update_context(("pages", "hidden_pages", "draft_pages"))
