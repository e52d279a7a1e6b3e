"""Quote sets in the window: tagging with Ctrl+T, the counterpart, undo/redo, the panel, export, two windows."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu
from qt_helpers import DATA, wait_idle

from viewer.core.alignment.align import Passage
from viewer.core.loading.articles import bundled_seeds_dir
from viewer.core.store.workspace import Workspace, new_occurrence
from viewer.ui.main_window import MainWindow
from viewer.ui.quote_sets.tag_dialog import TagDialog, counterpart_range
from viewer.ui.quotes.quotes_panel import ClusterRole

PAIR = [DATA / "pair" / "original.txt", DATA / "pair" / "reordered_copy.txt"]
QUOTE = "discuss the terms of a de-escalation"


def make_window(qtbot, paths, db: Path, pair=None) -> MainWindow:
    window = MainWindow(db_path=str(db))
    qtbot.addWidget(window)
    window.workspace.show_message_boxes = False
    window.resize(1400, 880)
    window.show()
    qtbot.waitExposed(window)
    window.open_paths([str(p) for p in paths], pair=pair)
    wait_idle(qtbot, window)
    return window


def stored(db: Path) -> tuple[list[tuple], list[tuple]]:
    """The sets and occurrences in the file, read by a connection of its own."""
    with sqlite3.connect(db) as connection:
        sets = connection.execute("SELECT id, name, tags, colour FROM quote_set ORDER BY id").fetchall()
        occurrences = connection.execute(
            'SELECT id, set_id, article, start, "end", text, note FROM occurrence ORDER BY id').fetchall()
    return sets, occurrences


def select_words(pane, words: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``words`` with a QTextCursor (Qt positions, as a mouse would); their code points."""
    document = pane.document()
    cursor = QTextCursor(document)
    for _ in range(occurrence + 1):
        cursor = document.find(words, cursor)
    assert not cursor.isNull()
    pane.setTextCursor(cursor)
    pane.setFocus()
    start = pane.article.text.index(words)
    for _ in range(occurrence):
        start = pane.article.text.index(words, start + 1)
    return start, start + len(words)


def answer_tag_dialog(window, set_name: str, tags: str = "", note: str = "", counterpart: bool | None = None):
    seen: list[TagDialog] = []

    def hook(dialog: TagDialog) -> bool:
        seen.append(dialog)
        dialog.set_combo.setCurrentText(set_name)
        dialog.tags_edit.setText(tags)
        dialog.note_edit.setPlainText(note)
        if counterpart is not None:
            dialog.counterpart_box.setChecked(counterpart)
        return True

    window.workspace.dialog_hook = hook
    return seen


