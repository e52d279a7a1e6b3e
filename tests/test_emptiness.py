"""The emptiness proof (``alignment/emptiness.py``) never claims "no passage" for a pair that has one.

Compared against the full alignment (the proof switched off) on the engine's 1,221 recorded pairs
under their settings, on every pair of the BBC sample under all four settings, and on pairs built
at the thresholds: an anchored stretch one word short of a passage and one that makes it, a short
stretch with a second one within ``max_gap`` words (they chain) and just beyond, and a stretch in a
hole of another chain's runs. The proof must also say "no passage" often, or it saves nothing.
"""

from __future__ import annotations

import pytest
from engine_pairs import SETTINGS, engine_pairs, sample_texts

from viewer.core.alignment import align as align_module
from viewer.core.alignment.align import align_profiles, profile_text
from viewer.core.alignment.emptiness import runs_share_no_passage
from viewer.core.alignment.runs import _find_runs


def _full(pa, pb, settings):
    """The alignment without the proof."""
    saved = align_module.runs_share_no_passage
    align_module.runs_share_no_passage = lambda *_: False
    try:
        return align_profiles(pa, pb, settings)
    finally:
        align_module.runs_share_no_passage = saved


def _check(a: str, b: str, settings) -> bool:
    pa, pb = profile_text(a, settings.synonyms), profile_text(b, settings.synonyms)
    if pa.keys == pb.keys:
        return False
    if (len(pb.text), pb.text) < (len(pa.text), pa.text):
        pa, pb = pb, pa
    empty = runs_share_no_passage(_find_runs(pa, pb, lambda: None), pa, pb, settings)
    full = _full(pa, pb, settings)
    if empty:
        assert full.passages == [] and full.similarity == 0.0, (a[:60], b[:60])
    assert align_profiles(pa, pb, settings) == full  # the fast path returns what the full one does
    return empty


def test_never_claims_empty_on_the_recorded_engine_pairs():
    proved = sum(_check(ta, tb, SETTINGS[s]) for _a, _b, s, ta, tb in engine_pairs())
    assert proved > 100


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_never_claims_empty_on_the_bbc_sample(setting):
    texts = [text for name, text in sorted(sample_texts().items()) if not name.startswith("align_")]
    proved = sum(_check(a, b, SETTINGS[setting]) for k, a in enumerate(texts) for b in texts[k + 1:])
    assert proved > 0


FILLER_A = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
            "quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()
FILLER_B = ("amber basil cedar dahlia elm fern ginger hazel iris jasmine kale laurel maple nettle olive poppy "
            "quince rose sage thyme umber violet willow yarrow zinnia acorn").split()


def _texts(shared: list[str], gap_words: int, second: list[str], at: int = 12) -> tuple[str, str]:
    """Two texts of filler sharing ``shared`` at word ``at`` and ``second`` ``gap_words`` after it."""
    a = FILLER_A[:at] + shared + FILLER_A[at : at + gap_words] + second + FILLER_A[at + gap_words :]
    b = FILLER_B[:at] + shared + FILLER_B[at : at + gap_words] + second + FILLER_B[at + gap_words :]
    return " ".join(a), " ".join(b)


ANCHOR = ["minister", "announced", "budget", "reforms", "yesterday", "morning", "parliament"]


@pytest.mark.parametrize("length", [4, 5, 6, 7, 8, 9])
@pytest.mark.parametrize("gap_words", [0, 3, 8, 9, 12, 20, 31])
@pytest.mark.parametrize("second", [[], ["of", "the"], ["prices", "rose"], ["of", "the", "bank"]])
@pytest.mark.parametrize("setting", ["default", "tight", "loose"])
def test_never_claims_empty_at_the_thresholds(length, gap_words, second, setting):
    words = (ANCHOR * 2)[:length]
    a, b = _texts(words, gap_words, second)
    _check(a, b, SETTINGS[setting])
    # The same, the second stretch before the anchored one.
    a2, b2 = _texts(second, gap_words, words)
    _check(a2, b2, SETTINGS[setting])


def test_a_lone_short_anchored_stretch_is_proved_empty():
    a, b = _texts(ANCHOR[:4], 20, [])
    assert _check(a, b, SETTINGS["default"])
    a, b = _texts(ANCHOR[:4], 20, ["of", "the"])  # a lone word pair far off is no fragment
    assert _check(a, b, SETTINGS["default"])


def test_a_stretch_inside_another_chains_hole_is_not_proved_empty():
    # Two chained stretches around the anchored one, in both texts: the merge may take it in.
    around = ["prices", "rose", "sharply", "again"]
    a = " ".join(FILLER_A[:5] + around + FILLER_A[5:10] + ANCHOR[:4] + FILLER_A[10:15] + around
                 + FILLER_A[15:])
    b = " ".join(FILLER_B[:5] + around + FILLER_B[5:10] + ANCHOR[:4] + FILLER_B[10:15] + around
                 + FILLER_B[15:])
    assert not _check(a, b, SETTINGS["default"])
