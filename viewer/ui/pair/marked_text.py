"""Table cells holding wrapped text with marked words: the versions of a quote or a passage.

A cell's marks are :class:`Highlight` objects in code points of the cell's text; they are
drawn with the pair view's own formats (:func:`article_pane.char_format`), so a changed
word looks the same in a comparison as between the two panes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from viewer.ui.pair.article_pane import Highlight, char_format
from viewer.ui.pair.pair_view import NO_FILL, difference_highlight
from viewer.ui.pair.text_offsets import OffsetMap

MarksRole = Qt.ItemDataRole.UserRole + 40  # list[Highlight], offsets into the cell's text
StruckRole = Qt.ItemDataRole.UserRole + 42  # list[(start, end)]: words shown struck out (not in this version)
CELL_MARGIN = 4
MAX_SIDE_COLUMN = 220  # pixels: columns beside the text never squeeze it


def marked_document(text: str, marks: Sequence[Highlight], font=None, width: float = -1,
                    struck: Sequence[tuple[int, int]] = ()) -> QTextDocument:
    """A document of ``text`` with each mark's format applied (code points converted to Qt's units).

    ``struck`` ranges are also struck out: words a version lacks, shown where they were.
    """
    document = QTextDocument()
    if font is not None:
        document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(CELL_MARGIN)
    document.setPlainText(text)
    offsets = OffsetMap(text)
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start >= end:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(char_format(mark))
    for start, end in struck:
        cursor = QTextCursor(document)
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        strike = QTextCharFormat()
        strike.setFontStrikeOut(True)
        cursor.mergeCharFormat(strike)
    document.setTextWidth(width)
    return document


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints a cell's text wrapped, with the marks of :data:`MarksRole`; rows grow to fit."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        view.horizontalHeader().sectionResized.connect(lambda *_args: view.resizeRowsToContents())

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> QTextDocument:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        return marked_document(text, index.data(MarksRole) or [], option.font, width, index.data(StruckRole) or [])

    def paint(self, painter, option, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        document = self._document(options, index, options.rect.width())
        options.text = ""
        style = options.widget.style() if options.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(options.rect.translated(-options.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if options.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     options.palette.color(QPalette.ColorRole.HighlightedText))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        width = self.view.columnWidth(index.column())
        document = self._document(option, index, max(width, 40))
        return QSize(int(document.idealWidth()), int(document.size().height()))


def fit_columns(view: QTableView, text_column: int) -> None:
    """Side columns fit their contents (up to :data:`MAX_SIDE_COLUMN`); the text column takes the rest."""
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        if column == text_column:
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column), MAX_SIDE_COLUMN))
    header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
    view.resizeRowsToContents()


def with_dropped(text: str, changed: Sequence[tuple[int, int]], dropped: Sequence[tuple[int, str]],
                 quiet: Sequence[tuple[int, int]] = (), quiet_color=None
                 ) -> tuple[str, list[Highlight], list[tuple[int, int]]]:
    """One version's text as a comparison row shows it.

    ``changed`` ranges (this version's own words the earlier one lacks) are marked as
    differences; ``dropped`` words (the earlier version's words this one lacks, each with
    the position they belong at) are put back there, marked and struck out; ``quiet``
    ranges are shown in ``quiet_color``. Positions are code points of ``text``; returns
    the shown text, its marks and its struck-out ranges.
    """
    shown = text.replace("\n", " ")
    inserts = sorted(dropped)
    marks: list[Highlight] = []
    struck: list[tuple[int, int]] = []
    pieces: list[str] = []
    shift_at: list[tuple[int, int]] = []  # (original position, shift from there on)
    done, shift = 0, 0
    for position, words in inserts:
        words = " ".join(words.split())
        if not words:
            continue
        pieces.append(shown[done:position])
        before = " " if position > 0 and not shown[position - 1].isspace() else ""
        after = " " if position < len(shown) and not shown[position].isspace() else ""
        start = position + shift + len(before)
        pieces.append(before + words + after)
        struck.append((start, start + len(words)))
        marks.append(difference_highlight(start, start + len(words)))
        shift += len(before) + len(words) + len(after)
        shift_at.append((position, shift))
        done = position
    pieces.append(shown[done:])

    def moved(position: int, at_end: bool) -> int:
        extra = 0
        for at, total in shift_at:
            if at < position or (at == position and not at_end):
                extra = total
        return position + extra

    for start, end in changed:
        if end > start:
            marks.append(difference_highlight(moved(start, False), moved(end, True)))
    for start, end in quiet:
        if end > start:
            marks.append(Highlight(moved(start, False), moved(end, True), NO_FILL, foreground=quiet_color))
    return "".join(pieces), marks, struck
