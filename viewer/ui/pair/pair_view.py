"""Two articles side by side: shared passages highlighted, linked by a band, scrolled together.

Alignment runs off the GUI thread (one worker, the latest request wins) and is
cached per pair and settings, so going back to a pair is immediate.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QPoint, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.core.alignment.align import Alignment, AlignSettings, Passage, align_texts
from viewer.core.alignment.word_diff import passage_diff
from viewer.core.loading.articles import Article
from viewer.core.structures.lru import LruCache
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.policy import in_child_process
from viewer.ui.background import LatestRunner
from viewer.ui.pair.article_pane import ArticlePane, Highlight
from viewer.ui.pair.link_band import BandLink, LinkBand
from viewer.ui.pair.overview_strip import OverviewStrip
from viewer.ui.pair.passage_colors import passage_color
from viewer.ui.pair.scroll_sync import ScrollSync, SyncSpan

# Word differences are marked only inside passages shorter than this (diffing a
# whole book chapter would hold the GUI thread).
MAX_DIFF_CHARS = 60_000
# Words that differ inside the selected passage: red text, wavy underline, and no fill
# of their own, so the passage keeps its colour.
NO_FILL = QColor(0, 0, 0, 0)
DIFF_TEXT = QColor("#a40000")
QUOTE_COLOR = QColor(255, 200, 40, 170)


def difference_highlight(start: int, end: int) -> Highlight:
    """How changed words are marked: here, and in every view that compares versions of a text."""
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


class _Side(QWidget):
    """Header (article chooser and details) above an overview strip and a pane."""

    def __init__(self, name: str, strip_on_left: bool, parent=None) -> None:
        super().__init__(parent)
        self.chooser = QComboBox()
        self.chooser.setObjectName(f"chooser{name}")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(20)
        self.chooser.setToolTip(f"The article shown in pane {name}")
        self.details = QLabel()
        self.details.setObjectName(f"details{name}")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setStyleSheet("color: palette(mid);")
        # A long file name must not widen the window: the label is cut instead.
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pane = ArticlePane()
        self.pane.setObjectName(f"pane{name}")
        self.strip = OverviewStrip()
        self.strip.setObjectName(f"strip{name}")
        header = QHBoxLayout()
        label = QLabel(f"<b>{name}</b>")
        header.addWidget(label)
        header.addWidget(self.chooser, 1)
        body = QHBoxLayout()
        body.setSpacing(0)
        if strip_on_left:
            body.addWidget(self.strip)
            body.addWidget(self.pane, 1)
        else:
            body.addWidget(self.pane, 1)
            body.addWidget(self.strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.details)
        layout.addLayout(body, 1)

    def show_details(self, article: Article | None) -> None:
        if article is None:
            self.details.setText("")
            return
        when = f"{article.date} {article.time}" if article.date and article.time else article.date
        parts = [article.outlet, ", ".join(article.authors), when, f"{article.words:,} words", article.name,
                 article.note]
        self.details.setText(" \u00b7 ".join(p for p in parts if p))
        self.details.setToolTip("\n".join(p for p in (article.path, article.url) if p))


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
        self.side_a = _Side("A", strip_on_left=True)
        self.side_b = _Side("B", strip_on_left=False)
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
        self._diff_cache: LruCache[tuple[PairKey, int], list] = LruCache(DIFFS_KEPT)
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

    def reveal_ranges(self, a_range: tuple[int, int] | None, b_range: tuple[int, int] | None,
                      color: QColor = QUOTE_COLOR) -> None:
        """Mark a stretch in each pane (a chosen quote) and bring both into view."""
        self._syncing = True
        try:
            for pane, span in ((self.pane_a, a_range), (self.pane_b, b_range)):
                if span is None:
                    pane.set_layer("quote", [])
                    continue
                pane.set_layer("quote", [Highlight(span[0], span[1], color, underline=True)])
                pane.center_on(span[0])
        finally:
            self._syncing = False
        self._update_handles()
        self._update_band()

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
        return f"Passage {self.current + 1} of {count} - {shared}"

    # -- alignment -------------------------------------------------------
    def _key(self, a: Article, b: Article) -> PairKey:
        return PairKey(a.path, a.sha256, b.path, b.sha256, self.settings)

    def _realign(self) -> None:
        if self.a is None or self.b is None:
            self._runner.cancel()
            self._emit_status()
            return
        key = self._key(self.a, self.b)
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
                return run_in_child("viewer.core.alignment.align:align_job", [a_text, b_text], state, extra=settings)
        else:
            def job(state):
                return align_texts(a_text, b_text, settings, cancelled=state.cancelled)
        self._runner.submit(key, job)

    def _on_aligned(self, key: PairKey, alignment: Alignment) -> None:
        self._cache[key] = alignment
        if self.a is not None and self.b is not None and key == self._key(self.a, self.b):
            self._show_alignment(alignment)

    def _on_failed(self, _key: PairKey, message: str) -> None:
        self.statusChanged.emit(f"Alignment failed: {message}")
        self.alignmentFailed.emit(message)

    def _show_alignment(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.current = -1
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

    def _short(self, passage: Passage) -> bool:
        return passage.a_end - passage.a_start < 1500

    # -- decorations -----------------------------------------------------
    def _refresh_decorations(self) -> None:
        base_a, base_b = [], []
        for index, p in enumerate(self.passages):
            exact = p.score >= 0.999
            color = passage_color(index, alpha=255, light=not exact)
            base_a.append(Highlight(p.a_start, p.a_end, color))
            base_b.append(Highlight(p.b_start, p.b_end, color))
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

    def _apply_overlays(self, *_args) -> None:
        over_a: list[Highlight] = []
        over_b: list[Highlight] = []
        for index in (self.hovered, self.current):
            if 0 <= index < len(self.passages) and index != -1:
                p = self.passages[index]
                color = passage_color(index, alpha=255).darker(112 if index == self.current else 106)
                over_a.append(Highlight(p.a_start, p.a_end, color))
                over_b.append(Highlight(p.b_start, p.b_end, color))
        for span in self.current_diff():
            if span.op == "delete" and span.a_end > span.a_start:
                over_a.append(difference_highlight(span.a_start, span.a_end))
            elif span.op == "insert" and span.b_end > span.b_start:
                over_b.append(difference_highlight(span.b_start, span.b_end))
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
