"""The user's speaker corrections shown over the Quotes panel's detected speakers.

The panel fills its trees from detection (in the background, a slice at a time);
this overlay watches the rows as they arrive, finds the cells that show a speaker
(marked with :data:`SpeakerRole`) and shows the correction where the workspace holds
one: the same cell text, so the panel's filter finds a quote by its corrected speaker,
in italics with a tooltip naming what detection said. It also adds "Edit Speaker…"
(F2, and the context menu) to both trees, and asks for the edit with
:attr:`SpeakerOverlay.editRequested`; storing it is the workspace controller's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QStandardItem, QStandardItemModel

from viewer.ui.quotes.quotes_panel import QuoteRole, SpeakerRole
from viewer.ui.shortcuts import make_action

Key = tuple[str, int, int]  # resolved article path, start, end (code points)
NOT_NAMED = "(not named)"
CLUSTER_NOT_NAMED = "(speaker not named)"


def _font(item: QStandardItem, italic: bool) -> None:
    font = QFont(item.font())
    if font.italic() != italic:
        font.setItalic(italic)
        item.setFont(font)


class SpeakerOverlay(QObject):
    """Corrections over one :class:`~viewer.ui.quotes.quotes_panel.QuotesPanel`."""

    editRequested = Signal(object)  # Quote
    editClusterRequested = Signal(object)  # QuoteCluster: one speaker for all its occurrences

    def __init__(self, panel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.corrections: dict[Key, tuple[str | None, str | None]] = {}  # key -> (speaker, detected)
        self._resolved: dict[str, str] = {}
        # Per model (by id): key -> [(cell, placeholder)], and id(cell) -> key.
        self._cells: dict[int, dict[Key, list[tuple[QStandardItem, str]]]] = {}
        self._key_of: dict[int, dict[int, Key]] = {}
        self._heads: dict[int, tuple[QStandardItem, object]] = {}  # id(cell) -> (cell, cluster)
        self._placeholder = {id(panel.shared_model): "", id(panel.article_model): NOT_NAMED}
        for model in (panel.shared_model, panel.article_model):
            model.rowsInserted.connect(lambda parent, first, last, m=model: self._walk(m, parent, first, last, True))
            model.rowsAboutToBeRemoved.connect(
                lambda parent, first, last, m=model: self._walk(m, parent, first, last, False))
        self.actions: list[QAction] = []
        for view in (panel.shared_view, panel.article_view):
            action = make_action(view, "edit_speaker",
                                 lambda _checked=False, v=view: self.request_edit(v.currentIndex()))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # F2 of the tree with the focus
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            self.actions.append(action)

    # -- keys ---------------------------------------------------------------------
    def key(self, quote) -> Key:
        resolved = self._resolved.get(quote.article)
        if resolved is None:
            resolved = self._resolved[quote.article] = str(Path(quote.article).resolve())
        return (resolved, quote.start, quote.end)

    def speaker_of(self, quote) -> str | None:
        """The speaker shown for ``quote``: the user's correction, else detection's."""
        corrected = self.corrections.get(self.key(quote))
        return corrected[0] if corrected is not None else quote.speaker

    def is_corrected(self, quote) -> bool:
        return self.key(quote) in self.corrections

    # -- asking ------------------------------------------------------------------
    def request_edit(self, index: QModelIndex) -> bool:
        """Ask to edit the speaker of the quote (or cluster) on ``index``'s row; False on other rows."""
        if not index.isValid():
            return False
        for column in range(index.model().columnCount(index.parent())):
            marked = index.siblingAtColumn(column).data(QuoteRole)
            if marked is not None:
                self.editRequested.emit(marked)
                return True
        cluster = index.siblingAtColumn(0).data(SpeakerRole)
        if cluster is not None and hasattr(cluster, "quotes"):
            self.editClusterRequested.emit(cluster)
            return True
        return False

    # -- showing ------------------------------------------------------------------
    def set_corrections(self, corrections: Iterable) -> None:
        """Show these corrections (objects with article, start, end, speaker, detected)."""
        new = {(c.article, c.start, c.end): (c.speaker, c.detected) for c in corrections}
        changed = {k for k in set(new) | set(self.corrections) if new.get(k) != self.corrections.get(k)}
        self.corrections = new
        for key in changed:
            for cells in self._cells.values():
                for cell, placeholder in cells.get(key, []):
                    self._show(cell, placeholder)
        if changed:
            for cell, cluster in self._heads.values():
                self._show_cluster(cell, cluster)

    def _show(self, cell: QStandardItem, placeholder: str) -> None:
        quote = cell.data(SpeakerRole)
        corrected = self.corrections.get(self.key(quote))
        if corrected is None:
            text, tip, italic = quote.speaker or placeholder, None, False
        else:
            text, italic = corrected[0] or placeholder, True
            tip = f"Speaker edited by you; found in the text: {quote.speaker or 'nobody'}"
        if cell.text() != text:
            cell.setText(text)
        cell.setToolTip(tip or "")
        _font(cell, italic)

    def cluster_speaker(self, cluster) -> tuple[str | None, bool]:
        """(the speaker a cluster's head shows, whether corrections decided it).

        Without corrections, detection's label; with some, the speaker most of its
        occurrences now name, the corrected ones winning a tie.
        """
        keys = [self.key(q) for q in cluster.quotes]
        if not any(k in self.corrections for k in keys):
            return cluster.speaker, False
        ordered = sorted(zip(keys, cluster.quotes, strict=True), key=lambda kq: kq[0] not in self.corrections)
        votes = Counter(self.speaker_of(q) for _k, q in ordered)
        votes.pop(None, None)
        return (votes.most_common(1)[0][0] if votes else None), True

    def _show_cluster(self, cell: QStandardItem, cluster) -> None:
        speaker, italic = self.cluster_speaker(cluster)
        text = speaker or CLUSTER_NOT_NAMED
        if cell.text() != text:
            cell.setText(text)
        _font(cell, italic)

    # -- following the trees --------------------------------------------------------
    def _walk(self, model: QStandardItemModel, parent: QModelIndex, first: int, last: int, adding: bool) -> None:
        placeholder = self._placeholder.get(id(model), "")
        cells = self._cells.setdefault(id(model), {})
        keys = self._key_of.setdefault(id(model), {})
        if not adding and not parent.isValid() and first == 0 and last == model.rowCount() - 1:
            # The panel empties a tree before filling it again: forget it without a walk.
            cells.clear()
            keys.clear()
            if model is self.panel.shared_model:
                self._heads.clear()
            return
        stack = []
        for row in range(first, last + 1):
            for column in range(model.columnCount(parent)):
                item = model.itemFromIndex(model.index(row, column, parent))
                if item is not None:
                    stack.append(item)
        while stack:
            item = stack.pop()
            for row in range(item.rowCount()):
                for column in range(item.columnCount()):
                    child = item.child(row, column)
                    if child is not None:
                        stack.append(child)
            marked = item.data(SpeakerRole)
            if marked is None:
                continue
            if adding:
                self._add(cells, keys, item, marked, placeholder)
            else:
                self._remove(cells, keys, item)

    def _add(self, cells: dict, keys: dict, item: QStandardItem, marked, placeholder: str) -> None:
        if hasattr(marked, "quotes"):  # a cluster's head
            self._heads[id(item)] = (item, marked)
            if any(self.key(q) in self.corrections for q in marked.quotes):
                self._show_cluster(item, marked)
            return
        key = self.key(marked)
        cells.setdefault(key, []).append((item, placeholder))
        keys[id(item)] = key
        if key in self.corrections:
            self._show(item, placeholder)

    def _remove(self, cells: dict, keys: dict, item: QStandardItem) -> None:
        if self._heads.pop(id(item), None) is not None:
            return
        key = keys.pop(id(item), None)
        if key is None:
            return
        kept = [c for c in cells.get(key, []) if c[0] is not item]
        if kept:
            cells[key] = kept
        else:
            cells.pop(key, None)
