"""The engine, made faster, returns what it returned before: 1,221 real and edited pairs under
four settings, passage for passage (``engine_pairs.py``; expected results in
``data/engine_golden.json``, written by the engine before the change)."""

from __future__ import annotations

import json

from engine_pairs import DATA, SETTINGS, alignment_record, engine_pairs

from viewer.core.alignment.align import align_texts


def test_alignments_equal_the_recorded_ones():
    golden = json.loads((DATA / "engine_golden.json").read_text(encoding="utf-8"))
    pairs = engine_pairs()
    assert [(a, b, s) for a, b, s, _ta, _tb in pairs] == [tuple(row[:3]) for row in golden]
    differ = [
        (a, b, s) for (a, b, s, ta, tb), row in zip(pairs, golden, strict=True)
        if alignment_record(align_texts(ta, tb, SETTINGS[s])) != row[3]
    ]
    assert not differ, differ[:5]
    assert sum(1 for row in golden if row[3][0] > 0) > 400  # most edited copies share passages


def test_alignment_is_symmetric_on_the_recorded_pairs():
    for a_text, b_text, setting in [(ta, tb, s) for _a, _b, s, ta, tb in engine_pairs()[::10]]:
        forward = align_texts(a_text, b_text, SETTINGS[setting])
        backward = align_texts(b_text, a_text, SETTINGS[setting])
        assert forward.similarity == backward.similarity
        assert sorted((p.b_start, p.b_end, p.a_start, p.a_end) for p in forward.passages) == sorted(
            (p.a_start, p.a_end, p.b_start, p.b_end) for p in backward.passages)
