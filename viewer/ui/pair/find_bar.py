"""Find in both panes (Ctrl+F): every match highlighted, Enter steps through them.

Quote and apostrophe styles are equal (' = \u2019 = \u2018, " = \u201c = \u201d ...), so
"Ukraine's" finds "Ukraine\u2019s"; Match case and Whole words are options; the count
says how many matches each pane holds.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.ui.pair.article_pane import ArticlePane, Highlight
from viewer.ui.pair.passage_colors import FIND_CURRENT_FILL, FIND_FILL, FIND_TEXT

MATCH_COLOR = FIND_FILL
CURRENT_COLOR = FIND_CURRENT_FILL
# One character for each style of quote mark: the folded text keeps every offset.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
})


def fold_quotes(text: str) -> str:
    """``text`` with every quote and apostrophe style as ' or " (same length, same offsets)."""
    return text.translate(_FOLD)


def find_all(text: str, needle: str, match_case: bool = False, whole_words: bool = False) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (code points), quote styles equal."""
    needle = fold_quotes(needle.strip())
    if not needle:
        return []
    pattern = re.escape(needle)
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    flags = 0 if match_case else re.IGNORECASE
    return [(m.start(), m.end()) for m in re.finditer(pattern, fold_quotes(text), flags)]


class FindBar(QWidget):
    def __init__(self, pane_a: ArticlePane, pane_b: ArticlePane, parent=None) -> None:
        super().__init__(parent)
        self.panes = (pane_a, pane_b)
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in both articles")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.find_next)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.case_box = QCheckBox("Match case")
        self.case_box.setObjectName("findCase")
        self.case_box.toggled.connect(lambda _on: self._search(self.edit.text()))
        self.words_box = QCheckBox("Whole words")
        self.words_box.setObjectName("findWholeWords")
        self.words_box.toggled.connect(lambda _on: self._search(self.edit.text()))
        previous_button = QToolButton()
        previous_button.setText("\u25b2")
        previous_button.setToolTip("Previous match (Shift+F3)")
        previous_button.clicked.connect(self.find_previous)
        next_button = QToolButton()
        next_button.setText("\u25bc")
        next_button.setToolTip("Next match (F3, Enter)")
        next_button.clicked.connect(self.find_next)
        close = QToolButton()
        close.setText("\u2715")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(previous_button)
        layout.addWidget(next_button)
        layout.addWidget(self.case_box)
        layout.addWidget(self.words_box)
        layout.addWidget(self.count)
        layout.addWidget(close)
        # (pane index, start, end) in reading order: all of A, then all of B.
        self.matches: list[tuple[int, int, int]] = []
        self.position = -1

    def activate(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self._search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        for pane in self.panes:
            pane.set_layer("find", [])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _search(self, needle: str) -> None:
        self.matches = []
        self.position = -1
        for side, pane in enumerate(self.panes):
            if pane.article is not None:
                found = find_all(pane.article.text, needle, self.case_box.isChecked(), self.words_box.isChecked())
                self.matches += [(side, start, end) for start, end in found]
        self._paint()

    def _paint(self) -> None:
        for side, pane in enumerate(self.panes):
            layer = [
                Highlight(start, end, CURRENT_COLOR if i == self.position else MATCH_COLOR, foreground=FIND_TEXT)
                for i, (s, start, end) in enumerate(self.matches) if s == side
            ]
            pane.set_layer("find", layer)
        in_a = sum(1 for s, _, _ in self.matches if s == 0)
        in_b = len(self.matches) - in_a
        if not self.edit.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no match")
        else:
            where = f"{self.position + 1} of {len(self.matches)}" if self.position >= 0 else f"{len(self.matches)}"
            self.count.setText(f"{where} ({in_a} in A, {in_b} in B)")

    def counts(self) -> tuple[int, int]:
        """Matches in pane A and in pane B."""
        in_a = sum(1 for s, _, _ in self.matches if s == 0)
        return in_a, len(self.matches) - in_a

    def _go(self, step: int) -> None:
        if not self.isVisible():
            self.activate()
        if not self.matches:
            return
        self.position = (self.position + step) % len(self.matches)
        side, start, end = self.matches[self.position]
        self.panes[side].center_on(start)
        self._paint()

    def find_next(self) -> None:
        self._go(+1)

    def find_previous(self) -> None:
        self._go(-1)
