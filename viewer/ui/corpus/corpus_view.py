"""The corpus overview: a heat map of pairwise similarity, the most similar pairs, neighbours.

The heat map is painted from a cached ``QImage``: rebuilt only when the result, the size
or the zoom changes, so painting costs nothing while the index runs. Articles are in
cluster order (``corpus/ordering.cluster_order``), so articles that share text form blocks
along the diagonal. When there are more articles than pixels, a pixel shows the
*maximum* over its block of pairs (a single shared passage must not vanish by
averaging); the wheel zooms in until every pair has its own cell.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.core.corpus.ordering import group_blocks
from viewer.core.corpus.result import CorpusSimilarity
from viewer.ui.corpus.legend import Legend

_Index = QModelIndex | QPersistentModelIndex
TOP_PAIRS = 500  # rows in the "most similar pairs" list
NEIGHBOURS = 25
MARGIN = 6
# Colour stops (share of text -> colour), on a square-root scale so a 3% overlap still shows.
_STOPS = ((0.0, (255, 237, 160)), (0.3, (254, 178, 76)), (0.55, (240, 59, 32)), (1.0, (110, 0, 30)))
EMPTY = QColor(252, 252, 252)
# Frames go around groups of articles linked by at least this share of shared text.
GROUP_SHARE = 0.05
BLOCK_PEN = QColor(70, 120, 200, 150)


def _palette() -> list[int]:
    colours = []
    for step in range(256):
        t = step / 255
        for (t0, c0), (t1, c1) in zip(_STOPS, _STOPS[1:], strict=False):
            if t <= t1:
                f = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
                rgb = [round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True)]
                colours.append(QColor(*rgb).rgb())
                break
    return colours


_PALETTE = _palette()


def similarity_colour(value: float) -> QColor:
    """The heat map's colour for a share of shared text (0..1)."""
    if value <= 0:
        return QColor(EMPTY)
    return QColor.fromRgb(_PALETTE[min(255, int(math.sqrt(min(value, 1.0)) * 255))])


def share_text(value: float) -> str:
    return "identical" if value >= 0.999 else f"{value:.0%} shared" if value >= 0.01 else f"{value:.1%} shared"


