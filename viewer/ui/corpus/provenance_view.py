"""The corpus overview's provenance part: each article's own share, its sources, and the graph.

A table lists every article by publication date (undated ones last, marked as such) with
its original share and the earlier articles it borrows from; below it, the graph of who
borrows from whom (:mod:`provenance_graph`), by article or by outlet. Double-clicking an
article opens it beside its main source; double-clicking a link opens that pair.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.corpus.provenance import Provenance, compare_published, provenance_of_similarity
from viewer.ui.corpus.provenance_graph import MAX_EDGES, ProvenanceGraph
from viewer.ui.table_model import ColumnsTableModel

_Index = QModelIndex | QPersistentModelIndex
SOURCES_LISTED = 3


def date_order(found: Provenance) -> list[int]:
    """Article indexes by publication date; undated ones last, in list order."""
    dated = [n for n, a in enumerate(found.articles) if a.published]
    undated = [n for n, a in enumerate(found.articles) if not a.published]

    def compare(x: int, y: int) -> int:
        order = compare_published(found.articles[x].published, found.articles[y].published) or 0
        return order or (x > y) - (x < y)

    return sorted(dated, key=functools.cmp_to_key(compare)) + undated


class ProvenanceTableModel(ColumnsTableModel):
    COLUMNS = ("Published", "Article", "Outlet", "Own text", "Borrows from (share of this article)")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.provenance: Provenance | None = None
        self.rows: list[int] = []

    def set_provenance(self, found: Provenance | None) -> None:
        self.beginResetModel()
        self.provenance = found
        self.rows = date_order(found) if found is not None else []
        self.endResetModel()

    def table_rows(self) -> list:
        return self.rows

    def article_at(self, row: int) -> int:
        return self.rows[row]

    def row_of(self, article: int) -> int:
        try:
            return self.rows.index(article)
        except ValueError:
            return -1

    def sources_text(self, number: int) -> str:
        found = self.provenance
        assert found is not None
        sources = found.sources_of(number)
        parts = [f"{found.articles[e.source].title} ({e.share:.0%})" for e in sources[:SOURCES_LISTED]]
        if len(sources) > SOURCES_LISTED:
            parts.append(f"{len(sources) - SOURCES_LISTED} more")
        if not parts:
            undated = found.undated_links(number)
            if undated:
                return f"shares text with {len(undated)} article(s), order unknown"
            return "\u2014"
        return "; ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        found = self.provenance
        if found is None or not index.isValid():
            return None
        number = self.rows[index.row()]
        article = found.articles[number]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return article.published or "undated"
            if column == 1:
                return article.title
            if column == 2:
                return article.outlet or "unknown"
            if column == 3:
                return f"{found.original_share(number):.0%}"
            return self.sources_text(number)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [article.path]
            lines += [f"{e.share:.0%} from {found.articles[e.source].title} ({found.articles[e.source].published})"
                      for e in found.sources_of(number)]
            for edge in found.undated_links(number):
                other = edge.target if edge.source == number else edge.source
                lines.append(f"shares text with {found.articles[other].title}: no order (date missing or equal)")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and not article.published:
            return QColor(128, 128, 128)
        if role == Qt.ItemDataRole.FontRole and column == 0 and not article.published:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProvenanceView(QWidget):
    """Table and graph of a :class:`Provenance`; ``pairRequested(path_a, path_b)`` opens a pair."""

    pairRequested = Signal(str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("provenanceView")
        self.provenance: Provenance | None = None
        self.summary = QLabel("Index the open articles to see who borrows text from whom.")
        self.summary.setObjectName("provenanceSummary")
        self.summary.setWordWrap(True)
        self.mode = QComboBox()
        self.mode.setObjectName("provenanceMode")
        self.mode.addItem("Articles", "articles")
        self.mode.addItem("Outlets", "outlets")
        self.mode.setToolTip("Draw one box per article, or one per outlet")
        self.model = ProvenanceTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("provenanceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.graph = ProvenanceGraph()
        self.graph.setMinimumHeight(220)  # in a narrow dock the table would take it all

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(QLabel("Boxes:"))
        bar.addWidget(self.mode)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.graph)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 300])  # the graph first: the table is a list to look things up in
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.mode.currentIndexChanged.connect(lambda _i: self.graph.set_mode(self.mode.currentData()))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.doubleClicked.connect(lambda index: self.open_with_main_source(self.model.article_at(index.row())))
        self.graph.nodeActivated.connect(self._on_node)
        self.graph.edgeActivated.connect(self._open_edge)

    def set_provenance(self, found: Provenance | None) -> None:
        self.provenance = found
        self.model.set_provenance(found)
        self.graph.set_provenance(found)
        for column, width in ((0, 90), (1, 280), (2, 120), (3, 70)):
            self.table.setColumnWidth(column, width)
        if found is None:
            self.summary.setText("Index the open articles to see who borrows text from whom.")
            return
        count = len(found.articles)
        undated = sum(1 for a in found.articles if not a.published)
        borrowing = sum(1 for n in range(count) if found.sources_of(n))
        unordered = sum(1 for e in found.edges if not e.directed)
        text = (f"<b>{borrowing:,}</b> of {count:,} articles borrow text from earlier ones; "
                f"{undated:,} carr{'ies' if undated == 1 else 'y'} no date")
        if unordered:
            text += f"; {unordered:,} link{'s' if unordered != 1 else ''} without an order (dashed)"
        if self.graph.hidden_edges:
            text += f". The graph shows the {MAX_EDGES} strongest links"
        self.summary.setText(text + ".")

    def select_article(self, number: int) -> None:
        row = self.model.row_of(number)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        if self.graph.mode == "articles":
            self.graph.select(number)

    def open_with_main_source(self, number: int) -> None:
        found = self.provenance
        if found is None:
            return
        sources = found.sources_of(number)
        if sources:
            self._open_edge(sources[0].source, number)

    def _on_row(self, current: QModelIndex, _previous) -> None:
        if current.isValid() and self.graph.mode == "articles":
            self.graph.select(self.model.article_at(current.row()))

    def _on_node(self, key: int) -> None:
        if self.graph.mode == "articles":
            row = self.model.row_of(key)
            if row >= 0:
                self.table.selectRow(row)

    def _open_edge(self, source: int, target: int) -> None:
        found = self.provenance
        if found is not None:
            self.pairRequested.emit(found.articles[source].path, found.articles[target].path)


class ProvenanceTab(QObject):
    """Keeps a :class:`ProvenanceView` in step with the corpus index of the open articles.

    The view is a tab beside the pair view when the window has central tabs, else a dock.
    Each new index result (``update``) becomes a provenance, computed from the pairs the
    index already aligned (nothing is aligned again); the view's pair requests open the
    pair in the pair view. While the view is hidden a new result is only kept: it is worked
    out when the view shows (0.2 s for 300 articles and 4,400 sharing pairs, which the
    window must not spend on every re-index).
    """

    def __init__(self, corpus_controller) -> None:
        super().__init__(corpus_controller)
        self.corpus = corpus_controller
        window = corpus_controller.window
        self.view = ProvenanceView()
        tabs = getattr(window, "central_tabs", None)
        if tabs is not None:
            tabs.addTab(self.view, "Provenance")
            self.dock = None
        else:
            self.dock = QDockWidget("Provenance", window)
            self.dock.setObjectName("provenanceDock")
            self.dock.setWidget(self.view)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.hide()
            window.menu("view").addAction(self.dock.toggleViewAction())
        self.view.pairRequested.connect(corpus_controller.open_pair)
        self._pending = None
        self._stale = False
        self.view.installEventFilter(self)

    def update(self, result) -> None:
        """Show the provenance of ``result`` (a ``CorpusSimilarity``, or None) over the open articles."""
        self._pending, self._stale = result, True
        if self.view.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if not self._stale:
            return
        self._stale = False
        result = self._pending
        articles = list(self.corpus.window.model.articles)
        if result is None or [a.path for a in articles] != list(result.paths):
            self.view.set_provenance(None)
            return
        self.view.set_provenance(provenance_of_similarity(result, articles))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    def show(self) -> None:
        tabs = getattr(self.corpus.window, "central_tabs", None)
        if tabs is not None:
            tabs.setCurrentWidget(self.view)
        elif self.dock is not None:
            self.dock.show()
            self.dock.raise_()


def install_provenance(corpus_controller) -> ProvenanceTab:
    """Add the provenance view to the window of ``corpus_controller``; keep the result."""
    return ProvenanceTab(corpus_controller)
