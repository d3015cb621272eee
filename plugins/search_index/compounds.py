"""German compound words split into their parts, for the search index.

Pagefind stems German words (`<html lang="de">`) but does not split compounds, so a
search for "Beratung" would miss a page that only says "Anerkennungsberatung". The
compound-split library (a CharSplit port trained on German) finds the parts; splits are
kept between builds (the parts of a word depend only on the word and the model's
version), so a build whose long words were all seen before never opens the model.

The model knows German as it was trained: a head it has never seen as a word start
(a loanword such as "Mentoring") scores as unlikely as possible, so "Sprachmentoring"
splits best into "Sprachmento" and "Ring" and stays whole. Such heads are kept as open
candidates (`unknown_heads`); pages.py accepts one when the site itself uses the head as
a word on an indexed page, which the model's score cannot know.
"""

import re

from iq_core.kept import load_kept, save_kept

from .model import install_model, model_version, word_start_probability

# Only long, capitalised words are worth splitting (nouns); short parts are noise.
MIN_COMPOUND_LENGTH = 10
# Longer "words" are no compounds (a pasted hash, a joke); the splitter's time grows with
# the third power of the length: 16,000 letters took four minutes.
MAX_COMPOUND_LENGTH = 64
MIN_PART_LENGTH = 5
MIN_SCORE = 0.7
# An unknown head is a word of its own only if it is at least this long (shorter endings
# such as "Ring" or "Innen" are words too, but rarely the head of a loanword compound).
MIN_UNKNOWN_HEAD_LENGTH = 6
# The modifier of a compound starts a word: the model must know it as a word start.
MIN_MODIFIER_LENGTH = 4
# Kept beside the model's splits, under (word, UNKNOWN_HEADS).
UNKNOWN_HEADS = "unknown heads"
# Raised when the rules change: splits kept by a build under other rules are not used.
RULES = 2
WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜa-zäöüß]*)")


def without_linking_s(part):
    """Anerkennungs- → Anerkennung: the linking "s" (Fugen-s) is no word of its own."""
    if part.endswith(("ungs", "heits", "keits", "ions", "täts", "schafts")):
        return part[:-1]
    return part


def kept_version():
    """The kept splits are valid for this model and these rules only."""
    return (model_version(), RULES)


class CompoundSplitter:
    """Splits for one build: those of earlier builds (`splits_file`), the model in
    `cache_path` for new words."""

    def __init__(self, cache_path, splits_file=None):
        self.cache_path = cache_path
        self.splits_file = splits_file
        self.splits = load_kept(splits_file, kept_version(), {})
        self._known = len(self.splits)
        # Nouns of the pages this splitter prepared, each reported once (pages.py).
        self.reported_words = set()

    def split_compound(self, word):
        """The library's best split (score, modifier, head)."""
        return self.split_candidates(word)[0]

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

    def split_candidates(self, word):
        """Every split of the library, best first: (score, modifier, head)."""
        install_model(self.cache_path)
        from compound_split import char_split

        return char_split.split_compound(word)

    def unknown_heads(self, word):
        """Splits the model rejects only for not knowing the head, best first:
        ((modifier, head), …), e.g. Sprachmentoring → (("Sprach", "Mentoring"),)."""
        if not MIN_COMPOUND_LENGTH <= len(word) <= MAX_COMPOUND_LENGTH:
            return ()  # kept for no short word: most words of a page are short
        key = (word, UNKNOWN_HEADS)
        if key not in self.splits:
            found = []
            if not self.parts(word):
                for _, modifier, head in self.split_candidates(word):
                    modifier = without_linking_s(modifier)
                    if len(head) >= MIN_UNKNOWN_HEAD_LENGTH and \
                            len(modifier) >= MIN_MODIFIER_LENGTH and \
                            self.is_unknown(head) and not self.is_unknown(modifier):
                        found.append((modifier, head.capitalize()))
            self.splits[key] = tuple(found)
        return self.splits[key]

    def is_unknown(self, part):
        """The model has never seen `part` as the start of a word."""
        return word_start_probability(self.cache_path, part.lower()) is None

    def new_parts(self, text):
        """{compound: its parts} for the text's compounds, each part once and only if the
        text does not contain it as a word, in the order of the compounds' names."""
        words = sorted(set(WORD.findall(text)))
        given = {word.lower() for word in words}
        found = {}
        for word in words:
            parts = [part for part in self.parts(word) if part.lower() not in given]
            if parts:
                found[word] = parts
                given.update(part.lower() for part in parts)
        return found

    def save(self):
        """Keep the splits for the next build, if this one found new ones."""
        if len(self.splits) != self._known:
            save_kept(self.splits_file, kept_version(), self.splits)
            self._known = len(self.splits)
