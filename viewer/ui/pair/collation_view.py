"""One passage across every opened article that carries it: Juxta's collation view, for news.

Opened from the Passages list (its menu, or a double-click: the "Also in" count says how
many other articles will be there). One row per version, earliest first: the base row
shades each word by how many later versions change or drop it; every other row marks its
own words that differ from the base, in the pair view's difference style, and puts the
base's words it dropped back in place, struck out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from viewer.core.corpus.collation import Collation, Version, collate_passage
from viewer.core.text.display import one_line
from viewer.ui.background import LatestRunner
from viewer.ui.pair.article_pane import Highlight
from viewer.ui.pair.marked_text import MarkedTextDelegate, MarksRole, StruckRole, fit_columns, with_dropped
from viewer.ui.pair.pair_view import DIFF_TEXT
from viewer.ui.window_api import WindowApi

VersionRole = Qt.ItemDataRole.UserRole + 43
COLUMNS = ("Outlet", "Date", "Kept", "Text")
TEXT_COLUMN = 3
OUTLET_CHARS = 48
HEAT_ALPHA = (0, 45, 80, 120)  # background of a base word changed by 0, 1, 2, 3+ shares of the versions


def heat_marks(collation: Collation) -> list[Highlight]:
    """The base's words shaded by how many of the other versions change or drop them."""
    base = collation.base
    others = max(len(collation.versions) - 1, 1)
    marks = []
    for start, end, count in collation.variance:
        if count:
            level = min(len(HEAT_ALPHA) - 1, max(1, math.ceil(count / others * (len(HEAT_ALPHA) - 1))))
            color = QColor(DIFF_TEXT)
            color.setAlpha(HEAT_ALPHA[level])
            marks.append(Highlight(start - base.start, end - base.start, color))
    return marks


def version_words(version: Version, base: Version) -> tuple[str, list[Highlight], list[tuple[int, int]]]:
    """A later version as its row shows it (see :func:`marked_text.with_dropped`)."""
    changed = [(s - version.start, e - version.start) for s, e in version.changed]
    dropped = [(span.b_start - version.start, base.article.text[span.a_start:span.a_end])
               for span in version.spans if span.op == "delete" and span.a_end > span.a_start]
    return with_dropped(version.text, changed, dropped)


