"""Code points (core) <-> UTF-16 units (Qt): the one conversion, checked exhaustively."""

from hypothesis import given
from hypothesis import strategies as st

from viewer.ui.pair.text_offsets import OffsetMap


def utf16_index(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_matches_python_encoding(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        qt = offsets.to_qt(cp)
        assert qt == utf16_index(text, cp)
        assert offsets.from_qt(qt) == cp
    assert offsets.qt_length == len(text.encode("utf-16-le")) // 2


def test_emoji_and_combining_accents():
    text = "a👍🏽 e\u0301 😀b"
    offsets = OffsetMap(text)
    assert offsets.to_qt(text.index("b")) == text.index("b") + 3  # three astral characters before it
    assert offsets.from_qt(2) == 1  # the middle of a surrogate pair rounds down
