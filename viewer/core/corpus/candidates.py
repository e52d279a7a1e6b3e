"""Candidate pairs: the only pairs of a corpus that can share a passage.

An inverted index maps each anchor shingle (``ANCHOR_WORDS`` word keys with
``ANCHOR_CONTENT`` content words, see ``alignment/profile.py``) to the texts holding it.
``align`` keeps no passage without an anchor run, and an anchor run is a shared anchor
shingle, so a pair that shares no shingle is 0.0 without being aligned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from viewer.core.alignment.profile import TextProfile


def shingle_holders(
    profiles: Sequence[TextProfile], poll: Callable[[], None] | None = None
) -> dict[tuple[int, ...], list[int]]:
    """The inverted index: each anchor shingle -> the texts holding it, in order."""
    index: dict[tuple[int, ...], list[int]] = {}
    for number, profile in enumerate(profiles):
        if poll is not None and not number % 64:
            poll()
        for shingle in profile.anchor_shingles():
            holders = index.get(shingle)
            if holders is None:
                index[shingle] = [number]
            else:
                holders.append(number)
    return index




def candidate_rows(
    profiles: Sequence[TextProfile], poll: Callable[[], None] | None = None
) -> list[list[int]]:
    """For each article i, the articles j > i sharing an anchor shingle with it, sorted.

    Built row by row so no single
    call sorts a million pairs while holding the interpreter (the window must stay live).
    """
    index = shingle_holders(profiles, poll)
    rows: list[set[int]] = [set() for _ in profiles]
    for count, holders in enumerate(index.values()):
        if poll is not None and not count & 0x3FFF:
            poll()
        if len(holders) > 1:
            for position, first in enumerate(holders[:-1]):
                rows[first].update(holders[position + 1 :])
    return [sorted(row) for row in rows]


def candidate_pairs(profiles: Sequence[TextProfile]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share at least one anchor shingle, sorted."""
    return [(first, second) for first, row in enumerate(candidate_rows(profiles)) for second in row]
