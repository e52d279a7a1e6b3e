"""The passages two articles share, found in any order, through light edits and spun synonyms.

How it works, in the order it runs:

1. Both texts become word tokens (``text/normalize.py``) and each word a *key*
   (``profile.py``): its synonym-group key (``text/synonyms.py``) cut to its first five letters, so "officials" and
   "officers", "guarantees" and "ensures", "military" and "navy" compare equal.
2. Seeds (``runs.py``): every ``SEED_WORDS``-gram (word pair) of B found in A's. Seeds on
   the same diagonal collapse into exact *runs*. Word pairs that are common in both texts ("one of
   the") are skipped: they only add noise, and the runs around them bridge the hole.
3. Chains: runs are joined left to right in both texts when fewer than ``max_gap`` words
   separate them on each side (WCopyfind's "words allowed to differ"), so one passage
   survives dropped, inserted and replaced words. Nothing requires chains to keep the
   order of the other text: each chain may sit anywhere in B, so reordered paragraphs
   are found and passages may cross.
4. Fragments near each other in both texts, in either order, merge into one passage
   (a paragraph with two sentences swapped is one reused passage, not two).
5. A passage is kept when it has at least ``min_words`` matching words, a share of
   matching words of at least ``min_match``, and an *anchor*: an exact run of
   ``ANCHOR_WORDS`` (four) words with ``ANCHOR_CONTENT`` (two) content words in it.
   The anchor keeps coincidences like "said that the government would" out, and lets
   the corpus index skip pairs that share no anchor shingle without changing any result
   (``corpus/candidates.py``).
6. Every word belongs to at most one passage on each side: the biggest passages win,
   the others lose their runs in claimed text.

The result is symmetric: ``align_texts(b, a)`` mirrors ``align_texts(a, b)``.
"""


from __future__ import annotations

from collections.abc import Callable

from viewer.core.alignment.chains import (
    _Chain,
    _chain_runs,
    _char_span,
    _claim,
    _clamp,
    _extend_edges,
    _merge_fragments,
    _qualifies,
    _share,
    _trim_weak_ends,
)
from viewer.core.alignment.emptiness import runs_share_no_passage
from viewer.core.alignment.model import DEFAULT_SETTINGS, Alignment, AlignSettings, Passage, mirror_passages
from viewer.core.alignment.profile import FRAGMENT_WORDS, TextProfile, profile_text
from viewer.core.alignment.runs import _drop_lone_pairs, _find_runs
from viewer.core.errors import Cancelled
from viewer.core.tasks.task import TaskState
from viewer.core.text.spans import covered_chars

__all__ = [
    "DEFAULT_SETTINGS", "AlignSettings", "Alignment", "Cancelled", "Passage", "TextProfile",
    "align_job", "align_profiles", "align_texts", "profile_text",
]


def align_profiles(
    pa: TextProfile,
    pb: TextProfile,
    settings: AlignSettings = DEFAULT_SETTINGS,
    cancelled: Callable[[], bool] | None = None,
) -> Alignment:
    """``align_texts`` on prepared profiles (the corpus index calls this for many pairs)."""
    if _order_key(pb) < _order_key(pa):
        mirrored = _align_ordered(pb, pa, settings, cancelled)
        return Alignment(mirror_passages(mirrored.passages), mirrored.similarity)
    return _align_ordered(pa, pb, settings, cancelled)


def _order_key(profile: TextProfile) -> tuple[int, str]:
    return len(profile.text), profile.text


def _align_ordered(
    pa: TextProfile, pb: TextProfile, settings: AlignSettings, cancelled: Callable[[], bool] | None
) -> Alignment:
    def poll() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    n_a, n_b = len(pa.keys), len(pb.keys)
    if not n_a or not n_b:
        return Alignment([], 0.0)
    if pa.keys == pb.keys:
        # Identical word for word: one passage, whatever its length.
        chains = [_Chain(0, n_a, 0, n_b, [(0, n_a, 0, n_b)], n_a, True)]
    else:
        runs = _find_runs(pa, pb, poll)
        if runs_share_no_passage(runs, pa, pb, settings):
            # Proved from the runs (``emptiness.py``): what the steps below would return.
            return Alignment([], 0.0)
        runs = _drop_lone_pairs(runs, max(0, settings.max_gap))
        chains = _chain_runs(runs, pa, pb, max(0, settings.max_gap), poll)
        poll()
        chains = [c for c in chains if c.matched >= FRAGMENT_WORDS]
        chains = _merge_fragments(chains, pa, pb, max(0, settings.max_gap))
        # Only anchored chains can qualify, and trimming or extending never anchors a chain
        # (``anchored`` is "one of its runs has an anchor"; a trim keeps some of the runs).
        chains = [_trim_weak_ends(chain, pa, pb) for chain in chains if chain.anchored]
        for chain in chains:
            _extend_edges(chain, pa, pb)
        chains = [c for c in chains if _qualifies(c, settings)]
        chains = _claim(chains, pa, pb, settings)
    spans = []
    for chain in chains:
        a_start, a_end = _char_span(pa, chain.a0, chain.a1)
        b_start, b_end = _char_span(pb, chain.b0, chain.b1)
        spans.append([a_start, a_end, b_start, b_end, _share(chain)])
    _clamp(spans, 0)
    _clamp(spans, 2)
    passages = sorted(
        (Passage(s[0], s[1], s[2], s[3], round(s[4], 4)) for s in spans), key=lambda p: (p.a_start, p.b_start)
    )
    total = len(pa.text) + len(pb.text)
    inside = (covered_chars([(p.a_start, p.a_end) for p in passages])
              + covered_chars([(p.b_start, p.b_end) for p in passages]))
    return Alignment(passages, round(inside / total, 6) if total else 0.0)


def align_texts(
    a: str,
    b: str,
    settings: AlignSettings = DEFAULT_SETTINGS,
    cancelled: Callable[[], bool] | None = None,
) -> Alignment:
    """The passages ``a`` and ``b`` share, in code points; raises ``Cancelled`` when asked to stop."""
    pa = profile_text(a, settings.synonyms)
    if cancelled is not None and cancelled():
        raise Cancelled()
    pb = profile_text(b, settings.synonyms)
    return align_profiles(pa, pb, settings, cancelled)


def align_job(payload, state: TaskState) -> Alignment:
    """:func:`align_texts` as a child-process job (see :mod:`viewer.core.tasks.child_process`)."""
    settings, (a, b) = payload
    return align_texts(a, b, settings, cancelled=state.cancelled)
