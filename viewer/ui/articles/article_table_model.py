"""The article list: a table model over the loaded articles, and its filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from viewer.core.loading.articles import Article
from viewer.ui.table_model import ColumnsTableModel

ArticleRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(ColumnsTableModel):
    COLUMNS = ("Title", "Outlet", "Date", "Words", "Authors", "Address", "Note")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []
        self._rows: dict[str, int] = {}  # path -> row (articles arrive one by one: no list scans)
        self._shown: set[str] = set()  # paths of the articles in the panes

    # -- content -------------------------------------------------------
    @property
    def articles(self) -> list[Article]:
        return self._articles

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self._rows = {a.path: row for row, a in enumerate(self._articles)}
        self.endResetModel()

    def add_articles(self, articles: list[Article]) -> None:
        new: list[Article] = []
        for article in articles:
            if article.path not in self._rows:
                self._rows[article.path] = len(self._articles) + len(new)
                new.append(article)
        if not new:
            return
        first = len(self._articles)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._articles.extend(new)
        self.endInsertRows()

    def article(self, row: int) -> Article:
        return self._articles[row]

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)

    def set_shown(self, paths: set[str]) -> None:
        self._shown = set(paths)
        if self._articles:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._articles) - 1, len(self.COLUMNS) - 1),
                                  [Qt.ItemDataRole.FontRole])

    # -- Qt model interface ----------------------------------------------
    def table_rows(self) -> list:
        return self._articles

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article = self._articles[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (article.title, article.outlet or "", _when(article), f"{article.words:,}",
                    ", ".join(article.authors), article.url or "", article.note or "")[column]
        if role == SortRole:
            outlet = (article.outlet or "").casefold()
            return (article.title.casefold(), outlet, article.published or "", article.words,
                    ", ".join(article.authors).casefold(), article.url or "", article.note or "")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [article.title, article.path, article.url or "", article.note or ""]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ForegroundRole and article.note:
            return QColor(160, 90, 0)  # the list says an article is not what the extractor hoped for
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and article.path in self._shown:
            font = QFont()
            font.setBold(True)
            return font
        if role == ArticleRole:
            return article
        return None


def _when(article: Article) -> str:
    return f"{article.date} {article.time}" if article.date and article.time else article.date or ""


class ArticleFilterModel(QSortFilterProxyModel):
    """Sorts by the typed value of a column and filters on title, outlet, date and file name."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        article = self.sourceModel().article(source_row)
        haystack = " ".join((article.title, article.outlet or "", article.date or "", article.name,
                             " ".join(article.authors), article.url or "")).casefold()
        return all(word in haystack for word in self._needle.split())


def choice_text(article: Article) -> str:
    """What a pane chooser shows: title, outlet, date and file name (similar titles differ)."""
    parts = [article.title, article.outlet, article.date, Path(article.path).name]
    return " \u00b7 ".join(p for p in parts if p)


class ArticleChoiceModel(QIdentityProxyModel):
    """The article list as the pane choosers show it: one line with title, outlet, date, file name."""

    def __init__(self, source: ArticleTableModel, *choosers) -> None:
        super().__init__(source)
        self.setSourceModel(source)
        for chooser in choosers:
            chooser.setModel(self)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            return choice_text(self.sourceModel().article(index.row()))
        return super().data(index, role)


class ArticleColumnsFitter(QObject):
    """Keeps the list's titles readable: the title keeps at least ``TITLE_SHARE`` of the width;
    the other columns get a capped share each (to their contents when narrower), and what
    does not fit scrolls sideways instead of narrowing the title."""

    TITLE_SHARE = 0.55
    SHARES = {"Outlet": 0.2, "Date": 0.22}
    OTHER_SHARE = 0.25

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(table.model().columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.fit)
        table.model().rowsInserted.connect(self.fit)

    def fit(self, *_args) -> None:
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()
        model = self.table.model()
        others = 0
        for column in range(1, model.columnCount()):
            if header.isSectionHidden(column):
                continue
            name = model.headerData(column, Qt.Orientation.Horizontal)
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            size = wanted if name == "Words" else min(wanted, int(width * self.SHARES.get(name, self.OTHER_SHARE)))
            self.table.setColumnWidth(column, size)
            others += size
        self.table.setColumnWidth(0, max(int(width * self.TITLE_SHARE), width - others))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
