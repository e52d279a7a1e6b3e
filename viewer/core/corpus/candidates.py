"""Candidate pairs: the only pairs of a corpus that can share a passage.

An inverted index maps each anchor shingle (``ANCHOR_WORDS`` word keys with
``ANCHOR_CONTENT`` content words, see ``alignment/profile.py``) to the texts holding it.
``align`` keeps no passage without an anchor run, and an anchor run is a shared anchor
shingle, so a pair that shares no shingle is 0.0 without being aligned.

Shingles are 64-bit hashes in numpy arrays (``shingles.py``): a 10,000-article corpus has
millions of them, too many for a dict of tuples. A hash collision only adds a candidate,
whose alignment then gives its true similarity.

One exception bounds the work: a shingle held by more than ``MAX_SHINGLE_HOLDERS`` texts is
boilerplate (a wire-service footer, a template) and makes no candidates, so a folder of
10,000 near-identical files does not become 50 million pairs to align. A pair that shares
nothing else is then 0.0 although ``align`` would find the boilerplate passage. No shingle
of the BBC corpus (2,225 articles) is held by more than 87 texts, so real corpora come out
the same. ``matrix`` and ``index`` take the cap as ``--max-posting`` (0: none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from viewer.core.alignment.profile import TextProfile
from viewer.core.corpus.shingles import candidate_codes, concat, profile_shingles

MAX_SHINGLE_HOLDERS = 200


def codes_of_shingles(shingles: Sequence[np.ndarray], max_posting: int | None = MAX_SHINGLE_HOLDERS,
                      boilerplate: list[int] | None = None) -> np.ndarray:
    """Pairs sharing a shingle as sorted codes ``i * len(shingles) + j``, ``i < j``, from each
    text's shingles (``shingles.profile_shingles``); the number of postings dropped for being
    longer than ``max_posting`` (None: no cap) is appended to ``boilerplate`` when given."""
    ids = [np.full(len(found), number, dtype=np.int64) for number, found in enumerate(shingles)]
    codes, _longest, capped = candidate_codes(concat(shingles, np.uint64), concat(ids, np.int64), len(shingles),
                                              max_posting)
    if boilerplate is not None:
        boilerplate.append(capped)
    return codes


def _shingles(profiles: Sequence[TextProfile], poll: Callable[[], None] | None) -> list[np.ndarray]:
    found = []
    for number, profile in enumerate(profiles):
        if poll is not None and not number % 256:
            poll()
        found.append(profile_shingles(profile))
    return found


def rows_of_codes(codes: np.ndarray, count: int) -> list[list[int]]:
    """For each text i, the texts j > i of the pair codes, sorted."""
    firsts, seconds = codes // max(count, 1), codes % max(count, 1)
    bounds = np.searchsorted(firsts, np.arange(count + 1)).tolist()
    return [seconds[bounds[i] : bounds[i + 1]].tolist() for i in range(count)]


def candidate_rows(
    profiles: Sequence[TextProfile], poll: Callable[[], None] | None = None,
    boilerplate: list[int] | None = None, max_posting: int | None = MAX_SHINGLE_HOLDERS,
) -> list[list[int]]:
    """For each article i, the articles j > i sharing an anchor shingle with it, sorted.

    Shingles held by more than ``max_posting`` texts are skipped; their number is appended
    to ``boilerplate`` when given.
    """
    return rows_of_codes(codes_of_shingles(_shingles(profiles, poll), max_posting, boilerplate), len(profiles))


def candidate_pairs(profiles: Sequence[TextProfile], boilerplate: list[int] | None = None,
                    max_posting: int | None = MAX_SHINGLE_HOLDERS) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share at least one anchor shingle, sorted."""
    count = len(profiles)
    codes = codes_of_shingles(_shingles(profiles, None), max_posting, boilerplate)
    return list(zip((codes // max(count, 1)).tolist(), (codes % max(count, 1)).tolist(), strict=True))
