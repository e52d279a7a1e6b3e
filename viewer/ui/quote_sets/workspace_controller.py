"""The window's side of the workspace: quote sets, tagging, undo/redo, export, other windows.

:class:`WorkspaceController` owns the open :class:`~viewer.core.workspace.Workspace`
and a ``QUndoStack``. Every change is made by the core at once, in its own committed
transaction, and pushed as an :class:`EditCommand` holding the core's ``Edit``: the
UI never holds unsaved state, so a killed app loses nothing the user confirmed.

Another window (or the ``tag`` command) may change the same file: a timer polls
:meth:`Workspace.changed_elsewhere` and reloads the panel and the marks. An undo or
redo whose rows were changed meanwhile raises ``WorkspaceConflict``; the stack is then
cleared and the user told, rather than overwriting the other window's work.

A workspace that cannot be opened (``--db`` naming a file that is not a workspace) is
reported and left untouched; quote sets stay switched off until the user opens or
creates another one (File menu) - never silently tagging into a different file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QUndoStack
from PySide6.QtWidgets import QColorDialog, QDialog, QDockWidget, QFileDialog, QMessageBox

from viewer.core.loading.articles import Article, ArticleError, load_article
from viewer.core.services.export import export_sets
from viewer.core.services.reanchor import reanchor_workspace
from viewer.core.store.model import changes_of
from viewer.core.store.workspace import (
    Edit,
    OffsetError,
    Workspace,
    WorkspaceError,
    WorkspaceReadOnly,
)
from viewer.ui.background import LatestRunner
from viewer.ui.quote_sets.edit_command import EditCommand
from viewer.ui.quote_sets.quote_sets_panel import QuoteSetsPanel
from viewer.ui.quote_sets.speaker_editing import SpeakerEditing
from viewer.ui.quote_sets.tag_dialog import FieldsDialog, split_tags
from viewer.ui.quote_sets.tagging import TaggingMixin
from viewer.ui.shortcuts import SHORTCUTS, key_sequences, make_action

POLL_MS = 1000


def _resolved(path: str) -> str:
    return str(Path(path).resolve())


class WorkspaceController(TaggingMixin, QObject):
    """Quote sets in one main window; see the module docstring."""

    setsChanged = Signal()
    exported = Signal(int)  # rows written by export_sets
    exportFailed = Signal(str)

    def __init__(self, window, db_path: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.workspace: Workspace | None = None
        self.undo_stack = QUndoStack(self)
        self.last_error = ""
        self.last_set_name: str | None = None
        # Tests (and scripts) answer dialogs here instead of a user: each gets the dialog
        # and returns whether it was accepted / the value chosen.
        self.dialog_hook: Callable[[QDialog], bool] | None = None
        self.colour_hook: Callable[[str], str | None] | None = None
        self.show_message_boxes = True
        self._resolved_cache: dict[str, str] = {}
        self._retried: set[tuple[int, str]] = set()  # (occurrence id, article sha) re-anchored already
        self._marked_sets: set[int] = set()  # sets with a quote tinted in a pane now

        self.panel = QuoteSetsPanel()
        self.dock = QDockWidget("Quote Sets", window)
        self.dock.setObjectName("quoteSetsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.quotes_dock, self.dock)
        window.passage_dock.raise_()
        self._build_actions()
        self._connect()
        self._jobs = LatestRunner(self)  # re-anchoring and export, off the GUI thread
        self._jobs.finished.connect(self._on_job_done)
        self._jobs.failed.connect(self._on_job_failed)
        # Speaker corrections: Edit Speaker… in both panels, shown over the Quotes panel.
        self.speakers = SpeakerEditing(self)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        window.installEventFilter(self)
        # The window restored its saved layout before this dock existed: apply it again.
        state = window.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        if db_path is None:
            remembered = window.settings.value("workspace/path", "")
            if remembered and Path(str(remembered)).is_file():
                db_path = str(remembered)
        self.open_workspace(db_path, remember=False)

    # -- construction ---------------------------------------------------------------
    def _action(self, name: str, slot) -> QAction:
        action = make_action(self.window, name, slot)
        self.window.register_action(action)
        return action

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        a = self.actions
        a["tag_quote"] = self._action("tag_quote", lambda: self.tag_selection())
        a["new_workspace"] = self._action("new_workspace", self.choose_new_workspace)
        a["open_workspace"] = self._action("open_workspace", self.choose_open_workspace)
        a["export_sets"] = self._action("export_sets", lambda: self.choose_export([]))
        a["export_selected_sets"] = self._action(
            "export_selected_sets", lambda: self.choose_export(self.panel.selected_set_ids()))
        for name, make in (("undo", self.undo_stack.createUndoAction), ("redo", self.undo_stack.createRedoAction)):
            text, _keys, tip = SHORTCUTS[name]
            action = make(self.window, text.replace("&", ""))
            action.setObjectName(name)
            action.setShortcuts(key_sequences(name))
            action.setStatusTip(tip)
            self.window.register_action(action)
            a[name] = action

        file_menu = self.window.menu("file")
        before = self.window.action("quit")
        for name in ("new_workspace", "open_workspace", None, "export_sets", "export_selected_sets", None):
            if name is None:
                file_menu.insertSeparator(before)
            else:
                file_menu.insertAction(before, a[name])
        self.edit_menu = self.window.menu("edit")
        self.edit_menu.addAction(a["undo"])
        self.edit_menu.addAction(a["redo"])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a["tag_quote"])
        self.window.menu("view").addAction(self.dock.toggleViewAction())

    def _connect(self) -> None:
        window, panel = self.window, self.panel
        window.pair_view.pairChanged.connect(lambda *_: self.mark_tags())
        window.quotes_panel.makeSetRequested.connect(self.make_set_from_cluster)
        window.loadFinished.connect(self.mark_tags)
        for side, pane in (("a", window.pair_view.pane_a), ("b", window.pair_view.pane_b)):
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda point, s=side, p=pane: self._pane_menu(s, p, point))
        panel.renameRequested.connect(self.rename_set)
        panel.recolourRequested.connect(self.choose_colour)
        panel.editSetRequested.connect(self.edit_set)
        panel.mergeRequested.connect(self.merge_sets)
        panel.moveRequested.connect(self.move_occurrences)
        panel.deleteSetsRequested.connect(self.delete_sets)
        panel.deleteOccurrencesRequested.connect(self.delete_occurrences)
        panel.editOccurrenceRequested.connect(self.edit_occurrence)
        panel.jumpRequested.connect(self.jump_to)
        panel.exportRequested.connect(self.choose_export)
        panel.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close_workspace()
        return super().eventFilter(watched, event)

    # -- messages -----------------------------------------------------------------------
    def _status(self, text: str) -> None:
        self.window.show_status(text)

    def show_error(self, title: str, text: str) -> None:
        """Tell the user in a message box (not blocking) and the status bar."""
        self.last_error = text
        self._status(text)
        if self.show_message_boxes:
            box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("workspaceMessage")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _ask(self, dialog: QDialog) -> bool:
        if self.dialog_hook is not None:
            return bool(self.dialog_hook(dialog))
        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- opening --------------------------------------------------------------------------
    def open_workspace(self, path: str | Path | None, *, remember: bool = True) -> bool:
        """Open (or create) a workspace file; ``None`` is the default one. False when refused."""
        try:
            workspace = Workspace.open(path)
        except WorkspaceError as exc:
            if "busy" not in exc.reason:
                return self._refused(exc)
            try:  # another window is migrating it or holds the write lock: read what is there
                workspace = Workspace.open(path, read_only=True)
            except WorkspaceError as again:
                return self._refused(again)
        self.close_workspace()
        self.workspace = workspace
        self.undo_stack.clear()
        self._retried.clear()
        self.last_error = ""
        self.reanchor_all()
        self.refresh()
        self._timer.start()
        where = str(workspace.path)
        label = f"Workspace: {workspace.path.name}" + (" (read-only)" if workspace.read_only else "")
        self.panel.set_workspace_label(label, where)
        if workspace.read_only:
            self._status(f"{where} is open read-only: quote sets can be read and exported, not changed")
        if remember:
            self.window.settings.setValue("workspace/path", where)
        self._update_actions()
        return True

    def _refused(self, exc: WorkspaceError) -> bool:
        if self.workspace is None:
            self.panel.set_workspace_label(
                "No workspace open: quote sets are off. Use File > Open Workspace\u2026 or New Workspace\u2026",
                str(exc))
            self.panel.set_content([], {}, True)
            self._update_actions()
        self.show_error("Cannot Open Workspace", f"{exc}\n\nThe file was not changed.")
        return False

    def close_workspace(self) -> None:
        self._timer.stop()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        self.undo_stack.clear()

    def choose_open_workspace(self) -> None:
        start = str(self.workspace.path.parent) if self.workspace else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open Workspace", start, "Workspaces (*.sqlite3 *.sqlite *.db);;All files (*)")
        if path:
            self.open_workspace(path)

    def choose_new_workspace(self) -> None:
        start = str(self.workspace.path.parent) if self.workspace else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self.window, "New Workspace", str(Path(start) / "quotes.sqlite3"), "Workspaces (*.sqlite3)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.new_workspace(path)

    def new_workspace(self, path: str | Path) -> bool:
        """Create an empty workspace; an existing file is never overwritten."""
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".sqlite3")
        if target.exists() and target.stat().st_size > 0:
            self.show_error("New Workspace", f"{target} already exists; it was left untouched. "
                                             "Use File > Open Workspace\u2026 to open it.")
            return False
        return self.open_workspace(target)

    @property
    def writable(self) -> bool:
        return self.workspace is not None and not self.workspace.read_only

    def _update_actions(self) -> None:
        has = self.workspace is not None
        self.actions["tag_quote"].setEnabled(self.writable)
        self.actions["export_sets"].setEnabled(has)
        self.actions["export_selected_sets"].setEnabled(has and bool(self.panel.selected_set_ids()))

    # -- reading and showing ------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the panel and the marks in the panes from the workspace file."""
        if self.workspace is None:
            self.panel.set_content([], {}, True)
            self.mark_tags()
            self.setsChanged.emit()
            return
        try:
            sets = self.workspace.sets()
            occurrences = {s.id: self.workspace.occurrences(s.id) for s in sets}
        except sqlite3.Error as exc:
            self.show_error("Workspace", f"{self.workspace.path}: cannot be read ({exc})")
            return
        self.panel.set_content(sets, occurrences, self.workspace.read_only)
        self.mark_tags()
        self._update_actions()
        self.setsChanged.emit()

    def poll(self) -> bool:
        """Reload when another window or process changed the file; True when it did."""
        if self.workspace is None:
            return False
        try:
            changed = self.workspace.changed_elsewhere()
        except sqlite3.Error:
            return False
        if changed:
            self.refresh()
            self._status("Quote sets were changed in another window; showing the latest")
        return changed

    def article_for(self, path: str) -> Article | None:
        """The opened article stored as ``path`` (a resolved path), if the window has it."""
        articles = self.window.model.articles
        for article in articles:
            if article.path == path:
                return article
        for article in articles:
            if self._resolved_path(article.path) == path:
                return article
        return None

    def reanchor_all(self) -> None:
        """Place every occurrence in its article's current text (opened ones first, else the file).

        In the background, on its own connection: it reads every tagged article's file.
        """
        if not self.writable:
            return
        db, load = self.workspace.path, self._loader_for_background()
        self._jobs.submit(("reanchor", str(db)), lambda _state: reanchor_workspace(db, load))

    @property
    def busy(self) -> bool:
        """Whether a re-anchoring or an export is running."""
        return self._jobs.busy

    def _refresh_after(self, edit: Edit) -> None:
        """Refresh only what ``edit`` touched: its sets' rows, and the panes when they show its quotes."""
        changes = changes_of(edit)
        try:
            # A speaker correction shows in every set quoting its quote.
            changes = replace(changes, set_ids=changes.set_ids | self.workspace.sets_quoting(changes.corrected))
            sets = self.workspace.sets()
            changed = {s.id: self.workspace.occurrences(s.id) for s in sets if s.id in changes.set_ids}
        except sqlite3.Error as exc:
            self.show_error("Workspace", f"{self.workspace.path}: cannot be read ({exc})")
            return
        self.panel.update_sets(sets, {**{i: [] for i in changes.set_ids}, **changed})
        view = self.window.pair_view
        shown = {self._resolved_path(pane.article.path) for pane in (view.pane_a, view.pane_b) if pane.article}
        if shown & changes.articles or self._marked_sets & changes.set_ids:
            self.mark_tags()
        self._update_actions()
        self.setsChanged.emit()

    def _resolved_path(self, path: str) -> str:
        resolved = self._resolved_cache.get(path)
        if resolved is None:
            resolved = self._resolved_cache[path] = _resolved(path)
        return resolved

    # -- changing: every change is one undoable, committed edit ---------------------------
    def _apply(self, change: Callable[[], Edit]) -> Edit | None:
        if self.workspace is None:
            self._status("No workspace is open: File > Open Workspace\u2026 or New Workspace\u2026")
            return None
        try:
            edit = change()
        except WorkspaceReadOnly as exc:
            self.show_error("Read-only Workspace", str(exc))
            return None
        except WorkspaceError as exc:
            self.show_error("Workspace", str(exc))
            self.refresh()
            return None
        except KeyError:
            self.show_error("Quote Sets", "That set or quote no longer exists (changed in another window?)")
            self.refresh()
            return None
        except (ValueError, OffsetError) as exc:
            self.show_error("Quote Sets", str(exc))
            return None
        self.undo_stack.push(EditCommand(self._replay, edit))
        self._refresh_after(edit)
        self._status(edit.label)
        return edit

    def _apply_many(self, label: str, changes: Sequence[Callable[[], Edit]]) -> list[Edit]:
        """Several edits as one undo step (a macro)."""
        if len(changes) == 1:
            edit = self._apply(changes[0])
            return [edit] if edit else []
        edits = []
        self.undo_stack.beginMacro(label)
        try:
            for change in changes:
                edit = self._apply(change)
                if edit is None:
                    break
                edits.append(edit)
        finally:
            self.undo_stack.endMacro()
        return edits

    def _replay(self, edit: Edit, *, undo: bool) -> None:
        """Undo or redo a stored edit; on a conflict, clear the stack and say why."""
        if self.workspace is None:
            return
        try:
            (self.workspace.undo if undo else self.workspace.redo)(edit)
        except WorkspaceError as exc:
            # Clearing the stack from inside its own undo() is unsafe: do it next.
            QTimer.singleShot(0, self.undo_stack.clear)
            self.show_error("Cannot Undo" if undo else "Cannot Redo",
                            f"{exc}\n\nThe undo history was cleared; the quote sets show the file as it is now.")
            self.refresh()
        else:
            self._refresh_after(edit)
        self._status(("Undid: " if undo else "Redid: ") + edit.label)

    def rename_set(self, set_id: int, name: str) -> Edit | None:
        return self._apply(lambda: self.workspace.rename_set(set_id, name))

    def recolour_set(self, set_id: int, colour: str) -> Edit | None:
        return self._apply(lambda: self.workspace.update_set(set_id, colour=colour))

    def choose_colour(self, set_id: int) -> None:
        current = next((s.colour for s in self.panel.sets if s.id == set_id), "#ffd700")
        if self.colour_hook is not None:
            chosen = self.colour_hook(current)
        else:
            colour = QColorDialog.getColor(QColor(current), self.window, "Colour of the Quote Set")
            chosen = colour.name() if colour.isValid() else None
        if chosen and chosen.lower() != current.lower():
            self.recolour_set(set_id, chosen)

    def edit_set(self, set_id: int) -> None:
        quote_set = next((s for s in self.panel.sets if s.id == set_id), None)
        if quote_set is None:
            return
        dialog = FieldsDialog(f"Quote Set \u201c{quote_set.name}\u201d",
                              [("Tags:", ", ".join(quote_set.tags), False), ("Note:", quote_set.note, True)],
                              self.window)
        if self._ask(dialog):
            tags, note = dialog.values()
            self._apply(lambda: self.workspace.update_set(set_id, tags=split_tags(tags), note=note))

    def edit_occurrence(self, occurrence_id: int) -> None:
        try:
            occurrence = self.workspace.get_occurrence(occurrence_id)
        except (KeyError, AttributeError):
            return
        dialog = FieldsDialog("Tagged Quote", [("Speaker:", occurrence.speaker or "", False),
                                               ("Note:", occurrence.note, True)], self.window)
        if self._ask(dialog):
            speaker, note = dialog.values()
            self._apply(lambda: self.workspace.update_occurrence(occurrence_id, note=note, speaker=speaker or None))

    def merge_sets(self, source_ids: Sequence[int], target_id: int) -> list[Edit]:
        sources = [s for s in source_ids if s != target_id]
        return self._apply_many("Merge quote sets", [
            (lambda s=s: self.workspace.merge_sets(s, target_id)) for s in sources])

    def move_occurrences(self, occurrence_ids: Sequence[int], set_id: int) -> list[Edit]:
        return self._apply_many("Move quotes", [
            (lambda o=o: self.workspace.move_occurrence(o, set_id)) for o in occurrence_ids])

    def delete_sets(self, set_ids: Sequence[int]) -> list[Edit]:
        return self._apply_many("Delete quote sets", [
            (lambda s=s: self.workspace.delete_set(s)) for s in set_ids])

    def delete_occurrences(self, occurrence_ids: Sequence[int]) -> list[Edit]:
        return self._apply_many("Delete quotes", [
            (lambda o=o: self.workspace.delete_occurrence(o)) for o in occurrence_ids])

    # -- going to a quote ------------------------------------------------------------------
    def jump_to(self, occurrence_id: int) -> None:
        """Show an occurrence's article in a pane, the quote marked and in view."""
        if self.workspace is None:
            return
        try:
            occurrence = self.workspace.get_occurrence(occurrence_id)
        except KeyError:
            self.refresh()
            return
        article = self.article_for(occurrence.article)
        if article is None:
            try:
                article = load_article(occurrence.article)
            except ArticleError as exc:
                self.show_error("Go to Quote", f"The article of this quote cannot be read: {exc}")
                return
            self.window.model.add_articles([article])
        view = self.window.pair_view
        if view.a is article:
            side = "a"
        elif view.b is article:
            side = "b"
        else:
            view.set_pair(article, view.b if view.b is not article else None)
            side = "a"
        self._reanchor_article(article)
        occurrence = self.workspace.get_occurrence(occurrence_id)
        if occurrence.detached or occurrence.sha256 != article.sha256:
            self.mark_tags()
            self._status("This quote is detached: its article changed and the words could not be found again")
            return
        span = (occurrence.start, occurrence.end)
        view.reveal_ranges(span if side == "a" else None, span if side == "b" else None)
        self.mark_tags()
        self._status(f"Quote in {article.title or article.name}")

    # -- export ----------------------------------------------------------------------------
    def export_sets(self, path: str | Path, set_ids: Sequence[int] | None = None, *, bom: bool = False) -> None:
        """Write the sets (all when ``set_ids`` is empty or None) as CSV, in the background.

        The occurrences are re-anchored first, as the ``export`` command does (the same
        service, on its own connection); :attr:`exported` then gives the number of rows, or
        the user is told why the file could not be written (an earlier file is kept).
        """
        if self.workspace is None:
            self.show_error("Export Quote Sets", "No workspace is open")
            return
        db, read_only, load = self.workspace.path, self.workspace.read_only, self._loader_for_background()
        self._jobs.submit(("export", str(path)), lambda _state: export_sets(
            db, path, set_ids=set_ids, bom=bom, read_only=read_only, load=load))

    def _on_job_done(self, key, result) -> None:
        if key[0] == "reanchor":
            self.refresh()
            if result.detached:
                self._status(f"{len(result.detached)} tagged quote(s) could not be found in their changed "
                             "articles; they are kept and shown as detached")
            return
        path = key[1]
        self.refresh()  # re-anchoring may have moved quotes
        self.window.settings.setValue("files/lastExport", path)
        self._status(f"Wrote {result.rows} quote(s) to {path}")
        self.exported.emit(result.rows)

    def _on_job_failed(self, key, message: str) -> None:
        if key[0] == "reanchor":
            self._status(f"Tagged quotes could not be checked against their articles: {message}")
            return
        self.show_error("Export Quote Sets", f"{key[1]}: cannot be written ({message}); nothing was changed")
        self.exportFailed.emit(message)

    def article_loader(self) -> Callable[[str], Article]:
        """How work off the GUI thread reads a tagged article (the window's copy, else the file)."""
        return self._loader_for_background()

    def _loader_for_background(self) -> Callable[[str], Article]:
        """How a background job reads an article: the window's copy when it has one, else the file."""
        opened = {_resolved(a.path): a for a in self.window.model.articles}
        return lambda path: opened.get(path) or load_article(path)

    def choose_export(self, set_ids: Sequence[int] | None = None) -> None:
        if self.workspace is None:
            return
        start = self.window.settings.value("files/lastExport", str(Path.home() / "quote-sets.csv"))
        spreadsheet = "CSV for spreadsheets, UTF-8 with BOM (*.csv)"
        plain = "CSV, plain UTF-8 (*.csv)"
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export the Selected Quote Sets" if set_ids else "Export Quote Sets",
            str(start), f"{spreadsheet};;{plain}")
        if not path:
            return
        if not Path(path).suffix:
            path += ".csv"
        self.export_sets(path, set_ids, bom=chosen == spreadsheet)


def install_quote_sets(window, db_path: str | None = None) -> WorkspaceController:
    """Add the Quote Sets dock, the Edit menu, tagging and export to a main window."""
    return WorkspaceController(window, db_path)
