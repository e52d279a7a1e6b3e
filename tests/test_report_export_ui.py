"""File > Export Report… in the window: the pair on screen and the quote sets, as HTML and PDF."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from tests.qt_helpers import wait_idle
from viewer.ui import report_export
from viewer.ui.main_window import MainWindow
from viewer.ui.report_export import PDF_FILTER, ReportChoiceDialog

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:2]


def make_window(qtbot, db: Path) -> MainWindow:
    window = MainWindow(db_path=str(db))
    qtbot.addWidget(window)
    window.workspace.show_message_boxes = False
    window.reports.show_message_boxes = False
    window.resize(1300, 840)
    window.show()
    qtbot.waitExposed(window)
    window.open_paths([str(p) for p in SEEDS], pair=(str(SEEDS[0]), str(SEEDS[1])))
    wait_idle(qtbot, window)
    return window


def test_the_file_menu_offers_the_report(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert "Export &Report\u2026" in texts
    assert texts.index("Export &Report\u2026") < texts.index("&Quit")


def test_pair_report_reuses_the_alignment_on_screen(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    view = window.pair_view
    assert view.alignment is not None and view.alignment.passages

    def no_alignment(*_args, **_kwargs):
        raise AssertionError("the report aligned the pair again")

    monkeypatch.setattr("viewer.core.reports.pair.align_texts", no_alignment)
    out = tmp_path / "pair.html"
    with qtbot.waitSignal(window.reports.written, timeout=30_000) as signal:
        window.reports.export_pair(out)
    assert signal.args == [str(out), 0]
    document = out.read_text(encoding="utf-8")
    assert document.count('<td id="passage-') == 2 * len(view.alignment.passages)
    assert html.escape(view.a.title) in document and html.escape(view.b.title) in document


def test_export_report_dialog_writes_a_pdf(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    seen: list[ReportChoiceDialog] = []

    def accept(dialog):
        seen.append(dialog)
        dialog.grab().save(str(tmp_path / "dialog.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportChoiceDialog, "exec", accept)
    out = tmp_path / "evidence"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), PDF_FILTER)))
    with qtbot.waitSignal(window.reports.written, timeout=60_000):
        window.reports.action.trigger()
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    dialog = seen[0]
    assert dialog.choice() == "pair"
    assert not dialog.buttons["all_sets"].isEnabled()  # the workspace holds no set yet
    assert str(pdf) in window.status_label.text() and "pages)" in window.status_label.text()


def test_quote_set_report_of_the_selected_set(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    controller = window.workspace
    a_text = window.pair_view.a.text
    start = a_text.index("contemporary traumas")
    controller.tag_range("a", start, start + len("contemporary traumas"), "Traumas", tags=["macron"], note="check")
    controller.tag_range("b", 0, 20, "Headlines")
    wanted = next(s.id for s in controller.panel.sets if s.name == "Traumas")
    controller.panel.select("set", wanted)
    out = tmp_path / "sets.html"
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)  # tagging's own background work
    with qtbot.waitSignal(window.reports.written, timeout=30_000):
        window.reports.export_sets(out, controller.panel.selected_set_ids())
    document = out.read_text(encoding="utf-8")
    assert "Traumas" in document and "Headlines" not in document
    assert '<span class="quote">contemporary traumas</span>' in document
    assert "check" in document and "macron" in document
    # The dialog offers both kinds once sets exist.
    monkeypatch.setattr(ReportChoiceDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.reports.choose()
    sets, selected = window.reports._set_counts()
    assert (sets, selected) == (2, 1)
    assert report_export.HTML_FILTER.endswith("(*.html)")


def test_a_report_that_cannot_be_written_says_so(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    out = tmp_path / "no" / "such" / "folder" / "pair.pdf"
    with qtbot.waitSignal(window.reports.failed, timeout=60_000) as signal:
        window.reports.export_pair(out)
    assert signal.args[0] == str(out)
    assert "could not be written" in window.status_label.text()
    assert not out.parent.exists()
