"""Direct quotations in an article: where they are, and whether they are speech or scare quotes.

The finder works one paragraph (one line) at a time, so a stray quotation mark can never
swallow more than the rest of its own paragraph, and usually much less: a quote that is
never closed ends at its first sentence end unless the next paragraph reopens with a
quotation mark (the news convention for a quotation running over several paragraphs).
Newsroom corpora often join paragraphs into one line, so the same convention is also
recognised inside a line: an opening mark right after a sentence end, inside an open quote,
starts a new quote that continues the previous one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from viewer.core.text.spans import strip_span

# Marks by the role their shape suggests; straight marks take their role from context.
_DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
_DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
_DOUBLE_STRAIGHT = '"'
_SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
_SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
_SINGLE_STRAIGHT = "'"
_DOUBLE_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_STRAIGHT
_SINGLE_MARKS = _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_STRAIGHT

# Characters after which a mark opens, and before which a mark closes.
_LEFT_BOUNDARY = set("([{\u2014\u2013-/:;") | set(_DOUBLE_OPEN) | set(_SINGLE_OPEN)
_RIGHT_BOUNDARY = set(",.;:!?)]}\u2014\u2013-\u2026") | set(_DOUBLE_CLOSE) | set(_SINGLE_CLOSE)
_SENTENCE_END = set(".!?:\u2026")
_SPACES = " \t\u00a0\u202f\u2009\u2007"

# Bounds that keep a damaged text from producing absurd quotes.
MAX_SINGLE_WORDS = 60  # single quotes are mostly short; past this it is apostrophes pairing up
MAX_QUOTE_CHARS = 5000

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_SENTENCE_BREAK = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


@dataclass(frozen=True)
class Quote:
    article: str  # the article's path (Article.path)
    start: int  # code points; the quoted words without the quotation marks
    end: int
    text: str  # == article text[start:end]
    kind: str  # "speech" or "scare"
    speaker: str | None


@dataclass
class QuoteSpan:
    """A quote found in the text, before its speaker is known."""

    start: int
    end: int
    kind: str = "speech"
    # True when this quote carries on the previous one (a reopened paragraph).
    continues: bool = False
    double: bool = True
    open_mark: int = -1  # offset of the opening mark
    close_mark: int = -1  # offset of the closing mark, -1 when the quote was never closed


def _is_space(ch: str) -> bool:
    return ch == "" or ch in _SPACES or ch.isspace()


def _left_boundary(prev: str) -> bool:
    return _is_space(prev) or prev in _LEFT_BOUNDARY


def _right_boundary(nxt: str) -> bool:
    return _is_space(nxt) or nxt in _RIGHT_BOUNDARY or nxt in _DOUBLE_MARKS or nxt in "'"


def _role(line: str, i: int, opens: str, closes: str) -> str:
    """'open', 'close' or '' (a stray mark) for the quotation mark at ``line[i]``."""
    ch = line[i]
    prev = line[i - 1] if i > 0 else ""
    nxt = line[i + 1] if i + 1 < len(line) else ""
    left, right = _left_boundary(prev), _right_boundary(nxt)
    if nxt == "." and line[i + 2:i + 3] == ".":
        right = False  # "...it is not surprising": an ellipsis opens the quote
    if ch in opens:
        # A curly opener written where a closer belongs ("word“ ") is a typing slip.
        return "close" if right and not left and not _is_space(prev) else "open"
    if ch in closes:
        if left and not right and not _is_space(nxt):
            return "open"  # »German« or ”Swedish” style
        return "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return ""


def _is_apostrophe(line: str, i: int) -> bool:
    prev = line[i - 1] if i > 0 else ""
    nxt = line[i + 1] if i + 1 < len(line) else ""
    if prev.isalnum() and nxt.isalnum():
        return True  # it's, Ukraine’s, O'Neill
    if nxt.isdigit() and (_is_space(prev) or prev in "(-"):
        return True  # the '90s
    # "the 1990s's": a possessive s after an apostrophe
    return prev.isalnum() and nxt.lower() == "s" and (i + 2 >= len(line) or not line[i + 2].isalnum())


def _after_sentence_end(line: str, i: int, floor: int) -> bool:
    """Whether the mark at ``i`` follows a finished sentence (so it starts a new quote)."""
    j = i - 1
    while j > floor and _is_space(line[j]):
        j -= 1
    if j <= floor or j == i - 1:
        return False
    while j > floor and line[j] in _DOUBLE_CLOSE + _SINGLE_CLOSE + "')":
        j -= 1
    return line[j] in _SENTENCE_END


def _first_sentence_end(line: str, start: int) -> int:
    match = _SENTENCE_BREAK.search(line, start)
    return match.start() + 1 if match else len(line)


_MARK_FINDERS: dict[str, re.Pattern[str]] = {}


def _pair_marks(
    line: str, base: int, marks: str, opens: str, closes: str, single: bool, reopens_next: bool,
    skip: list[tuple[int, int]],
) -> tuple[list[QuoteSpan], bool]:
    """Pair one kind of quotation marks in one paragraph.

    Returns the spans and whether a quote is still open at the end of the paragraph.
    """
    spans: list[QuoteSpan] = []
    open_at = -1  # index in line of the current quote's opening mark
    depth = 0  # quotes inside the quote
    continues = False
    n = len(line)
    # Linear in the line: from one quotation mark to the next, the skipped stretches walked with
    # a pointer, and words counted from a table of word starts (a scan per mark made long lines
    # quadratic).
    skip = sorted(skip)
    skip_index = 0
    skip_reach = -1  # end of the skipped stretches that start at or before i
    word_starts = [m.start() for m in _WORD.finditer(line)] if single else []
    finder = _MARK_FINDERS.get(marks)
    if finder is None:
        finder = _MARK_FINDERS[marks] = re.compile("[" + re.escape(marks) + "]")
    match = finder.search(line)
    while match is not None:
        i = match.start()
        match = finder.search(line, i + 1)
        while skip_index < len(skip) and skip[skip_index][0] <= i:
            skip_reach = max(skip_reach, skip[skip_index][1])
            skip_index += 1
        if i < skip_reach:
            continue
        if single and _is_apostrophe(line, i):
            continue
        role = _role(line, i, opens, closes)
        if open_at < 0:
            if role == "open":
                open_at, depth, continues = i, 0, False
        elif role == "open":
            if _after_sentence_end(line, i, open_at):
                # A reopened paragraph: the quote goes on as a new quote.
                spans.append(_span(line, base, open_at, i, single, continues, closed=False))
                open_at, depth, continues = i, 0, True
            else:
                depth += 1
        elif role == "" and not depth and _is_space(line[i - 1] if i else "") and not single:
            # 'Jimmy "the Whirlwind " White': a mark with spaces both sides while a quote is open is
            # a misplaced closing mark, not an opening one.
            spans.append(_span(line, base, open_at, i, single, continues, closed=True))
            open_at = -1
        elif role == "close":
            if depth:
                depth -= 1
            else:
                spans.append(_span(line, base, open_at, i, single, continues, closed=True))
                open_at = -1
        if open_at >= 0 and single and _words_between(word_starts, open_at, i) > MAX_SINGLE_WORDS:
            open_at = -1  # apostrophes or a stray mark: give up on this one
    still_open = False
    if open_at >= 0:
        if reopens_next and not single:
            spans.append(_span(line, base, open_at, n, single, continues, closed=False))
            still_open = True
        elif not single:
            end = _first_sentence_end(line, open_at + 1)
            spans.append(_span(line, base, open_at, end, single, continues, closed=False))
    return [s for s in spans if s.end > s.start], still_open


def _words_between(word_starts: list[int], start: int, end: int) -> int:
    """Words starting in ``[start, end)`` of a line, from its sorted word starts."""
    return bisect.bisect_left(word_starts, end) - bisect.bisect_left(word_starts, start)


def _span(line: str, base: int, open_at: int, close_at: int, single: bool, continues: bool, closed: bool) -> QuoteSpan:
    start, end = strip_span(line, open_at + 1, close_at)
    end = min(end, start + MAX_QUOTE_CHARS)
    return QuoteSpan(
        start=base + start, end=base + end, continues=continues, double=not single,
        open_mark=base + open_at, close_mark=base + close_at if closed else -1,
    )


def _starts_with_quote(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in _DOUBLE_OPEN + _DOUBLE_STRAIGHT + _DOUBLE_CLOSE


_TITLE_SMALL = {
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "de", "du", "la",
    "le", "with", "her", "his", "by",
}


def _classify(text: str, span: QuoteSpan, headline_end: int) -> str:
    words = _WORD.findall(text, span.start, span.end)
    body = text[span.start:span.end]
    if not words:
        return "scare"
    ends_sentence = body.rstrip()[-1:] in ".!?\u2026"
    if span.continues:
        return "speech"
    if _is_nickname(text, span):
        return "scare"
    if len(words) <= 2:
        if ends_sentence and body[:1].isupper():
            return "speech"  # "No." / "Absolutely!"
        follow = text[span.close_mark + 1:span.close_mark + 40] if span.close_mark >= 0 else ""
        if body.rstrip().endswith(",") and re.match(r"\s*(?:[A-Z]\w+\s+){0,3}\w+\s+(?:said|says|added|told)\b", follow):
            return "speech"
        return "scare"
    capitalised = [w for w in words if w[0].isupper()]
    if not ends_sentence and len(capitalised) >= 2 and all(w[0].isupper() or w in _TITLE_SMALL for w in words):
        return "scare"  # a title or a name: "Lord of the Rings", "Super April"
    if (len(capitalised) >= 3 and any(w in _TITLE_SMALL for w in words)
            and all(w[0].isupper() or w in _TITLE_SMALL for w in words)):
        return "scare"  # a title set in title case, its full stop inside the marks: "The End of Poetry."
    if not span.double and span.start >= headline_end and len(words) < 4:
        return "scare"
    return "speech"


_STRAIGHT_CLOSE = re.compile(r"(?<=[\w.,!?])''(?=[\s.,;:!?)]|$)")
_STRAIGHT_OPEN = re.compile(r"(?<=[\s(])''(?=\w)")


def _fold_doubled_singles(text: str) -> str:
    """Two single marks typed for one double mark ("voters,\u2019\u2019 Will Moy said") read as that
    double mark and a thin space, so offsets stay the same."""
    if "\u2019\u2019" not in text and "\u2018\u2018" not in text and "''" not in text:
        return text
    text = text.replace("\u2019\u2019", "\u201d\u2009").replace("\u2018\u2018", "\u2009\u201c")
    # straight ones too, where they close a double quote left open on the line ('"... by car,'' said')
    # or open words (" ''We")
    if "''" not in text:
        return text
    text = _STRAIGHT_CLOSE.sub(lambda m: "\u201d\u2009" if _double_open_before(text, m.start()) else m.group(), text)
    return _STRAIGHT_OPEN.sub("\u2009\u201c", text)


def _double_open_before(text: str, at: int) -> bool:
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.count('"') % 2 == 1 or line.count("\u201c") > line.count("\u201d")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, without speakers."""
    text = _fold_doubled_singles(text)
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    nonempty = [(b, line) for b, line in lines if line.strip()]
    headline_end = nonempty[0][0] + len(nonempty[0][1]) if nonempty else 0
    spans: list[QuoteSpan] = []
    carried = False
    for index, (base, line) in enumerate(nonempty):
        reopens_next = index + 1 < len(nonempty) and _starts_with_quote(nonempty[index + 1][1])
        doubles, still_open = _pair_marks(
            line, base, _DOUBLE_MARKS, _DOUBLE_OPEN + "\u201c", _DOUBLE_CLOSE, False, reopens_next, [],
        )
        if carried and doubles and doubles[0].open_mark - base == len(line) - len(line.lstrip()):
            doubles[0].continues = True
        carried = still_open
        # Single quotes count only outside double quotes: inside, they are quotes within the quote.
        covered = [(s.open_mark - base, (s.close_mark if s.close_mark >= 0 else s.end) - base + 1) for s in doubles]
        singles, _ = _pair_marks(line, base, _SINGLE_MARKS, _SINGLE_OPEN, _SINGLE_CLOSE, True, False, covered)
        spans.extend(doubles)
        spans.extend(singles)
    spans.sort(key=lambda s: s.start)
    for span in spans:
        span.kind = _classify(text, span, headline_end)
    return spans


