"""Similarity of every pair in a corpus, aligning only the pairs that can share a passage.

An inverted index maps each anchor shingle (five word keys with two content words,
see ``align.py``) to the texts holding it. ``align`` keeps no passage without an
anchor run, and an anchor run is a shared anchor shingle, so a pair absent from the
index shares nothing and is 0.0 without being aligned; every other pair gets exactly
``align``'s similarity. Work is reported through ``progress(done, total)`` and stops at
``cancelled()``, so the window can run it in the background over thousands of articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from viewer.core.alignment.align import (
    DEFAULT_SETTINGS,
    AlignSettings,
    Cancelled,
    TextProfile,
    align_profiles,
    profile_text,
)


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


def candidate_pairs(profiles: Sequence[TextProfile]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share at least one anchor shingle."""
    pairs: set[tuple[int, int]] = set()
    for holders in shingle_holders(profiles).values():
        if len(holders) > 1:
            for position, first in enumerate(holders):
                for second in holders[position + 1 :]:
                    pairs.add((first, second))
    return sorted(pairs)


def similarity_matrix(
    texts: Sequence[str],
    settings: AlignSettings = DEFAULT_SETTINGS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[list[float]]:
    """Symmetric matrix of ``align`` similarities, 1.0 on the diagonal.

    ``progress(done, total)`` counts texts indexed, then pairs aligned (total = texts +
    candidate pairs). Raises ``Cancelled`` when ``cancelled()`` returns True.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    count = len(texts)
    profiles = []
    for number, text in enumerate(texts, start=1):
        check()
        profiles.append(profile_text(text, settings.synonyms))
        if progress is not None and number % 50 == 0:
            progress(number, count)
    pairs = candidate_pairs(profiles)
    total = count + len(pairs)
    if progress is not None:
        progress(count, total)
    matrix = [[0.0] * count for _ in range(count)]
    for number in range(count):
        matrix[number][number] = 1.0
    for done, (first, second) in enumerate(pairs, start=1):
        if not done % 64:
            check()
            if progress is not None:
                progress(count + done, total)
        value = align_profiles(profiles[first], profiles[second], settings, cancelled).similarity
        matrix[first][second] = matrix[second][first] = value
    if progress is not None:
        progress(total, total)
    return matrix
