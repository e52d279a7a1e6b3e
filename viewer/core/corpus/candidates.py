"""Candidate pairs: the only pairs of a corpus that can share a passage.

An inverted index maps each anchor shingle (``ANCHOR_WORDS`` word keys with
``ANCHOR_CONTENT`` content words, see ``alignment/profile.py``) to the texts holding it.
``align`` keeps no passage without an anchor run, and an anchor run is a shared anchor
shingle, so a pair that shares no shingle is 0.0 without being aligned.

One exception bounds the work: a shingle held by more than ``MAX_SHINGLE_HOLDERS`` texts is
boilerplate (a wire-service footer, a template) and makes no candidates, so a folder of
10,000 near-identical files does not become 50 million pairs to align. A pair that shares
nothing else is then 0.0 although ``align`` would find the boilerplate passage. No shingle
of the BBC corpus (2,225 articles) is held by more than 87 texts, so real corpora come out
the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from viewer.core.alignment.profile import TextProfile

MAX_SHINGLE_HOLDERS = 200


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
    profiles: Sequence[TextProfile], poll: Callable[[], None] | None = None,
    boilerplate: list[int] | None = None,
) -> list[list[int]]:
    """For each article i, the articles j > i sharing an anchor shingle with it, sorted.

    Built row by row so no single
    call sorts a million pairs while holding the interpreter (the window must stay live).
    Shingles held by more than ``MAX_SHINGLE_HOLDERS`` texts are skipped; their number is
    appended to ``boilerplate`` when given.
    """
    index = shingle_holders(profiles, poll)
    rows: list[set[int]] = [set() for _ in profiles]
    skipped = 0
    for count, holders in enumerate(index.values()):
        if poll is not None and not count & 0x3FFF:
            poll()
        if len(holders) > MAX_SHINGLE_HOLDERS:
            skipped += 1
        elif len(holders) > 1:
            for position, first in enumerate(holders[:-1]):
                rows[first].update(holders[position + 1 :])
    if boilerplate is not None:
        boilerplate.append(skipped)
    return [sorted(row) for row in rows]


def candidate_pairs(profiles: Sequence[TextProfile], boilerplate: list[int] | None = None) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share at least one anchor shingle, sorted."""
    rows = candidate_rows(profiles, boilerplate=boilerplate)
    return [(first, second) for first, row in enumerate(rows) for second in row]
