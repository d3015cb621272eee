"""Python-Markdown extension: German text stays as the editor typed it.

Two Markdown rules misread everyday German:
- a gender star between letters (`Partner*innen und Bewerber*innen`) opens emphasis;
- a paragraph that starts with a date (`16. Juni 2025 …`) becomes an ordered list
  and loses the day.
Editors must not have to escape either, so both are treated as text here.
"""

import re

from babel.dates import get_month_names
from markdown import util
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

# A star with a letter or digit on both sides is a gender star, never emphasis.
GENDER_STAR = r"(?<=\w)\*(?=\w)"


def _month_names():
    names = set()
    for width in ("wide", "abbreviated"):
        names.update(get_month_names(width, locale="de").values())
    # Longest first so that "Juni" wins over "Jun." style prefixes in the regex.
    return sorted((re.escape(n.rstrip(".")) for n in names), key=len, reverse=True)


def date_line_pattern():
    """A line starting like a German date: "16. Juni", "1. Okt.", "26. 6. 2025"."""
    months = "|".join(_month_names())
    return re.compile(rf"^( {{0,3}})(\d{{1,2}})\.(?=[ \t\u00a0]+(?:(?:{months})\b|\d{{1,2}}\.))")


class GenderStarProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 (Markdown's API)
        # Stash the star the way a backslash escape does; Markdown restores it as text.
        return f"{util.STX}{ord('*')}{util.ETX}", m.start(0), m.end(0)


class DateParagraphPreprocessor(Preprocessor):
    def __init__(self, md):
        super().__init__(md)
        self.pattern = date_line_pattern()

    def run(self, lines):
        # "16\. Juni" is Markdown's own escape: the dot stays a dot, no list starts.
        return [self.pattern.sub(r"\1\2\\.", line) for line in lines]


class GermanTextExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        # After HTML blocks and fenced code are stashed (priority 20, 25), so code is untouched.
        md.preprocessors.register(DateParagraphPreprocessor(md), "iq_date_paragraph", 19)
        # Before emphasis (60) and after code spans (190): stars in code stay as they are.
        md.inlinePatterns.register(GenderStarProcessor(GENDER_STAR, md), "iq_gender_star", 175)


def makeExtension(**kwargs):  # noqa: N802 (Markdown's API)
    return GermanTextExtension(**kwargs)
