"""The shared tokenizer: comparison forms and code-point offsets back into the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.text.normalize import normalize_word, tokenize, unify_punctuation


def test_offsets_are_code_points_after_emoji_and_combining_accents():
    text = "😀👩‍👩‍👧 Cafe\u0301 na\u00efve \u201cQuote\u201d it\u2019s ＡＢＣ"
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "Cafe\u0301", "na\u00efve", "Quote", "it\u2019s", "ＡＢＣ",
    ]
    assert tokens.words == ["cafe\u0301".replace("e\u0301", "\u00e9"), "na\u00efve", "quote", "its", "abc"]


def test_case_apostrophes_and_width_fold():
    assert normalize_word("Don\u2019t") == normalize_word("don't") == "dont"
    assert normalize_word("ＮＡＴＯ") == "nato"


def test_dashes_split_words():
    assert tokenize("de-escalate").words == tokenize("de\u2013escalate").words == ["de", "escalate"]


@given(st.text())
def test_spans_always_slice_the_text(text):
    tokens = tokenize(text)
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.words, strict=True):
        assert 0 <= start < end <= len(text)
        assert normalize_word(text[start:end]) == word
    assert len(unify_punctuation(text)) == len(text)
