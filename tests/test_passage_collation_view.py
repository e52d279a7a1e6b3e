"""The collation view: one passage of the pair on screen in every opened article carrying it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from qt_helpers import open_window, wait_idle
from test_passage_collation import DATES, PARAGRAPH, VERSIONS, _articles

from viewer.ui.pair.collation_view import COLUMNS, TEXT_COLUMN, VersionRole
from viewer.ui.pair.marked_text import MarksRole, StruckRole
from viewer.ui.pair.pair_view import DIFF_TEXT, difference_highlight

ALSO_IN_COLUMN = 5  # of the Passages list
SHOTS = os.environ.get("ARTICLE_VIEWER_SHOTS")  # a folder: save screenshots there to look at them


def _write_corpus(folder) -> list[str]:
    paths = []
    for number, article in enumerate(_articles()):
        title, body = article.text.split("\n", 1)
        date = DATES[number] if number < len(DATES) else None
        head = f"{title}\n" + (f"date: {date}\n" if date else "")
        path = folder / f"{number}_story.txt"
        path.write_text(head + body, encoding="utf-8")
        paths.append(str(path))
    return paths


def _open(qtbot, tmp_path):
    paths = _write_corpus(tmp_path)
    window = open_window(qtbot, paths, pair=(paths[0], paths[1]))
    qtbot.waitUntil(lambda: window.corpus.result is not None and not window.corpus.busy, timeout=30_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.pair_view.reuse), timeout=10_000)
    view = window.pair_view
    number = next(i for i, p in enumerate(view.passages) if PARAGRAPH[:40] in view.a.text[p.a_start:p.a_end])
    return window, paths, number


def _wait_for_dialog(qtbot, window):
    """The collation runs in the background; its dialog shows when it is done."""
    qtbot.waitUntil(lambda: not window.collation.busy and window.collation.dialog is not None
                    and window.collation.dialog.isVisible(), timeout=10_000)
    return window.collation.dialog


def test_also_in_opens_the_collation_earliest_first(qtbot, tmp_path):
    window, paths, number = _open(qtbot, tmp_path)
    # The passage list says two more articles carry the passage.
    also_in = window.passage_model.index(number, ALSO_IN_COLUMN)
    assert also_in.data() == "2"
    assert "Double-click" in also_in.data(Qt.ItemDataRole.ToolTipRole)
    window.passage_table.doubleClicked.emit(also_in)
    dialog = _wait_for_dialog(qtbot, window)
    table = dialog.model
    assert [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())] == list(COLUMNS)
    assert table.rowCount() == 4
    dates = [table.item(r, 1).text() for r in range(4)]
    assert dates == ["2005-01-02", "2005-01-03", "2005-01-04", "undated"]
    versions = [table.item(r, 0).data(VersionRole) for r in range(4)]
    assert [v.article.path for v in versions] == [paths[1], paths[0], paths[3], paths[2]]
    assert table.item(0, 2).text() == "base"
    # The base is shaded where later versions differ: "full" by all three.
    base_text = table.item(0, TEXT_COLUMN).text()
    heat = {base_text[m.start:m.end]: m.background.alpha() for m in table.item(0, TEXT_COLUMN).data(MarksRole)}
    assert set(heat) == {"full", "programme", "older"}
    assert heat["full"] > heat["programme"]
    assert all(m.background.rgb() == DIFF_TEXT.rgb() for m in table.item(0, TEXT_COLUMN).data(MarksRole))
    # The undated version: its own word marked, the base's dropped words struck out in place.
    last = table.item(3, TEXT_COLUMN)
    text = last.text()
    marked = [text[m.start:m.end] for m in last.data(MarksRole)]
    assert "show" in marked
    struck = [text[s:e] for s, e in last.data(StruckRole)]
    assert sorted(struck) == ["full", "older", "programme"]
    assert all(m == difference_highlight(m.start, m.end) for m in last.data(MarksRole))
    # Its own words with the base's dropped ones put back where they were.
    assert text == VERSIONS[1].replace("Sunday programme", "Sunday programme show")
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "passage_collation.png"))


def test_menu_action_and_choosing_a_version(qtbot, tmp_path):
    window, paths, number = _open(qtbot, tmp_path)
    window.pair_view.select_passage(number)
    window.collation.action.trigger()
    dialog = _wait_for_dialog(qtbot, window)
    assert dialog.model.rowCount() == 4
    # Double-clicking a version opens it against the base in the pair view.
    dialog.table.doubleClicked.emit(dialog.model.index(3, 0))
    qtbot.waitUntil(lambda: window.pair_view.a is not None and window.pair_view.a.path == paths[1]
                    and window.pair_view.b.path == paths[2], timeout=10_000)
    wait_idle(qtbot, window)


def test_without_the_index_the_pair_alone(qtbot, tmp_path):
    window, paths, number = _open(qtbot, tmp_path)
    window.corpus.result = None
    assert window.collation.open_passage(number)
    dialog = _wait_for_dialog(qtbot, window)
    assert dialog.model.rowCount() == 2
    assert window.collation.open_passage(len(window.pair_view.passages)) is False
