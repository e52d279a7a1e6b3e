"""Small files shaped to make a parser crawl: the work grows linearly (issue 15, part 1).

Each test compares the work for an input and one four times its size, in one process
(``tests/complexity.py``); on the code before the fix every one of them grew ~16x.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from tests.complexity import LINEAR_BOUND, cpu_ratio, line_steps, step_ratio
from viewer.core.alignment.align import align_texts
from viewer.core.alignment.profile import profile_text
from viewer.core.alignment.runs import _find_runs
from viewer.core.corpus.candidates import MAX_SHINGLE_HOLDERS, candidate_pairs
from viewer.core.errors import ArticleError
from viewer.core.loading.articles import article_from_bytes
from viewer.core.loading.markup import html_to_text, markdown_to_text, markdown_trouble
from viewer.core.quotes.finder import find_quote_spans, find_quotes

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_58809129abae67b4.txt"
PROSE = (
    "The minister said the talks would resume on Monday after a week of delays. "
    "Officials in Brussels warned that the deadline could slip again. "
)


# --- HTML ------------------------------------------------------------------------------

def test_unclosed_styles_closed_by_other_tags_are_linear():
    """``<b>``x n then ``</i>``x n: every ``</i>`` used to search all open styles."""
    assert step_ratio(html_to_text, lambda n: "<b>" * n + "</i>" * n + "<p>end</p>", 1500) < LINEAR_BOUND


def test_hidden_elements_closed_by_other_tags_are_linear():
    """``<nav>``x n then ``</p>``x n: every ``</p>`` used to scan the hidden-element stack (in C)."""
    assert cpu_ratio(html_to_text, lambda n: "<nav>" * n + "</p>" * n, 5000) < LINEAR_BOUND


def test_unterminated_comment_or_tag_at_the_end_is_linear_and_hides_the_rest():
    """``HTMLParser.close`` re-scanned an unterminated tail once per ``<`` in it."""
    for tail in ("<!--", "<b", "</", "<![CDATA["):
        assert cpu_ratio(html_to_text, lambda n, t=tail: "<p>Before the tail.</p>" + t * n, 10_000) < LINEAR_BOUND
    rendered = html_to_text("<p>Before the tail.</p>" + "<!--" * 5000)
    assert rendered.text == "Before the tail."


def test_text_held_back_for_a_character_reference_is_kept():
    """The tail rule applies only to markup: a long last paragraph ending in ``&`` text stays."""
    rendered = html_to_text("<p>x</p>" + "AT&T " * 2000 + "AT&T")
    assert rendered.text.endswith("AT&T AT&T") and rendered.text.count("AT&T") == 2001


def test_deeply_nested_styles_keep_their_text():
    rendered = html_to_text("<b>" * 500 + "deep words" + "</b>" * 500 + "<p>after</p>")
    assert "deep words" in rendered.text and "after" in rendered.text
    assert any(rendered.text[s:e] == "deep words" and style == "bold" for s, e, style in rendered.spans)


def test_html_files_are_read_in_linear_time_whatever_their_tag_soup():
    """Saved pages go through the article extractor (lxml): the same shapes stay linear there."""

    def read(data: bytes) -> None:
        with contextlib.suppress(ArticleError):  # "has no readable text" is a fine answer for tag soup
            article_from_bytes("page.html", data)

    for make in (lambda n: b"<b>" * n + b"</i>" * n, lambda n: b"<nav>" * n + b"</p>" * n,
                 lambda n: b"<p>Before.</p>" + b"<!--" * n, lambda n: b"<p>Before.</p>" + b"<b" * n):
        assert cpu_ratio(read, make, 5000) < LINEAR_BOUND


# --- Markdown --------------------------------------------------------------------------

MARKDOWN_ATTACKS = {
    "open brackets": lambda n: "[" * n + " text",
    "nested brackets": lambda n: "[" * n + "x" + "]" * n,
    "deep list": lambda n: "".join("  " * depth + "- item\n" for depth in range(n // 10)),
    "reference uses": lambda n: "[x][r] " * n + "\n\n[r]: http://example.com\n",
    "emphasis marks": lambda n: "*_" * n,
    "unclosed images": lambda n: "![a](b" * n,
}


def test_markdown_attacks_are_linear_and_shown_as_plain_text():
    for name, make in MARKDOWN_ATTACKS.items():
        assert step_ratio(markdown_to_text, make, 2000) < LINEAR_BOUND, name
        rendered = markdown_to_text(make(20_000))
        assert rendered.note and rendered.note.startswith("shown as plain text"), name


def test_ordinary_markdown_is_rendered_as_before():
    source = "---\ntitle: Talks\n---\n# Talks resume\n\n" + "\n\n".join(
        f"Paragraph {k} with *emphasis*, a [link](http://e.x/{k}) and `code`.\n\n- one\n  - two\n    - three"
        for k in range(40))
    assert markdown_trouble(source) is None
    rendered = markdown_to_text(source)
    assert rendered.note is None and "Talks resume" in rendered.text and "[link]" not in rendered.text
    assert rendered.title == "Talks"


def test_markdown_plain_text_fallback_keeps_the_words():
    rendered = markdown_to_text("title line\n\n" + "[" * 300 + " the words survive")
    assert "the words survive" in rendered.text and rendered.text.startswith("title line")


# --- quotations ---------------------------------------------------------------------------

def _quotations_on_one_line(n: int) -> str:
    return " ".join(f'He said "point {k} stands" and left.' for k in range(n))


def test_many_quotations_on_one_line_are_linear():
    """The skip scan (any() over every covered stretch, per character) was quadratic."""
    assert step_ratio(find_quote_spans, _quotations_on_one_line, 150) < LINEAR_BOUND
    assert step_ratio(find_quote_spans, lambda n: '"word" ' * n, 300) < LINEAR_BOUND


def test_speakers_of_many_quotations_are_linear():
    """Nearest quote each side by bisection; each narration match judged once."""
    # (past 75 quotations the text outgrows the 3,000-character look-back, which is the
    # bounded part of the work)
    assert step_ratio(lambda text: find_quotes(text), _quotations_on_one_line, 120) < LINEAR_BOUND
    quotes = find_quotes(_quotations_on_one_line(50))
    assert len(quotes) == 50 and all(q.text.startswith("point") for q in quotes)


def test_single_quote_word_count_is_linear():
    """Stray single marks inside an open single quote: the words since it opened were recounted
    (a regular-expression scan) at every mark."""
    assert cpu_ratio(find_quote_spans, lambda n: "He said 'x" + " '" * n, 5000) < LINEAR_BOUND


# --- alignment -------------------------------------------------------------------------------

def test_an_article_repeated_many_times_against_one_copy_is_linear():
    """Every seed of every copy was grown over its whole run: seeds x run length."""
    words = SEED.read_text().split()

    def runs(n: int):
        base = " ".join(words[:n])
        return lambda: _find_runs(profile_text(base), profile_text(" ".join([base] * 6)), lambda: None)

    small, large = line_steps(runs(150)), line_steps(runs(600))
    assert large / small < LINEAR_BOUND


def test_repeated_article_still_aligns_every_copy():
    base = SEED.read_text()
    alignment = align_texts(base, "\n\n".join([base] * 3))
    # A is claimed once: one copy of B carries all of it
    assert [(p.a_start, p.a_end) for p in alignment.passages] == [(0, len(base.rstrip()))] or \
        alignment.passages[0].a_end - alignment.passages[0].a_start > 0.95 * len(base)


# --- corpus candidates --------------------------------------------------------------------------

def test_boilerplate_shingles_make_no_candidate_pairs():
    """Files sharing only a template would be n^2/2 candidate pairs; past the cap they are none."""
    boiler = "Breaking news from the wire service, all rights reserved, do not redistribute this story. "
    texts = [f"Item {k}. {boiler} Story {k} about zebra{k} quagga{k}." for k in range(MAX_SHINGLE_HOLDERS + 20)]
    skipped: list[int] = []
    pairs = candidate_pairs([profile_text(t) for t in texts], skipped)
    assert pairs == [] and skipped[0] > 0


def test_passages_shared_by_fewer_articles_than_the_cap_are_still_candidates():
    shared = "The harbour authority confirmed the cargo vessel ran aground near the northern breakwater at dawn. "
    texts = [shared + f"Unrelated tail {k} words zebra{k}." for k in range(5)] + ["Nothing in common here at all."]
    pairs = candidate_pairs([profile_text(t) for t in texts])
    assert len(pairs) == 10  # every pair of the five
