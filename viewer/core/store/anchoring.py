"""Finding a tagged quote again in an article whose text changed since it was tagged.

A tag keeps its position and its quote: the exact text plus up to 32 characters of
context either side (Hypothesis's TextPosition + TextQuote selectors). Re-anchoring
tries, in order: the stored position (when the text there is still the quote, in the
same context), an exact search scored on context and nearness, then a fuzzy search
(Myers' bit-parallel approximate matching, edlib's C implementation) scored on the quote,
its context and nearness; edit distances come from rapidfuzz. A quote that cannot be
placed with confidence is *detached*, never moved to a doubtful spot.
"""

from __future__ import annotations

from dataclasses import dataclass

import edlib
from rapidfuzz.distance import Levenshtein

CONTEXT_CHARS = 32

# Weights of the parts of a candidate's score, as Hypothesis's match-quote.ts:
# the quote counts most, the context decides between equal quotes, nearness breaks ties.
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
_MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

# A fuzzy match must keep most of the quote and, overall, look like the same place;
# below these it is safer to show the tag as detached than to misplace it.
MIN_FUZZY_QUOTE_SIMILARITY = 0.6
MIN_FUZZY_SCORE = 0.7
# Fuzzy search cost grows with candidates; the best few by quote errors suffice.
_MAX_FUZZY_CANDIDATES = 64


@dataclass(frozen=True)
class Anchor:
    """Where a quote lies in the current text, and how it was found.

    ``method`` is ``unchanged`` (same text), ``position``, ``exact``, ``fuzzy`` or
    ``detached`` (then ``start``/``end`` are ``None``).
    """

    start: int | None
    end: int | None
    method: str
    score: float

    @property
    def detached(self) -> bool:
        return self.method == "detached"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    errors: int


