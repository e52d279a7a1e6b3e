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
from viewer.core.text.synonyms import synonym_key

# Words (as the tokenizer sees them), runs of whitespace, or single other characters.
_UNIT = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['\u2019\u02bc](?=\w))*|\s+|.", re.UNICODE | re.DOTALL)
# Unit characters start in a plane no article text reaches, so none collides with a real one.
_FIRST_UNIT_CHAR = 0xF0000


@dataclass(frozen=True)
class DiffSpan:
    """One stretch of a passage diff; the side that lacks it has an empty range at the place."""

    op: str  # "equal", "delete" (only in A), "insert" (only in B), "moved_a", "moved_b" (see mark_moves)
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


# A stretch that one side dropped and the other added elsewhere in the passage (two
# paragraphs swapped places) is *moved*, not changed: runs of at least this many words,
# compared as synonym keys so that a spun copy's moved sentences still count.
MOVED_MIN_WORDS = 3


@dataclass(frozen=True)
class DiffSummary:
    """Words of a passage (both sides together) kept in place, edited, and moved."""

    verbatim: int
    edited: int
    moved: int

    @property
    def total(self) -> int:
        return self.verbatim + self.edited + self.moved

    def shares(self) -> tuple[float, float, float]:
        total = self.total or 1
        return self.verbatim / total, self.edited / total, self.moved / total

    def describe(self) -> str:
        """"82% verbatim, 12% edited, 6% moved" (parts that are zero are left out, verbatim never)."""
        verbatim, edited, moved = self.shares()
        parts = [f"{verbatim:.0%} verbatim"]
        if self.edited:
            parts.append(f"{edited:.0%} edited")
        if self.moved:
            parts.append(f"{moved:.0%} moved")
        return ", ".join(parts)


def _is_word(unit: str) -> bool:
    return unit[:1].isalnum()


def _key_units(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(synonym_key(form), s, e) for form, s, e in word_units(text, start, end) if _is_word(form)]


def _grams(words: list[tuple[str, int, int]], n: int) -> dict[tuple[str, ...], int]:
    """Each n-word gram of a run -> the index of its first word (the first occurrence)."""
    grams: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - n + 1):
        grams.setdefault(tuple(w[0] for w in words[i:i + n]), i)
    return grams


def _moved_runs(
    mine: list[list[tuple[str, int, int]]], theirs: list[list[tuple[str, int, int]]], n: int
) -> list[tuple[int, int, int, int]]:
    """Runs of ``mine`` (start, end) whose every word lies in an n-gram found in ``theirs``,
    with where the run's words are in ``theirs`` (start, end)."""
    index: dict[tuple[str, ...], tuple[int, int]] = {}
    for r, run in enumerate(theirs):
        for gram, i in _grams(run, n).items():
            index.setdefault(gram, (r, i))
    found: list[tuple[int, int, int, int]] = []
    for run in mine:
        covered = [None] * len(run)  # word -> (their run, their word) it matches
        for i in range(len(run) - n + 1):
            hit = index.get(tuple(w[0] for w in run[i:i + n]))
            if hit is not None:
                for k in range(n):
                    if covered[i + k] is None:
                        covered[i + k] = (hit[0], hit[1] + k)
        i = 0
        while i < len(run):
            if covered[i] is None:
                i += 1
                continue
            j = i
            while j + 1 < len(run) and covered[j + 1] is not None:
                j += 1
            (r0, w0), (r1, w1) = covered[i], covered[j]
            if r1 != r0 or w1 < w0:
                w1 = min(len(theirs[r0]) - 1, w0 + (j - i))
            found.append((run[i][1], run[j][2], theirs[r0][w0][1], theirs[r0][w1][2]))
            i = j + 1
    return found


def _split_moved(span: DiffSpan, moved: list[tuple[int, int, int, int]], side: str) -> list[DiffSpan]:
    """Cut a delete (side "a") or insert (side "b") span into its changed and moved parts."""
    lo, hi = (span.a_start, span.a_end) if side == "a" else (span.b_start, span.b_end)
    inside = sorted(m for m in moved if lo <= m[0] and m[1] <= hi)
    if not inside:
        return [span]
    pieces: list[DiffSpan] = []
    cursor = lo

    def piece(op: str, start: int, end: int, other: tuple[int, int] | None = None) -> None:
        if end <= start:
            return
        if side == "a":
            o0, o1 = other or (span.b_start, span.b_start)
            pieces.append(DiffSpan(op, start, end, o0, o1))
        else:
            o0, o1 = other or (span.a_start, span.a_start)
            pieces.append(DiffSpan(op, o0, o1, start, end))

    changed = span.op
    for start, end, other_start, other_end in inside:
        piece(changed, cursor, start)
        piece("moved_a" if side == "a" else "moved_b", start, end, (other_start, other_end))
        cursor = end
    piece(changed, cursor, hi)
    return pieces


def mark_moves(a: str, b: str, spans: list[DiffSpan], min_words: int = MOVED_MIN_WORDS) -> list[DiffSpan]:
    """Turn the parts of dropped and added stretches that the other side carries elsewhere
    in the passage into ``moved_a`` / ``moved_b`` spans.

    A ``moved_a`` span is text of A (``a_start:a_end``) found in B at ``b_start:b_end``;
    a ``moved_b`` span is text of B found in A at ``a_start:a_end``. What stays ``delete``
    or ``insert`` is really missing from the other side.
    """
    dropped = [_key_units(a, s.a_start, s.a_end) for s in spans if s.op == "delete"]
    added = [_key_units(b, s.b_start, s.b_end) for s in spans if s.op == "insert"]
    if not dropped or not added:
        return spans
    moved_a = _moved_runs(dropped, added, min_words)
    moved_b = _moved_runs(added, dropped, min_words)
    out: list[DiffSpan] = []
    for span in spans:
        if span.op == "delete":
            out += _split_moved(span, moved_a, "a")
        elif span.op == "insert":
            out += _split_moved(span, moved_b, "b")
        else:
            out.append(span)
    return out


def passage_diff(a: str, b: str, passage: Passage) -> list[DiffSpan]:
    """The unchanged, changed and moved words of one passage, in absolute code points.

    ``equal`` spans are kept in place; ``delete`` is text only A has, ``insert`` only B;
    ``moved_a`` / ``moved_b`` are stretches both carry at different places (see
    :func:`mark_moves`). Reordered sentences therefore show as moved, never as changed.
    """
    spans = diff_ranges(a, passage.a_start, passage.a_end, b, passage.b_start, passage.b_end)
    return mark_moves(a, b, spans)


def summarize(a: str, b: str, spans: list[DiffSpan]) -> DiffSummary:
    """How many words (of A and B together) a passage diff keeps, edits and moves."""
    verbatim = edited = moved = 0
    for s in spans:
        words = len(_WORD.findall(a, s.a_start, s.a_end)) if s.op in ("equal", "delete", "moved_a") else 0
        if s.op in ("equal", "insert", "moved_b"):
            words += len(_WORD.findall(b, s.b_start, s.b_end))
        if s.op == "equal":
            verbatim += words
        elif s.op in ("delete", "insert"):
            edited += words
        else:
            moved += words
    return DiffSummary(verbatim, edited, moved)


_WORD = re.compile(r"\w+")
