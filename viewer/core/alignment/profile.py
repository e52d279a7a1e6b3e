"""What alignment needs of one text, computed once: tokens, word keys, anchor marks, seed grams.

Each word becomes a *key*: its synonym-group key (``text/synonyms.py``) cut to its first
``KEY_LETTERS`` letters, interned as a small int shared by all profiles.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from operator import sub

import numpy as np

from viewer.core.text.normalize import Tokens, tokenize
from viewer.core.text.stopwords import ALIGNMENT_STOPWORDS
from viewer.core.text.synonyms import synonym_key

SEED_WORDS = 2  # word-pair seeds: short enough to survive one changed word in three
ANCHOR_WORDS = 4  # an exact run this long, with ANCHOR_CONTENT content words, anchors a passage
ANCHOR_CONTENT = 2
KEY_LETTERS = 5  # "stemming-lite": words compare on their first five letters
# A word pair found more often than this (product of its counts in A and B) is not a seed.
SEED_PAIR_LIMIT = 4
# Fragments this close (in words) on both sides merge into one passage, in either order.
MERGE_WORDS = 30
# Two fragments in swapped order merge (a sentence moved inside a reused passage) only
# when the smaller has at most this many matching words; moved paragraphs stay apart.
SWAP_WORDS = 30
# Fragments smaller than this never seed a passage (they may still join one).
FRAGMENT_WORDS = 3

# Function words: they match everywhere, so they count as matching words but never
# make an anchor. Compared after key folding, so keep them short (<= KEY_LETTERS letters
# is what matters).
_STOP = ALIGNMENT_STOPWORDS
_STOP_KEYS = frozenset(synonym_key(word)[:KEY_LETTERS] for word in _STOP) | frozenset(
    word[:KEY_LETTERS] for word in _STOP
)



@dataclass
class SeedIndex:
    """A text's seed grams as numpy arrays: distinct grams (sorted) and where each occurs.

    ``runs.py`` intersects two of them with a binary search (book-sized texts).
    """

    unique: np.ndarray  # distinct gram codes, sorted
    first: np.ndarray  # the first word index of each distinct gram
    counts: np.ndarray  # how often each occurs
    inverse: np.ndarray  # word index -> its gram's place in ``unique``
    order: np.ndarray  # word indexes grouped by gram: those of gram u are order[starts[u]:starts[u] + counts[u]]
    starts: np.ndarray

    @classmethod
    def of(cls, keys: list[int]) -> SeedIndex:
        array = np.asarray(keys, dtype=np.int64)
        codes = (array[:-1] << 32) | array[1:]  # SEED_WORDS == 2: one code per word pair
        unique, first, inverse, counts = np.unique(codes, return_index=True, return_inverse=True, return_counts=True)
        order = np.argsort(inverse, kind="stable")
        starts = np.zeros(len(unique), dtype=np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        return cls(unique, first, counts, inverse, order, starts)


@dataclass
class TextProfile:
    """What alignment needs of one text, computed once (the corpus index reuses it)."""

    text: str
    tokens: Tokens
    keys: list[int]
    anchor_starts: bytearray  # 1 where the ANCHOR_WORDS-gram starting there may anchor
    _seeds: SeedIndex | None = field(default=None, repr=False)
    _grams: tuple[dict[int, int], dict[int, list[int]]] | None = field(default=None, repr=False)

    @property
    def seeds(self) -> SeedIndex | None:
        """The numpy seed index (None for a text of fewer than two words), built when first needed."""
        if self._seeds is None and len(self.keys) >= SEED_WORDS:
            self._seeds = SeedIndex.of(self.keys)
        return self._seeds

    @property
    def grams(self) -> tuple[dict[int, int], dict[int, list[int]]]:
        """Seed gram code -> its first word index, and -> every word index for grams found twice or more."""
        if self._grams is None:
            keys = self.keys
            codes = [(x << 32) | y for x, y in zip(keys, keys[1:], strict=False)]
            first = dict(zip(reversed(codes), range(len(codes) - 1, -1, -1), strict=True))
            more: dict[int, list[int]] = {}
            if len(first) < len(codes):
                repeated = {code for code, count in Counter(codes).items() if count > 1}
                for index, code in enumerate(codes):
                    if code in repeated:
                        more.setdefault(code, []).append(index)
            self._grams = (first, more)
        return self._grams


# Interned word keys shared by all profiles, so keys compare as small ints.
_KEY_IDS: dict[str, int] = {}
KEY_NAMES: list[str] = []  # key id -> key (the corpus index hashes these: the same in every process)
_CONTENT_IDS: set[int] = set()


def _key_id(key: str) -> int:
    found = _KEY_IDS.get(key)
    if found is None:
        found = _KEY_IDS.setdefault(key, len(_KEY_IDS))
        if found == len(KEY_NAMES):
            KEY_NAMES.append(key)
        if key not in _STOP_KEYS:
            _CONTENT_IDS.add(found)
    return found


_WORD_KEYS: dict[bool, dict[str, int]] = {True: {}, False: {}}  # synonyms? -> word -> key id


_KEYS_LOCK = threading.Lock()  # the window aligns in worker threads: ids must stay unique


def _word_keys(words: list[str], synonyms: bool) -> list[int]:
    cache = _WORD_KEYS[synonyms]
    missing = set(words).difference(cache)
    if missing:
        with _KEYS_LOCK:
            for word in missing:
                cache[word] = _key_id((synonym_key(word) if synonyms else word)[:KEY_LETTERS])
    return list(map(cache.__getitem__, words))


def profile_text(text: str, synonyms: bool = True) -> TextProfile:
    """Tokens, word keys and anchor marks of one text (seed indexes are built when needed)."""
    tokens = tokenize(text)
    keys = _word_keys(tokens.words, synonyms)
    is_content = list(map(_CONTENT_IDS.__contains__, keys))
    # Content words in each ANCHOR_WORDS window, from running sums (kept in C by map).
    sums = list(accumulate(is_content, initial=0))
    in_window = map(sub, sums[ANCHOR_WORDS:], sums[: len(sums) - ANCHOR_WORDS])
    anchor_starts = bytearray(map(ANCHOR_CONTENT.__le__, in_window))
    return TextProfile(text, tokens, keys, anchor_starts)


# --- runs, chains, passages (word indexes, end-exclusive) -------------------------------

