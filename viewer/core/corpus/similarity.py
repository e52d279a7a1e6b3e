"""Similarity of every pair in a corpus, aligning only the pairs that can share a passage.

Only the candidate pairs (``candidates.py``: pairs sharing an anchor shingle) are
aligned; every other pair shares nothing and is 0.0, and every candidate gets exactly
``align``'s similarity. Work is reported through ``progress(done, total)`` and stops at
``cancelled()``, so the window can run it in the background over thousands of articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from viewer.core.alignment.align import DEFAULT_SETTINGS, AlignSettings, align_profiles, profile_text
from viewer.core.corpus.candidates import MAX_SHINGLE_HOLDERS, candidate_pairs, codes_of_shingles
from viewer.core.corpus.pair_workers import WARM_UP, PairWorkers
from viewer.core.errors import Cancelled
from viewer.core.tasks.policy import in_child_process
from viewer.core.tasks.workers import WorkerGroup


def start_workers(workers: int, articles: int) -> WorkerGroup | None:
    """Worker processes for :func:`similarity_pairs` over ``articles`` texts, started now (a
    command starts them before it reads its files, so their start-up overlaps the reading),
    or None when ``workers`` <= 1 or the corpus is too small to gain from them."""
    if workers <= 1 or not in_child_process("pair_workers", articles):
        return None
    return WorkerGroup(workers, WARM_UP)


def similarity_pairs(
    texts: Sequence[str],
    settings: AlignSettings = DEFAULT_SETTINGS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    boilerplate: list[int] | None = None,
    max_posting: int | None = MAX_SHINGLE_HOLDERS,
    workers: int | WorkerGroup = 1,
) -> dict[tuple[int, int], float]:
    """``align``'s similarity of every pair ``(i, j)``, ``i < j``, that shares a passage
    (sparse: the other pairs are 0.0), in key order. See :func:`similarity_matrix` for the
    other arguments.

    ``workers``: how many worker processes to start when the corpus is large enough
    (``policy``), or a group the caller started (:func:`start_workers`) and closes. The texts
    are then profiled and the pairs aligned there, with the very same results.
    """
    if isinstance(workers, WorkerGroup):
        return _in_workers(workers, texts, settings, progress, cancelled, boilerplate, max_posting)
    if workers > 1 and in_child_process("pair_workers", len(texts)):
        with WorkerGroup(workers, WARM_UP) as group:
            return _in_workers(group, texts, settings, progress, cancelled, boilerplate, max_posting)

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
    pairs = candidate_pairs(profiles, boilerplate, max_posting)
    total = count + len(pairs)
    if progress is not None:
        progress(count, total)
    found: dict[tuple[int, int], float] = {}
    for done, (first, second) in enumerate(pairs, start=1):
        if not done % 64:
            check()
            if progress is not None:
                progress(count + done, total)
        value = align_profiles(profiles[first], profiles[second], settings, cancelled).similarity
        if value:
            found[(first, second)] = value
    if progress is not None:
        progress(total, total)
    return found


def _in_workers(group: WorkerGroup, texts: Sequence[str], settings: AlignSettings, progress, cancelled,
                boilerplate: list[int] | None, max_posting: int | None) -> dict[tuple[int, int], float]:
    count = len(texts)
    work = PairWorkers(group, texts, settings, cancelled)
    shingles = work.shingles(None if progress is None else (lambda done: progress(done, count)))
    codes = codes_of_shingles(shingles, max_posting, boilerplate)  # as candidate_pairs
    del shingles
    size = max(count, 1)
    pairs = list(zip((codes // size).tolist(), (codes % size).tolist(), strict=True))
    total = count + len(pairs)
    if progress is not None:
        progress(count, total)
    found = work.align(pairs, None if progress is None else (lambda done: progress(count + done, total)))
    if progress is not None:
        progress(total, total)
    return dict(sorted(found.items()))


def similarity_matrix(
    texts: Sequence[str],
    settings: AlignSettings = DEFAULT_SETTINGS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_posting: int | None = MAX_SHINGLE_HOLDERS,
) -> list[list[float]]:
    """Symmetric matrix of ``align`` similarities, 1.0 on the diagonal.

    ``progress(done, total)`` counts texts indexed, then pairs aligned (total = texts +
    candidate pairs). Raises ``Cancelled`` when ``cancelled()`` returns True.
    """
    count = len(texts)
    matrix = [[0.0] * count for _ in range(count)]
    for number in range(count):
        matrix[number][number] = 1.0
    for (first, second), value in similarity_pairs(texts, settings, progress, cancelled, None, max_posting).items():
        matrix[first][second] = matrix[second][first] = value
    return matrix
