"""An exact proof, from a pair's runs, that it shares no passage: chaining skipped (3 in 4 candidates).

Most candidate pairs of a corpus share one short anchored run (4 to 7 words) and nothing near it,
and end with no passage. :func:`runs_share_no_passage` proves that from the runs alone, before
``_drop_lone_pairs``, chaining, merging and the rest; True means ``align`` would return no passage
(``tests/test_emptiness.py`` compares it with the full alignment). False means "maybe".

The argument (``gap = max(0, max_gap)``, ``hole = max(gap, MERGE_WORDS)``; ranges end-exclusive;
two ranges are *near within d* when they overlap or lie at most ``d`` words apart, as
``chains._near``):

1. *A passage needs an anchored run.* Only ``_has_anchor`` on one of its runs anchors a chain
   (chaining and merging or-ing it, ``_rebuild`` recomputing it from the runs kept), and every
   passage is a chain that qualified before ``_claim`` (which only drops chains or rebuilds them
   from parts of their runs, checking ``_qualifies`` again). Chains are made of the runs that
   ``_drop_lone_pairs`` keeps, a subset of the runs given here.
2. *Fragment-capable runs.* Merging takes chains of at least ``FRAGMENT_WORDS`` matched words. A
   chain of one run matches its length; a run joins a chain only near the run that ended it, within
   ``gap`` on both sides. So a fragment's runs are at least ``FRAGMENT_WORDS`` long or lie near
   another run within ``gap`` on both sides: call such runs *capable*.
3. *An anchored run ``m`` stays a chain of its own* when, on side A or on side B, no capable run
   lies near ``m`` within ``near = max(gap, min(MERGE_WORDS, 2 * len(m)))``, and no capable run ends
   in ``[m_end - hole, m_start]`` or none starts in ``[m_end, m_start + hole]``:
   - a run joining ``m``'s chain, or the run whose chain ``m`` would join, lies near ``m`` within
     ``gap <= near`` on both sides, so it is capable (``m`` is its neighbour) and near;
   - while ``m`` is alone, merging it with a chain ``Y`` needs their boxes near within
     ``max(gap, min(MERGE_WORDS, 2 * min(len(m), matched of Y)))`` words on both sides
     (``_mergeable``). On one side, ``Y``'s range then ends or starts within ``near`` of ``m`` or
     inside it (a run of ``Y`` is that near), or covers ``m`` with ``m`` overlapping one of its runs
     (near), or ``m`` sits in a hole between two of its runs, and those holes are at most ``hole``
     words (a run joins within ``gap`` of the chain's end; merged boxes were near within at most
     ``hole``): a run of ``Y`` ends in ``[m_end - hole, m_start]`` and another starts in
     ``[m_end, m_start + hole]``. The runs of ``Y`` are capable (2).
4. *Its fate is computed as align computes it*: a chain of ``m`` alone (``len(m)`` matched words,
   anchored; ``_trim_weak_ends`` leaves a one-run chain as it is), ``_extend_edges``,
   ``_qualifies``.

So if every anchored run stays alone (3) and fails alone (4), no chain qualifies: no passage,
similarity 0.0. Identical key lists (one passage in ``align``) never reach this.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from viewer.core.alignment.chains import _Chain, _extend_edges, _qualifies
from viewer.core.alignment.model import AlignSettings
from viewer.core.alignment.profile import ANCHOR_WORDS, FRAGMENT_WORDS, MERGE_WORDS, TextProfile

Run = tuple[int, int, int, int]


class _Runs:
    """A pair's runs sorted by their start on each side, to look up those near a place."""

    def __init__(self, runs: list[Run], gap: int) -> None:
        self.gap = gap
        self.by_side = {side: sorted(runs, key=itemgetter(side)) for side in (0, 2)}
        self.starts = {side: [run[side] for run in self.by_side[side]] for side in (0, 2)}
        self.longest = max(run[1] - run[0] for run in runs)
        self.capable: dict[Run, bool] = {}

    def near(self, side: int, first: int, last: int) -> list[Run]:
        """The runs that may lie within ``[first, last]`` on ``side`` (and some more)."""
        starts = self.starts[side]
        return self.by_side[side][bisect_left(starts, first - self.longest) : bisect_right(starts, last)]

    def is_capable(self, run: Run) -> bool:
        """At least ``FRAGMENT_WORDS`` long, or near another run within ``gap`` on both sides."""
        a0, a1, b0, b1 = run
        if a1 - a0 >= FRAGMENT_WORDS:
            return True
        found = self.capable.get(run)
        if found is None:
            gap = self.gap
            found = self.capable[run] = any(
                other is not run and other[0] <= a1 + gap and a0 <= other[1] + gap
                and other[2] <= b1 + gap and b0 <= other[3] + gap for other in self.near(0, a0 - gap, a1 + gap))
        return found


def _alone_on_side(m: Run, runs: _Runs, side: int, near: int, hole: int) -> bool:
    """Step 3 on one side (0: A, 2: B)."""
    start, end = m[side], m[side + 1]
    left = right = False
    for run in runs.near(side, start - hole, end + hole):
        if run is m:
            continue
        run_start, run_end = run[side], run[side + 1]
        is_near = run_start <= end + near and start <= run_end + near
        is_left = not left and end - hole <= run_end <= start
        is_right = not right and end <= run_start <= start + hole
        if not (is_near or is_left or is_right) or not runs.is_capable(run):
            continue
        if is_near:
            return False
        left = left or is_left
        right = right or is_right
        if left and right:
            return False
    return True


def runs_share_no_passage(runs: list[Run], pa: TextProfile, pb: TextProfile, settings: AlignSettings) -> bool:
    """True only when the pair whose runs (``runs._find_runs``) these are is certain to share no passage."""
    gap = max(0, settings.max_gap)
    hole = max(gap, MERGE_WORDS)
    marks = pa.anchor_starts
    indexed = None
    for m in runs:
        a0, a1 = m[0], m[1]
        if a1 - a0 < ANCHOR_WORDS or marks.find(1, a0, a1 - ANCHOR_WORDS + 1) < 0:
            continue  # not anchored (chains._has_anchor)
        chain = _Chain(a0, a1, m[2], m[3], [m], a1 - a0, True)
        _extend_edges(chain, pa, pb)
        if _qualifies(chain, settings):
            return False
        near = max(gap, min(MERGE_WORDS, 2 * (a1 - a0)))
        if indexed is None:
            indexed = _Runs(runs, gap)
        if not (_alone_on_side(m, indexed, 0, near, hole) or _alone_on_side(m, indexed, 2, near, hole)):
            return False
    return True
