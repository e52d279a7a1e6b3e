"""Profiling a corpus and aligning its candidate pairs in worker processes (``tasks/workers.py``).

What travels is the *texts*, a few megabytes, never the profiles (pickling those cost more
than the workers saved). First each worker profiles one contiguous block of the texts and
sends back only their anchor shingles (stable hashes, ``shingles.py``: the same in every
process), from which the caller finds the candidate pairs; the worker keeps the profiles.
Then each pair goes to the worker holding its first article's profile (a worker that runs
out takes chunks from the back of another's queue, so they finish together); a partner's
text a worker lacks is sent along with the chunk, once, and profiled there. Every pair
gets exactly ``align_profiles``'s similarity, whichever process aligns it.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from collections.abc import Callable, Sequence

import numpy as np

from viewer.core.alignment.align import DEFAULT_SETTINGS, AlignSettings, align_profiles, profile_text
from viewer.core.alignment.profile import TextProfile
from viewer.core.corpus.shingles import profile_shingles
from viewer.core.tasks.task import TaskState

PROFILE_CHUNK = 64  # texts per profiling chunk, at most
CHUNK_PAIRS = 256  # pairs per aligning chunk, at most: progress and cancel are this fine
CHUNKS_PER_WORKER = 4  # at least, when there is little work: the workers then share it
WARM_UP = "viewer.core.corpus.pair_workers:warm_up"
_MODULE = "viewer.core.corpus.pair_workers"

# A worker's texts and profiles for the job it is running (its token tells jobs apart).
_JOB: dict[str, object] = {"token": None}
_TOKENS = itertools.count()


def warm_up() -> None:
    """Run first in each worker, while the caller still reads files: the word tables load now."""
    profile_shingles(profile_text("Warm up the word tables of this worker process.", DEFAULT_SETTINGS.synonyms))


def _job(token: str, texts: dict[int, str]) -> tuple[dict[int, str], dict[int, TextProfile]]:
    if _JOB["token"] != token:
        _JOB.update(token=token, texts={}, profiles={})
    known: dict[int, str] = _JOB["texts"]  # type: ignore[assignment]
    known.update(texts)
    return known, _JOB["profiles"]  # type: ignore[return-value]


def profile_chunk(payload, state: TaskState) -> list[tuple[int, np.ndarray]]:
    """In a worker: profile the chunk's texts (kept for aligning) and return their shingles."""
    token, settings, texts = payload
    _known, profiles = _job(token, texts)
    found = []
    for number, text in texts.items():
        profiles[number] = profile = profile_text(text, settings.synonyms)
        found.append((number, profile_shingles(profile)))
    # What outlives a chunk (profiles, their seed indexes) stays for the whole job: the
    # collector's full passes need not walk it again and again (no result depends on it).
    gc.freeze()
    return found


def align_chunk(payload, state: TaskState) -> list[tuple[int, int, float]]:
    """In a worker: ``(i, j, similarity)`` of each pair of the chunk that shares a passage."""
    token, settings, texts, pairs = payload
    known, profiles = _job(token, texts)

    def profile(number: int) -> TextProfile:
        found = profiles.get(number)
        if found is None:
            found = profiles[number] = profile_text(known[number], settings.synonyms)
        return found

    found = []
    for first, second in pairs:
        value = align_profiles(profile(first), profile(second), settings).similarity
        if value:
            found.append((first, second, value))
    gc.freeze()
    return found


def _chunk_size(items: int, workers: int, largest: int) -> int:
    return max(1, min(largest, -(-items // (workers * CHUNKS_PER_WORKER))))


def _blocks(count: int, workers: int) -> list[range]:
    return [range(count * w // workers, count * (w + 1) // workers) for w in range(workers)]


class PairWorkers:
    """One corpus's texts in a :class:`~viewer.core.tasks.workers.WorkerGroup`: profiled there
    (:meth:`shingles`), then its pairs aligned there (:meth:`align`)."""

    def __init__(self, group, texts: Sequence[str], settings: AlignSettings,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.group, self.texts, self.settings, self.cancelled = group, texts, settings, cancelled
        self.token = f"{os.getpid()}-{next(_TOKENS)}"  # a worker's caches are per job
        self.sent: list[set[int]] = [set() for _ in range(group.count)]
        self.blocks = _blocks(len(texts), group.count)
        self.owner = [0] * len(texts)  # the worker that profiled each text

    def _texts_for(self, worker: int, numbers: set[int]) -> dict[int, str]:
        needed = numbers - self.sent[worker]
        self.sent[worker] |= needed
        return {number: self.texts[number] for number in sorted(needed)}

    def shingles(self, progress: Callable[[int], None] | None = None) -> list[np.ndarray]:
        """Every text's anchor shingles (as ``shingles.profile_shingles``), profiled in the workers.

        The texts are taken a chunk at a time, the blocks' chunks in turn, while the workers
        profile the chunks before: ``texts`` may read each file when it is first indexed.
        """
        size = _chunk_size(len(self.texts), self.group.count, PROFILE_CHUNK)
        chunks = [deque(block[k : k + size] for k in range(0, len(block), size)) for block in self.blocks]
        order = deque(worker for round_ in range(max(map(len, chunks))) for worker, mine in enumerate(chunks)
                      if round_ < len(mine))
        queues: list[deque] = [deque() for _ in self.blocks]
        found: list[np.ndarray] = [np.zeros(0, dtype=np.uint64)] * len(self.texts)
        done = [0]

        def feed() -> bool:
            if order:
                worker = order.popleft()
                chunk = chunks[worker].popleft()
                for number in chunk:
                    self.texts[number]  # read now, while the workers profile
                queues[worker].append(chunk)
            return bool(order)

        def payload(worker: int, chunk: range) -> tuple:
            for number in chunk:
                self.owner[number] = worker
            return self.token, self.settings, self._texts_for(worker, set(chunk))

        def on_result(chunk: range, result) -> None:
            for number, shingles in result:
                found[number] = shingles
            done[0] += len(chunk)
            if progress is not None:
                progress(done[0])

        self.group.run(f"{_MODULE}:profile_chunk", queues, payload, on_result, self.cancelled, feed)
        return found

    def align(self, pairs: Sequence[tuple[int, int]],
              progress: Callable[[int], None] | None = None) -> dict[tuple[int, int], float]:
        """``{(i, j): similarity}`` of the ``pairs`` (sorted) that share a passage; ``progress(pairs_done)``."""
        # Each worker's pairs: those whose first article it profiled, in chunks.
        mine: list[list[tuple[int, int]]] = [[] for _ in self.blocks]
        for pair in pairs:
            mine[self.owner[pair[0]]].append(pair)
        size = _chunk_size(len(pairs), self.group.count, CHUNK_PAIRS)
        queues = [deque(own[k : k + size] for k in range(0, len(own), size)) for own in mine]
        found: dict[tuple[int, int], float] = {}
        done = [0]

        def payload(worker: int, chunk) -> tuple:
            return self.token, self.settings, self._texts_for(worker, {n for pair in chunk for n in pair}), chunk

        def on_result(chunk, result) -> None:
            for first, second, value in result:
                found[(first, second)] = value
            done[0] += len(chunk)
            if progress is not None:
                progress(done[0])

        self.group.run(f"{_MODULE}:align_chunk", queues, payload, on_result, self.cancelled)
        return found
