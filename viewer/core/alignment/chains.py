"""From word runs to passages: seeds, runs, chains, merged fragments, claimed text, code points.

Word indexes are end-exclusive; a run is ``(a0, a1, b0, b1)`` on one diagonal. See
``align.py`` for the order in which these steps run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import eq

from viewer.core.alignment.model import AlignSettings
from viewer.core.alignment.profile import (
    _CONTENT_IDS,
    ANCHOR_WORDS,
    MERGE_WORDS,
    SEED_WORDS,
    SWAP_WORDS,
    TextProfile,
)


@dataclass(slots=True)
class _Chain:
    a0: int
    a1: int
    b0: int
    b1: int
    runs: list[tuple[int, int, int, int]]
    matched: int  # matching words (per side; runs are diagonal so both sides agree)
    anchored: bool = False


def _gap_matches(keys_a: list[int], a0: int, a1: int, keys_b: list[int], b0: int, b1: int) -> int:
    """Single matching words inside a gap between two runs (a seed cannot see them)."""
    if a1 <= a0 or b1 <= b0:
        return 0
    pool: dict[int, int] = {}
    for key in keys_b[b0:b1]:
        pool[key] = pool.get(key, 0) + 1
    found = 0
    for key in keys_a[a0:a1]:
        left = pool.get(key)
        if left:
            pool[key] = left - 1
            found += 1
    return found


def _has_anchor(pa: TextProfile, a0: int, a1: int) -> bool:
    last = a1 - ANCHOR_WORDS
    return last >= a0 and pa.anchor_starts.find(1, a0, last + 1) >= 0


def _chain_runs(
    runs: list[tuple[int, int, int, int]], pa: TextProfile, pb: TextProfile, gap: int, poll: Callable[[], None]
) -> list[_Chain]:
    """Join runs that follow each other in both texts with at most ``gap`` words between."""
    runs.sort()
    keys_a, keys_b = pa.keys, pb.keys
    anchor_starts = pa.anchor_starts
    active: list[_Chain] = []
    done: list[_Chain] = []
    for count, run in enumerate(runs):
        if not count & 0x1FFF:
            poll()
        a0, a1, b0, b1 = run
        best = None
        best_cost = 0
        stale = False
        for chain in active:
            gap_a = a0 - chain.a1
            if gap_a > gap:
                stale = True  # runs come in order of a0: no later run can join this chain
                continue
            if a1 <= chain.a1 or b1 <= chain.b1 or b0 < chain.b0:
                continue
            gap_b = b0 - chain.b1
            # Overlaps of a word or two happen when a repeated word shifts the diagonal.
            if gap_b > gap or gap_a < -SEED_WORDS or gap_b < -SEED_WORDS:
                continue
            cost = abs(gap_a) + abs(gap_b)
            if best is None or cost < best_cost:
                best, best_cost = chain, cost
        if stale:
            # Retired at once: every later run would scan them again. The order of the
            # chains does not matter: merging sorts them.
            keep = []
            for chain in active:
                (keep if chain.a1 + gap >= a0 else done).append(chain)
            active = keep
        run_words = a1 - a0
        anchored = a1 - ANCHOR_WORDS >= a0 and anchor_starts.find(1, a0, a1 - ANCHOR_WORDS + 1) >= 0  # _has_anchor
        if best is None:
            active.append(_Chain(a0, a1, b0, b1, [run], run_words, anchored))
            continue
        gap_a = a0 - best.a1
        gap_b = b0 - best.b1
        new_words = run_words - max(0, -gap_a, -gap_b)
        best.matched += new_words + _gap_matches(keys_a, best.a1, a0, keys_b, best.b1, b0)
        best.a1 = a1
        best.b1 = b1
        best.runs.append(run)
        if anchored:
            best.anchored = True
    done.extend(active)
    return done


def _near(x0: int, x1: int, y0: int, y1: int, distance: int) -> bool:
    """Two word ranges overlap or lie within ``distance`` words of each other."""
    return x0 <= y1 + distance and y0 <= x1 + distance


def _overlap(x0: int, x1: int, y0: int, y1: int) -> int:
    return max(0, min(x1, y1) - max(x0, y0))


def _rivals(x: _Chain, y: _Chain) -> bool:
    """Fragments that map the same words to different places: alternatives, not neighbours."""
    overlap_a = _overlap(x.a0, x.a1, y.a0, y.a1)
    overlap_b = _overlap(x.b0, x.b1, y.b0, y.b1)
    if overlap_a <= SEED_WORDS and overlap_b <= SEED_WORDS:
        return False
    same_diagonal = abs((x.b0 - x.a0) - (y.b0 - y.a0)) <= MERGE_WORDS
    return not (overlap_a and overlap_b and same_diagonal)


def _gap(x0: int, x1: int, y0: int, y1: int) -> tuple[int, int]:
    """The word range between two ranges (empty when they touch or overlap)."""
    return (x1, y0) if x1 <= y0 else (y1, x0) if y1 <= x0 else (0, 0)


def _content_matches(pa: TextProfile, a0: int, a1: int, pb: TextProfile, b0: int, b1: int) -> int:
    content = _CONTENT_IDS
    pool = {key for key in pb.keys[b0:b1] if key in content}
    return sum(1 for key in pa.keys[a0:a1] if key in pool)


def _breaks(profile: TextProfile, first: int, end: int) -> bool:
    """A paragraph break lies between words ``first - 1`` and ``end`` (the gap's words)."""
    if not 0 < first <= end < len(profile.tokens.starts):
        return first != end
    return "\n" in profile.text[profile.tokens.ends[first - 1]:profile.tokens.starts[end]]


def _mergeable(x: _Chain, y: _Chain, pa: TextProfile, pb: TextProfile, gap: int) -> bool:
    # Small fragments only join close neighbours: a stray match stays out.
    reach = max(gap, min(MERGE_WORDS, 2 * min(x.matched, y.matched)))
    if not (_near(x.a0, x.a1, y.a0, y.a1, reach) and _near(x.b0, x.b1, y.b0, y.b1, reach)) or _rivals(x, y):
        return False
    gap_a = _gap(x.a0, x.a1, y.a0, y.a1)
    gap_b = _gap(x.b0, x.b1, y.b0, y.b1)
    if ((x.a0 < y.a0) != (x.b0 < y.b0) and min(x.matched, y.matched) > SWAP_WORDS
            and (_breaks(pa, *gap_a) or _breaks(pb, *gap_b))):
        return False  # whole paragraphs in another order stay separate passages
    shortest = min(gap_a[1] - gap_a[0], gap_b[1] - gap_b[0])
    if (x.a0 < y.a0) != (x.b0 < y.b0):
        # Swapped: one passage when the pieces are sentences swapped inside a paragraph
        # (at most a short aside between them on either side), not when a paragraph of
        # other text stands between them.
        if max(gap_a[1] - gap_a[0], gap_b[1] - gap_b[0]) <= 2 * gap:
            return True
        return shortest <= gap and not (_breaks(pa, *gap_a) or _breaks(pb, *gap_b))
    if shortest <= gap:
        return True  # adjacent on one side: a sentence moved, or a tail spun past matching
    length_a = gap_a[1] - gap_a[0]
    if length_a == gap_b[1] - gap_b[0] and (x.a0 < y.a0) == (x.b0 < y.b0):
        # The same number of words between, in order: a stretch of common words (whose
        # seeds were skipped as too frequent) when they agree word for word.
        same = sum(map(eq, pa.keys[gap_a[0] : gap_a[1]], pb.keys[gap_b[0] : gap_b[1]]))
        if 2 * same >= length_a:
            return True
    # Apart on both sides: the words between must still share content words (a sentence
    # spun beyond matching does; an unrelated sentence or paragraph between two reused
    # passages does not).
    return _content_matches(pa, *gap_a, pb, *gap_b) >= max(2, shortest // 5)


def _merge_fragments(chains: list[_Chain], pa: TextProfile, pb: TextProfile, gap: int) -> list[_Chain]:
    """Fragments close together in both texts, in any order, become one passage."""
    chains.sort(key=lambda c: (c.a0, c.b0))
    changed = True
    while changed:
        changed = False
        merged: list[_Chain] = []
        window: list[_Chain] = []
        for chain in chains:
            window = [c for c in window if c.a1 + MERGE_WORDS >= chain.a0]
            target = None
            for other in window:
                if _mergeable(other, chain, pa, pb, gap):
                    target = other
                    break
            if target is None:
                merged.append(chain)
                window.append(chain)
                continue
            target.a0 = min(target.a0, chain.a0)
            target.a1 = max(target.a1, chain.a1)
            target.b0 = min(target.b0, chain.b0)
            target.b1 = max(target.b1, chain.b1)
            target.runs.extend(chain.runs)
            target.matched += chain.matched
            target.anchored = target.anchored or chain.anchored
            changed = True
        chains = merged
    return chains


EDGE_SKIP = 2  # words a passage's edge may skip to take in one more matching content word


def _extend_edges(chain: _Chain, pa: TextProfile, pb: TextProfile) -> None:
    """Take in matching content words just past either end ("with NATO and [the] EU")."""
    keys_a, keys_b = pa.keys, pb.keys
    content = _CONTENT_IDS
    while True:
        found = None
        for skip_a in range(EDGE_SKIP + 1):
            i = chain.a1 + skip_a
            if i >= len(keys_a) or keys_a[i] not in content:
                continue
            for skip_b in range(EDGE_SKIP + 1):
                j = chain.b1 + skip_b
                if j < len(keys_b) and keys_b[j] == keys_a[i] and (found is None or skip_a + skip_b < found[2]):
                    found = (i, j, skip_a + skip_b)
        if found is None:
            break
        chain.a1, chain.b1 = found[0] + 1, found[1] + 1
        chain.matched += 1
    while True:
        found = None
        for skip_a in range(EDGE_SKIP + 1):
            i = chain.a0 - 1 - skip_a
            if i < 0 or keys_a[i] not in content:
                continue
            for skip_b in range(EDGE_SKIP + 1):
                j = chain.b0 - 1 - skip_b
                if j >= 0 and keys_b[j] == keys_a[i] and (found is None or skip_a + skip_b < found[2]):
                    found = (i, j, skip_a + skip_b)
        if found is None:
            break
        chain.a0, chain.b0 = found[0], found[1]
        chain.matched += 1


def _share(chain: _Chain) -> float:
    total = (chain.a1 - chain.a0) + (chain.b1 - chain.b0)
    return min(1.0, 2 * chain.matched / total) if total else 0.0


def _qualifies(chain: _Chain, settings: AlignSettings) -> bool:
    return chain.anchored and chain.matched >= settings.min_words and _share(chain) >= settings.min_match


def _rebuild(runs: list[tuple[int, int, int, int]], pa: TextProfile, pb: TextProfile) -> _Chain:
    runs = sorted(runs)
    a0 = min(r[0] for r in runs)
    a1 = max(r[1] for r in runs)
    b0 = min(r[2] for r in runs)
    b1 = max(r[3] for r in runs)
    covered_a = bytearray(a1 - a0)
    for r in runs:
        covered_a[r[0] - a0 : r[1] - a0] = b"\x01" * (r[1] - r[0])
    covered_b = bytearray(b1 - b0)
    for r in runs:
        covered_b[r[2] - b0 : r[3] - b0] = b"\x01" * (r[3] - r[2])
    matched = min(covered_a.count(1), covered_b.count(1))
    anchored = any(_has_anchor(pa, r[0], r[1]) for r in runs)
    return _Chain(a0, a1, b0, b1, runs, matched, anchored)


WEAK_END_WORDS = 4  # a passage does not end on a run this short in another paragraph


def _across_paragraph(run: tuple[int, int, int, int], other: tuple[int, int, int, int],
                      profile: TextProfile, side: int) -> bool:
    """A line break stands between two runs on one side (they lie in different paragraphs)."""
    first, second = (run, other) if run[side] <= other[side] else (other, run)
    if second[side] <= first[side + 1]:
        return False
    start = profile.tokens.ends[first[side + 1] - 1]
    stop = profile.tokens.starts[second[side]]
    return "\n" in profile.text[start:stop]


def _trim_weak_ends(chain: _Chain, pa: TextProfile, pb: TextProfile) -> _Chain:
    """Drop short runs dangling at a passage's ends in the next paragraph.

    Gap tolerance lets a chain reach a few common words ("ahead of ... trip") past the
    real end of a reused paragraph into the next one; a passage stops at the break then.
    """
    runs = list(chain.runs)
    changed = True
    while changed and len(runs) > 1:
        changed = False
        for side in (0, 2):  # A, then B
            if len(runs) < 2:
                break
            ordered = sorted(runs, key=lambda r: (r[side], r[side + 1]))
            for end, neighbour in ((ordered[0], ordered[1]), (ordered[-1], ordered[-2])):
                short = end[1] - end[0] < WEAK_END_WORDS
                if not short or end not in runs or len(runs) < 2:
                    continue
                if _across_paragraph(end, neighbour, pa, 0) or _across_paragraph(end, neighbour, pb, 2):
                    runs.remove(end)
                    changed = True
    return chain if len(runs) == len(chain.runs) else _rebuild(runs, pa, pb)


def _unclaimed(run: tuple[int, int, int, int], claimed_a: bytearray,
               claimed_b: bytearray) -> tuple[int, int, int, int] | None:
    """The longest stretch of a diagonal run free on both sides (None if under a seed)."""
    a0, a1, b0, b1 = run
    best_start, best_length, start = 0, 0, None
    for k in range(a1 - a0 + 1):
        free = k < a1 - a0 and not claimed_a[a0 + k] and not claimed_b[b0 + k]
        if free and start is None:
            start = k
        elif not free and start is not None:
            if k - start > best_length:
                best_start, best_length = start, k - start
            start = None
    if best_length < SEED_WORDS:
        return None
    return a0 + best_start, a0 + best_start + best_length, b0 + best_start, b0 + best_start + best_length


def _claim(chains: list[_Chain], pa: TextProfile, pb: TextProfile, settings: AlignSettings) -> list[_Chain]:
    """Biggest passages first; later ones lose their runs in text already claimed."""
    claimed_a = bytearray(len(pa.keys))
    claimed_b = bytearray(len(pb.keys))
    kept: list[_Chain] = []
    for chain in sorted(chains, key=lambda c: (-c.matched, c.a0, c.b0)):
        if claimed_a.find(1, chain.a0, chain.a1) >= 0 or claimed_b.find(1, chain.b0, chain.b1) >= 0:
            # A run that reaches into claimed text keeps its longest clean stretch: a bigger
            # passage whose edge took a few words must not swallow a whole paragraph's match.
            runs = [clean for r in chain.runs if (clean := _unclaimed(r, claimed_a, claimed_b)) is not None]
            if not runs:
                continue
            chain = _rebuild(runs, pa, pb)
            if claimed_a.find(1, chain.a0, chain.a1) >= 0 or claimed_b.find(1, chain.b0, chain.b1) >= 0:
                # Runs interleave with a bigger passage: keep the longest clean stretch only.
                best = max(runs, key=lambda r: r[1] - r[0])
                chain = _rebuild([best], pa, pb)
            if not _qualifies(chain, settings):
                continue
        claimed_a[chain.a0 : chain.a1] = b"\x01" * (chain.a1 - chain.a0)
        claimed_b[chain.b0 : chain.b1] = b"\x01" * (chain.b1 - chain.b0)
        kept.append(chain)
    return kept


# --- code points ------------------------------------------------------------------------

_OPENING = frozenset("\"'“‘«„‚‹([{¿¡")
_CLOSING = frozenset(".,;:!?\"'”’»›)]}…")


def _char_span(profile: TextProfile, first: int, end: int) -> tuple[int, int]:
    """Code points of words ``first`` .. ``end - 1``, with their quote marks and final stop."""
    text = profile.text
    start = profile.tokens.starts[first]
    stop = profile.tokens.ends[end - 1]
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while stop < len(text) and text[stop] in _CLOSING:
        stop += 1
    return start, stop


def _clamp(spans: list[list[int]], side: int) -> None:
    """Punctuation taken by two neighbouring passages goes to the first one."""
    order = sorted(range(len(spans)), key=lambda k: spans[k][side])
    for left, right in zip(order, order[1:], strict=False):
        if spans[right][side] < spans[left][side + 1]:
            spans[right][side] = spans[left][side + 1]
