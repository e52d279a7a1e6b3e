"""The Quote sets panel: each set with its occurrences, and what can be done to them.

The panel only shows and asks: every change goes out as a signal to the workspace
controller, which makes it one undoable edit and then reloads the panel with
:meth:`QuoteSetsPanel.set_content`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.store.model import Occurrence, QuoteSet
from viewer.core.text.display import one_line
from viewer.ui.shortcuts import SHORTCUTS, key_sequences, make_action

SetIdRole = Qt.ItemDataRole.UserRole + 40
OccurrenceIdRole = Qt.ItemDataRole.UserRole + 41
DETACHED_COLOR = QColor("#c01c28")


def colour_icon(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _item(text: str, tooltip: str | None = None, editable: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(editable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class QuoteSetsPanel(QWidget):
    """A tree of quote sets (top level) and their occurrences (children)."""

    renameRequested = Signal(int, str)  # set id, new name
    recolourRequested = Signal(int)  # set id
    editSetRequested = Signal(int)  # set id: tags and note
    mergeRequested = Signal(object, int)  # source set ids, target set id
    moveRequested = Signal(object, int)  # occurrence ids, target set id
    deleteSetsRequested = Signal(object)  # set ids
    deleteOccurrencesRequested = Signal(object)  # occurrence ids
    editOccurrenceRequested = Signal(int)  # occurrence id: note and speaker
    editSpeakerRequested = Signal(int)  # occurrence id: who said it (the user's correction)
    jumpRequested = Signal(int)  # occurrence id
    exportRequested = Signal(object)  # set ids ([] = all)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.sets: list[QuoteSet] = []
        self.occurrences: dict[int, list[Occurrence]] = {}
        self._filling = False

        self.header = QLabel()
        self.header.setObjectName("workspaceLabel")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Set / quote", "Article"])
        self.model.itemChanged.connect(self._on_item_changed)
        self.view = QTreeView()
        self.view.setObjectName("quoteSetsTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # The quote is what matters: its column takes the room, the others stay narrow.
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.view.header().setStretchLastSection(False)
        self.view.header().resizeSection(1, 120)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        delete = QAction("Delete", self.view)
        delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.view.addAction(delete)
        # F2 edits what a row names: a set's name (in place), a quote's speaker (a dialog).
        edit = make_action(self.view, "edit_speaker", self.edit_current)
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.summary = QLabel()
        self.summary.setObjectName("quoteSetsSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    # -- content -------------------------------------------------------------
    def set_workspace_label(self, text: str, tooltip: str = "") -> None:
        self.header.setText(text)
        self.header.setToolTip(tooltip)

    def set_content(self, sets: list[QuoteSet], occurrences: dict[int, list[Occurrence]], read_only: bool) -> None:
        """Show these sets; keeps which sets were expanded and what was selected."""
        expanded = {self.model.item(r).data(SetIdRole) for r in range(self.model.rowCount())
                    if self.view.isExpanded(self.model.index(r, 0))}
        known = {s.id for s in self.sets}
        selected = self.selected_keys()
        self.sets, self.occurrences, self.read_only = list(sets), dict(occurrences), read_only
        self._filling = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            for quote_set in sets:
                self.model.appendRow(self._set_row(quote_set, occurrences.get(quote_set.id, [])))
        finally:
            self._filling = False
        for row, quote_set in enumerate(sets):
            # New sets open, so a freshly tagged quote is visible at once.
            if quote_set.id in expanded or quote_set.id not in known:
                self.view.expand(self.model.index(row, 0))
        self._restore_selection(selected)
        self._show_summary()

    def _show_summary(self) -> None:
        sets, occurrences = self.sets, self.occurrences
        total = sum(len(v) for v in occurrences.values())
        detached = sum(1 for v in occurrences.values() for o in v if o.detached)
        text = f"{len(sets)} set{'s' if len(sets) != 1 else ''}, {total} quote{'s' if total != 1 else ''}"
        if detached:
            text += f"; {detached} detached (article changed)"
        if self.read_only:
            text += " \u2014 read-only"
        self.summary.setText(text if sets else "No quote sets yet: select words in a pane and press Ctrl+T.")

    def update_sets(self, sets: list[QuoteSet], changed: dict[int, list[Occurrence]]) -> None:
        """Show ``sets`` (all of them, in order), rebuilding only the rows of the ``changed`` ones.

        ``changed`` maps each set an edit touched to its quotes now; a touched set that is
        no longer in ``sets`` was deleted. Other rows, their expansion and the selection stay.
        """
        selected = self.selected_keys()
        expanded = {self.model.item(r).data(SetIdRole) for r in range(self.model.rowCount())
                    if self.view.isExpanded(self.model.index(r, 0))}
        known = {s.id for s in self.sets}
        self.sets = list(sets)
        for set_id, items in changed.items():
            self.occurrences[set_id] = list(items)
        present = {s.id for s in sets}
        for gone in set(self.occurrences) - present:
            del self.occurrences[gone]
        self._filling = True
        try:
            for row in reversed(range(self.model.rowCount())):
                set_id = self.model.item(row).data(SetIdRole)
                if set_id not in present or set_id in changed:
                    self.model.removeRow(row)
            rows = {self.model.item(r).data(SetIdRole) for r in range(self.model.rowCount())}
            for position, quote_set in enumerate(sets):
                if quote_set.id not in rows:
                    self.model.insertRow(position, self._set_row(quote_set, self.occurrences.get(quote_set.id, [])))
                    if quote_set.id in expanded or quote_set.id not in known:
                        self.view.expand(self.model.index(position, 0))
        finally:
            self._filling = False
        self._restore_selection(selected)
        self._show_summary()

    def _set_row(self, quote_set: QuoteSet, items: list[Occurrence]) -> list[QStandardItem]:
        tags = ", ".join(quote_set.tags)
        count = f"{len(items)} quote{'s' if len(items) != 1 else ''}"
        tip = f"{quote_set.name} ({count})" + (f"\nTags: {tags}" if tags else "")
        tip += f"\n{quote_set.note}" if quote_set.note else ""
        head = _item(quote_set.name, tip, editable=not self.read_only)
        head.setIcon(colour_icon(quote_set.colour))
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        head.setData(quote_set.id, SetIdRole)
        middle = _item(f"{count} \u00b7 {tags}" if tags else count, tip)
        middle.setData(quote_set.id, SetIdRole)
        for occurrence in items:
            head.appendRow(self._occurrence_row(occurrence))
        return [head, middle]

    def _occurrence_row(self, occurrence: Occurrence) -> list[QStandardItem]:
        where = occurrence.title or Path(occurrence.article).name
        tip = f"\u201c{occurrence.text}\u201d\n\n{where}\n{occurrence.article}\n"
        tip += f"code points {occurrence.start}-{occurrence.end}"
        if occurrence.speaker_source == "edited":
            tip += (f"\nSpeaker: {occurrence.speaker or 'nobody named'} (edited; found in the text: "
                    f"{occurrence.detected_speaker or 'nobody'})")
        elif occurrence.speaker:
            tip += f"\nSpeaker: {occurrence.speaker}"
        if occurrence.note:
            tip += f"\nNote: {occurrence.note}"
        if occurrence.detached:
            tip += "\nDetached: the article changed and this quote could not be found in it again."
        prefix = "\u26a0 detached: " if occurrence.detached else ""
        quote = _item(f"{prefix}\u201c{one_line(occurrence.text, 140)}\u201d", tip)
        article = _item(f"{occurrence.speaker} \u00b7 {where}" if occurrence.speaker else where, tip)
        if occurrence.speaker_source == "edited":
            font = QFont(article.font())
            font.setItalic(True)
            article.setFont(font)
        for item in (quote, article):
            item.setData(occurrence.id, OccurrenceIdRole)
            item.setData(occurrence.set_id, SetIdRole)
            if occurrence.detached:
                item.setForeground(DETACHED_COLOR)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
        return [quote, article]

    # -- selection -------------------------------------------------------------
    def selected_keys(self) -> list[tuple[str, int]]:
        """The selected rows as ("set", id) or ("occurrence", id), in order."""
        keys: list[tuple[str, int]] = []
        for index in self.view.selectionModel().selectedRows(0):
            key = self._key(index)
            if key and key not in keys:
                keys.append(key)
        return keys

    def selected_set_ids(self) -> list[int]:
        """Sets selected directly or through one of their occurrences."""
        ids: list[int] = []
        for index in self.view.selectionModel().selectedRows(0):
            set_id = index.data(SetIdRole)
            if set_id is not None and set_id not in ids:
                ids.append(set_id)
        return ids

    def selected_occurrence_ids(self) -> list[int]:
        return [key[1] for key in self.selected_keys() if key[0] == "occurrence"]

    @staticmethod
    def _key(index: QModelIndex) -> tuple[str, int] | None:
        occurrence_id = index.data(OccurrenceIdRole)
        if occurrence_id is not None:
            return ("occurrence", occurrence_id)
        set_id = index.data(SetIdRole)
        return ("set", set_id) if set_id is not None else None

    def index_of(self, kind: str, row_id: int) -> QModelIndex:
        for row in range(self.model.rowCount()):
            head = self.model.item(row)
            if kind == "set" and head.data(SetIdRole) == row_id:
                return head.index()
            if kind == "occurrence":
                for child in range(head.rowCount()):
                    if head.child(child).data(OccurrenceIdRole) == row_id:
                        return head.child(child).index()
        return QModelIndex()

    def select(self, kind: str, row_id: int) -> None:
        index = self.index_of(kind, row_id)
        if index.isValid():
            self.view.scrollTo(index)
            self.view.setCurrentIndex(index)

    def _restore_selection(self, keys: list[tuple[str, int]]) -> None:
        model = self.view.selectionModel()
        model.clearSelection()
        for kind, row_id in keys:
            index = self.index_of(kind, row_id)
            if index.isValid():
                model.select(index, model.SelectionFlag.Select | model.SelectionFlag.Rows)

    # -- actions ---------------------------------------------------------------
    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 0 or item.data(OccurrenceIdRole) is not None:
            return
        set_id = item.data(SetIdRole)
        old = next((s for s in self.sets if s.id == set_id), None)
        name = " ".join(item.text().split())
        if old is not None and name != old.name:
            if name:
                self.renameRequested.emit(set_id, name)
            else:  # an empty name is not a rename; put the old one back
                self._filling = True
                item.setText(old.name)
                self._filling = False

    def _on_activated(self, index: QModelIndex) -> None:
        occurrence_id = index.data(OccurrenceIdRole)
        if occurrence_id is not None:
            self.jumpRequested.emit(occurrence_id)

    def edit_current(self) -> None:
        """F2: rename the current set in place, or ask to edit the current quote's speaker."""
        index = self.view.currentIndex()
        key = self._key(index) if index.isValid() else None
        if key is None or self.read_only:
            return
        if key[0] == "set":
            self.view.edit(index.siblingAtColumn(0))
        else:
            self.editSpeakerRequested.emit(key[1])

    def delete_selected(self) -> None:
        if self.read_only:
            return
        occurrences = self.selected_occurrence_ids()
        sets = [key[1] for key in self.selected_keys() if key[0] == "set"]
        if sets:
            self.deleteSetsRequested.emit(sets)
        elif occurrences:
            self.deleteOccurrencesRequested.emit(occurrences)

    def _context_menu(self, point) -> None:
        menu = self.build_menu(self.view.indexAt(point))
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(point))

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu for a row (the selection it belongs to); None on empty space."""
        key = self._key(index) if index.isValid() else None
        menu = QMenu(self)
        if key is None:
            menu.addAction("Export All Quote Sets\u2026", lambda: self.exportRequested.emit([]))
            return menu
        if key not in self.selected_keys():
            self.view.setCurrentIndex(index)
        editable = not self.read_only
        sets = [s for s in self.sets]
        if key[0] == "set":
            set_id = key[1]
            chosen = [k[1] for k in self.selected_keys() if k[0] == "set"] or [set_id]
            rename = menu.addAction("Rename\u2026", lambda: self.view.edit(self.index_of("set", set_id)))
            colour = menu.addAction("Change Colour\u2026", lambda: self.recolourRequested.emit(set_id))
            edit = menu.addAction("Tags and Note\u2026", lambda: self.editSetRequested.emit(set_id))
            merge = menu.addMenu("Merge Into")
            for target in sets:
                if target.id not in chosen:
                    merge.addAction(target.name, lambda t=target.id: self.mergeRequested.emit(chosen, t))
            merge.setEnabled(editable and not merge.isEmpty())
            menu.addSeparator()
            menu.addAction("Export This Set\u2026" if len(chosen) == 1 else "Export the Selected Sets\u2026",
                           lambda: self.exportRequested.emit(chosen))
            menu.addSeparator()
            delete = menu.addAction("Delete Set" if len(chosen) == 1 else f"Delete {len(chosen)} Sets",
                                    lambda: self.deleteSetsRequested.emit(chosen))
            for action in (rename, colour, edit, delete):
                action.setEnabled(editable)
            return menu
        occurrence_id = key[1]
        chosen = self.selected_occurrence_ids() or [occurrence_id]
        menu.addAction("Go to Quote", lambda: self.jumpRequested.emit(occurrence_id))
        speaker = menu.addAction(SHORTCUTS["edit_speaker"][0], lambda: self.editSpeakerRequested.emit(occurrence_id))
        speaker.setShortcuts(key_sequences("edit_speaker"))
        note = menu.addAction("Speaker and Note\u2026", lambda: self.editOccurrenceRequested.emit(occurrence_id))
        move = menu.addMenu("Move to Set")
        current = index.data(SetIdRole)
        for target in sets:
            if target.id != current:
                move.addAction(target.name, lambda t=target.id: self.moveRequested.emit(chosen, t))
        move.setEnabled(editable and not move.isEmpty())
        menu.addSeparator()
        delete = menu.addAction("Delete Quote" if len(chosen) == 1 else f"Delete {len(chosen)} Quotes",
                                lambda: self.deleteOccurrencesRequested.emit(chosen))
        for action in (speaker, note, delete):
            action.setEnabled(editable)
        return menu
