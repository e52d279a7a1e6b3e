"""Every occurrence of one shared quotation side by side: who published which words, and when.

One row per occurrence (outlet, date, speaker, the words), earliest first. The reference
(the earliest-published occurrence, see :mod:`viewer.core.quotes.fidelity`) heads the
list; in every other row the words that differ from it are marked as the pair view marks
changed words, the reference's words it dropped are put back struck out, and words quoted
beyond the reference's ends are shown in grey.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from viewer.core.loading.articles import Article
from viewer.core.quotes.clusters import QuoteCluster
from viewer.core.quotes.fidelity import Change, Fidelity, Variant
from viewer.core.quotes.finder import Quote
from viewer.core.text.display import one_line
from viewer.ui.pair.article_pane import Highlight
from viewer.ui.pair.marked_text import MarkedTextDelegate, MarksRole, StruckRole, fit_columns, with_dropped
from viewer.ui.pair.pair_view import difference_highlight

OccurrenceRole = Qt.ItemDataRole.UserRole + 41
EDGE_TEXT = QColor("#77767b")  # words quoted beyond the reference: shown, not an alteration
COLUMNS = ("Outlet", "Date", "Speaker", "Words", "Changes")
WORDS_COLUMN = 3
OUTLET_CHARS = 48


def _change_text(change: Change) -> str:
    if change.op == "replace":
        return f"\u201c{change.reference}\u201d \u2192 \u201c{change.text}\u201d"
    if change.op == "delete":
        return f"dropped \u201c{change.reference}\u201d"
    return f"{'quotes more' if change.edge else 'added'}: \u201c{change.text}\u201d"


def occurrence_words(variant: Variant) -> tuple[str, list[Highlight], list[tuple[int, int]]]:
    """The occurrence's words as a row shows them: its changed and added words marked, the
    reference's words it dropped put back where they were (struck out), words quoted beyond
    the reference in grey (see :func:`marked_text.with_dropped`)."""
    base = variant.quote.start
    changed = [(c.start - base, c.end - base) for c in variant.changes if not c.edge]
    edges = [(c.start - base, c.end - base) for c in variant.changes if c.edge]
    dropped = [(c.start - base, c.reference) for c in variant.changes if c.op == "delete"]
    return with_dropped(variant.quote.text, changed, dropped, edges, EDGE_TEXT)


def _date_key(date: str | None) -> tuple[int, str]:
    return (0, date) if date else (1, "")


class QuoteComparison(QDialog):
    """Emits :attr:`occurrenceChosen` (occurrence, reference) when a row is double-clicked."""

    occurrenceChosen = Signal(object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteComparison")
        self.setWindowTitle("Compare Quotation")
        self.resize(980, 420)
        self.cluster: QuoteCluster | None = None
        self.fidelity: Fidelity | None = None
        self.heading = QLabel()
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.table = QTableView()
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WORDS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(WORDS_COLUMN, MarkedTextDelegate(self.table))
        self.table.doubleClicked.connect(self._on_double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def set_cluster(self, cluster: QuoteCluster, fidelity: Fidelity, articles: Mapping[str, Article]) -> None:
        self.cluster, self.fidelity = cluster, fidelity
        reference = fidelity.reference
        self.heading.setText(f"{cluster.speaker or 'Speaker not named'}: \u201c{cluster.label}\u201d")
        altered = [v for v in fidelity.variants if v.altered]
        outlets = len({q.article for q in cluster.quotes})
        ref_article = articles.get(reference.article)
        self.summary.setText(
            f"{len(cluster.quotes)} occurrences in {outlets} articles. Reference: "
            f"{self._outlet(ref_article, reference)}, {self._date(ref_article)} (the earliest published). "
            + (f"{len(altered)} altered: changed words are marked." if altered else "None is altered."))
        self.model.removeRows(0, self.model.rowCount())
        rows: list[tuple[tuple, Quote, Variant | None]] = []
        for order, quote in enumerate(cluster.quotes):
            article = articles.get(quote.article)
            date = article.date if article else None
            variant = None if quote is reference else fidelity.variant_of(quote)
            rows.append(((_date_key(date), quote is not reference, order), quote, variant))
        for _key, quote, variant in sorted(rows, key=lambda row: row[0]):
            self.model.appendRow(self._row(quote, variant, articles.get(quote.article)))
        fit_columns(self.table, WORDS_COLUMN)

    @staticmethod
    def _outlet(article: Article | None, quote: Quote) -> str:
        if article is None:
            return quote.article
        return one_line(article.outlet or article.title, OUTLET_CHARS)

    @staticmethod
    def _date(article: Article | None) -> str:
        return (article.date if article else None) or "undated"

    def _row(self, quote: Quote, variant: Variant | None, article: Article | None) -> list[QStandardItem]:
        outlet = QStandardItem(self._outlet(article, quote))
        outlet.setToolTip(f"{article.title}\n{article.path}" if article else quote.article)
        outlet.setData(quote, OccurrenceRole)
        date = QStandardItem(self._date(article))
        speaker = QStandardItem(quote.speaker or "\u2014")
        words = QStandardItem(quote.text.replace("\n", " "))
        words.setToolTip(quote.text)
        if variant is not None:
            shown, marks, struck = occurrence_words(variant)
            words.setText(shown)
            words.setData(marks, MarksRole)
            words.setData(struck, StruckRole)
        if variant is None:
            changes = QStandardItem("reference")
            bold = QFont()
            bold.setBold(True)
            for item in (outlet, changes):
                item.setFont(bold)
        else:
            listed = [_change_text(c) for c in variant.changes]
            if variant.altered:
                text = f"altered ({len(variant.alterations)})"
            elif variant.changes:
                text = "quotes more"
            else:
                text = "fragment" if variant.partial else "same words"
            changes = QStandardItem(text)
            if variant.altered:
                changes.setForeground(difference_highlight(0, 0).foreground)
            changes.setToolTip("\n".join(listed) if listed else "The reference's own words")
        for item in (outlet, date, speaker, words, changes):
            item.setData(quote, OccurrenceRole)
        return [outlet, date, speaker, words, changes]

    def occurrences(self) -> list[Quote]:
        """The occurrences in their row order."""
        return [self.model.item(row, 0).data(OccurrenceRole) for row in range(self.model.rowCount())]

    def _on_double_clicked(self, index) -> None:
        quote = index.data(OccurrenceRole)
        if quote is not None and self.fidelity is not None:
            self.occurrenceChosen.emit(quote, self.fidelity.reference if quote is not self.fidelity.reference else None)
