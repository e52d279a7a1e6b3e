"""The Quotes panel: shared-quote clusters across the opened articles, and each article's quotes.

Finding and clustering run in the background once the articles are read.
Choosing a quote opens the pair of articles that carry it, highlighted in both. A cluster
whose occurrences change the words of the earliest one is marked "altered"; double-clicking
it (or Compare Occurrences in its menu) opens every occurrence side by side.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.loading.articles import Article
from viewer.core.quotes.clusters import QuoteCluster, find_and_cluster
from viewer.core.quotes.fidelity import Fidelity, cluster_fidelity
from viewer.core.quotes.finder import Quote
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.policy import in_child_process
from viewer.core.tasks.task import TaskState
from viewer.core.text.display import one_line
from viewer.ui.background import LatestRunner
from viewer.ui.pair.pair_view import DIFF_TEXT
from viewer.ui.quotes.quote_comparison import QuoteComparison
from viewer.ui.quotes.quote_detail import QuoteDetail

QuoteRole = Qt.ItemDataRole.UserRole + 20
# The columns of the two trees, in one place.
SHARED_COLUMNS = ("Speaker / article", "Quote", "Articles", "Words")
ARTICLE_COLUMNS = ("Article / speaker", "Quote", "Kind")
FILL_SLICE_S = 0.02  # GUI time per slice when filling the trees
ClusterRole = Qt.ItemDataRole.UserRole + 21
# On a cell that shows a speaker: its Quote (or a cluster's head: the QuoteCluster), so that
# the user's corrections can be shown over detection (viewer.ui.quotes.speaker_overlay).
SpeakerRole = Qt.ItemDataRole.UserRole + 22


@dataclass
class QuoteFindings:
    quotes: list[Quote]
    clusters: list[QuoteCluster]
    fidelity: dict[str, Fidelity] = field(default_factory=dict)  # cluster id -> reference and changes


def find_all_quotes(articles: list[Article], state: TaskState) -> QuoteFindings:
    texts = [(a.path, a.text) for a in articles]
    dates = {a.path: a.date for a in articles}
    if in_child_process("quotes", len(texts)):
        # Comparing the occurrences is Python work too: in the child, not in a thread of the window.
        return QuoteFindings(*run_in_child("viewer.core.quotes.clusters:find_and_compare_job", texts, state,
                                           extra=dates))
    quotes, clusters = find_and_cluster(texts, state.progress, state.cancelled)
    return QuoteFindings(quotes, clusters, {c.id: cluster_fidelity(c.quotes, dates) for c in clusters})


def _item(text: str, tooltip: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    return item


_NOTHING = "\u2205"
ALTERED_MARK = "\u2260 "  # before the words of a cluster whose occurrences change them


def _altered_item(tooltip: str) -> QStandardItem:
    item = _item("altered", tooltip)
    item.setForeground(DIFF_TEXT)
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item


def _fidelity_item(fidelity: Fidelity | None, quote: Quote | None) -> QStandardItem:
    """The "altered" marker of a cluster (``quote`` None) or what one occurrence does to the reference's words."""
    if fidelity is None:
        return _item("")
    if quote is None:
        altered = sum(1 for v in fidelity.variants if v.altered)
        if altered:
            return _altered_item(f"{altered} occurrence(s) change the earliest one's words: double-click to compare")
        return _item("same", "Every occurrence keeps the earliest one's words (fragments included)")
    if quote is fidelity.reference:
        return _item("reference", "The earliest-published occurrence: the others are compared with it")
    variant = fidelity.variant_of(quote)
    if variant is None:
        return _item("")
    if variant.altered:
        return _altered_item("; ".join(f"{c.reference or _NOTHING} \u2192 {c.text or _NOTHING}"
                                       for c in variant.alterations))
    return _item("fragment" if variant.partial else "same")


