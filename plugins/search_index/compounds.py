"""German compound words split into their parts, for the search index.

Pagefind stems German words (`<html lang="de">`) but does not split compounds, so a
search for "Beratung" would miss a page that only says "Anerkennungsberatung". The
compound-split library (a CharSplit port trained on German) finds the parts; splits are
kept between builds (the parts of a word depend only on the word and the model's
version), so a build whose long words were all seen before never opens the model.
"""

import re

from iq_core.kept import load_kept, save_kept

from .model import install_model, model_version

# Only long, capitalised words are worth splitting (nouns); short parts are noise.
MIN_COMPOUND_LENGTH = 10
# Longer "words" are no compounds (a pasted hash, a joke); the splitter's time grows with
# the third power of the length: 16,000 letters took four minutes.
MAX_COMPOUND_LENGTH = 64
MIN_PART_LENGTH = 5
MIN_SCORE = 0.7
WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜa-zäöüß]*)")


def without_linking_s(part):
    """Anerkennungs- → Anerkennung: the linking "s" (Fugen-s) is no word of its own."""
    if part.endswith(("ungs", "heits", "keits", "ions", "täts", "schafts")):
        return part[:-1]
    return part


class CompoundSplitter:
    """Splits for one build: those of earlier builds (`splits_file`), the model in
    `cache_path` for new words."""

    def __init__(self, cache_path, splits_file=None):
        self.cache_path = cache_path
        self.splits_file = splits_file
        self.splits = load_kept(splits_file, model_version(), {})
        self._known = len(self.splits)

    def split_compound(self, word):
        """The library's best split (score, modifier, head)."""
        install_model(self.cache_path)
        from compound_split import char_split

        return char_split.split_compound(word)[0]

    def parts(self, word, depth=2):
        """The parts of a German compound: Arbeitsmarktchancen → Arbeitsmarkt, Chancen, Markt …"""
        key = (word, depth)
        if key not in self.splits:
            self.splits[key] = ()
            parts = []
            if depth and MIN_COMPOUND_LENGTH <= len(word) <= MAX_COMPOUND_LENGTH:
                score, modifier, head = self.split_compound(word)
                modifier, head = without_linking_s(modifier), head.capitalize()
                if score >= MIN_SCORE and min(len(modifier), len(head)) >= MIN_PART_LENGTH:
                    for part in (modifier, head):
                        parts.append(part)
                        parts.extend(self.parts(part, depth - 1))
            self.splits[key] = tuple(dict.fromkeys(parts))
        return self.splits[key]

    def added_terms(self, text):
        """The parts of the text's compounds that the text does not contain as words."""
        words = set(WORD.findall(text))
        known = {word.lower() for word in words}
        terms = set()
        for word in words:
            terms.update(part for part in self.parts(word) if part.lower() not in known)
        return sorted(terms)

    def save(self):
        """Keep the splits for the next build, if this one found new ones."""
        if len(self.splits) != self._known:
            save_kept(self.splits_file, model_version(), self.splits)
            self._known = len(self.splits)
