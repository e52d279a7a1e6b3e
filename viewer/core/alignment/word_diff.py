"""Word-level differences inside one aligned passage, for marking changed words.

diff-match-patch in word mode: every word (and every run of spaces or punctuation)
becomes one character, so the diff never splits a word and cannot time out on long
passages; semantic clean-up then merges the confetti of tiny equalities into
readable changes. Words compare in their normalised form, so case, quote style and
apostrophes do not show as changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from viewer.core.alignment.model import Passage
from viewer.core.text.normalize import normalize_word, unify_punctuation

# Words (as the tokenizer sees them), runs of whitespace, or single other characters.
_UNIT = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['\u2019\u02bc](?=\w))*|\s+|.", re.UNICODE | re.DOTALL)
# Unit characters start in a plane no article text reaches, so none collides with a real one.
_FIRST_UNIT_CHAR = 0xF0000


@dataclass(frozen=True)
class DiffSpan:
    """One stretch of a passage diff; the side that lacks it has an empty range at the place."""

    op: str  # "equal", "delete" (only in A), "insert" (only in B)
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_units(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    units = []
    for match in _UNIT.finditer(text, start, end):
        piece = match.group()
        if piece[0].isspace():
            form = " "
        elif len(piece) == 1 and not piece.isalnum():
            form = unify_punctuation(piece)
        else:
            form = normalize_word(piece)
        units.append((form, match.start(), match.end()))
    return units


def _encode(units: list[tuple[str, int, int]], codes: dict[str, str]) -> str:
    chars = []
    for form, _, _ in units:
        char = codes.get(form)
        if char is None:
            char = chr(_FIRST_UNIT_CHAR + len(codes))
            codes[form] = char
        chars.append(char)
    return "".join(chars)


def diff_ranges(a: str, a_start: int, a_end: int, b: str, b_start: int, b_end: int) -> list[DiffSpan]:
    """Word diff of ``a[a_start:a_end]`` against ``b[b_start:b_end]`` in absolute offsets."""
    units_a = word_units(a, a_start, a_end)
    units_b = word_units(b, b_start, b_end)
    codes: dict[str, str] = {}
    text_a = _encode(units_a, codes)
    text_b = _encode(units_b, codes)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # exact: word mode keeps the inputs short enough
    diffs = engine.diff_main(text_a, text_b, False)
    engine.diff_cleanupSemantic(diffs)

    spans: list[DiffSpan] = []
    ia = ib = 0  # unit indexes

    def pos_a(index: int) -> int:
        return units_a[index][1] if index < len(units_a) else a_end

    def pos_b(index: int) -> int:
        return units_b[index][1] if index < len(units_b) else b_end

    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            spans.append(DiffSpan("equal", pos_a(ia), pos_a(ia + n), pos_b(ib), pos_b(ib + n)))
            ia += n
            ib += n
        elif op < 0:
            spans.append(DiffSpan("delete", pos_a(ia), pos_a(ia + n), pos_b(ib), pos_b(ib)))
            ia += n
        else:
            spans.append(DiffSpan("insert", pos_a(ia), pos_a(ia), pos_b(ib), pos_b(ib + n)))
            ib += n
    return spans


# Below this share of words kept in order, a passage's parts were reordered (sentences
# swapped): an in-order diff would mark every word, so words are compared as a bag.
REORDERED_SHARE = 0.3


def _is_word(unit: str) -> bool:
    return unit[:1].isalnum()


def _words_only_in(units: list[tuple[str, int, int]], other: set[str]) -> list[tuple[int, int]]:
    """Code-point runs of the words missing from ``other``, joined across spaces and punctuation."""
    runs: list[list[int]] = []
    last_word_missing = False
    for form, start, end in units:
        if not _is_word(form):
            continue
        if form not in other:
            if last_word_missing and runs:
                runs[-1][1] = end
            else:
                runs.append([start, end])
            last_word_missing = True
        else:
            last_word_missing = False
    return [(s, e) for s, e in runs]


def bag_diff(a: str, a_start: int, a_end: int, b: str, b_start: int, b_end: int) -> list[DiffSpan]:
    """Words of each side that the other side lacks anywhere in the passage (order ignored)."""
    units_a = word_units(a, a_start, a_end)
    units_b = word_units(b, b_start, b_end)
    words_a = {form for form, _s, _e in units_a if _is_word(form)}
    words_b = {form for form, _s, _e in units_b if _is_word(form)}
    spans = [DiffSpan("delete", s, e, b_start, b_start) for s, e in _words_only_in(units_a, words_b)]
    spans += [DiffSpan("insert", a_start, a_start, s, e) for s, e in _words_only_in(units_b, words_a)]
    return spans


def passage_diff(a: str, b: str, passage: Passage) -> list[DiffSpan]:
    """The changed and unchanged words of one passage, in absolute code points of ``a`` and ``b``.

    In order (diff-match-patch) when the passage kept its order; when its sentences were
    reordered, the words each side lacks anywhere in the other (see :func:`bag_diff`).
    """
    spans = diff_ranges(a, passage.a_start, passage.a_end, b, passage.b_start, passage.b_end)
    kept = sum(len(re.findall(r"\w+", a[s.a_start:s.a_end])) for s in spans if s.op == "equal")
    total = min(len(re.findall(r"\w+", a[passage.a_start:passage.a_end])),
                len(re.findall(r"\w+", b[passage.b_start:passage.b_end])))
    if total and kept < REORDERED_SHARE * total and passage.score >= 0.5:
        return bag_diff(a, passage.a_start, passage.a_end, b, passage.b_start, passage.b_end)
    return spans