class _TreeFilter(QSortFilterProxyModel):
    """Keeps rows whose text or any child's text matches (recursive filtering)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class QuotesPanel(QWidget):
    """Emits :attr:`quoteChosen` with the quote and, when it is shared, its counterpart."""

    quoteChosen = Signal(object, object)  # Quote, Quote | None (the same words in another article)
    makeSetRequested = Signal(object)  # QuoteCluster
    busyChanged = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.articles: dict[str, Article] = {}
        self.findings = QuoteFindings([], [])
        self._cluster_of: dict[tuple[str, int, int], QuoteCluster] = {}
        self._runner = LatestRunner(self)
        self._runner.finished.connect(self._on_found)
        self._runner.busy_changed.connect(self.busyChanged)
        self._pending_rows: Iterator[list[QStandardItem]] | None = None
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_step)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("quoteFilter")
        self.filter_edit.setPlaceholderText("Filter quotes by words or speaker")
        self.filter_edit.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("quoteSummary")
        self.summary.setWordWrap(True)

        self.shared_model = QStandardItemModel(self)
        self.shared_model.setHorizontalHeaderLabels(list(SHARED_COLUMNS))
        self.shared_proxy = _TreeFilter(self)
        self.shared_proxy.setSourceModel(self.shared_model)
        self.shared_view = self._tree(self.shared_proxy, "sharedQuotes")
        make_set = QAction("Make a Quote Set from This Cluster", self.shared_view)
        make_set.triggered.connect(self._request_set)
        self.shared_view.addAction(make_set)
        compare = QAction("Compare Occurrences\u2026", self.shared_view)
        compare.setObjectName("compareOccurrences")
        compare.triggered.connect(lambda: self.compare_cluster(self._current_cluster()))
        self.shared_view.addAction(compare)
        self.shared_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.shared_view.doubleClicked.connect(self._on_double_clicked)
        self.comparison: QuoteComparison | None = None

        self.article_model = QStandardItemModel(self)
        self.article_model.setHorizontalHeaderLabels(list(ARTICLE_COLUMNS))
        self.article_proxy = _TreeFilter(self)
        self.article_proxy.setSourceModel(self.article_model)
        self.article_view = self._tree(self.article_proxy, "articleQuotes")

        self.filter_edit.textChanged.connect(self.shared_proxy.setFilterFixedString)
        self.filter_edit.textChanged.connect(self.article_proxy.setFilterFixedString)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.shared_view, "Shared")
        self.tabs.addTab(self.article_view, "By Article")
        # Whole quotations, wrapped, with speaker, outlets and dates: the trees show one line each.
        self.detail = QuoteDetail()
        for view in (self.shared_view, self.article_view):
            view.selectionModel().currentChanged.connect(lambda current, _previous: self._show_detail(current))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("quotesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)

    def _tree(self, model, name: str) -> QTreeView:
        view = QTreeView()
        view.setObjectName(name)
        view.setModel(model)
        view.setUniformRowHeights(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.header().setStretchLastSection(False)
        view.activated.connect(self._on_activated)
        view.clicked.connect(self._on_activated)
        return view

    @property
    def busy(self) -> bool:
        return self._runner.busy or self._pending_rows is not None

    # -- content -------------------------------------------------------
    def set_articles(self, articles: list[Article]) -> None:
        self.articles = {a.path: a for a in articles}
        self.summary.setText("Finding quotations\u2026" if articles else "")
        self.shared_model.removeRows(0, self.shared_model.rowCount())
        self.article_model.removeRows(0, self.article_model.rowCount())
        self._pending_rows = None
        self._fill_timer.stop()
        if not articles:
            self._runner.cancel()
            return
        snapshot = list(articles)
        self._runner.submit(tuple(a.path for a in snapshot),
                            lambda state: find_all_quotes(snapshot, state))

    def _on_found(self, paths: tuple[str, ...], findings: QuoteFindings) -> None:
        if tuple(self.articles) != paths:
            return
        self.findings = findings
        self._cluster_of = {(q.article, q.start, q.end): c for c in findings.clusters for q in c.quotes}
        self._fill_shared(findings.clusters)
        self._fill_articles(findings.quotes)
        speech = sum(1 for q in findings.quotes if q.kind == "speech")
        self.summary.setText(
            f"{len(findings.quotes):,} quotations ({speech:,} speech) in {len(self.articles):,} articles; "
            f"{len(findings.clusters):,} shared by two or more articles"
        )

    def _title(self, path: str) -> str:
        article = self.articles.get(path)
        return article.title if article else Path(path).name

    def _fill_shared(self, clusters: list[QuoteCluster]) -> None:
        model = self.shared_model
        model.removeRows(0, model.rowCount())
        ordered = sorted(clusters, key=lambda c: (-len({q.article for q in c.quotes}), c.label))
        for cluster in ordered:
            count = len({q.article for q in cluster.quotes})
            head = _item(cluster.speaker or "(speaker not named)")
            head.setData(cluster, ClusterRole)
            head.setData(cluster, SpeakerRole)
            fidelity = self.findings.fidelity.get(cluster.id)
            altered = fidelity is not None and fidelity.altered
            # The "altered" marker where the eye is, however narrow the dock: a "≠" before the words.
            label = _item(f"{ALTERED_MARK if altered else ''}\u201c{one_line(cluster.label, 160)}\u201d",
                          cluster.label + ("\n\nAltered: an occurrence changes the earliest one's words "
                                           "(double-click to compare)" if altered else ""))
            label.setData(cluster, ClusterRole)
            if altered:
                label.setForeground(DIFF_TEXT)
            articles = _item(str(count))
            articles.setData(count, Qt.ItemDataRole.UserRole)
            for quote in cluster.quotes:
                child = _item(self._title(quote.article), quote.article)
                child.setData(quote, QuoteRole)
                text = _item(one_line(quote.text, 160), quote.text)
                text.setData(quote, QuoteRole)
                speaker = _item(quote.speaker or "")
                speaker.setData(quote, SpeakerRole)
                head.appendRow([child, text, speaker, _fidelity_item(fidelity, quote)])
            model.appendRow([head, label, articles, _fidelity_item(fidelity, None)])
        self.shared_view.resizeColumnToContents(0)

    def _fill_articles(self, quotes: list[Quote]) -> None:
        """Fill the By Article tree a slice at a time, so thousands of articles never hold the window."""
        self.article_model.removeRows(0, self.article_model.rowCount())
        by_article: dict[str, list[Quote]] = {}
        for quote in quotes:
            by_article.setdefault(quote.article, []).append(quote)
        self._pending_rows = self._article_rows(by_article)
        self._fill_step()

    def _fill_step(self) -> None:
        if self._pending_rows is None:
            return
        deadline = time.monotonic() + FILL_SLICE_S
        for row in self._pending_rows:
            self.article_model.appendRow(row)
            if time.monotonic() > deadline:
                self._fill_timer.start()
                return
        self._pending_rows = None
        self._fill_timer.stop()

    def _article_rows(self, by_article: dict[str, list[Quote]]) -> Iterator[list[QStandardItem]]:
        for path, article in list(self.articles.items()):
            found = by_article.get(path, [])
            head = _item(article.title, path)
            shared = sum(1 for q in found if (q.article, q.start, q.end) in self._cluster_of)
            for quote in found:
                speaker = _item(quote.speaker or "(not named)")
                speaker.setData(quote, QuoteRole)
                speaker.setData(quote, SpeakerRole)
                text = _item(one_line(quote.text, 160), quote.text)
                text.setData(quote, QuoteRole)
                marker = "shared" if (quote.article, quote.start, quote.end) in self._cluster_of else ""
                head.appendRow([speaker, text, _item(f"{quote.kind} {marker}".strip())])
            yield [head, _item(f"{len(found)} quotations"), _item(f"{shared} shared" if shared else "")]

    # -- choosing --------------------------------------------------------
    def cluster_of(self, quote: Quote) -> QuoteCluster | None:
        return self._cluster_of.get((quote.article, quote.start, quote.end))

    def counterpart(self, quote: Quote) -> Quote | None:
        """The same quotation in another article (the first in its cluster), if it is shared."""
        cluster = self.cluster_of(quote)
        if cluster is None:
            return None
        return next((q for q in cluster.quotes if q.article != quote.article), None)

    def _on_activated(self, index) -> None:
        quote = index.data(QuoteRole)
        if quote is None:
            cluster = index.data(ClusterRole)
            if cluster is None or len(cluster.quotes) < 2:
                return
            first = cluster.quotes[0]
            other = next((q for q in cluster.quotes if q.article != first.article), None)
            self.quoteChosen.emit(first, other)
            return
        self.quoteChosen.emit(quote, self.counterpart(quote))

    def _current_cluster(self) -> QuoteCluster | None:
        index = self.shared_view.currentIndex()
        if index.data(ClusterRole) is not None:
            return index.data(ClusterRole)
        quote = index.data(QuoteRole)
        return self.cluster_of(quote) if quote is not None else None

    def _on_double_clicked(self, index) -> None:
        if index.data(ClusterRole) is not None:
            self.compare_cluster(index.data(ClusterRole))

    def compare_cluster(self, cluster: QuoteCluster | None) -> QuoteComparison | None:
        """Open (or reuse) the comparison of every occurrence of ``cluster``."""
        fidelity = self.findings.fidelity.get(cluster.id) if cluster is not None else None
        if fidelity is None:
            return None
        if self.comparison is None:
            self.comparison = QuoteComparison(self.window())
            self.comparison.occurrenceChosen.connect(self.quoteChosen)
        self.comparison.set_cluster(cluster, fidelity, self.articles)
        self.comparison.show()
        self.comparison.raise_()
        return self.comparison
    def _show_detail(self, index) -> None:
        """The chosen quotation (or cluster) in full in the reading pane."""
        quote = index.data(QuoteRole) if index.isValid() else None
        if quote is not None:
            self.detail.show_quotes([quote], self.articles)
            return
        cluster = index.data(ClusterRole) if index.isValid() else None
        if cluster is not None:
            self.detail.show_quotes(list(cluster.quotes), self.articles, speaker=cluster.speaker or "")
        else:
            self.detail.clear()

    def _request_set(self) -> None:
        index = self.shared_view.currentIndex()
        cluster = index.data(ClusterRole) or (self.cluster_of(index.data(QuoteRole)) if index.data(QuoteRole) else None)
        if cluster is not None:
            self.makeSetRequested.emit(cluster)
