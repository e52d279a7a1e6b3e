"""What the pair view draws for a passage's word differences, and a pair's mirror image.

Qt-light helpers of :mod:`viewer.ui.pair_view`: the diff of every passage computed along
with the alignment (in the worker), the highlights of the selected passage's dropped,
added and moved words, and the alignment of the swapped pair.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.core.alignment.model import Alignment, Passage
from viewer.core.alignment.word_diff import DiffSpan, DiffSummary, passage_diff, summarize
from viewer.core.errors import Cancelled
from viewer.ui.pair.article_pane import Highlight
from viewer.ui.pair.passage_colors import DIFF_FILL, DIFF_FRAME, DIFF_TEXT

NO_FILL = QColor(0, 0, 0, 0)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch without its leading and trailing spaces and punctuation (no empty boxes)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def diff_all(
    a: str, b: str, alignment: Alignment, cancelled, max_pair_chars: int, max_passage_chars: int
) -> list[tuple[list[DiffSpan], DiffSummary] | None] | None:
    """Each passage's word diff and summary (None for passages too long), or None for a long pair."""
    if len(a) + len(b) >= max_pair_chars:
        return None
    found: list[tuple[list[DiffSpan], DiffSummary] | None] = []
    for passage in alignment.passages:
        if cancelled():
            raise Cancelled
        if max(passage.a_end - passage.a_start, passage.b_end - passage.b_start) > max_passage_chars:
            found.append(None)
            continue
        spans = passage_diff(a, b, passage)
        found.append((spans, summarize(a, b, spans)))
    return found


def diff_highlights(
    spans: list[DiffSpan], a: str, b: str, moved_frame_a: QColor, moved_frame_b: QColor
) -> tuple[list[Highlight], list[Highlight]]:
    """Marks of dropped (A), added (B) and moved (both) words, one fixed style each.

    Moved words keep the passage's fill and text colour, in a dotted frame of the text's
    colour (``moved_frame_a`` / ``_b``), so they never read as changed.
    """
    marks_a: list[Highlight] = []
    marks_b: list[Highlight] = []
    for span in spans:
        if span.op in ("delete", "moved_a"):
            start, end = trimmed(a, span.a_start, span.a_end)
            target, frame = marks_a, moved_frame_a
        elif span.op in ("insert", "moved_b"):
            start, end = trimmed(b, span.b_start, span.b_end)
            target, frame = marks_b, moved_frame_b
        else:
            continue
        if end <= start:
            continue
        if span.op.startswith("moved"):
            target.append(Highlight(start, end, NO_FILL, frame=frame, frame_style="dot"))
        else:
            target.append(Highlight(start, end, DIFF_FILL, foreground=DIFF_TEXT, frame=DIFF_FRAME,
                                    strike=span.op == "delete", line="single" if span.op == "insert" else "",
                                    line_color=DIFF_TEXT))
    return marks_a, marks_b


def mirror(alignment: Alignment) -> tuple[Alignment, list[int]]:
    """The alignment of the swapped pair, sorted by its new A, and the old index of each passage."""
    mirrored = [Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.score) for p in alignment.passages]
    order = sorted(range(len(mirrored)), key=lambda i: (mirrored[i].a_start, mirrored[i].a_end))
    return Alignment([mirrored[i] for i in order], alignment.similarity), order