class PassageCollationView(QDialog):
    """Emits :attr:`versionChosen` (version, base) when a row is double-clicked."""

    versionChosen = Signal(object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("passageCollation")
        self.setWindowTitle("Passage Across Articles")
        self.resize(1000, 520)
        self.collation: Collation | None = None
        self.summary = QLabel()
        self.summary.setObjectName("collationSummary")
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.table = QTableView()
        self.table.setObjectName("collationTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setItemDelegateForColumn(TEXT_COLUMN, MarkedTextDelegate(self.table))
        self.table.doubleClicked.connect(self._on_double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def set_collation(self, collation: Collation, number: int | None = None) -> None:
        self.collation = collation
        base = collation.base
        others = len(collation.versions) - 1
        changed = sum(1 for v in collation.versions[1:] if v.changed or v.dropped)
        title = f"Passage {number + 1}" if number is not None else "This passage"
        self.summary.setText(
            f"{title} in {len(collation.versions)} articles, earliest first. The base is "
            f"{_outlet(base)}, {base.article.date or 'undated'}"
            + (" (none of them is dated: the order is the pair's, then the list's)" if not base.article.date else "")
            + f". {changed} of {others} later version{'s' if others != 1 else ''} differ from it: their own "
              "words are marked, the base's words they drop are struck out; in the base, the more versions "
              "change a word, the darker it is.")
        self.model.removeRows(0, self.model.rowCount())
        for version in collation.versions:
            self.model.appendRow(self._row(version, base))
        fit_columns(self.table, TEXT_COLUMN)

    def _row(self, version: Version, base: Version) -> list[QStandardItem]:
        article = version.article
        outlet = QStandardItem(_outlet(version))
        outlet.setToolTip(f"{article.title}\n{article.path}")
        date = QStandardItem(article.date or "undated")
        text = QStandardItem(version.text)
        if version is base:
            kept = QStandardItem("base")
            font = QFont()
            font.setBold(True)
            outlet.setFont(font)
            kept.setFont(font)
            text.setText(version.text.replace("\n", " "))
            text.setData(heat_marks(self.collation), MarksRole)
        else:
            share = version.kept_share(base)
            kept = QStandardItem("not compared" if math.isnan(share) else f"{share:.0%}")
            kept.setToolTip("Share of the base's words this version keeps unchanged")
            if version.compared:
                shown, marks, struck = version_words(version, base)
                text.setText(shown)
                text.setData(marks, MarksRole)
                text.setData(struck, StruckRole)
            else:
                text.setText(version.text.replace("\n", " "))
        for item in (outlet, date, kept, text):
            item.setData(version, VersionRole)
        return [outlet, date, kept, text]

    def _on_double_clicked(self, index) -> None:
        version = index.data(VersionRole)
        if version is not None and self.collation is not None and version is not self.collation.base:
            self.versionChosen.emit(version, self.collation.base)


def _outlet(version: Version) -> str:
    article = version.article
    return one_line(getattr(article, "outlet", None) or article.title, OUTLET_CHARS)


class PassageCollationController:
    """Opens the collation of the pair view's passages from the window's Passages list.

    ``corpus`` is whatever holds the corpus index's latest ``result`` (the corpus
    controller); without one, or while it describes other texts, the pair alone is collated.
    """

    def __init__(self, window: WindowApi, corpus=None) -> None:
        self.window = window
        self.corpus = corpus
        self.dialog: PassageCollationView | None = None
        self.runner = LatestRunner(window)
        self.runner.finished.connect(self._on_collated)
        self.runner.failed.connect(lambda _key, message: window.show_status(f"Comparing the passage failed: {message}"))
        table = window.passage_dock.widget()
        self.action = QAction("Compare This Passage Across Articles\u2026", table)
        self.action.setObjectName("collatePassage")
        self.action.setStatusTip("Every opened article carrying the selected passage, earliest first, "
                                 "with its differences marked")
        self.action.triggered.connect(self.open_current)
        table.addAction(self.action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.doubleClicked.connect(lambda index: self.open_passage(index.row()))

    def _corpus_result(self):
        """The corpus index when it describes the pair on screen (same settings, same texts)."""
        view = self.window.pair_view
        result = getattr(self.corpus, "result", None)
        if result is None or result.settings != view.settings:
            return None
        i, j = result.index_of(view.a.path), result.index_of(view.b.path)
        if i < 0 or j < 0 or result.shas[i] != view.a.sha256 or result.shas[j] != view.b.sha256:
            return None
        return result

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def open_current(self) -> None:
        self.open_passage(self.window.pair_view.current)

    def open_passage(self, number: int) -> bool:
        """Collate passage ``number`` of the pair on screen in the background, then show it.

        False when there is no such passage. The word diffs of many long versions would hold
        the window, so they run on the runner's thread; a newer request replaces this one.
        """
        view = self.window.pair_view
        if view.a is None or view.b is None or not 0 <= number < len(view.passages):
            return False
        a, b, passage = view.a, view.b, view.passages[number]
        articles = {x.path: x for x in self.window.model.articles}
        result = self._corpus_result()
        self.runner.submit((a.path, b.path, number),
                           lambda _state: collate_passage(a, b, passage, result, articles))
        return True

    def _on_collated(self, key, collation: Collation) -> None:
        if self.dialog is None:
            self.dialog = PassageCollationView(self.window)
            self.dialog.versionChosen.connect(self._show_version)
        self.dialog.set_collation(collation, key[2])
        self.dialog.show()
        self.dialog.raise_()

    def _show_version(self, version: Version, base: Version) -> None:
        """Open the base and the chosen version as the pair, the passage revealed in both."""
        self.window.pair_view.set_pair(base.article, version.article)
        self.window.pair_view.reveal_ranges((base.start, base.end), (version.start, version.end))


def install_passage_collation(window: WindowApi, corpus=None) -> PassageCollationController:
    """Add the collation view to ``window``'s Passages list; keep the returned controller."""
    return PassageCollationController(window, corpus)
