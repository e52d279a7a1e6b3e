"""File > Export Report…: an evidence report of the pair on screen or of the quote sets.

The dialog asks what to report (the pair shown, every quote set, or the sets selected in
the Quote Sets panel) and where; the suffix picks the format (``.html`` or ``.pdf``).
The HTML is built by the core (``viewer/core/reports``) from what the window already has:
the pair view's alignment is reused, not computed again; the PDF is Qt's PDF writer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from viewer.core.loading.articles import load_article
from viewer.core.reports.pair import build_pair_report, pair_report_html
from viewer.core.reports.quote_sets import quote_sets_report
from viewer.core.store.model import WorkspaceError
from viewer.reports_pdf import write_report
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
    """Owns the Export Report action of a main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
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
        return getattr(self.window, "workspace", None)

    def _set_counts(self) -> tuple[int, int]:
        controller = self._workspace_controller()
        if controller is None or controller.workspace is None:
            return 0, 0
        return len(controller.workspace.sets()), len(controller.panel.selected_set_ids())

    # -- exporting ----------------------------------------------------------------
    def export_pair(self, path: str | Path) -> int:
        """The pair on screen as a report at ``path``; the page count (0 for HTML)."""
        pair = self._pair()
        if pair is None:
            raise ValueError("no pair is shown")
        a, b = pair
        view = self.window.pair_view
        # The pair view's alignment is the pair's under its settings (None while it is computed).
        report = build_pair_report(a, b, view.settings, view.alignment)
        return write_report(pair_report_html(report), path, f"Evidence report: {a.title} / {b.title}")

    def export_sets(self, path: str | Path, set_ids: list[int] | None = None) -> int:
        """The quote sets (all when ``set_ids`` is empty) as a report at ``path``; the page count."""
        controller = self._workspace_controller()
        if controller is None or controller.workspace is None:
            raise ValueError("no workspace is open")
        # The opened article where the window has it, else the file.
        html, title = quote_sets_report(controller.workspace.path, set_ids=set_ids or None,
                                        load=lambda wanted: controller.article_for(wanted) or load_article(wanted),
                                        read_only=not controller.writable)
        return write_report(html, path, title)

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
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if choice == "pair":
                pages = self.export_pair(path)
            else:
                ids = self._workspace_controller().panel.selected_set_ids() if choice == "selected_sets" else []
                pages = self.export_sets(path, ids)
        except (OSError, ValueError, WorkspaceError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, "Export Report", f"{path}: the report could not be written ({exc}).")
            return
        QApplication.restoreOverrideCursor()
        self.window.settings.setValue("files/lastReport", path)
        done = f"Wrote the report to {path}" + (f" ({pages} page{'s' if pages != 1 else ''})" if pages else "")
        self.window.show_status(done)


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def install_report_export(window) -> ReportExporter:
    """Add File > Export Report… to ``window``; keep the returned object (``window.reports``)."""
    return ReportExporter(window)