def quote_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``width`` characters before and after ``text[start:end]``."""
    return text[max(0, start - width) : start], text[end : end + width]


def _encoded(text: str, pattern: str) -> tuple[bytes, bytes] | None:
    """Both strings as bytes over the pattern's alphabet, every other character one more byte.

    A text character that is not in the pattern matches nothing in it, so folding all of
    them into one symbol changes no edit distance; it keeps edlib within its 256-symbol
    alphabet whatever script the article is in. None when the pattern alone has more.
    """
    alphabet = {char: code for code, char in enumerate(dict.fromkeys(pattern))}
    if len(alphabet) > 255:
        return None
    other = len(alphabet)
    return bytes(alphabet.get(char, other) for char in text), bytes(alphabet[char] for char in pattern)


def approximate_matches(text: str, pattern: str, max_errors: int) -> list[Match]:
    """Substrings of ``text`` within ``max_errors`` edits of ``pattern``: the best one per region.

    edlib (Myers' bit-vector algorithm, in C) finds the best matches; each found region is
    then masked out and the search repeated, so regions come out best first, up to
    ``_MAX_FUZZY_CANDIDATES`` of them.
    """
    if not pattern or not text:
        return []
    encoded = _encoded(text, pattern)
    if encoded is None:
        return _python_matches(text, pattern, max_errors)
    target, query = encoded
    masked = bytearray(target)
    other = len(set(query))  # the byte no pattern character has
    matches: list[Match] = []
    while len(matches) < _MAX_FUZZY_CANDIDATES:
        found = edlib.align(query, bytes(masked), mode="HW", task="locations", k=max_errors)
        errors = found["editDistance"]
        if errors < 0:
            break
        # Locations ending next to each other are one region: its first end, as a scan would keep.
        regions: list[tuple[int, int]] = []
        for start, last in sorted(found["locations"], key=lambda loc: loc[1]):
            if regions and last <= regions[-1][1] + 1:
                regions[-1] = (regions[-1][0], last)
                continue
            regions.append((start, last))
            end = last + 1
            # Found in the masked text, the count may be too high where a region touches one
            # masked before: the start and the error count are taken from the real text.
            start, true_errors = _best_start(text, pattern, end, errors)
            matches.append(Match(start, end, true_errors))
        for start, last in regions:
            masked[start : last + 1] = bytes([other]) * (last + 1 - start)
    matches.sort(key=lambda m: (m.errors, m.end))
    return matches[:_MAX_FUZZY_CANDIDATES]


def _best_start(text: str, pattern: str, end: int, errors: int) -> tuple[int, int]:
    """Where the best match ending at ``end`` starts, and its edit distance: an anchored search backwards.

    Among equally good starts, the one giving a length closest to the quote's.
    """
    window_start = max(0, end - len(pattern) - errors)
    backwards = text[window_start:end][::-1]
    encoded = _encoded(backwards, pattern[::-1])
    if encoded is None:
        start = _python_best_start(text, pattern, end, errors)
        return start, Levenshtein.distance(text[start:end], pattern)
    target, query = encoded
    found = edlib.align(query, target, mode="SHW", task="locations")
    lengths = [last + 1 for _start, last in found["locations"] if last >= 0] or [len(backwards)]
    length = min(lengths, key=lambda n: (abs(n - len(pattern)), n))
    return end - length, Levenshtein.distance(text[end - length : end], pattern)


# --- the same in Python, for patterns edlib cannot take (rare: more than 255 distinct characters) ---


def _pattern_masks(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for index, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << index)
    return masks


def _scores_by_end(text: str, pattern: str, anchored: bool = False) -> list[int]:
    """Edit distance of ``pattern`` to the best substring of ``text`` ending at each position.

    Myers (1999) bit-vector algorithm, one big-int step per text character, so the
    cost is O(len(text)) Python steps for any quote length. ``scores[j]`` is for
    substrings ending at ``j + 1``. With ``anchored`` the substring must start at 0.
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    masks = _pattern_masks(pattern)
    pv, mv, score = mask, 0, m
    carry = 1 if anchored else 0  # anchored: D[0][j] = j, else a match may start anywhere
    scores = []
    for char in text:
        eq = masks.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        scores.append(score)
    return scores


def _python_matches(text: str, pattern: str, max_errors: int) -> list[Match]:
    """:func:`approximate_matches` in Python, for a pattern of more than 255 distinct characters."""
    scores = _scores_by_end(text, pattern)
    # Ends within one good region differ by a character or two; keep each region's best.
    ends: list[tuple[int, int]] = []
    for j, score in enumerate(scores):
        if score > max_errors:
            continue
        if ends and j > 0 and scores[j - 1] <= max_errors:  # same region as the previous end
            if score < ends[-1][1]:
                ends[-1] = (j + 1, score)
            continue
        ends.append((j + 1, score))
    ends.sort(key=lambda item: item[1])
    matches = []
    for end, errors in ends[:_MAX_FUZZY_CANDIDATES]:
        matches.append(Match(_python_best_start(text, pattern, end, errors), end, errors))
    return matches


def _python_best_start(text: str, pattern: str, end: int, errors: int) -> int:
    """Where the best match ending at ``end`` starts: an anchored search backwards (in Python)."""
    window_start = max(0, end - len(pattern) - errors)
    backwards = text[window_start:end][::-1]
    scores = _scores_by_end(backwards, pattern[::-1], anchored=True)
    best = min(scores)
    # Among equally good starts, the one giving a length closest to the quote's.
    lengths = [j + 1 for j, score in enumerate(scores) if score == best]
    length = min(lengths, key=lambda n: (abs(n - len(pattern)), n))
    return end - length


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute)."""
    return Levenshtein.distance(a, b)


def similarity(a: str, b: str) -> float:
    """1 for equal strings, 0 for nothing in common; by edit distance over the longer length."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - edit_distance(a, b) / longest