def test_ctrl_t_tags_the_selection_with_exact_text_after_emoji(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    pane = window.pair_view.pane_b  # the copy has emoji before the quote: Qt and code points differ
    start, end = select_words(pane, QUOTE)
    assert pane.offsets.to_qt(start) != start
    seen = answer_tag_dialog(window, "Diplomacy", tags="france, russia", note="said before the trip",
                             counterpart=False)
    qtbot.keyClick(pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    sets, occurrences = stored(db)
    assert [(s[1], s[2]) for s in sets] == [("Diplomacy", '["france", "russia"]')]
    assert len(occurrences) == 1
    _id, _set, article, s, e, text, note = occurrences[0]
    assert (s, e, text, note) == (start, end, QUOTE, "said before the trip")
    assert article == str(PAIR[1].resolve())
    # Marked in the pane, and listed in the panel.
    assert [(h.start, h.end) for h in pane.layer("tags")] == [(start, end)]
    assert window.pair_view.pane_a.layer("tags") == []
    panel = window.workspace.panel
    assert panel.model.rowCount() == 1 and panel.model.item(0).text() == "Diplomacy"
    assert panel.model.item(0).rowCount() == 1


def test_counterpart_is_offered_and_added_to_the_same_set(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    assert window.pair_view.passages
    start, end = select_words(window.pair_view.pane_a, QUOTE)
    seen = answer_tag_dialog(window, "Macron trip")
    window.workspace.actions["tag_quote"].trigger()
    dialog = seen[0]
    assert not dialog.counterpart_box.isHidden() and dialog.counterpart_box.isChecked()
    assert "in B" in dialog.counterpart_box.text()
    _sets, occurrences = stored(db)
    assert [(o[2], o[5]) for o in occurrences] == [(str(PAIR[0].resolve()), QUOTE), (str(PAIR[1].resolve()), QUOTE)]
    b_text = window.pair_view.b.text
    b_start = b_text.index(QUOTE)
    assert occurrences[1][3:5] == (b_start, b_start + len(QUOTE))
    assert [(h.start, h.end) for h in window.pair_view.pane_a.layer("tags")] == [(start, end)]
    assert [(h.start, h.end) for h in window.pair_view.pane_b.layer("tags")] == [(b_start, b_start + len(QUOTE))]


def test_no_counterpart_offered_outside_shared_passages(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    select_words(window.pair_view.pane_b, "bicycle lanes")  # only the copy has this paragraph
    seen = answer_tag_dialog(window, "Local")
    window.workspace.tag_selection()
    assert seen[0].counterpart_box.isHidden()
    assert len(stored(db)[1]) == 1


def test_cancelled_dialog_stores_nothing(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    select_words(window.pair_view.pane_a, QUOTE)
    window.workspace.dialog_hook = lambda dialog: False
    assert window.workspace.tag_selection() is None
    assert stored(db) == ([], [])
    assert window.workspace.undo_stack.count() == 0


def test_undo_and_redo_restore_the_file(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    controller = window.workspace
    start, end = select_words(window.pair_view.pane_a, QUOTE)
    answer_tag_dialog(window, "Macron trip", counterpart=False)
    controller.tag_selection()
    first = stored(db)
    controller.tag_range("a", 30, 70, "Macron trip", note="second")
    assert len(stored(db)[1]) == 2
    assert controller.undo_stack.count() == 2
    pane = window.pair_view.pane_a
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db) == first
    assert [(h.start, h.end) for h in pane.layer("tags")] == [(start, end)]
    controller.actions["undo"].trigger()
    assert stored(db) == ([], [])
    assert pane.layer("tags") == [] and controller.panel.model.rowCount() == 0
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(db) == first  # the same ids come back
    controller.actions["redo"].trigger()
    assert len(stored(db)[1]) == 2
    assert len(pane.layer("tags")) == 2


def _menu_action(menu: QMenu, *path: str):
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.menu() and a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_panel_rename_recolour_merge_move_delete(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    controller, panel = window.workspace, window.workspace.panel
    controller.tag_range("a", 30, 70, "One", tags=["a"])
    controller.tag_range("b", window.pair_view.b.text.index(QUOTE),
                         window.pair_view.b.text.index(QUOTE) + len(QUOTE), "Two", tags=["b"])
    one, two = (s.id for s in panel.sets)

    # Rename in place (what F2 and the Rename... entry lead to).
    panel.model.item(0).setText("First")
    assert [s[1] for s in stored(db)[0]] == ["First", "Two"]

    controller.colour_hook = lambda current: "#123456"
    _menu_action(panel.build_menu(panel.index_of("set", one)), "Change Colour\u2026").trigger()
    assert stored(db)[0][0][3] == "#123456"

    # Move the quote of "Two" into "First", then undo the move.
    occurrence = stored(db)[1][1][0]
    _menu_action(panel.build_menu(panel.index_of("occurrence", occurrence)), "Move to Set", "First").trigger()
    assert [o[1] for o in stored(db)[1]] == [one, one]
    controller.undo_stack.undo()
    assert [o[1] for o in stored(db)[1]] == [one, two]

    # Merge "Two" into "First": one set with both quotes and both tags; undo splits them again.
    _menu_action(panel.build_menu(panel.index_of("set", two)), "Merge Into", "First").trigger()
    sets, occurrences = stored(db)
    assert [(s[1], s[2]) for s in sets] == [("First", '["a", "b"]')]
    assert [o[1] for o in occurrences] == [one, one]
    controller.undo_stack.undo()
    assert [s[1] for s in stored(db)[0]] == ["First", "Two"]

    # Delete one quote with the Delete key path, then a whole set.
    panel.select("occurrence", occurrence)
    panel.delete_selected()
    assert [o[0] for o in stored(db)[1]] != [] and occurrence not in [o[0] for o in stored(db)[1]]
    _menu_action(panel.build_menu(panel.index_of("set", one)), "Delete Set").trigger()
    assert [s[1] for s in stored(db)[0]] == ["Two"] and stored(db)[1] == []
    controller.undo_stack.undo()
    assert len(stored(db)[1]) == 1


def test_a_cluster_becomes_a_set_in_one_undoable_action(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, [bundled_seeds_dir()], db)
    quotes = window.quotes_panel
    qtbot.waitUntil(lambda: not quotes.busy and bool(quotes.findings.clusters), timeout=30_000)
    # The Quotes panel's own menu entry, on its first cluster row.
    view = quotes.shared_view
    view.setCurrentIndex(view.model().index(0, 0))
    cluster = view.currentIndex().data(ClusterRole)
    next(a for a in view.actions() if a.text().startswith("Make a Quote Set")).trigger()
    sets, occurrences = stored(db)
    assert len(sets) == 1
    if cluster.speaker:
        assert cluster.speaker in sets[0][1]
    texts = sorted((Path(o[2]).name, o[5]) for o in occurrences)
    assert texts == sorted((Path(q.article).name, q.text) for q in cluster.quotes)
    assert window.workspace.undo_stack.count() == 1
    window.workspace.undo_stack.undo()
    assert stored(db) == ([], [])


def test_jump_to_an_occurrence_opens_its_article(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    window = make_window(qtbot, [bundled_seeds_dir()], db)
    target = next(a for a in window.model.articles if Path(a.path).name == seeds[4].name)
    window.show_pair_rows(0, 1)
    assert target not in (window.pair_view.a, window.pair_view.b)
    start = target.text.index(" ", 200) + 1
    with Workspace.open(db) as other:
        other.create_set("Elsewhere", occurrences=[new_occurrence(target, start, start + 40)])
    assert window.workspace.poll()
    occurrence_id = window.workspace.panel.occurrences[window.workspace.panel.sets[0].id][0].id
    window.workspace.panel.jumpRequested.emit(occurrence_id)
    assert window.pair_view.a is target
    assert [(h.start, h.end) for h in window.pair_view.pane_a.layer("quote")] == [(start, start + 40)]
    assert [(h.start, h.end) for h in window.pair_view.pane_a.layer("tags")] == [(start, start + 40)]


def test_export_writes_csv_that_reads_back(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    controller = window.workspace
    a_text = window.pair_view.a.text
    start = a_text.index("Ahead of Monday")
    end = a_text.index("Putin.", start) + len("Putin.")
    controller.tag_range("a", start, end, "Quotes, \"all\"", tags=["x"], note="=SUM(A1), risky\nsecond line")
    controller.tag_range("b", 3, 30, "Other")
    out = tmp_path / "sets.csv"
    with qtbot.waitSignal(controller.exported) as written:
        controller.export_sets(out, bom=True)
    assert written.args == [2]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["quote_set"] == "Quotes, \"all\""
    assert rows[0]["text"] == a_text[start:end] and "\u201c" in rows[0]["text"]
    assert rows[0]["note"] == "'=SUM(A1), risky\nsecond line"
    assert (rows[0]["start"], rows[0]["end"]) == (str(start), str(end))
    # Only the selected set.
    other_id = next(s.id for s in controller.panel.sets if s.name == "Other")
    controller.panel.select("set", other_id)
    assert controller.panel.selected_set_ids() == [other_id]
    with qtbot.waitSignal(controller.exported) as written:
        controller.export_sets(out, controller.panel.selected_set_ids())
    assert written.args == [1]
    with out.open(newline="", encoding="utf-8") as handle:
        assert [r["quote_set"] for r in csv.DictReader(handle)] == ["Other"]


def test_another_connections_change_is_picked_up_and_conflicting_undo_is_refused(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, PAIR, db)
    controller = window.workspace
    assert not controller.poll()
    controller.tag_range("a", 30, 70, "Mine")
    article_b = window.pair_view.b
    with Workspace.open(db) as other:
        other.create_set("Theirs", occurrences=[new_occurrence(article_b, 3, 30)])
        other.rename_set(other.find_set("Mine").id, "Mine, renamed elsewhere")
    assert controller.poll()
    names = [controller.panel.model.item(r).text() for r in range(controller.panel.model.rowCount())]
    assert names == ["Mine, renamed elsewhere", "Theirs"]
    assert [(h.start, h.end) for h in window.pair_view.pane_b.layer("tags")] == [(3, 30)]
    # Undoing the tag would overwrite the other window's rename: refused, history cleared.
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: controller.undo_stack.count() == 0)
    assert "changed meanwhile" in controller.last_error
    assert [s[1] for s in stored(db)[0]] == ["Mine, renamed elsewhere", "Theirs"]
    assert len(stored(db)[1]) == 2


def test_bad_workspace_file_is_refused_and_left_untouched(qtbot, tmp_path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"these are my notes, not a database\n")
    before = bad.read_bytes()
    window = MainWindow(db_path=str(bad))
    qtbot.addWidget(window)
    window.show()
    controller = window.workspace
    assert controller.workspace is None
    assert str(bad) in controller.last_error and "not an SQLite file" in controller.last_error
    assert not controller.actions["tag_quote"].isEnabled()
    assert "No workspace open" in controller.panel.header.text()
    assert bad.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]
    # Opening a good one afterwards switches quote sets on.
    assert controller.open_workspace(tmp_path / "good.sqlite3")
    assert controller.actions["tag_quote"].isEnabled()


def tagged_copy(tmp_path):
    """Copies of the pair's articles and a workspace holding one tagged quote of the first."""
    from viewer.core.loading.articles import load_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for path in PAIR:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    article_path = folder / PAIR[0].name
    db = tmp_path / "ws.sqlite3"
    original = load_article(article_path)
    start = original.text.index(QUOTE)
    with Workspace.open(db) as workspace:
        workspace.create_set("S", occurrences=[new_occurrence(original, start, start + len(QUOTE))])
    return folder, article_path, db, original, start


def test_edited_article_is_reanchored_when_shown(qtbot, tmp_path):
    folder, article_path, db, original, start = tagged_copy(tmp_path)
    text = article_path.read_text(encoding="utf-8")
    article_path.write_text(text.replace("Ahead of", "A new sentence was added here. Ahead of"), encoding="utf-8")
    window = make_window(qtbot, sorted(folder.iterdir()), db)
    pane = next(p for p in (window.pair_view.pane_a, window.pair_view.pane_b) if p.article.path.endswith(PAIR[0].name))
    moved = pane.article.text.index(QUOTE)
    assert moved != start
    assert [(h.start, h.end) for h in pane.layer("tags")] == [(moved, moved + len(QUOTE))]
    assert stored(db)[1][0][3:6] == (moved, moved + len(QUOTE), QUOTE)


def test_a_quote_gone_from_its_article_is_kept_and_shown_detached(qtbot, tmp_path):
    folder, article_path, db, original, start = tagged_copy(tmp_path)
    sentence = original.text[original.text.index("Ahead of"):original.text.index("Putin.", start) + 6]
    article_path.write_text(article_path.read_text(encoding="utf-8").replace(sentence, ""), encoding="utf-8")
    window = make_window(qtbot, sorted(folder.iterdir()), db)
    controller = window.workspace
    occurrence = controller.panel.occurrences[controller.panel.sets[0].id][0]
    assert occurrence.detached and occurrence.text == QUOTE  # kept, with what was tagged
    row = controller.panel.model.item(0).child(0)
    assert row.text().startswith("\u26a0 detached")
    for pane in (window.pair_view.pane_a, window.pair_view.pane_b):
        assert pane.layer("tags") == []
    out = tmp_path / "out.csv"
    with qtbot.waitSignal(controller.exported):
        controller.export_sets(out)
    with out.open(newline="", encoding="utf-8") as handle:
        assert [r["status"] for r in csv.DictReader(handle)] == ["detached"]


# -- counterpart mapping (no window) ---------------------------------------------------

def test_counterpart_range_finds_the_words_in_a_reordered_copy():
    a = PAIR[0].read_text(encoding="utf-8")
    b = PAIR[1].read_text(encoding="utf-8")
    passage = Passage(0, len(a), 0, len(b), 0.9)
    i = a.index(QUOTE)
    j = b.index(QUOTE)
    assert counterpart_range(a, b, passage, "a", i, i + len(QUOTE)) == (j, j + len(QUOTE))
    # Part words snap to whole words; the reverse direction works too.
    assert counterpart_range(a, b, passage, "a", i + 3, i + 15) == (j, j + len("discuss the terms"))
    assert counterpart_range(b, a, passage, "b", j, j + len(QUOTE)) == (i, i + len(QUOTE))
    # Outside the passage: nothing.
    assert counterpart_range(a, b, Passage(0, 10, 0, 10, 1.0), "a", i, i + 5) is None


def test_counterpart_range_maps_edited_words_by_the_word_diff():
    a = "He said the talks were very productive and useful today."
    b = "He said the talks had been really productive and useful today."
    passage = Passage(0, len(a), 0, len(b), 0.8)
    start = a.index("talks")
    end = a.index("useful") + len("useful")
    assert counterpart_range(a, b, passage, "a", start, end) == (b.index("talks"), b.index("useful") + len("useful"))


@pytest.mark.parametrize("text", ["\U0001f600 emoji first. ", ""])
def test_counterpart_range_counts_code_points(text):
    a = text + "The minister said: \u201cWe will not retreat.\u201d"
    b = "Intro \U0001f389\U0001f389. " + "The minister said: \u201cWe will not retreat.\u201d"
    passage = Passage(len(text), len(a), b.index("The"), len(b), 1.0)
    start = a.index("We will")
    mapped = counterpart_range(a, b, passage, "a", start, start + len("We will not retreat."))
    assert b[mapped[0]:mapped[1]] == "We will not retreat."


def test_an_edit_refreshes_only_what_it_touched(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, PAIR, tmp_path / "ws.sqlite3")
    controller = window.workspace
    a_text = window.pair_view.a.text
    start = a_text.index(QUOTE)
    controller.tag_range("a", start, start + len(QUOTE), "First")
    controller.tag_range("b", 3, 30, "Second")
    first = next(s.id for s in controller.panel.sets if s.name == "First")
    second = next(s.id for s in controller.panel.sets if s.name == "Second")
    untouched_row = controller.panel.index_of("set", second)
    untouched_item = controller.panel.model.itemFromIndex(untouched_row)
    read: list[int | None] = []
    real = controller.workspace.occurrences
    monkeypatch.setattr(controller.workspace, "occurrences", lambda set_id=None: read.append(set_id) or real(set_id))
    marked: list[bool] = []
    monkeypatch.setattr(controller, "mark_tags", lambda: marked.append(True))

    controller.rename_set(first, "First, renamed")
    assert read == [first]  # only the renamed set's quotes were read again
    assert controller.panel.model.itemFromIndex(controller.panel.index_of("set", second)) is untouched_item
    assert marked  # its quote is tinted in pane A: the tints follow the set
    assert [s.name for s in controller.panel.sets] == ["First, renamed", "Second"]

    read.clear()
    marked.clear()
    controller.undo_stack.undo()
    assert read == [first] and marked
    assert controller.panel.model.item(controller.panel.index_of("set", first).row()).text() == "First"