class HeatMap(QWidget):
    """Pairwise similarity of the articles in ``order``, zoomable; emits the clicked pair."""

    cellClicked = Signal(int, int)  # article indexes (never the same)
    cellHovered = Signal(int, int)  # -1, -1 when off the map

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setMouseTracking(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.result: CorpusSimilarity | None = None
        self.order: list[int] = []
        self.position: dict[int, int] = {}  # article index -> place in order
        self.blocks: list[tuple[int, int]] = []  # (first place, size) of each group of 3+
        self.only_linked = True  # leave out articles that share nothing with any other
        self.first = 0  # first place shown (zoom window)
        self.span = 0  # places shown
        self._image: QImage | None = None
        self._buckets: dict[tuple[int, int], tuple[float, int, int]] = {}
        self._drag: QPoint | None = None
        self._drag_first = 0
        self._dragged = False

    # -- content ---------------------------------------------------------
    def set_result(self, result: CorpusSimilarity | None) -> None:
        self.result = result
        self._arrange()

    def set_only_linked(self, on: bool) -> None:
        """Show only the articles that share text with another (the rest is an empty band)."""
        self.only_linked = on
        self._arrange()

    def _arrange(self) -> None:
        result = self.result
        order = list(result.order) if result is not None else []
        if result is not None and self.only_linked:
            linked = {i for pair in result.pairs for i in pair}
            if len(linked) >= 2:
                order = [i for i in order if i in linked]
        self.order = order
        self.position = {article: place for place, article in enumerate(order)}
        self.blocks = group_blocks(order, result.pairs, GROUP_SHARE) if result is not None else []
        self.first, self.span = 0, len(order)
        self._invalidate()

    def reset_zoom(self) -> None:
        self.first, self.span = 0, len(self.order)
        self._invalidate()

    def zoom(self, factor: float, around: float | None = None) -> None:
        """Show ``span / factor`` places, keeping place ``around`` under the same pixel."""
        count = len(self.order)
        if not count:
            return
        new_span = max(min(count, 5), min(count, round(self.span / factor)))
        if around is None:
            around = self.first + self.span / 2
        share = (around - self.first) / self.span if self.span else 0.5
        self.first = int(round(around - share * new_span))
        self.span = new_span
        self._clamp()
        self._invalidate()

    def _clamp(self) -> None:
        self.first = max(0, min(self.first, len(self.order) - self.span))

    def _invalidate(self) -> None:
        self._image = None
        self.update()

    # -- geometry --------------------------------------------------------
    def map_rect(self) -> QRect:
        side = max(1, min(self.width(), self.height()) - 2 * MARGIN)
        return QRect(MARGIN, MARGIN, side, side)

    @property
    def aggregated(self) -> bool:
        """More places than pixels: a pixel holds the maximum of a block of pairs."""
        return self.span > self.map_rect().width()

    def places_at(self, point: QPoint) -> tuple[int, int] | None:
        """(row place, column place) under a widget point, or None off the map."""
        rect = self.map_rect()
        if not self.span or not rect.contains(point):
            return None
        scale = self.span / rect.width()
        row = self.first + min(self.span - 1, int((point.y() - rect.y()) * scale))
        column = self.first + min(self.span - 1, int((point.x() - rect.x()) * scale))
        return row, column

    def pair_at(self, point: QPoint) -> tuple[int, int, float] | None:
        """The pair a point stands for: (article i, article j, similarity).

        Aggregated, that is the most similar pair of the pixel's block (what its colour
        shows); otherwise the cell's own pair, shared text or not.
        """
        if self.result is None:
            return None
        rect = self.map_rect()
        places = self.places_at(point)
        if places is None:
            return None
        if self.aggregated:
            self._ensure_image()
            found = self._buckets.get((point.x() - rect.x(), point.y() - rect.y()))
            if found is None:
                return None
            value, i, j = found
            return i, j, value
        i, j = self.order[places[0]], self.order[places[1]]
        if i == j:
            return None
        return i, j, self.result.similarity(i, j)

    def point_of(self, i: int, j: int) -> QPoint:
        """The centre of the cell of articles ``i`` (row) and ``j`` (column), for tests and scripts."""
        rect = self.map_rect()
        scale = rect.width() / self.span
        row, column = self.position[i] - self.first, self.position[j] - self.first
        return QPoint(rect.x() + int((column + 0.5) * scale), rect.y() + int((row + 0.5) * scale))

    def tooltip_at(self, point: QPoint) -> str:
        found = self.pair_at(point)
        if found is None or self.result is None:
            return ""
        i, j, value = found
        titles = self.result.titles
        text = f"<b>{_escape(titles[i])}</b><br>and<br><b>{_escape(titles[j])}</b><br>{share_text(value)}"
        if self.aggregated:
            per_pixel = self.span / self.map_rect().width()
            text += (f"<br><i>the most similar pair of {per_pixel:.1f} \u00d7 {per_pixel:.1f} articles; "
                     "zoom in with the wheel</i>")
        if value > 0:
            text += "<br>Click to compare them"
        return text

    # -- rendering -------------------------------------------------------
    def _ensure_image(self) -> QImage:
        rect = self.map_rect()
        if self._image is not None and self._image.size() == rect.size():
            return self._image
        image = QImage(rect.size(), QImage.Format.Format_RGB32)
        image.fill(EMPTY)
        self._buckets = {}
        if self.result is None or not self.span:
            self._image = image
            return image
        side = rect.width()
        first, span = self.first, self.span
        last = first + span
        position = self.position
        scale = side / span
        painter = QPainter(image)
        # The diagonal: an article with itself.
        painter.setPen(QPen(QColor(200, 200, 200), max(1.0, scale)))
        painter.drawLine(QPoint(0, 0), QPoint(side, side))
        if scale >= 1:
            cell = max(1, math.ceil(scale))
            for (i, j), value in self.result.pairs.items():
                pi, pj = position.get(i, -1), position.get(j, -1)
                if first <= pi < last and first <= pj < last:
                    colour = similarity_colour(value)
                    x0, y0 = int((pj - first) * scale), int((pi - first) * scale)
                    painter.fillRect(x0, y0, cell, cell, colour)
                    painter.fillRect(y0, x0, cell, cell, colour)
        else:
            buckets = self._buckets
            for (i, j), value in self.result.pairs.items():
                pi, pj = position.get(i, -1), position.get(j, -1)
                if first <= pi < last and first <= pj < last:
                    bi, bj = int((pi - first) * scale), int((pj - first) * scale)
                    for key, pair in (((bj, bi), (value, i, j)), ((bi, bj), (value, j, i))):
                        held = buckets.get(key)
                        if held is None or value > held[0]:
                            buckets[key] = pair
            # Strongest last so a pixel shows the maximum of its block.
            for (x, y), (value, _i, _j) in sorted(buckets.items(), key=lambda item: item[1][0]):
                image.setPixel(x, y, _PALETTE[min(255, int(math.sqrt(min(value, 1.0)) * 255))])
        # Clusters: a frame around each block of three or more related articles.
        painter.setPen(QPen(BLOCK_PEN, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for start, size in self.blocks:
            end = start + size
            if end <= first or start >= last:
                continue
            x0 = (max(start, first) - first) * scale
            x1 = (min(end, last) - first) * scale
            painter.drawRect(QRectF(x0, x0, max(1.0, x1 - x0 - 1), max(1.0, x1 - x0 - 1)))
        painter.end()
        self._image = image
        return image

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = self.map_rect()
        painter.fillRect(self.rect(), self.palette().window())
        if self.result is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No corpus indexed yet")
            return
        painter.drawImage(rect.topLeft(), self._ensure_image())
        painter.setPen(QColor(150, 150, 150))
        painter.drawRect(rect.adjusted(-1, -1, 0, 0))

    def resizeEvent(self, event) -> None:
        self._image = None
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    # -- mouse -----------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._drag is not None and self.span < len(self.order):
            scale = self.span / self.map_rect().width()
            delta = point - self._drag
            shift = -int(round((delta.x() + delta.y()) / 2 * scale))
            if shift:
                self._dragged = True
                self.first = self._drag_first + shift
                self._clamp()
                self._invalidate()
            return
        found = self.pair_at(point)
        self.cellHovered.emit(*(found[:2] if found else (-1, -1)))
        text = self.tooltip_at(point)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position().toPoint()
            self._drag_first = self.first
            self._dragged = False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        dragged = self._dragged
        self._drag = None
        self._dragged = False
        if dragged:
            return
        found = self.pair_at(event.position().toPoint())
        if found is not None:
            self.cellClicked.emit(found[0], found[1])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        places = self.places_at(event.position().toPoint())
        if places is not None and self.span > 5:
            self.zoom(4.0, places[1] + 0.5)

    def wheelEvent(self, event: QWheelEvent) -> None:
        places = self.places_at(event.position().toPoint())
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        self.zoom(1.25 ** steps, (places[1] + 0.5) if places else None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- the lists ---------------------------------------------------------------------------


class PairListModel(QAbstractTableModel):
    """Pairs of articles with their share: the most similar pairs, or one article's neighbours."""

    def __init__(self, columns: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[tuple[float, int, int]] = []  # (similarity, i, j); j is the neighbour
        self.titles: list[str] = []

    def set_rows(self, rows: list[tuple[float, int, int]], titles: list[str]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.titles = titles
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value, i, j = self.rows[index.row()]
        column = index.column()
        cells = [f"{value:.0%}" if value >= 0.01 else f"{value:.1%}"]
        cells += [self.titles[i], self.titles[j]] if len(self.columns) == 3 else [self.titles[j]]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.titles[i]}\n{self.titles[j]}\n{share_text(value)} - double-click to compare"
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return similarity_colour(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def pair(self, row: int) -> tuple[int, int]:
        _value, i, j = self.rows[row]
        return i, j


def _table(model: PairListModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class CorpusView(QWidget):
    """Heat map, most similar pairs and the selected article's neighbours, with indexing progress."""

    pairRequested = Signal(str, str)  # paths of A and B
    articleSelected = Signal(int)
    cancelRequested = Signal()
    reindexRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusView")
        self.result: CorpusSimilarity | None = None
        self.selected = -1

        self.summary = QLabel("Open a folder of articles to see which ones share text.")
        self.summary.setObjectName("corpusSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("corpusProgress")
        self.progress.setMinimumWidth(200)
        self.progress.setMaximumWidth(360)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("corpusCancel")
        self.cancel_button.setToolTip("Stop indexing; the pairs aligned so far stay in the cache")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.cancel_button.hide()
        self.reindex_button = QPushButton("Index")
        self.reindex_button.setToolTip("Index the open articles again (cached pairs are not realigned)")
        self.reindex_button.clicked.connect(self.reindexRequested)
        self.reindex_button.hide()
        self.fit_button = QPushButton("Fit")
        self.fit_button.setToolTip("Show every article (the wheel zooms, dragging pans, double-click zooms in)")
        self.heat_map = HeatMap()
        self.fit_button.clicked.connect(self.heat_map.reset_zoom)
        self.linked_only = QCheckBox("Only articles that share text")
        self.linked_only.setObjectName("linkedOnly")
        self.linked_only.setToolTip("Leave out the articles that share no passage with any other")
        self.linked_only.setChecked(True)
        self.linked_only.toggled.connect(self.heat_map.set_only_linked)
        self.legend = Legend(MARGIN, BLOCK_PEN, similarity_colour)

        self.top_model = PairListModel(("Shared", "Article A", "Article B"), self)
        self.top_table = _table(self.top_model, "topPairsTable")
        self.neighbour_model = PairListModel(("Shared", "Closest articles"), self)
        self.neighbour_table = _table(self.neighbour_model, "neighbourTable")
        self.neighbour_label = QLabel("Closest articles: hover the map or pick a pair")
        self.neighbour_label.setWordWrap(True)

        # The summary has a line of its own, so it never wraps beside the progress bar.
        top_bar = QVBoxLayout()
        top_bar.setSpacing(2)
        top_bar.addWidget(self.summary)
        controls = QHBoxLayout()
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.reindex_button)
        controls.addStretch(1)
        controls.addWidget(self.linked_only)
        controls.addWidget(self.fit_button)
        top_bar.addLayout(controls)
        map_holder = QWidget()
        map_layout = QVBoxLayout(map_holder)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.heat_map, 1)
        map_layout.addWidget(self.legend)
        lists = QSplitter(Qt.Orientation.Horizontal)
        top_holder = QWidget()
        top_layout = QVBoxLayout(top_holder)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("Most similar pairs (double-click to compare)"))
        top_layout.addWidget(self.top_table)
        neighbour_holder = QWidget()
        neighbour_layout = QVBoxLayout(neighbour_holder)
        neighbour_layout.setContentsMargins(0, 0, 0, 0)
        neighbour_layout.addWidget(self.neighbour_label)
        neighbour_layout.addWidget(self.neighbour_table)
        lists.addWidget(top_holder)
        lists.addWidget(neighbour_holder)
        body = QSplitter(Qt.Orientation.Vertical)
        body.setObjectName("corpusSplitter")
        body.addWidget(map_holder)
        body.addWidget(lists)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top_bar)
        layout.addWidget(body, 1)

        self.heat_map.cellClicked.connect(self._open_articles)
        self.heat_map.cellHovered.connect(lambda i, _j: self.select_article(i) if i >= 0 else None)
        self.top_table.doubleClicked.connect(lambda index: self._open_articles(*self.top_model.pair(index.row())))
        self.top_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.select_article(self.top_model.pair(current.row())[0])
            if current.isValid() else None)
        self.neighbour_table.doubleClicked.connect(
            lambda index: self._open_articles(*self.neighbour_model.pair(index.row())))

    # -- state -------------------------------------------------------------
    def set_result(self, result: CorpusSimilarity | None) -> None:
        self.result = result
        self.heat_map.set_result(result)
        self.selected = -1
        if result is None:
            self.top_model.set_rows([], [])
            self.neighbour_model.set_rows([], [])
            return
        self.top_model.set_rows(result.top_pairs(TOP_PAIRS), result.titles)
        self.top_table.resizeColumnToContents(0)
        for column in (1, 2):
            self.top_table.setColumnWidth(column, 260)
        self.neighbour_model.set_rows([], result.titles)
        count = len(result)
        linked = len({i for pair in result.pairs for i in pair})
        blocks = len(self.heat_map.blocks)
        origin = "read from the cache" if result.from_cache else f"{result.aligned:,} pairs aligned"
        self.summary.setText(
            f"<b>{count:,} articles</b>: {len(result.pairs):,} pairs share text; {linked:,} articles share "
            f"something with another; {blocks:,} group{'s' if blocks != 1 else ''} of 3+ sharing "
            f"\u2265{GROUP_SHARE:.0%} (framed). <span style='color:gray'>{origin}</span>")

    def select_article(self, index: int) -> None:
        """Show the closest articles of ``index`` in the neighbour list."""
        if self.result is None or not 0 <= index < len(self.result) or index == self.selected:
            return
        self.selected = index
        rows = [(value, index, j) for value, j in self.result.neighbours(index, NEIGHBOURS)]
        self.neighbour_model.set_rows(rows, self.result.titles)
        self.neighbour_table.resizeColumnToContents(0)
        title = self.result.titles[index]
        self.neighbour_label.setText(
            f"Closest to <b>{_escape(title)}</b>" + ("" if rows else ": shares no passage with any other article"))
        self.articleSelected.emit(index)

    def set_indexing(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.reindex_button.setVisible(not busy and bool(message))
        if busy:
            self.progress.setRange(0, 0)
        if message:
            self.summary.setText(message)

    def set_progress(self, done: int, total: int, phase: str = "") -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self.progress.setFormat(f"{phase} %p%" if phase else "%p%")

    def _open_articles(self, i: int, j: int) -> None:
        if self.result is not None and i != j:
            self.pairRequested.emit(self.result.paths[i], self.result.paths[j])