def _score(
    text: str, start: int, end: int, quote_similarity: float, prefix: str, suffix: str, hint: int | None
) -> float:
    prefix_score = similarity(text[max(0, start - len(prefix)) : start], prefix) if prefix else 1.0
    suffix_score = similarity(text[end : end + len(suffix)], suffix) if suffix else 1.0
    position_score = 1.0 if hint is None else 1.0 - min(1.0, abs(start - hint) / max(1, len(text)))
    raw = (
        QUOTE_WEIGHT * quote_similarity
        + PREFIX_WEIGHT * prefix_score
        + SUFFIX_WEIGHT * suffix_score
        + POSITION_WEIGHT * position_score
    )
    return raw / _MAX_SCORE


def _exact_positions(text: str, quote: str) -> list[int]:
    found = []
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def anchor_quote(
    text: str, quote: str, prefix: str = "", suffix: str = "", start: int | None = None, end: int | None = None
) -> Anchor:
    """Place ``quote`` (with its context) in ``text``; ``start``/``end`` are where it was."""
    if not quote:
        return Anchor(None, None, "detached", 0.0)
    if (
        start is not None
        and end is not None
        and text[start:end] == quote
        and text[max(0, start - len(prefix)) : start] == prefix
        and text[end : end + len(suffix)] == suffix
    ):
        return Anchor(start, end, "position", 1.0)

    exact = _exact_positions(text, quote)
    if exact:
        scored = [(_score(text, at, at + len(quote), 1.0, prefix, suffix, start), at) for at in exact]
        best_score, best = max(scored, key=lambda item: (item[0], -item[1]))
        return Anchor(best, best + len(quote), "exact", round(best_score, 4))

    max_errors = min(256, len(quote) // 2)
    if max_errors == 0:
        return Anchor(None, None, "detached", 0.0)
    best_anchor: Anchor | None = None
    for match in approximate_matches(text, quote, max_errors):
        found_start, found_end = _refine_edges(text, match.start, match.end, prefix, suffix, len(quote))
        errors = edit_distance(text[found_start:found_end], quote)
        if errors > match.errors + 2:  # the context pointed somewhere worse: keep the plain match
            found_start, found_end, errors = match.start, match.end, match.errors
        quote_similarity = 1.0 - errors / len(quote)
        if quote_similarity < MIN_FUZZY_QUOTE_SIMILARITY:
            continue
        score = _score(text, found_start, found_end, quote_similarity, prefix, suffix, start)
        if score >= MIN_FUZZY_SCORE and (best_anchor is None or score > best_anchor.score):
            best_anchor = Anchor(found_start, found_end, "fuzzy", round(score, 4))
    return best_anchor or Anchor(None, None, "detached", 0.0)


# Context shorter than this says too little to move an edge by.
_MIN_EDGE_CONTEXT = 8


def _refine_edges(text: str, start: int, end: int, prefix: str, suffix: str, quote_length: int) -> tuple[int, int]:
    """Move a fuzzy match's edges to where its context now begins and ends.

    Edit distance alone is indifferent between "up" and "government up" when the last
    word of a quote was replaced; the unchanged context just after it is not.
    """
    slack = max(_MIN_EDGE_CONTEXT, quote_length // 3)
    if len(suffix) >= _MIN_EDGE_CONTEXT:
        window_start = max(start + 1, end - slack)
        window = text[window_start : end + slack + len(suffix)]
        found = approximate_matches(window, suffix, len(suffix) // 4)
        if found:
            best = min(found, key=lambda m: (m.errors, abs(window_start + m.start - end)))
            end = window_start + best.start
    if len(prefix) >= _MIN_EDGE_CONTEXT:
        window_start = max(0, start - slack - len(prefix))
        window = text[window_start : min(end - 1, start + slack)]
        found = approximate_matches(window, prefix, len(prefix) // 4)
        if found:
            best = min(found, key=lambda m: (m.errors, abs(window_start + m.end - start)))
            start = window_start + best.end
    return start, end
