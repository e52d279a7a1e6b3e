"""The band between the two panes: a filled curve from each passage to its counterpart.

As in Meld's link map and Kompare's connect widget, each visible passage is a
shape bounded by two cubic Bezier curves with control points at half the band's
width. Passages may cross (reordered text): shapes are translucent with a
darker edge so crossings stay legible, and the hovered and selected ones are
drawn last, on top. A passage whose other end is off-screen is drawn as a short
stub pointing up or down towards it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from viewer.ui.pair.passage_colors import edge_color, is_dark, passage_color

STUB_LENGTH = 0.3  # share of the band's width a stub reaches across


@dataclass(frozen=True)
class BandLink:
    index: int  # passage index (its colour)
    a_top: float  # viewport y in pane A
    a_bottom: float
    b_top: float  # viewport y in pane B
    b_bottom: float


class LinkBand(QWidget):
    linkClicked = Signal(int)
    linkHovered = Signal(int)  # -1 when none

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumWidth(40)
        self.colour_of = lambda index: index  # passage index -> colour number (kept across a swap)
        self._links: list[BandLink] = []
        self._a_height = 0.0
        self._b_height = 0.0
        self._a_offset = 0.0  # where pane A's viewport starts, in band coordinates
        self._b_offset = 0.0
        self.selected = -1
        self.hovered = -1
        self._paths: list[tuple[int, QPainterPath]] = []

    def sizeHint(self) -> QSize:
        return QSize(64, 200)

    def set_links(self, links: list[BandLink], a_offset: float, a_height: float,
                  b_offset: float, b_height: float) -> None:
        self._links = links
        self._a_offset, self._a_height = a_offset, a_height
        self._b_offset, self._b_height = b_offset, b_height
        self._paths = [(link.index, self._shape(link)) for link in links]
        self.update()

    def set_selected(self, index: int) -> None:
        self.selected = index
        self.update()

    def set_hovered(self, index: int) -> None:
        if index != self.hovered:
            self.hovered = index
            self.update()

    # -- geometry --------------------------------------------------------
    def _clip(self, top: float, bottom: float, height: float) -> tuple[str, float, float]:
        """Where a passage's end lies: 'above', 'below' or 'visible' with clipped y's."""
        if bottom < 0:
            return "above", 0.0, 0.0
        if top > height:
            return "below", height, height
        return "visible", max(top, 0.0), min(bottom, height)

    def _shape(self, link: BandLink) -> QPainterPath:
        width = float(self.width())
        a_state, a_top, a_bottom = self._clip(link.a_top, link.a_bottom, self._a_height)
        b_state, b_top, b_bottom = self._clip(link.b_top, link.b_bottom, self._b_height)
        a_top += self._a_offset
        a_bottom += self._a_offset
        b_top += self._b_offset
        b_bottom += self._b_offset
        path = QPainterPath()
        if a_state == "visible" and b_state == "visible":
            mid = width / 2
            path.moveTo(0, a_top)
            path.cubicTo(mid, a_top, mid, b_top, width, b_top)
            path.lineTo(width, b_bottom)
            path.cubicTo(mid, b_bottom, mid, a_bottom, 0, a_bottom)
            path.closeSubpath()
        elif a_state == "visible":
            self._stub(path, 0.0, a_top, a_bottom, width * STUB_LENGTH, b_state == "above")
        elif b_state == "visible":
            self._stub(path, width, b_top, b_bottom, width * (1 - STUB_LENGTH), a_state == "above")
        return path

    @staticmethod
    def _stub(path: QPainterPath, x0: float, top: float, bottom: float, x1: float, up: bool) -> None:
        """A tapered shape from a visible end towards the off-screen counterpart."""
        height = max(bottom - top, 2.0)
        tip_y = top - min(height, 24.0) if up else bottom + min(height, 24.0)
        tip = QPointF(x1, tip_y)
        path.moveTo(x0, top)
        path.cubicTo((x0 + x1) / 2, top, x1, (top + tip_y) / 2, tip.x(), tip.y())
        path.cubicTo(x1, (bottom + tip_y) / 2, (x0 + x1) / 2, bottom, x0, bottom)
        path.closeSubpath()

    # -- painting --------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        # Large shapes first so small ones sit on top; hovered and selected last.
        order = sorted(self._paths, key=lambda item: -item[1].boundingRect().height())
        order.sort(key=lambda item: (item[0] == self.selected, item[0] == self.hovered))
        for index, path in order:
            emphasised = index in (self.selected, self.hovered)
            colour = self.colour_of(index)
            painter.setBrush(passage_color(colour, alpha=230 if emphasised else 120, dark=is_dark(self.palette())))
            pen = QPen(edge_color(colour), 2.0 if index == self.selected else 1.0)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
        painter.drawLine(QPointF(0.5, 0), QPointF(0.5, self.height()))
        painter.drawLine(QPointF(self.width() - 0.5, 0), QPointF(self.width() - 0.5, self.height()))
        painter.end()

    def link_at(self, point: QPointF) -> int:
        hit = [(index, path) for index, path in self._paths if path.contains(point)]
        if not hit:
            return -1
        if any(index == self.selected for index, _path in hit):
            return self.selected
        # The smallest shape under the pointer is the one the user aims at.
        return min(hit, key=lambda item: item[1].boundingRect().height())[0]

    def mouseMoveEvent(self, event) -> None:
        self.linkHovered.emit(self.link_at(event.position()))

    def leaveEvent(self, _event) -> None:
        self.linkHovered.emit(-1)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.link_at(event.position())
            if index >= 0:
                self.linkClicked.emit(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._paths = [(link.index, self._shape(link)) for link in self._links]
