"""Runs: maximal stretches where A and B agree word for word, found from word-pair seeds.

A seed is a word pair of B found in A, unless it is frequent in both (more than
``SEED_PAIR_LIMIT`` combinations of places, and more than one place in A). Seeds on one
diagonal in consecutive places form a seed run, which grows word by word over the frequent
pairs that were not seeds. Article-sized pairs find their seeds with dict and set
intersections; book-sized pairs with numpy (a binary search of B's distinct pairs in A's).
Both give the same runs; the order of the list does not matter (chaining sorts it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from operator import sub

import numpy as np

from viewer.core.alignment.profile import FRAGMENT_WORDS, SEED_PAIR_LIMIT, SEED_WORDS, TextProfile

_NO_SEEDS: tuple[list[int], list[int], list[int]] = ([], [], [])


def _seed_runs_large(pa: TextProfile, pb: TextProfile) -> tuple[list[int], list[int], list[int]]:
    """Runs of seeds on one diagonal, as (first A word, first B word, last A word) lists.

    Found with numpy: a binary search of B's distinct grams in A's, for book-sized texts.
    """
    seeds_a, seeds_b = pa.seeds, pb.seeds
    if seeds_a is None or seeds_b is None:
        return _NO_SEEDS
    place = np.searchsorted(seeds_a.unique, seeds_b.unique)
    place[place == len(seeds_a.unique)] = 0
    shared = np.flatnonzero(seeds_a.unique[place] == seeds_b.unique)
    if not len(shared):
        return _NO_SEEDS
    in_a = place[shared]
    counts_a = seeds_a.counts[in_a]
    valid = (counts_a == 1) | (counts_a * seeds_b.counts[shared] <= SEED_PAIR_LIMIT)
    to_a = np.full(len(seeds_b.unique), -1, dtype=np.int64)
    to_a[shared[valid]] = in_a[valid]
    gram_at_j = to_a[seeds_b.inverse]
    js = np.flatnonzero(gram_at_j >= 0)
    if not len(js):
        return _NO_SEEDS
    grams = gram_at_j[js]
    single = seeds_a.counts[grams] == 1
    seed_i = seeds_a.first[grams[single]]
    seed_j = js[single]
    if not single.all():
        extra_i, extra_j = [], []
        order, starts, counts = seeds_a.order, seeds_a.starts, seeds_a.counts
        for j, gram in zip(js[~single].tolist(), grams[~single].tolist(), strict=True):
            start = starts[gram]
            for i in order[start : start + counts[gram]].tolist():
                extra_i.append(i)
                extra_j.append(j)
        seed_i = np.concatenate((seed_i, np.asarray(extra_i, dtype=np.int64)))
        seed_j = np.concatenate((seed_j, np.asarray(extra_j, dtype=np.int64)))
    # Runs of seeds: consecutive word indexes on one diagonal.
    diagonal = seed_j - seed_i
    by = np.lexsort((seed_i, diagonal))
    seed_i, diagonal = seed_i[by], diagonal[by]
    breaks = np.flatnonzero((np.diff(diagonal) != 0) | (np.diff(seed_i) != 1)) + 1
    firsts = np.concatenate(([0], breaks))
    lasts = np.concatenate((breaks - 1, [len(seed_i) - 1]))
    return seed_i[firsts].tolist(), (seed_i[firsts] + diagonal[firsts]).tolist(), seed_i[lasts].tolist()


def _seeds_small(pa: TextProfile, pb: TextProfile) -> list[tuple[int, int]]:
    """The seeds as ``(diagonal, first A word)``, sorted, with Python dicts and sets: cheaper than
    ``_seed_runs_large`` for article-sized texts. ``_grow_seeds`` makes them runs."""
    first_a, more_a = pa.grams
    first_b, more_b = pb.grams
    shared = first_b.keys() & first_a.keys()
    repeated = shared.intersection(more_a) if more_a else set()
    if more_b:
        repeated.update(shared.intersection(more_b))
    if repeated:
        shared -= repeated
    # Word pairs found once in each text, the vast majority: one seed each, in C.
    seed_i = list(map(first_a.__getitem__, shared))
    seeds = list(zip(map(sub, map(first_b.__getitem__, shared), seed_i), seed_i, strict=True))  # (diagonal, i)
    for gram in repeated:
        where_a = more_a.get(gram)
        where_b = more_b.get(gram)
        if where_a is None:
            i = first_a[gram]
            seeds.extend((j - i, i) for j in where_b)
        elif len(where_a) * (1 if where_b is None else len(where_b)) <= SEED_PAIR_LIMIT:
            for j in (first_b[gram],) if where_b is None else where_b:
                seeds.extend((j - i, i) for i in where_a)
    seeds.sort()
    return seeds


LARGE_WORDS = 8000  # pairs with more words than this find their seeds with numpy


def _find_runs(pa: TextProfile, pb: TextProfile, poll: Callable[[], None]) -> list[tuple[int, int, int, int]]:
    """Maximal stretches where A and B agree word for word, each holding at least one seed.

    A seed is a word pair of B found in A, unless it is frequent in both (more than
    ``SEED_PAIR_LIMIT`` combinations of places, and more than one place in A). Runs of
    seeds on one diagonal then grow word by word over the frequent grams that were not seeds.
    """
    if len(pa.keys) < SEED_WORDS or len(pb.keys) < SEED_WORDS:
        return []
    poll()
    if len(pa.keys) + len(pb.keys) > LARGE_WORDS:
        return _extend_runs(pa.keys, pb.keys, *_seed_runs_large(pa, pb))
    return _grow_seeds(pa.keys, pb.keys, _seeds_small(pa, pb))


def _grow_seeds(keys_a: list[int], keys_b: list[int], seeds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """``_extend_runs`` for seeds one by one, ``(diagonal, first A word)`` sorted: the first seed
    of a stretch grows over it and the seeds inside are skipped, so the runs are those of the
    seeds grouped first."""
    n_a, n_b = len(keys_a), len(keys_b)
    runs = []
    reach_diagonal, reach = None, -1
    for diagonal, a0 in seeds:
        if diagonal == reach_diagonal and a0 < reach:
            continue
        b0 = a0 + diagonal
        a1, b1 = a0 + SEED_WORDS, b0 + SEED_WORDS
        while a1 < n_a and b1 < n_b and keys_a[a1] == keys_b[b1]:
            a1 += 1
            b1 += 1
        while a0 > 0 and b0 > 0 and keys_a[a0 - 1] == keys_b[b0 - 1]:
            a0 -= 1
            b0 -= 1
        reach_diagonal, reach = diagonal, a1
        runs.append((a0, a1, b0, b1))
    return runs


def _extend_runs(keys_a: list[int], keys_b: list[int], a_first: list[int], b_first: list[int],
                 a_last: list[int]) -> list[tuple[int, int, int, int]]:
    """Runs of seeds grown word by word over the frequent grams that were not seeds ("of the").

    Seed runs come sorted by diagonal, then by position: a seed run inside the stretch its
    predecessor on the same diagonal grew into is part of that run (whole books repeat
    "of the" thousands of times inside one long passage).
    """
    n_a, n_b = len(keys_a), len(keys_b)
    runs = []
    reach_diagonal, reach = None, -1
    for a0, b0, last in zip(a_first, b_first, a_last, strict=True):
        diagonal = b0 - a0
        if diagonal == reach_diagonal and a0 < reach:
            continue
        a1 = last + SEED_WORDS
        b1 = b0 + a1 - a0
        while a1 < n_a and b1 < n_b and keys_a[a1] == keys_b[b1]:
            a1 += 1
            b1 += 1
        while a0 > 0 and b0 > 0 and keys_a[a0 - 1] == keys_b[b0 - 1]:
            a0 -= 1
            b0 -= 1
        reach_diagonal, reach = diagonal, a1
        runs.append((a0, a1, b0, b1))
    return runs


def _drop_lone_pairs(runs: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """Runs of fewer than ``FRAGMENT_WORDS`` words that no other run can chain with.

    Chaining joins a run to a chain ending between ``SEED_WORDS`` words inside it and
    ``gap`` words before it (in A), and a run starting as near after it joins its chain.
    A short run with no other run ending or starting that near stays a chain of its own,
    which is dropped as a fragment: dropping it first changes nothing and saves the work
    ("of the", "in the" are in most pairs of articles).
    """
    short = [run for run in runs if run[1] - run[0] < FRAGMENT_WORDS]
    if not short:
        return runs
    starts = sorted([r[0] for r in runs])
    ends = sorted([r[1] for r in runs])
    dropped = set()
    for run in short:
        a0, a1 = run[0], run[1]
        # the run itself counts once in each window
        if (bisect_right(ends, a0 + SEED_WORDS) - bisect_left(ends, a0 - gap) <= 1
                and bisect_right(starts, a1 + gap) - bisect_left(starts, a1 - SEED_WORDS) <= 1):
            dropped.add(run)
    return [run for run in runs if run not in dropped] if dropped else runs
