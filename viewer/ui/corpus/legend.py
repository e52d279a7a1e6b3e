"""The colour scale under the corpus heat map."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class Legend(QWidget):
    """The colour scale under the map; the scale bar shrinks (never the words) when room is short."""

    TEXTS = ("shared text: 0%", "100% (square-root scale)", "a group of related articles")
    SCALE = (60, 180)  # narrowest and widest scale bar

    def __init__(self, margin: int, block_pen: QColor, colour_of: Callable[[float], QColor], parent=None) -> None:
        super().__init__(parent)
        self.margin, self.block_pen, self.colour_of = margin, block_pen, colour_of
        self.setFixedHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _words_width(self) -> int:
        metrics = self.fontMetrics()
        return self.margin + sum(metrics.horizontalAdvance(t) for t in self.TEXTS) + 6 * 3 + 8 + 12 + 14 + self.margin

    def minimumSizeHint(self) -> QSize:
        return QSize(self._words_width() + self.SCALE[0], 22)

    def sizeHint(self) -> QSize:
        return QSize(self._words_width() + self.SCALE[1], 22)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        ink = self.palette().windowText().color()
        painter.setPen(ink)
        x = self.margin
        scale = min(max(self.width() - self._words_width(), self.SCALE[0]), self.SCALE[1])
        for text, colour in ((self.TEXTS[0], None), ("", "scale"), (self.TEXTS[1], None)):
            if colour == "scale":
                for step in range(scale):
                    painter.fillRect(x + step, 5, 1, 12, self.colour_of(((step + 1) / scale) ** 2))
                x += scale + 6
                continue
            painter.drawText(x, 16, text)
            x += metrics.horizontalAdvance(text) + 6
        painter.setPen(QPen(self.block_pen, 2))
        painter.drawRect(x + 8, 5, 12, 12)
        painter.setPen(ink)
        painter.drawText(x + 26, 16, self.TEXTS[2])
