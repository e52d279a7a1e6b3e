"""The overview strip beside a pane: every passage marked, the visible part as a handle.

Like Meld's chunk map, the passages are rendered once into a cached pixmap and
only the viewport handle is painted per frame. Click or drag to scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from viewer.ui.pair.passage_colors import is_dark, passage_color


class OverviewStrip(QWidget):
    scrollRequested = Signal(float)  # fraction of the document to put at the view's middle

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFixedWidth(14)
        self.colour_of = lambda index: index  # passage index -> colour number (kept across a swap)
        self._marks: list[tuple[int, float, float]] = []  # (passage index, top, bottom) as fractions
        self._view = (0.0, 1.0)  # visible part as fractions
        self._cache: QPixmap | None = None
        self.selected = -1
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: every shared passage; click or drag to scroll")

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def set_marks(self, marks: list[tuple[int, float, float]]) -> None:
        self._marks = marks
        self._cache = None
        self.update()

    def set_view(self, top: float, bottom: float) -> None:
        if (top, bottom) != self._view:
            self._view = (top, bottom)
            self.update()

    def set_selected(self, index: int) -> None:
        if index != self.selected:
            self.selected = index
            self._cache = None
            self.update()

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(QPalette.ColorRole.AlternateBase))  # follows a dark palette too
        painter = QPainter(pixmap)
        height = self.height()
        for index, top, bottom in self._marks:
            color = passage_color(self.colour_of(index), alpha=255, dark=is_dark(self.palette()))
            if index == self.selected:
                color = color.darker(130)
            rect = QRectF(2, top * height, self.width() - 4, max((bottom - top) * height, 2.0))
            painter.fillRect(rect, color)
        painter.end()
        return pixmap

    def paintEvent(self, _event) -> None:
        if self._cache is None or self._cache.size() != self.size() * self.devicePixelRatioF():
            self._cache = self._render()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        top, bottom = self._view
        handle = QRectF(0.5, top * self.height(), self.width() - 1, max((bottom - top) * self.height(), 4.0))
        painter.setPen(QColor(0, 0, 0, 140))
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRect(handle)
        painter.end()

    def resizeEvent(self, event) -> None:
        self._cache = None
        super().resizeEvent(event)

    def _request(self, y: float) -> None:
        if self.height() > 0:
            self.scrollRequested.emit(min(max(y / self.height(), 0.0), 1.0))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._request(event.position().y())

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position().y())
