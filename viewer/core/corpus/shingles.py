"""Anchor shingles as stable 64-bit hashes, and candidate pairs from posting lists (numpy).

A profile's word keys are small integers interned per process (``alignment/profile.py``), so two
processes (two Dask workers) give the same word different keys. The distributed index
therefore names each anchor shingle by a hash of its four key *strings*, which every
process computes alike. A collision can only add a candidate pair; aligning it gives
its true similarity (0.0 when nothing is shared), so no result changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

from viewer.core.alignment import profile as _profile
from viewer.core.alignment.profile import ANCHOR_WORDS, TextProfile

__all__ = ["candidate_codes", "concat", "profile_shingles", "split_by"]

# Per process: key id -> stable hash of the key string (grows as new keys are interned).
_STABLE = np.zeros(0, dtype=np.uint64)
_KNOWN = 0  # ids hashed so far
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                        dtype=np.uint64)


def _stable_hashes() -> np.ndarray:
    """Key id -> a hash of its key string, grown as keys are interned (ids only ever grow)."""
    global _STABLE, _KNOWN
    names = _profile.KEY_NAMES
    if len(names) > _KNOWN:
        if len(_STABLE) < len(names):
            grown = np.zeros(max(len(names), 2 * len(_STABLE), 1024), dtype=np.uint64)
            grown[: len(_STABLE)] = _STABLE
            _STABLE = grown
        for ident in range(_KNOWN, len(names)):
            digest = hashlib.blake2b(names[ident].encode("utf-8"), digest_size=8).digest()
            _STABLE[ident] = int.from_bytes(digest, "little")
        _KNOWN = len(names)
    return _STABLE


def profile_shingles(profile: TextProfile) -> np.ndarray:
    """The distinct anchor shingles of one text, as stable uint64 hashes (sorted)."""
    starts = np.frombuffer(bytes(profile.anchor_starts), dtype=np.uint8).nonzero()[0]
    if not len(starts):
        return np.zeros(0, dtype=np.uint64)
    words = _stable_hashes()[np.asarray(profile.keys, dtype=np.int64)]
    mixed = np.zeros(len(starts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for shift in range(ANCHOR_WORDS):
            mixed = (mixed ^ words[starts + shift]) * _MULTIPLIERS[shift]
            mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed)


def candidate_codes(hashes: np.ndarray, ids: np.ndarray, count: int,
                    max_posting: int | None = None) -> tuple[np.ndarray, int, int]:
    """Pairs of texts sharing a shingle, from postings ``(hashes[k], ids[k])``.

    Returns the distinct pair codes ``a * count + b`` (a < b, sorted), the longest posting
    seen, and how many postings were dropped for being longer than ``max_posting``.
    """
    if not len(hashes):
        return np.zeros(0, dtype=np.int64), 0, 0
    order = np.lexsort((ids, hashes))
    hashes, ids = hashes[order], ids[order].astype(np.int64)
    bounds = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [len(hashes)]))
    lengths = ends - starts
    longest = int(lengths.max())
    capped = 0
    keep = lengths >= 2
    if max_posting is not None:
        over = lengths > max_posting
        capped = int(over.sum())
        keep &= ~over
    pieces: list[np.ndarray] = []
    # Postings of two, the vast majority, in one vectorised step.
    two = starts[keep & (lengths == 2)]
    if len(two):
        pieces.append(ids[two] * count + ids[two + 1])
    for start, end in zip(starts[keep & (lengths > 2)], ends[keep & (lengths > 2)], strict=True):
        holders = ids[start:end]
        first, second = np.triu_indices(len(holders), 1)
        pieces.append(holders[first] * count + holders[second])
    if not pieces:
        return np.zeros(0, dtype=np.int64), longest, capped
    return np.unique(np.concatenate(pieces)), longest, capped


def split_by(values: np.ndarray, keys: np.ndarray, parts: int) -> tuple[np.ndarray, ...]:
    """``values`` cut into ``parts`` arrays by ``keys`` (each in 0..parts-1), order kept."""
    order = np.argsort(keys, kind="stable")
    counts = np.bincount(keys, minlength=parts)
    return tuple(np.split(values[order], np.cumsum(counts)[:-1]))


def concat(arrays: Iterable[np.ndarray], dtype) -> np.ndarray:
    arrays = [a for a in arrays if len(a)]
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)
