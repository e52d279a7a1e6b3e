"""The evidence report of one pair: who the two articles are, and every piece of text they share.

Contents, in order: the two articles' titles, outlets, dates and addresses; the
similarity and each side's share inside shared passages; which was published first;
every shared passage side by side with the words that differ marked (struck through on
A's side, underlined on B's); the quotations both articles carry, with their speakers
and how the wording differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from viewer import __version__
from viewer.core.alignment.align import align_texts
from viewer.core.alignment.model import DEFAULT_SETTINGS, Alignment, AlignSettings
from viewer.core.alignment.word_diff import passage_diff
from viewer.core.corpus.provenance import compare_published
from viewer.core.loading.articles import Article
from viewer.core.reports.html import escape, facts_table, marked, page, percent, side_by_side
from viewer.core.reports.shared_quotes import QuoteComparison, shared_quotes
from viewer.core.text.spans import covered_chars


@dataclass
class PairReport:
    a: Article
    b: Article
    alignment: Alignment
    settings: AlignSettings = DEFAULT_SETTINGS
    quotes: list[QuoteComparison] = field(default_factory=list)
    generated: str = ""


def build_pair_report(
    a: Article,
    b: Article,
    settings: AlignSettings = DEFAULT_SETTINGS,
    alignment: Alignment | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PairReport:
    """Everything the report shows; ``alignment`` when the caller has it already (the window)."""
    if alignment is None:
        alignment = align_texts(a.text, b.text, settings, cancelled)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return PairReport(a, b, alignment, settings, shared_quotes(a, b), generated)


def _address(article: Article) -> str:
    url = article.url
    if url:
        return f'<a href="{escape(url)}">{escape(url)}</a>'
    return escape(article.path)


def _has_word(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _column_title(side: str, article: Article) -> str:
    return f"{side} ({escape(article.outlet)})" if article.outlet else side


def _length(article: Article) -> str:
    return f"{len(article.text):,} characters, {article.words:,} words"


def _order_sentence(a: Article, b: Article) -> str:
    order = compare_published(a.published or a.date, b.published or b.date)
    if order is None:
        missing = " and ".join(side for side, art in (("A", a), ("B", b)) if not (art.published or art.date))
        return (f"{missing} carr{'y' if ' and ' in missing else 'ies'} no publication date: "
                "the report does not say which article came first.")
    if order == 0:
        return "Both articles carry the same publication date: the report does not say which came first."
    first, second = ("A", "B") if order < 0 else ("B", "A")
    return (f"{first} was published before {second}: text they share may have been taken from {first}, "
            f"or both may share a common source.")


def _coverage(report: PairReport) -> tuple[float, float]:
    passages = report.alignment.passages
    a_chars, b_chars = len(report.a.text), len(report.b.text)
    a_in = covered_chars([(p.a_start, p.a_end) for p in passages]) / a_chars if a_chars else 0.0
    b_in = covered_chars([(p.b_start, p.b_end) for p in passages]) / b_chars if b_chars else 0.0
    return a_in, b_in


def pair_report_html(report: PairReport) -> str:
    a, b = report.a, report.b
    a_in, b_in = _coverage(report)
    passages = report.alignment.passages
    s = report.settings
    body = [
        "<h1>Evidence report: text shared by two articles</h1>",
        f'<p class="meta">Generated {escape(report.generated)} by Article Viewer {escape(__version__)}. '
        f"Passages: at least {s.min_words} matching words, up to {s.max_gap} differing words between matches, "
        f"at least {percent(s.min_match)} of words matching{', synonyms counted as equal' if s.synonyms else ''}. "
        "Character offsets count Unicode code points from 0.</p>",
        "<h2>The articles</h2>",
        facts_table([
            ("Title", escape(a.title), escape(b.title)),
            ("Outlet", escape(a.outlet or "unknown"), escape(b.outlet or "unknown")),
            ("Published", escape(a.published or a.date or "no date found"),
             escape(b.published or b.date or "no date found")),
            ("Address", _address(a), _address(b)),
            ("Length", _length(a), _length(b)),
            ("Inside shared passages", percent(a_in), percent(b_in)),
        ], header=("", "A", "B")),
        f"<p>Similarity <b>{percent(report.alignment.similarity)}</b> "
        "(the share of the two texts' characters inside shared passages), "
        f"in {len(passages)} shared passage{'s' if len(passages) != 1 else ''}. {escape(_order_sentence(a, b))}</p>",
        "<h2>Shared passages</h2>",
    ]
    if passages:
        body.append('<p class="meta">Words that differ: <span class="del">only in A</span>, '
                    '<span class="ins">only in B</span>. Passages are listed in A\'s order; '
                    "B may carry them in another order.</p>")
    else:
        body.append("<p>The two articles share no passage.</p>")
    for number, passage in enumerate(passages, start=1):
        spans = passage_diff(a.text, b.text, passage)
        # Words only: a comma or a space that differs is not worth a mark.
        a_marks = [(x.a_start, x.a_end) for x in spans if x.op == "delete" and _has_word(a.text, x.a_start, x.a_end)]
        b_marks = [(x.b_start, x.b_end) for x in spans if x.op == "insert" and _has_word(b.text, x.b_start, x.b_end)]
        body.append(f"<h3>Passage {number} of {len(passages)}</h3>")
        body.append(f'<p class="meta">A characters {passage.a_start:,}\u2013{passage.a_end:,}, '
                    f"B characters {passage.b_start:,}\u2013{passage.b_end:,}; "
                    f"{percent(passage.score)} of the words match.</p>")
        body.append(side_by_side(
            _column_title("A", a), _column_title("B", b),
            [(marked(a.text, passage.a_start, passage.a_end, a_marks, "del"),
              marked(b.text, passage.b_start, passage.b_end, b_marks, "ins"))],
            row_ids=[f"passage-{number}"],
        ))
    body.append("<h2>Shared quotations</h2>")
    body.extend(_quotes_section(report))
    return page(f"Evidence report: {a.title} / {b.title}", body)


def _quotes_section(report: PairReport) -> Sequence[str]:
    if not report.quotes:
        return ["<p>The two articles share no quotation.</p>"]
    parts = [f'<p class="meta">{len(report.quotes)} quotation(s) appear in both articles. '
             "Each is compared with its reference version (the earliest published; the longer when no "
             'date orders them): <span class="del">words of the reference changed or dropped</span>, '
             '<span class="ins">words the other version changed or added</span>. '
             "Case, punctuation and quotation marks are not differences; a shorter extract is not an "
             "alteration.</p>"]
    for number, item in enumerate(report.quotes, start=1):
        speaker = escape(item.speaker) if item.speaker else "speaker not named in the text"
        parts.append(f"<h3>Quotation {number}: {speaker}</h3>")
        cells = []
        for side, quote, text in (("A", item.a, report.a.text), ("B", item.b, report.b.text)):
            css = "del" if side == item.reference_side else "ins"
            marks = item.a_marks if side == "A" else item.b_marks
            cells.append("\u201c" + marked(text, quote.start, quote.end, marks, css) + "\u201d")
        parts.append(side_by_side(
            _quote_title("A", item.a, item.reference_side), _quote_title("B", item.b, item.reference_side),
            [(cells[0], cells[1])], row_ids=[f"quote-{number}"],
        ))
        parts.append(f'<p class="{"altered" if item.altered else "same"}">{escape(item.verdict)}</p>')
    return parts


def _quote_title(side: str, quote, reference_side: str | None) -> str:
    said = f", said by {escape(quote.speaker)}" if quote.speaker else ""
    role = " \u2014 reference" if side == reference_side else ""
    return f"{side}, characters {quote.start:,}\u2013{quote.end:,}{said}{role}"
