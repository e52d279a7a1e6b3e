"""File > Export Report…: an evidence report of the pair on screen or of the quote sets.

The dialog asks what to report (the pair shown, every quote set, or the sets selected in
the Quote Sets panel) and where; the suffix picks the format (``.html`` or ``.pdf``).
The HTML is built by the core (``viewer/core/reports``) from what the window already has:
the pair view's alignment is reused, not computed again. The work runs in the background
(a book-length pair takes seconds): the page is built on a worker thread and the PDF laid
out by Qt's PDF writer in a child process, then the file is written in one piece.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from viewer.core.reports.html import write_atomically
from viewer.core.reports.pair import build_pair_report, pair_report_html
from viewer.core.reports.quote_sets import quote_sets_report
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.task import TaskState
from viewer.ui.background import LatestRunner
from viewer.ui.shortcuts import make_action

HTML_FILTER = "Web page, self-contained (*.html)"
PDF_FILTER = "PDF document (*.pdf)"


class ReportChoiceDialog(QDialog):
    """What to put in the report: ``choice()`` is "pair", "all_sets" or "selected_sets"."""

    def __init__(self, parent, pair_text: str | None, sets: int, selected: int) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle("Export Report")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("An evidence report to hand on: a web page or a PDF, "
                                "readable anywhere, with nothing loaded from the network."))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text, enabled in (
            ("pair", f"The pair on screen: {pair_text}" if pair_text else "The pair on screen (none shown)",
             pair_text is not None),
            ("all_sets", f"Every quote set ({sets})", sets > 0),
            ("selected_sets", f"The quote sets selected in the panel ({selected})", selected > 0),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"report_{key}")
            button.setEnabled(enabled)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        first = next((b for b in self.buttons.values() if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Choose File\u2026")
        box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(first is not None)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def choice(self) -> str | None:
        return next((key for key, button in self.buttons.items() if button.isChecked()), None)


class ReportExporter(QObject):
    """Owns the Export Report action of a main window and the background job that writes reports."""

    written = Signal(str, int)  # path, pages (0 for HTML)
    failed = Signal(str, str)  # path, why

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.show_message_boxes = True
        self.runner = LatestRunner(self)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        window.installEventFilter(self)
        self.action = make_action(window, "export_report", self.choose)
        window.register_action(self.action)
        # In the File menu with the other exports (after Export Selected Quote Sets), else before Quit.
        file_menu = window.menu("file")
        actions = file_menu.actions()
        try:
            after = actions.index(window.action("export_selected_sets")) + 1
        except (KeyError, ValueError):
            after = actions.index(window.action("quit"))
        if after < len(actions):
            file_menu.insertAction(actions[after], self.action)
        else:
            file_menu.addAction(self.action)

    # -- what the window has ------------------------------------------------------
    def _pair(self):
        view = self.window.pair_view
        return (view.a, view.b) if view.a is not None and view.b is not None else None

    def _workspace_controller(self):
        return self.window.workspace

    def _set_counts(self) -> tuple[int, int]:
        controller = self._workspace_controller()
        if controller is None or controller.workspace is None:
            return 0, 0
        return len(controller.workspace.sets()), len(controller.panel.selected_set_ids())

    # -- exporting ----------------------------------------------------------------
    def export_pair(self, path: str | Path) -> None:
        """Write the pair on screen as a report at ``path``, in the background (see :attr:`written`)."""
        pair = self._pair()
        if pair is None:
            raise ValueError("no pair is shown")
        a, b = pair
        view = self.window.pair_view
        # The pair view's alignment is the pair's under its settings (None while it is computed).
        settings, alignment = view.settings, view.alignment

        def build(state: TaskState) -> tuple[str, str]:
            report = build_pair_report(a, b, settings, alignment, state.cancelled)
            return pair_report_html(report), f"Evidence report: {a.title} / {b.title}"

        self._submit(path, build)

    def export_sets(self, path: str | Path, set_ids: list[int] | None = None) -> None:
        """Write the quote sets (all when ``set_ids`` is empty) as a report at ``path``, in the background."""
        controller = self._workspace_controller()
        if controller is None or controller.workspace is None:
            raise ValueError("no workspace is open")
        db, writable = controller.workspace.path, controller.writable
        load = controller.article_loader()  # the window's copy of an article when it has one

        def build(_state: TaskState) -> tuple[str, str]:
            return quote_sets_report(db, set_ids=set_ids or None, load=load, read_only=not writable)

        self._submit(path, build)

    def _submit(self, path: str | Path, build) -> None:
        out = str(path)

        def job(state: TaskState) -> int:
            html, title = build(state)
            if Path(out).suffix.lower() != ".pdf":
                write_atomically(html.encode("utf-8"), out)
                return 0
            data, pages = run_in_child("viewer.reports_pdf:pdf_job", [html], state, extra=title)
            write_atomically(data, out)
            return pages

        self.runner.submit(("report", out), job)

    def choose(self) -> None:
        pair = self._pair()
        sets, selected = self._set_counts()
        pair_text = f"\u201c{_short(pair[0].title)}\u201d and \u201c{_short(pair[1].title)}\u201d" if pair else None
        dialog = ReportChoiceDialog(self.window, pair_text, sets, selected)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return
        choice = dialog.choice()
        start = self.window.settings.value("files/lastReport", str(Path.home() / "evidence-report.pdf"))
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export Report", str(start),
                                                   f"{PDF_FILTER};;{HTML_FILTER}")
        if not path:
            return
        if Path(path).suffix.lower() not in (".html", ".htm", ".pdf"):
            path += ".html" if chosen == HTML_FILTER else ".pdf"
        try:
            if choice == "pair":
                self.export_pair(path)
            else:
                ids = self._workspace_controller().panel.selected_set_ids() if choice == "selected_sets" else []
                self.export_sets(path, ids)
        except ValueError as exc:
            QMessageBox.warning(self.window, "Export Report", f"{path}: the report could not be written ({exc}).")
            return
        self.window.settings.setValue("files/lastReport", path)
        self.window.show_status(f"Writing the report to {path}\u2026")

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.runner.cancel()  # a half-built report is never written: the file appears whole or not at all
        return False

    def _on_done(self, key, pages: int) -> None:
        path = key[1]
        done = f"Wrote the report to {path}" + (f" ({pages} page{'s' if pages != 1 else ''})" if pages else "")
        self.window.show_status(done)
        self.written.emit(path, pages)

    def _on_failed(self, key, message: str) -> None:
        self.window.show_status(f"The report could not be written to {key[1]}: {message}")
        self.failed.emit(key[1], message)
        if self.show_message_boxes:
            QMessageBox.warning(self.window, "Export Report", f"{key[1]}: the report could not be written ({message}).")


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def install_report_export(window) -> ReportExporter:
    """Add File > Export Report… to ``window``; keep the returned object (``window.reports``)."""
    return ReportExporter(window)
