"""The passage list: one row per shared passage of the pair on screen."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

from viewer.ui.pair.passage_colors import is_dark, passage_color

_Index = QModelIndex | QPersistentModelIndex
PassageIndexRole = Qt.ItemDataRole.UserRole + 10


def _word_count(text: str, start: int, end: int) -> int:
    """Words in a stretch; long stretches (a book's chapters) are estimated from spaces."""
    if end - start <= 20_000:
        return len(re.findall(r"\w+", text[start:end]))
    return text.count(" ", start, end) + text.count("\n", start, end) + 1


class PassageListModel(QAbstractTableModel):
    COLUMNS = ("#", "In A", "In B", "Words", "Score", "Also in", "Changes", "Begins")
    TIPS = ("Passage number", "Where it starts in A", "Where it starts in B", "Words in A",
            "How close the two stretches are",
            "Other opened articles that carry it too (double-click: the passage in each of them)",
            "Words of both sides kept in place (verbatim), changed (edited) or found at another place (moved)",
            "First words in A")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []

    def set_passages(self, passages, a_text: str, b_text: str, reuse: dict[int, list[str]] | None = None,
                     colours: list[int] | None = None, summaries: list | None = None) -> None:
        """``reuse`` maps a passage index to the other articles that carry it too; ``colours``
        gives each passage's colour number, ``summaries`` its verbatim / edited / moved words."""
        self.beginResetModel()
        self._rows = []
        a_len, b_len = max(len(a_text), 1), max(len(b_text), 1)
        for index, p in enumerate(passages):
            words = _word_count(a_text, p.a_start, p.a_end)
            first = " ".join(a_text[p.a_start:min(p.a_end, p.a_start + 200)].split()[:8])
            others = (reuse or {}).get(index, [])
            colour = colours[index] if colours and index < len(colours) else index
            summary = summaries[index] if summaries and index < len(summaries) else None
            changes = summary.describe() if summary is not None else ""
            self._rows.append((index, p.a_start / a_len, p.b_start / b_len, words, p.score, changes, others, first,
                               colour))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number, a_pos, b_pos, words, score, changes, others, first, colour = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(number + 1), f"{a_pos:.0%}", f"{b_pos:.0%}", str(words), f"{score:.2f}",
                    str(len(others)) if others else "", changes, first + "\u2026")[column]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[column] == "Also in" and others:
            return "Also in:\n" + "\n".join(others) + "\n\nDouble-click to compare the passage across them"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return passage_color(colour, dark=is_dark(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return QColor(passage_color(colour, alpha=90, dark=is_dark(QGuiApplication.palette())))
        if role == PassageIndexRole:
            return number
        return None
