"""Word tokens for comparison, each mapped back to its place in the original text.

Texts are compared on case-folded, NFKC-normalised, quote- and dash-unified,
punctuation-light word tokens; every token keeps its code-point span in the
original text so that whatever is found there can be reported in the SPEC's
offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters/digits (with combining marks), joined by in-word apostrophes.
# Hyphens and dashes split words, so "de-escalate" and "de–escalate" agree.
_WORD = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['\u2019\u02bc](?=\w))*", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_MARKS = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The comparison form of one word: NFKC, case-folded, apostrophes unified, accents kept."""
    folded = unicodedata.normalize("NFKC", word).casefold().translate(_APOSTROPHES)
    # Possessive/contracted forms compare equal whatever the apostrophe style.
    return folded.replace("'", "")


def strip_accents(word: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFD", word))


@dataclass
class Tokens:
    """Parallel lists: the normalised words and their ``[start, end)`` spans."""

    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point span covering tokens ``first`` to ``last`` inclusive."""
        return self.starts[first], self.ends[last]


def tokenize(text: str) -> Tokens:
    # map() over the match methods keeps the per-word work in C: a 200,000-word book
    # tokenizes in a fraction of a second.
    matches = list(_WORD.finditer(text))
    words = list(map(normalize_word, map(re.Match.group, matches)))
    return Tokens(words, list(map(re.Match.start, matches)), list(map(re.Match.end, matches)))


_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
})


def unify_punctuation(text: str) -> str:
    """Curly quotes, guillemets and dashes replaced by their ASCII forms (same length)."""
    return text.translate(_QUOTES)