def find_quotes(text: str, article: str = "") -> list[Quote]:
    """Every quotation in ``text`` with its kind and, where the text says, its speaker."""
    from viewer.core.quotes.speakers import attribute

    spans = find_quote_spans(text)
    attributions = attribute(_fold_doubled_singles(text), spans)
    quotes = []
    for span, (speaker, by_verb) in zip(spans, attributions, strict=True):
        kind = span.kind
        if kind == "scare" and by_verb and _is_fragment(text, span):
            kind = "speech"  # 'warned that Russia could invade "any day"': a fragment of reported words
        quotes.append(Quote(article, span.start, span.end, text[span.start:span.end], kind, speaker))
    return quotes


def _is_nickname(text: str, span: QuoteSpan) -> bool:
    """'Jimmy "the Whirlwind" White': a short quote set between a first name and a surname."""
    if span.close_mark < 0 or len(_WORD.findall(text, span.start, span.end)) > 3:
        return False
    before = re.search(r"\b[A-Z][\w'\u2019-]+[ \t]+$", text[max(0, span.open_mark - 40):span.open_mark])
    after = re.match(r"[ \t]+[A-Z][\w'\u2019-]+", text[span.close_mark + 1:span.close_mark + 40])
    return bool(before and after)


def _is_fragment(text: str, span: QuoteSpan) -> bool:
    """A short quote that is words someone spoke rather than a title or a name."""
    body = text[span.start:span.end]
    words = _WORD.findall(body)
    # A single word stays a scare quote even when someone said it ("called it 'cowardly'").
    capitalised = [w for w in words if w[0].isupper()]
    title_case = len(capitalised) >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)
    # (nor a title in title case: 'said on CBS's "Face the Nation" that')
    return not _is_nickname(text, span) and len(words) >= 2 and not title_case
