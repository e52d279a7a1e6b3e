"""Word-level differences inside a passage (diff-match-patch in word mode)."""

from __future__ import annotations

import re

from viewer.core.alignment.align import Passage, align_texts
from viewer.core.alignment.word_diff import passage_diff, summarize
from viewer.core.text.normalize import normalize_word


def _whole(a: str, b: str) -> Passage:
    return Passage(0, len(a), 0, len(b), 1.0)


def test_changed_words_are_whole_words_in_absolute_offsets():
    a = "Intro. The army said the talks were useful."
    b = "Other intro! The navy stated the talks were useful."
    p = Passage(a.index("The"), len(a), b.index("The"), len(b), 0.8)
    spans = passage_diff(a, b, p)
    deleted = [a[s.a_start : s.a_end] for s in spans if s.op == "delete"]
    inserted = [b[s.b_start : s.b_end] for s in spans if s.op == "insert"]
    assert deleted == ["army said"] or sorted(deleted) == ["army", "said"]
    assert inserted == ["navy stated"] or sorted(inserted) == ["navy", "stated"]
    for s in spans:
        if s.op == "delete":
            assert s.b_start == s.b_end
        elif s.op == "insert":
            assert s.a_start == s.a_end
        else:
            words_a = a[s.a_start : s.a_end].split()
            words_b = b[s.b_start : s.b_end].split()
            assert [normalize_word(w.strip(".")) for w in words_a] == [normalize_word(w.strip(".")) for w in words_b]


def test_spans_tile_both_stretches_in_order():
    a = "He said \u201cwe will not back down\u201d on Monday, 😀 according to aides."
    b = "He told reporters \"we will never back down\" on Monday according to two aides."
    spans = passage_diff(a, b, _whole(a, b))
    a_cursor = b_cursor = 0
    for s in spans:
        assert s.a_start == a_cursor and s.b_start == b_cursor
        a_cursor, b_cursor = s.a_end, s.b_end
    assert (a_cursor, b_cursor) == (len(a), len(b))


def test_case_and_quote_style_are_not_changes():
    a = "\u201cThe Minister\u2019s plan,\u201d she said."
    b = "\"the minister's plan,\" she said."
    assert [s.op for s in passage_diff(a, b, _whole(a, b))] == ["equal"]


def test_diff_of_a_found_passage():
    a = "Unrelated harbour news first.\n\nThe committee voted to approve the new harbour plan on Friday evening."
    b = "Meadow tulips.\n\nThe committee voted to approve the harbour plan on Friday night, officials said."
    (p,) = align_texts(a, b).passages
    spans = passage_diff(a, b, p)
    assert any(s.op == "delete" and a[s.a_start : s.a_end].strip() == "new" for s in spans)
    assert all(p.a_start <= s.a_start <= s.a_end <= p.a_end for s in spans)
    assert all(p.b_start <= s.b_start <= s.b_end <= p.b_end for s in spans)


def test_reordered_sentences_show_as_moved_not_changed():
    a = "The leaders backed Ukraine's sovereignty. They also discussed deterrence efforts on the border."
    b = "They discussed deterrence efforts on the border, and backed Ukraine's sovereignty and integrity."
    passage = Passage(0, len(a), 0, len(b), 0.8)
    spans = passage_diff(a, b, passage)
    deleted = [a[s.a_start:s.a_end].strip(" .,") for s in spans if s.op == "delete"]
    inserted = [b[s.b_start:s.b_end].strip(" .,") for s in spans if s.op == "insert"]
    moved_a = [a[s.a_start:s.a_end].strip(" .,") for s in spans if s.op == "moved_a"]
    moved_b = [b[s.b_start:s.b_end].strip(" .,") for s in spans if s.op == "moved_b"]
    assert "backed Ukraine's sovereignty" in moved_a
    assert "backed Ukraine's sovereignty" in moved_b
    assert any("also" in d for d in deleted) and all("sovereignty" not in d for d in deleted)
    assert all("sovereignty" not in i for i in inserted)
    # A moved span points at its counterpart on the other side.
    (span,) = [s for s in spans if s.op == "moved_a" and "sovereignty" in a[s.a_start:s.a_end]]
    assert b[span.b_start:span.b_end] == "backed Ukraine's sovereignty"


def test_swapped_paragraphs_are_moved_and_counted():
    one = "The minister announced new funding for rural schools on Tuesday morning."
    two = "Critics said the money would arrive too late for the coming winter term."
    three = "Officials expect the first payments to reach councils in the spring."
    a = f"{one}\n\n{two}\n\n{three}"
    b = f"{two}\n\n{one}\n\n{three}"
    spans = passage_diff(a, b, _whole(a, b))
    assert not [s for s in spans if s.op in ("delete", "insert") and re.search(r"\w", _text(a, b, s))]
    moved = "".join(_text(a, b, s) for s in spans if s.op == "moved_a")
    assert (one.rstrip(".") in moved) or (two.rstrip(".") in moved)
    summary = summarize(a, b, spans)
    assert summary.edited == 0
    assert summary.moved == 2 * len((one if one.rstrip(".") in moved else two).split())
    assert summary.verbatim + summary.moved == 2 * len(a.split())
    assert summary.describe().endswith("moved") and "edited" not in summary.describe()


def test_moved_spun_sentence_counts_as_moved():
    a = "Prices rose sharply. The army said the talks were useful and would continue next week."
    b = "The military stated the talks were useful and would continue next week. Prices rose sharply."
    spans = passage_diff(a, b, _whole(a, b))
    summary = summarize(a, b, spans)
    assert summary.moved >= 6
    assert summary.edited <= 2 * 2  # at most the two spun words on each side


def test_summary_of_an_edited_passage():
    a = "Intro. The army said the talks were useful."
    b = "Intro. The navy insisted the talks were useful."
    summary = summarize(a, b, passage_diff(a, b, _whole(a, b)))
    assert (summary.edited, summary.moved) == (4, 0)
    assert summary.describe() == f"{summary.verbatim / summary.total:.0%} verbatim, " \
                                 f"{summary.edited / summary.total:.0%} edited"


def _text(a: str, b: str, span) -> str:
    return a[span.a_start:span.a_end] if span.op in ("delete", "moved_a") else b[span.b_start:span.b_end]
