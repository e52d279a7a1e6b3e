"""Two articles side by side: shared passages highlighted, linked by a band, scrolled together.

Alignment runs off the GUI thread (one worker, the latest request wins) and is
cached per pair and settings, so going back to a pair is immediate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QPoint, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.core.alignment.align import Alignment, AlignSettings, Passage, align_texts
from viewer.core.alignment.word_diff import DiffSummary, passage_diff, summarize
from viewer.core.loading.articles import Article
from viewer.core.structures.lru import LruCache
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.policy import in_child_process
from viewer.ui.background import LatestRunner
from viewer.ui.pair.article_pane import ArticlePane, Highlight
from viewer.ui.pair.link_band import BandLink, LinkBand
from viewer.ui.pair.pair_marks import diff_all, diff_highlights, mirror
from viewer.ui.pair.pair_side import PaneSide
from viewer.ui.pair.passage_colors import emphasised, is_dark, passage_color, text_on
from viewer.ui.pair.scroll_sync import ScrollSync, SyncSpan

# Word differences are marked only inside passages shorter than this (diffing a
# whole book chapter would hold the GUI thread).
MAX_DIFF_CHARS = 60_000
NO_FILL = QColor(0, 0, 0, 0)
# Changed words in the comparison views (quote fidelity, collation), and their colour in lists.
DIFF_TEXT = QColor("#a40000")
# Below this many characters (both texts) the worker diffs every passage along with the
# alignment, for the verbatim / edited / moved shares of the passage list.
SUMMARY_CHARS = 300_000


def difference_highlight(start: int, end: int) -> Highlight:
    """How changed words are marked in the views that compare versions of a text (the pair
    view's own marks, with dropped, added and moved words apart, are in ``pair_marks``)."""
    return Highlight(start, end, NO_FILL, underline=True, foreground=DIFF_TEXT)


# Documents longer than this get their highlights once Qt has laid them out in the
# background: highlighting first would force the whole layout at once (0.3 s a book).
LAZY_LAYOUT_CHARS = 200_000


# Recently shown pairs keep their alignment, and passages their word differences, so going
# back and forth is instant; older ones are dropped, so memory stays bounded.
ALIGNMENTS_KEPT = 64
DIFFS_KEPT = 512


@dataclass(frozen=True)
class PairKey:
    a_path: str
    a_sha: str
    b_path: str
    b_sha: str
    settings: AlignSettings


class PairView(QWidget):
    """The side-by-side comparison of two articles."""

    alignmentStarted = Signal()
    alignmentReady = Signal()  # the passages on screen belong to the current pair
    alignmentFailed = Signal(str)
    currentChanged = Signal(int)  # selected passage index, -1 for none
    statusChanged = Signal(str)
    pairChanged = Signal(object, object)  # articles A and B

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.side_a = PaneSide("A", strip_on_left=True)
        self.side_b = PaneSide("B", strip_on_left=False)
        self.pane_a, self.pane_b = self.side_a.pane, self.side_b.pane
        self.band = LinkBand()
        self.band.setObjectName("linkBand")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("pairSplitter")
        self.splitter.setChildrenCollapsible(False)
        band_holder = QWidget()
        band_layout = QVBoxLayout(band_holder)
        band_layout.setContentsMargins(0, 0, 0, 0)
        band_layout.addWidget(self.band)
        self.splitter.addWidget(self.side_a)
        self.splitter.addWidget(band_holder)
        self.splitter.addWidget(self.side_b)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        band_holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        band_holder.setFixedWidth(72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.a: Article | None = None
        self.b: Article | None = None
        self.settings = AlignSettings()
        self.alignment: Alignment | None = None
        self.current = -1
        self.hovered = -1
        self.linked_scrolling = True
        self.reuse: dict[int, list[str]] = {}  # passage index -> other articles carrying it
        self._cache: LruCache[PairKey, Alignment] = LruCache(ALIGNMENTS_KEPT)
        # (a, b, settings) -> an alignment computed before (an opened corpus index), or None to align.
        self.stored_alignment: Callable[[Article, Article, AlignSettings], Alignment | None] | None = None
        self._diff_cache: LruCache[tuple[PairKey, int], list] = LruCache(DIFFS_KEPT)
        # Verbatim / edited / moved words of each passage, per pair (None: too long to diff).
        self._summaries: LruCache[PairKey, list[DiffSummary | None]] = LruCache(ALIGNMENTS_KEPT)
        # Colour of each passage: its index, except after a swap, which keeps the colours.
        self.colour_ids: list[int] = []
        self._carry: tuple[list[int], int] | None = None  # colours and selection across a swap
        self._pending_reveal: tuple | None = None  # a quote to bring into view once aligned
        self._carry_select = -1  # the passage to select once a swapped pair is shown
        self._geometry: list[tuple[float, float, float, float]] | None = None
        self._syncing = False
        self._runner = LatestRunner(self)
        self._runner.finished.connect(self._on_aligned)
        self._runner.failed.connect(self._on_failed)
        self._flash_index = -1
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(900)
        self._flash.setStartValue(220)
        self._flash.setEndValue(0)
        self._flash.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._flash.valueChanged.connect(self._apply_overlays)
        self._flash.finished.connect(self._apply_overlays)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(30)
        self._relayout.timeout.connect(self._layout_changed)
        self._layout_wait = QTimer(self)
        self._layout_wait.setInterval(50)
        self._layout_wait.timeout.connect(self._await_layout)

        for pane, strip in ((self.pane_a, self.side_a.strip), (self.pane_b, self.side_b.strip)):
            pane.scrolled.connect(lambda p=pane: self._on_scrolled(p))
            pane.positionClicked.connect(lambda cp, p=pane: self._on_pane_clicked(p, cp))
            pane.positionHovered.connect(lambda cp, p=pane: self._on_pane_hovered(p, cp))
            pane.installEventFilter(self)
            strip.scrollRequested.connect(lambda share, p=pane: self._scroll_to_share(p, share))
        for painter in (self.band, self.side_a.strip, self.side_b.strip):
            painter.colour_of = self.colour_of
        self.band.linkClicked.connect(self.select_passage)
        self.band.linkHovered.connect(self._set_hovered)

    # -- public API ------------------------------------------------------
    @property
    def passages(self) -> list[Passage]:
        return self.alignment.passages if self.alignment else []

    @property
    def busy(self) -> bool:
        return self._runner.busy or self._layout_wait.isActive()

    def set_pair(self, a: Article | None, b: Article | None) -> None:
        self.a, self.b = a, b
        self.side_a.show_details(a)
        self.side_b.show_details(b)
        self.pane_a.set_article(a)
        self.pane_b.set_article(b)
        self.alignment = None
        self.current = -1
        self.hovered = -1
        self._geometry = None
        self._pending_reveal = None  # a quote of the previous pair
        self.pairChanged.emit(a, b)
        self._refresh_decorations()
        self._realign()

    def set_settings(self, settings: AlignSettings) -> None:
        if settings != self.settings:
            self.settings = settings
            self._realign()

    def set_linked_scrolling(self, on: bool) -> None:
        self.linked_scrolling = on
        if on:
            self._sync_from(self.pane_a)

    def next_passage(self) -> bool:
        return self._step(+1)

    def previous_passage(self) -> bool:
        return self._step(-1)

    def select_passage(self, index: int, reveal: str = "both") -> None:
        """Select a passage; ``reveal`` scrolls 'both' panes, 'a', 'b' (the counterpart only) or 'none'."""
        if not 0 <= index < len(self.passages):
            return
        self.current = index
        passage = self.passages[index]
        self._syncing = True
        try:
            short = self._short(passage)
            if reveal in ("both", "a"):
                self.pane_a.center_on((passage.a_start + passage.a_end) // 2 if short else passage.a_start)
            if reveal in ("both", "b"):
                self.pane_b.center_on((passage.b_start + passage.b_end) // 2 if short else passage.b_start)
        finally:
            self._syncing = False
        self._flash_index = index
        self._flash.stop()
        self._flash.start()
        self._refresh_decorations()
        self.currentChanged.emit(index)
        self._emit_status()

    def reveal_ranges(self, a_range: tuple[int, int] | None, b_range: tuple[int, int] | None) -> None:
        """Mark a stretch in each pane (a chosen quote) and bring both panes to it.

        A pane without a stretch of its own follows the other (linked scrolling), once
        the pair is aligned if it is not yet.
        """
        frame = self.palette().color(self.palette().ColorRole.Text)
        self._syncing = True
        try:
            for pane, span in ((self.pane_a, a_range), (self.pane_b, b_range)):
                if span is None:
                    pane.set_layer("quote", [])
                    continue
                pane.set_layer("quote", [Highlight(span[0], span[1], NO_FILL, frame=frame, frame_style="dash")])
                pane.center_on(span[0])
        finally:
            self._syncing = False
        if (a_range is None) != (b_range is None) and self.linked_scrolling:
            self._sync_from(self.pane_a if a_range is not None else self.pane_b)
        self._pending_reveal = (a_range, b_range) if self.alignment is None else None
        self._update_handles()
        self._update_band()

    def swap(self) -> None:
        """Swap the two panes, keeping each passage's colour and the selected passage."""
        a, b, alignment, current = self.a, self.b, self.alignment, self.current
        if alignment is not None and a is not None and b is not None:
            mirrored, order = mirror(alignment)
            key = PairKey(b.path, b.sha256, a.path, a.sha256, self.settings)
            self._cache[key] = mirrored
            summaries = self._summaries.get(self._key(a, b))
            if summaries is not None:
                self._summaries[key] = [summaries[i] for i in order]
            colours = self.colour_ids or list(range(len(order)))
            self._carry = ([colours[i] for i in order], order.index(current) if current >= 0 else -1)
        self.set_pair(b, a)

    def colour_of(self, index: int) -> int:
        """The colour number of passage ``index`` (see :func:`passage_color`)."""
        return self.colour_ids[index] if 0 <= index < len(self.colour_ids) else index

    def summary(self, index: int) -> DiffSummary | None:
        """Verbatim, edited and moved words of a passage, when known."""
        if self.a is None or self.b is None or not 0 <= index < len(self.passages):
            return None
        summaries = self._summaries.get(self._key(self.a, self.b))
        if summaries is not None and index < len(summaries) and summaries[index] is not None:
            return summaries[index]
        spans = self.current_diff() if index == self.current else []
        return summarize(self.a.text, self.b.text, spans) if spans else None

    def summaries(self) -> list[DiffSummary | None]:
        return [self.summary(i) for i in range(len(self.passages))]

    def stop_flash(self) -> None:
        self._flash.stop()
        self._apply_overlays()

    def passage_at(self, side: str, cp: int) -> int:
        for index, p in enumerate(self.passages):
            start, end = (p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end)
            if start <= cp < end:
                return index
        return -1

    def status_text(self) -> str:
        if self.a is None or self.b is None:
            return "Choose two articles to compare"
        if self.alignment is None:
            return "Aligning\u2026"
        count = len(self.passages)
        shared = f"{self.alignment.similarity:.0%} shared"
        if count == 0:
            return f"No shared passages - {shared}"
        if self.current < 0:
            return f"{count} passage{'s' if count != 1 else ''} - {shared}"
        summary = self.summary(self.current)
        words = f" ({summary.describe()})" if summary is not None else ""
        return f"Passage {self.current + 1} of {count}{words} - {shared}"

    # -- alignment -------------------------------------------------------
    def _key(self, a: Article, b: Article) -> PairKey:
        return PairKey(a.path, a.sha256, b.path, b.sha256, self.settings)

    def _realign(self) -> None:
        if self.a is None or self.b is None:
            self._runner.cancel()
            self._emit_status()
            return
        key = self._key(self.a, self.b)
        if key not in self._cache and self.stored_alignment is not None:
            stored = self.stored_alignment(self.a, self.b, self.settings)
            if stored is not None:
                self._cache[key] = stored
        if key in self._cache:
            self._runner.cancel()
            self._show_alignment(self._cache[key])
            return
        a_text, b_text, settings = self.a.text, self.b.text, self.settings
        self.alignment = None
        self._emit_status()
        self.alignmentStarted.emit()
        if in_child_process("align", len(a_text) + len(b_text)):
            def job(state):
                return run_in_child("viewer.core.alignment.align:align_job", [a_text, b_text], state,
                                    extra=settings), None
        else:
            def job(state):
                alignment = align_texts(a_text, b_text, settings, cancelled=state.cancelled)
                return alignment, diff_all(a_text, b_text, alignment, state.cancelled, SUMMARY_CHARS, MAX_DIFF_CHARS)
        self._runner.submit(key, job)

    def _on_aligned(self, key: PairKey, result) -> None:
        alignment, diffs = result
        self._cache[key] = alignment
        if diffs is not None:
            self._summaries[key] = [found[1] if found else None for found in diffs]
            for index, found in enumerate(diffs):
                if found is not None:
                    self._diff_cache[(key, index)] = found[0]
        if self.a is not None and self.b is not None and key == self._key(self.a, self.b):
            self._show_alignment(alignment)

    def _on_failed(self, _key: PairKey, message: str) -> None:
        self.statusChanged.emit(f"Alignment failed: {message}")
        self.alignmentFailed.emit(message)

    def _show_alignment(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.current = -1
        carry, self._carry = self._carry, None
        self.colour_ids = carry[0] if carry and len(carry[0]) == len(alignment.passages) else list(
            range(len(alignment.passages)))
        self._carry_select = carry[1] if carry else -1
        self._geometry = None
        if not (self.pane_a.laid_out(LAZY_LAYOUT_CHARS) and self.pane_b.laid_out(LAZY_LAYOUT_CHARS)):
            # A book not yet laid out: Qt lays it out in idle time; highlight after that.
            self._layout_wait.start()
            self.statusChanged.emit("Laying out the text\u2026")
            return
        self._finish_alignment()

    def _await_layout(self) -> None:
        if self.alignment is None:
            self._layout_wait.stop()
        elif self.pane_a.laid_out(LAZY_LAYOUT_CHARS) and self.pane_b.laid_out(LAZY_LAYOUT_CHARS):
            self._layout_wait.stop()
            self._finish_alignment()

    def _finish_alignment(self) -> None:
        self._refresh_decorations()
        self._emit_status()
        self.alignmentReady.emit()
        select, self._carry_select = self._carry_select, -1
        if select >= 0:
            self.select_passage(select)
        if self._pending_reveal is not None:
            self.reveal_ranges(*self._pending_reveal)

    def _short(self, passage: Passage) -> bool:
        return passage.a_end - passage.a_start < 1500

    # -- decorations -----------------------------------------------------
    def _refresh_decorations(self) -> None:
        base_a, base_b = [], []
        for index, p in enumerate(self.passages):
            color = self.fill_of(index)
            base_a.append(Highlight(p.a_start, p.a_end, color, foreground=text_on(color)))
            base_b.append(Highlight(p.b_start, p.b_end, color, foreground=text_on(color)))
        self.pane_a.set_highlights(base_a)
        self.pane_b.set_highlights(base_b)
        self._apply_overlays()
        self._update_strips()
        self._update_band()

    def current_diff(self):
        """Word differences of the selected passage (cached), or [] when none or too long."""
        if self.current < 0 or self.a is None or self.b is None:
            return []
        passage = self.passages[self.current]
        if max(passage.a_end - passage.a_start, passage.b_end - passage.b_start) > MAX_DIFF_CHARS:
            return []
        key = (self._key(self.a, self.b), self.current)
        if key not in self._diff_cache:
            self._diff_cache[key] = passage_diff(self.a.text, self.b.text, passage)
        return self._diff_cache[key]

    def fill_of(self, index: int, selected: bool = False, hovered: bool = False) -> QColor:
        """The background of passage ``index`` as drawn (lighter when it is not verbatim)."""
        dark = is_dark(self.palette())
        exact = self.passages[index].score >= 0.999 if 0 <= index < len(self.passages) else True
        color = passage_color(self.colour_of(index), alpha=255, light=not exact, dark=dark)
        if selected or hovered:
            color = emphasised(color, dark, selected)
        return color

    def _apply_overlays(self, *_args) -> None:
        over_a: list[Highlight] = []
        over_b: list[Highlight] = []
        for index in (self.hovered, self.current):
            if 0 <= index < len(self.passages) and index != -1:
                p = self.passages[index]
                color = self.fill_of(index, selected=index == self.current, hovered=True)
                over_a.append(Highlight(p.a_start, p.a_end, color, foreground=text_on(color)))
                over_b.append(Highlight(p.b_start, p.b_end, color, foreground=text_on(color)))
        frame = text_on(self.fill_of(self.current, selected=True)) if self.current >= 0 else NO_FILL
        marks_a, marks_b = diff_highlights(self.current_diff(), self.a.text if self.a else "",
                                           self.b.text if self.b else "", frame, frame)
        over_a += marks_a
        over_b += marks_b
        alpha = self._flash.currentValue() if self._flash.state() == QVariantAnimation.State.Running else 0
        if alpha and 0 <= self._flash_index < len(self.passages):
            p = self.passages[self._flash_index]
            flash = QColor(255, 230, 80, int(alpha))
            over_a.append(Highlight(p.a_start, p.a_end, flash))
            over_b.append(Highlight(p.b_start, p.b_end, flash))
        self.pane_a.set_overlay(over_a)
        self.pane_b.set_overlay(over_b)

    def _passage_geometry(self) -> list[tuple[float, float, float, float]]:
        """Each passage's (a_top, a_bottom, b_top, b_bottom) in document pixels."""
        if self._geometry is None:
            geometry = []
            scroll_a = self.pane_a.verticalScrollBar().value()
            scroll_b = self.pane_b.verticalScrollBar().value()
            for p in self.passages:
                a_top, a_bottom = self.pane_a.y_range(p.a_start, p.a_end)
                b_top, b_bottom = self.pane_b.y_range(p.b_start, p.b_end)
                geometry.append((a_top + scroll_a, a_bottom + scroll_a, b_top + scroll_b, b_bottom + scroll_b))
            self._geometry = geometry
        return self._geometry

    def _document_height(self, pane: ArticlePane) -> float:
        bar = pane.verticalScrollBar()
        return float(bar.maximum() + bar.pageStep()) or float(pane.viewport().height())

    def _update_strips(self) -> None:
        geometry = self._passage_geometry()
        height_a = max(self._document_height(self.pane_a), 1.0)
        height_b = max(self._document_height(self.pane_b), 1.0)
        self.side_a.strip.set_marks([(i, g[0] / height_a, g[1] / height_a) for i, g in enumerate(geometry)])
        self.side_b.strip.set_marks([(i, g[2] / height_b, g[3] / height_b) for i, g in enumerate(geometry)])
        self.side_a.strip.set_selected(self.current)
        self.side_b.strip.set_selected(self.current)
        self._update_handles()

    def _update_handles(self) -> None:
        for pane, strip in ((self.pane_a, self.side_a.strip), (self.pane_b, self.side_b.strip)):
            height = max(self._document_height(pane), 1.0)
            top = pane.verticalScrollBar().value()
            strip.set_view(top / height, (top + pane.viewport().height()) / height)

    def _update_band(self) -> None:
        geometry = self._passage_geometry()
        scroll_a = self.pane_a.verticalScrollBar().value()
        scroll_b = self.pane_b.verticalScrollBar().value()
        links = [
            BandLink(i, a0 - scroll_a, a1 - scroll_a, b0 - scroll_b, b1 - scroll_b)
            for i, (a0, a1, b0, b1) in enumerate(geometry)
        ]
        origin = self.band.mapTo(self, QPoint(0, 0)).y()
        a_offset = self.pane_a.viewport().mapTo(self, QPoint(0, 0)).y() - origin
        b_offset = self.pane_b.viewport().mapTo(self, QPoint(0, 0)).y() - origin
        self.band.set_links(links, a_offset, self.pane_a.viewport().height(),
                            b_offset, self.pane_b.viewport().height())
        self.band.set_selected(self.current)
        self.band.set_hovered(self.hovered)

    def _layout_changed(self) -> None:
        self._geometry = None
        self._update_strips()
        self._update_band()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.Resize and watched in (self.pane_a, self.pane_b):
            self._relayout.start()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._refresh_decorations()  # the colours follow a light or dark palette

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._relayout.start()

    # -- scrolling -------------------------------------------------------
    def _sync_spans(self, source: ArticlePane) -> list[SyncSpan]:
        geometry = self._passage_geometry()
        if source is self.pane_a:
            return [SyncSpan(a0, a1, b0, b1) for a0, a1, b0, b1 in geometry]
        return [SyncSpan(b0, b1, a0, a1) for a0, a1, b0, b1 in geometry]

    def _on_scrolled(self, pane: ArticlePane) -> None:
        if self.linked_scrolling and not self._syncing:
            self._sync_from(pane)
        self._update_handles()
        self._update_band()

    def _sync_from(self, source: ArticlePane) -> None:
        target = self.pane_b if source is self.pane_a else self.pane_a
        if not self.passages:
            # Nothing to link: keep the same share of each document in view.
            share = source.verticalScrollBar().value() / max(source.verticalScrollBar().maximum(), 1)
            y = share * target.verticalScrollBar().maximum()
        else:
            sync = ScrollSync(self._sync_spans(source), self._document_height(source), self._document_height(target))
            middle = source.verticalScrollBar().value() + source.viewport().height() / 2
            y = sync.map(middle) - target.viewport().height() / 2
        self._syncing = True  # guard: the target's own scroll signal must not sync back
        try:
            target.scroll_to_document_y(y)
        finally:
            self._syncing = False

    def _scroll_to_share(self, pane: ArticlePane, share: float) -> None:
        y = share * self._document_height(pane) - pane.viewport().height() / 2
        pane.scroll_to_document_y(y)

    # -- navigation and mouse ------------------------------------------------
    def _step(self, direction: int) -> bool:
        count = len(self.passages)
        if count == 0:
            QApplication.beep()
            return False
        if self.current < 0:
            # Start from what is on screen: the first passage below the middle of pane A.
            middle = self.pane_a.verticalScrollBar().value() + self.pane_a.viewport().height() / 2
            tops = [g[0] for g in self._passage_geometry()]
            after = [i for i, top in enumerate(tops) if top >= middle - 1]
            index = (after[0] if after else count - 1) if direction > 0 else (
                max((i for i, top in enumerate(tops) if top < middle), default=0))
            if direction > 0 and not after:
                index = 0
        else:
            index = self.current + direction
        if not 0 <= index < count:
            QApplication.beep()
            self.statusChanged.emit("Last passage" if direction > 0 else "First passage")
            return False
        self.select_passage(index)
        return True

    def _on_pane_clicked(self, pane: ArticlePane, cp: int) -> None:
        index = self.passage_at("a" if pane is self.pane_a else "b", cp)
        if index >= 0:
            # Keep the clicked pane still; bring the counterpart into view.
            self.select_passage(index, reveal="b" if pane is self.pane_a else "a")

    def _on_pane_hovered(self, pane: ArticlePane, cp: int) -> None:
        self._set_hovered(self.passage_at("a" if pane is self.pane_a else "b", cp) if cp >= 0 else -1)

    def _set_hovered(self, index: int) -> None:
        if index != self.hovered:
            self.hovered = index
            self.band.set_hovered(index)
            self._apply_overlays()

    def _emit_status(self) -> None:
        self.statusChanged.emit(self.status_text())
