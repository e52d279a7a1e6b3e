"""The first window, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFont, QFontDatabase, QFontMetrics
from qt_helpers import open_window, wait_idle

from viewer.core.loading.articles import bundled_seeds_dir
from viewer.ui.main_window import MainWindow


def titles(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_a_real_font_is_found(qapp):
    families = QFontDatabase.families()
    assert families, "no fonts: every glyph would be drawn as a box"
    metrics = QFontMetrics(QFont())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "Aa\u00e9\u201c")
    assert metrics.horizontalAdvance("Moscow") > 20


def test_opens_on_the_seeds_with_the_most_similar_pair(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    assert len(titles(window)) == 5
    assert any(t.startswith("Macron Heads To Meet Putin") for t in titles(window))
    assert window.count_label.text() == "5 articles"
    names = {Path(window.pair_view.a.path).name[:3], Path(window.pair_view.b.path).name[:3]}
    assert names == {"000", "001"}  # the pair sharing most (wire copy of the same AFP story)
    # The document holds the text exactly (toPlainText would turn no-break spaces into spaces).
    assert window.pair_view.pane_a.document().toRawText().replace("\u2029", "\n") == window.pair_view.a.text
    assert window.pair_view.passages


def test_filter_box_and_sorting(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    qtbot.keyClicks(window.filter_edit, "rt/reuters")
    assert titles(window) == [window.model.articles[3].title]
    window.filter_edit.clear()
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    words = [int(window.proxy.index(row, 3).data().replace(",", "")) for row in range(5)]
    assert words == sorted(words, reverse=True)


def test_selecting_two_rows_shows_them_side_by_side(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(window.proxy.index(2, 0), flags)
    selection.select(window.proxy.index(4, 0), flags)
    wait_idle(qtbot, window)
    assert window.pair_view.a is window.model.articles[2]
    assert window.pair_view.b is window.model.articles[4]
    assert window.pair_view.side_a.chooser.currentIndex() == 2
    assert window.pair_view.side_b.chooser.currentIndex() == 4


def test_pane_chooser_changes_one_side(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    keep = window.pair_view.a
    chooser = window.pair_view.side_b.chooser
    chooser.setCurrentIndex(3)
    chooser.activated.emit(3)
    wait_idle(qtbot, window)
    assert window.pair_view.a is keep and window.pair_view.b is window.model.articles[3]


def test_unreadable_files_are_listed_with_reasons(qtbot, tmp_path):
    (tmp_path / "good.txt").write_text("A readable article about the talks in Moscow.\n\nSecond paragraph.")
    (tmp_path / "other.txt").write_text("Another readable article about something else entirely.")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.md").write_bytes(b"")
    window = open_window(qtbot, [tmp_path])
    assert len(window.model.articles) == 2
    assert window.problem_dock.isVisible()
    items = [window.problem_list.item(i).text() for i in range(window.problem_list.count())]
    assert any(i.startswith("binary.txt: is not a text file") for i in items)
    assert any(i.startswith("empty.md: is empty") for i in items)
    assert window.problem_button.isVisible()
    assert window.problem_button.text().endswith("2 files could not be read")


def test_empty_folder_says_so(qtbot, tmp_path):
    window = open_window(qtbot, [tmp_path])
    assert window.model.articles == []
    items = [window.problem_list.item(i).text() for i in range(window.problem_list.count())]
    assert items and "no .txt, .md or .html articles" in items[0]


def test_window_size_and_splitters_are_remembered(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()], size=(760, 560))
    window.pair_view.splitter.setSizes([150, 72, 300])
    sizes = window.pair_view.splitter.sizes()
    size = (window.width(), window.height())
    assert size != (1400, 880)  # not the first-run default
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == size
    assert again.pair_view.splitter.sizes() == sizes


def test_dropping_files_adds_them(qtbot, tmp_path):
    window = open_window(qtbot, [bundled_seeds_dir()])
    extra = tmp_path / "dropped.md"
    extra.write_text("# Dropped headline\n\nSome text about the summit.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(extra))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_idle(qtbot, window)
    assert "Dropped headline" in titles(window)
    assert len(window.model.articles) == 6
