"""Re-anchoring tagged quotes in edited articles."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.store.anchoring import anchor_quote, approximate_matches, edit_distance, quote_context

ARTICLE = (Path(__file__).parent / "data" / "workspace" / "article.txt").read_text(encoding="utf-8")
VICTORY = "This is a victory for every small business in the old town"
CRITICS = "We were not consulted, and the noise will be unbearable"


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _tag(text: str, quote: str, occurrence: int = 0) -> tuple[int, int, str, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    return (start, end, *quote_context(text, start, end))


small_text = st.text(alphabet="ab😀é\n", max_size=12)


@settings(max_examples=300, deadline=None)
@given(small_text, small_text)
def test_edit_distance_matches_the_textbook_definition(a, b):
    assert edit_distance(a, b) == _levenshtein(a, b)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc😀", min_size=1, max_size=30), st.text(alphabet="abc😀", min_size=1, max_size=6))
def test_approximate_matches_are_real_substrings_with_their_error_count(text, pattern):
    max_errors = len(pattern) // 2
    for match in approximate_matches(text, pattern, max_errors):
        assert 0 <= match.start <= match.end <= len(text)
        assert _levenshtein(text[match.start : match.end], pattern) == match.errors <= max_errors
    # The best region is always found: no substring is closer than the best match reported.
    matches = approximate_matches(text, pattern, max_errors)
    best = min(
        _levenshtein(text[i:j], pattern) for i in range(len(text) + 1) for j in range(i, len(text) + 1)
    )
    if best <= max_errors:
        assert min(m.errors for m in matches) == best
    else:
        assert matches == []


def test_unchanged_position_is_kept():
    start, end, prefix, suffix = _tag(ARTICLE, CRITICS)
    anchor = anchor_quote(ARTICLE, CRITICS, prefix, suffix, start, end)
    assert (anchor.start, anchor.end, anchor.method) == (start, end, "position")


def test_quote_moved_by_an_inserted_paragraph_is_found_exactly():
    start, end, prefix, suffix = _tag(ARTICLE, CRITICS)
    insert = "Update 🕐: the council will publish the minutes on Friday.\n\n"
    at = ARTICLE.index("Critics were")
    edited = ARTICLE[:at] + insert + ARTICLE[at:]
    anchor = anchor_quote(edited, CRITICS, prefix, suffix, start, end)
    assert anchor.method == "exact"
    assert (anchor.start, anchor.end) == (start + len(insert), end + len(insert))
    assert edited[anchor.start : anchor.end] == CRITICS


def test_context_picks_the_right_one_of_two_identical_quotes():
    # The quote appears twice; the second tag must stay on the second even after a shift.
    start, end, prefix, suffix = _tag(ARTICLE, VICTORY, occurrence=1)
    edited = "BREAKING\n" + ARTICLE.replace("Kraus said:", "Kraus later said:")
    anchor = anchor_quote(edited, VICTORY, prefix, suffix, start, end)
    assert anchor.method == "exact"
    assert anchor.start == edited.index(VICTORY, edited.index("Kraus later said:"))


def test_slightly_edited_quote_is_found_fuzzily():
    start, end, prefix, suffix = _tag(ARTICLE, CRITICS)
    edited_quote = "We were never consulted, and the noise will be unbearable"
    edited = ARTICLE.replace(CRITICS, edited_quote).replace("The city council", "Zürich's city council")
    anchor = anchor_quote(edited, CRITICS, prefix, suffix, start, end)
    assert anchor.method == "fuzzy"
    assert edited[anchor.start : anchor.end] == edited_quote
    assert 0.7 <= anchor.score < 1


def test_deleted_quote_is_detached_not_misplaced():
    start, end, prefix, suffix = _tag(ARTICLE, CRITICS)
    sentence = (
        f'"{CRITICS}," said a residents\' group in a statement, adding that it would "consider every legal option."'
    )
    assert sentence in ARTICLE
    edited = ARTICLE.replace(sentence, "")
    anchor = anchor_quote(edited, CRITICS, prefix, suffix, start, end)
    assert anchor.detached
    assert anchor.start is None and anchor.end is None


def test_rewritten_quote_is_detached():
    start, end, prefix, suffix = _tag(ARTICLE, CRITICS)
    edited = ARTICLE.replace(CRITICS, "Residents said they had hoped for a different outcome entirely")
    assert anchor_quote(edited, CRITICS, prefix, suffix, start, end).detached


def test_offsets_are_code_points_after_emoji():
    quote = "who runs a café near the lake 🌊"
    start, end, prefix, suffix = _tag(ARTICLE, quote)
    edited = "🎉🎉🎉 " + ARTICLE.replace("near the lake", "by the lake")
    anchor = anchor_quote(edited, quote, prefix, suffix, start, end)
    assert anchor.method == "fuzzy"
    assert edited[anchor.start : anchor.end] == "who runs a café by the lake 🌊"


def test_empty_quote_is_detached():
    assert anchor_quote(ARTICLE, "", "", "", 0, 0).detached


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc😀 ", min_size=1, max_size=40), st.text(alphabet="abc😀", min_size=1, max_size=8))
def test_the_c_search_finds_what_the_python_search_finds(text, pattern):
    from viewer.core.store.anchoring import _python_matches

    max_errors = len(pattern) // 2
    fast = approximate_matches(text, pattern, max_errors)
    slow = _python_matches(text, pattern, max_errors)
    assert (min((m.errors for m in fast), default=None)) == min((m.errors for m in slow), default=None)
    # Every region the scan finds is found, with its error count (ends may differ by a tie).
    for match in slow:
        assert any(m.errors <= match.errors and abs(m.end - match.end) <= len(pattern) + max_errors for m in fast)


def test_a_quote_in_a_script_of_thousands_of_characters_is_found_again():
    # More distinct characters than edlib's alphabet takes: the quote's own ones count.
    text = "".join(chr(0x4E00 + (i * 37) % 2000) for i in range(3000))
    quote = text[1200:1500]  # 300 characters, over 255 distinct
    assert len(set(quote)) > 255
    edited = text[:1300] + "\u3002" + text[1301:]
    prefix, suffix = quote_context(text, 1200, 1500)
    anchor = anchor_quote(edited, quote, prefix, suffix, 1200, 1500)
    assert anchor.method == "fuzzy" and (anchor.start, anchor.end) == (1200, 1500)
    short = text[100:140]
    assert anchor_quote(text[:50] + text, short).start == 150


def test_a_match_next_to_an_earlier_one_counts_its_errors_in_the_real_text():
    # The second region is found after the first is masked out; its count is the real one.
    matches = approximate_matches("bbaabaab", "bbaab", 2)
    assert {(m.start, m.end, m.errors) for m in matches} == {(0, 5, 0), (3, 8, 1)}
    for match in matches:
        assert edit_distance("bbaabaab"[match.start : match.end], "bbaab") == match.errors
