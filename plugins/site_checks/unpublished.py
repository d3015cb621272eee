"""Links to items that are not public (yet): a draft, or an item scheduled for a later day.

The public build does not write them, so such a link would lead nowhere. Saying why (and
until when) helps editors more than "führt ins Leere", which suggests a wrong address.
"""

import os

from iq_core.dates import german_date


def unpublished_targets(context, settings):
    """{URL path ("/good-practice/x/"): item} of the items the public site leaves out."""
    if settings.get("SHOW_DRAFTS", False):
        return {}  # the preview writes them all
    targets = {}
    for item in context.get("generated_content", {}).values():
        if item is None or not (_is_draft(item) or getattr(item, "scheduled_for", None)):
            continue
        addresses = {getattr(item, "url", "")}
        if type(item).__name__ == "Page":  # a draft page's own address is below entwurf/
            addresses.add(settings.get("PAGE_URL", "{slug}/").format(slug=item.slug))
        for address in filter(None, addresses):
            targets["/" + address.lstrip("/")] = item
    return targets


def _is_draft(item):
    return getattr(item, "status", "published") in ("draft", "hidden")


def not_public_problem(local, item):
    """(problem, hint) for a link to `item`, which the public site leaves out."""
    name = _shown(item)
    if getattr(item, "scheduled_for", None) and not _is_draft(item):
        day = german_date(item.scheduled_for)
        return (f"Der Link „{local}“ zeigt auf {name}, das erst am {day} erscheint "
                "(date liegt in der Zukunft).",
                f"Setzen Sie den Link erst ab dem {day}, oder geben Sie dieser Datei dasselbe "
                "Datum (date), dann erscheinen beide am selben Tag.")
    return (f"Der Link „{local}“ zeigt auf {name}, einen Entwurf, der nicht veröffentlicht "
            "wird.",
            "Veröffentlichen Sie den Entwurf (Zeile „status: …“ löschen) oder entfernen Sie "
            "den Link.")


def _shown(item):
    path = item.source_path.replace(os.sep, "/")
    return f"„{path[path.rfind('content/'):] if 'content/' in path else path}“"


def target_file_name(item):
    """The linked file's name, to find the line of a {filename} link in the linking file."""
    return os.path.basename(item.source_path)
