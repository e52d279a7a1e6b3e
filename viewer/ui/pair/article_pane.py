"""One read-only article pane: formatted text, highlights, positions in code points."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextEdit

from viewer.core.loading.articles import Article
from viewer.ui.pair.passage_colors import TAG_BAR_PX
from viewer.ui.pair.text_offsets import OffsetMap


@dataclass(frozen=True)
class Highlight:
    start: int  # code points
    end: int
    background: QColor
    underline: bool = False  # a red wavy underline
    bold: bool = False
    foreground: QColor | None = None
    strike: bool = False
    line: str = ""  # "", "single" or "dot": an underline in ``line_color``
    line_color: QColor | None = None
    frame: QColor | None = None  # painted box around the text
    frame_style: str = "solid"  # "solid", "dash" (a chosen quote) or "dot" (moved words)
    bar: QColor | None = None  # painted thick bar under the text (a tag), edged in ``edge``
    edge: QColor | None = None


def char_format(item: Highlight) -> QTextCharFormat:
    """The text format of a highlight (every view that marks text draws it this way)."""
    fmt = QTextCharFormat()
    if item.background.alpha() > 0:
        fmt.setBackground(item.background)
    if item.underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c01c28"))
    if item.bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if item.foreground is not None:
        fmt.setForeground(item.foreground)
    if item.strike:
        fmt.setFontStrikeOut(True)
    if item.line:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if item.line == "dot"
                              else QTextCharFormat.UnderlineStyle.SingleUnderline)
        if item.line_color is not None:
            fmt.setUnderlineColor(item.line_color)
    return fmt


def _style_format(style: str, base: QFont) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style in ("h1", "h2", "h3", "h4", "h5", "h6"):
        scale = {"h1": 1.6, "h2": 1.35, "h3": 1.2}.get(style, 1.05)
        fmt.setFontPointSize(base.pointSizeF() * scale)
        fmt.setFontWeight(QFont.Weight.Bold)
    elif style == "bold":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif style == "italic":
        fmt.setFontItalic(True)
    elif style == "link":
        fmt.setForeground(QPalette().color(QPalette.ColorRole.Link))
        fmt.setFontUnderline(True)
    elif style == "code":
        fmt.setFontFamilies(["DejaVu Sans Mono", "monospace"])
    elif style == "blockquote":
        fmt.setFontItalic(True)
    return fmt


class ArticlePane(QTextEdit):
    """Shows one article; everything it takes and gives is in code points."""

    positionClicked = Signal(int)  # code point under a click
    positionHovered = Signal(int)  # code point under the mouse, -1 when none
    scrolled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setMinimumWidth(170)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.article: Article | None = None
        self.offsets = OffsetMap("")
        # Highlight layers, drawn in this order (later ones on top).
        self._layers: dict[str, list[Highlight]] = {"passages": [], "overlay": [], "tags": [], "quote": [], "find": []}
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.scrolled.emit())

    # -- content -------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article = article
        text = article.text if article else ""
        self.offsets = OffsetMap(text)
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(14)
        document.setPlainText(text)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(2)
        cursor.mergeBlockFormat(block)
        if article is not None:
            for start, end, style in article.styles:
                cursor.setPosition(self.offsets.to_qt(start))
                cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(_style_format(style, self.font()))
        self.setDocument(document)
        for layer in self._layers.values():
            layer.clear()
        self.setExtraSelections([])

    def laid_out(self, threshold: int = 0) -> bool:
        """Qt has laid out the whole text (it does so in idle time), or the text is short."""
        if self.article is None or len(self.article.text) < threshold:
            return True
        return self.document().lastBlock().layout().lineCount() > 0

    # -- highlights ----------------------------------------------------
    def set_layer(self, name: str, highlights: list[Highlight]) -> None:
        self._layers[name] = list(highlights)
        self._apply()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """The shared passages, one colour each."""
        self.set_layer("passages", highlights)

    def set_overlay(self, highlights: list[Highlight]) -> None:
        """Highlights drawn above the passages (selection, word differences, flashes)."""
        self.set_layer("overlay", highlights)

    def layer(self, name: str) -> list[Highlight]:
        return list(self._layers.get(name, []))

    def _apply(self) -> None:
        # Inside an edit block QTextCursor.setPosition skips computing the cursor's x
        # position, which would otherwise lay out the document up to every highlight
        # (0.6 s for Moby-Dick's 130 passages; nothing is edited here).
        batch = QTextCursor(self.document())
        batch.beginEditBlock()
        try:
            selections = self._selections()
        finally:
            batch.endEditBlock()
        self.setExtraSelections(selections)

    def _selections(self) -> list[QTextEdit.ExtraSelection]:
        selections = []
        for item in (h for layer in self._layers.values() for h in layer):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_qt(item.start))
            cursor.setPosition(self.offsets.to_qt(item.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = char_format(item)
            selections.append(selection)
        return selections

    def colours_at(self, cp: int) -> tuple[QColor, QColor]:
        """The text and background colour drawn at a code point (highlights over the palette)."""
        palette = self.palette()
        foreground = palette.color(QPalette.ColorRole.Text)
        background = palette.color(QPalette.ColorRole.Base)
        for item in (h for layer in self._layers.values() for h in layer):
            if item.start <= cp < item.end:
                if item.background.alpha() > 0:
                    background = item.background
                if item.foreground is not None:
                    foreground = item.foreground
        return foreground, background

    def line_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the text between two code points, one per line."""
        document = self.document()
        q0, q1 = self.offsets.to_qt(start), self.offsets.to_qt(end)
        rects: list[QRectF] = []
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        layout_of = document.documentLayout()
        block = document.findBlock(q0)
        while block.isValid() and block.position() < q1:
            layout = block.layout()
            origin = layout_of.blockBoundingRect(block).topLeft()
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                l0 = base + line.textStart()
                l1 = l0 + line.textLength()
                s0, s1 = max(q0, l0), min(q1, l1)
                if s1 <= s0:
                    continue
                x0 = line.cursorToX(s0 - base)
                x1 = line.cursorToX(s1 - base)
                x0 = x0[0] if isinstance(x0, tuple) else x0
                x1 = x1[0] if isinstance(x1, tuple) else x1
                rects.append(QRectF(origin.x() + x0 + dx, origin.y() + line.y() + dy, x1 - x0, line.height()))
            block = block.next()
        return rects

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painted = [h for layer in self._layers.values() for h in layer if h.frame is not None or h.bar is not None]
        if not painted:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        visible = QRectF(self.viewport().rect())
        first = self.offsets.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        last = self.offsets.from_qt(self.cursorForPosition(self.viewport().rect().bottomRight()).position())
        for item in painted:
            if item.end < first or item.start > last + 1:
                continue
            for rect in self.line_rects(item.start, item.end):
                if not rect.intersects(visible):
                    continue
                if item.bar is not None:
                    bar = QRectF(rect.left(), rect.bottom() - TAG_BAR_PX - 1, rect.width(), TAG_BAR_PX)
                    if item.edge is not None:
                        painter.fillRect(bar.adjusted(0, -1, 0, 1), item.edge)
                    painter.fillRect(bar, item.bar)
                if item.frame is not None:
                    pen = QPen(item.frame, 1.0 if item.frame_style == "solid" else 1.6)
                    if item.frame_style != "solid":
                        pen.setStyle(Qt.PenStyle.DashLine if item.frame_style == "dash" else Qt.PenStyle.DotLine)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(rect.adjusted(-1, 0, 0, -1))
        painter.end()

    # -- positions -----------------------------------------------------
    def y_range(self, start: int, end: int) -> tuple[float, float]:
        """Top and bottom (viewport pixels) of the text between two code points."""
        top = self._rect_at(start).top()
        bottom_rect = self._rect_at(max(start, end - 1))
        return float(top), float(bottom_rect.bottom())

    def _rect_at(self, cp: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.offsets.to_qt(cp), self.document().characterCount() - 1))
        return self.cursorRect(cursor)

    def point_of(self, cp: int) -> QPoint:
        """A viewport point inside the character at a code point (for clicks and hovers)."""
        rect = self._rect_at(cp)
        return QPoint(rect.left() + 3, rect.center().y())

    def document_y(self, cp: int) -> float:
        """Y of a code point in document coordinates (independent of scrolling)."""
        return self._rect_at(cp).top() + self.verticalScrollBar().value()

    def position_at(self, point: QPoint) -> int:
        """Code point at a viewport point."""
        return self.offsets.from_qt(self.cursorForPosition(point).position())

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(cursor.selectionEnd())

    def scroll_to_document_y(self, y: float) -> None:
        self.verticalScrollBar().setValue(round(y))

    def center_on(self, cp: int) -> None:
        """Scroll so that a code point sits in the middle of the view."""
        y = self.document_y(cp)
        self.scroll_to_document_y(y - self.viewport().height() / 2)

    # -- mouse ---------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.positionClicked.emit(self.position_at(event.position().toPoint()))

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self.positionHovered.emit(self.position_at(event.position().toPoint()))

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.positionHovered.emit(-1)
