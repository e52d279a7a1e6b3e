"""The user corrects speakers in the window: Quotes panel, tag dialog, Quote Sets panel, undo, restart, CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from qt_helpers import DATA, wait_idle

from viewer.core.store.workspace import Workspace
from viewer.ui.main_window import MainWindow
from viewer.ui.quote_sets.speaker_dialog import SpeakerDialog
from viewer.ui.quote_sets.tag_dialog import TagDialog
from viewer.ui.quotes.quotes_panel import QuoteRole

PAIR = [DATA / "pair" / "original.txt", DATA / "pair" / "reordered_copy.txt"]
SHARED = "discuss the terms of a de-escalation"  # Macron in A; the copy credits Jake Sullivan
WRONG = "coordination logic"  # detected with no speaker in A (attribution once credited it to "Ukraine")
NOT_NAMED = "(not named)"  # how the Quotes panel shows a quote without a speaker


def make_window(qtbot, db: Path) -> MainWindow:
    window = MainWindow(db_path=str(db))
    qtbot.addWidget(window)
    window.workspace.show_message_boxes = False
    window.resize(1400, 880)
    window.show()
    qtbot.waitExposed(window)
    window.open_paths([str(p) for p in PAIR])
    wait_idle(qtbot, window)
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: not panel.busy and bool(panel.findings.quotes), timeout=20_000)
    return window


def answer(window, value: str | None, seen: list | None = None, **tag_fields):
    """Answer the next dialogs: a speaker dialog gets ``value``; a tag dialog the fields."""

    def hook(dialog) -> bool:
        if seen is not None:
            seen.append(dialog)
        if isinstance(dialog, SpeakerDialog) and value is not None:
            dialog.speaker_edit.setText(value)
        if isinstance(dialog, TagDialog):
            dialog.set_combo.setCurrentText(tag_fields.get("set_name", "Evidence"))
            dialog.counterpart_box.setChecked(False)
            if "speaker" in tag_fields:
                dialog.speaker_edit.setText(tag_fields["speaker"])
        return True

    window.workspace.dialog_hook = hook


def by_article_index(panel, text: str, article_name: str | None = None):
    """The proxy index of a quote's speaker cell in the By Article tree."""
    model = panel.article_proxy
    for row in range(model.rowCount()):
        head = model.index(row, 0)
        for child in range(model.rowCount(head)):
            index = model.index(child, 0, head)
            quote = index.data(QuoteRole)
            if quote is not None and quote.text == text and (
                    article_name is None or Path(quote.article).name == article_name):
                return index
    raise AssertionError(f"{text!r} is not in the By Article tree")


def shared_child_speakers(panel, text: str) -> dict[str, str]:
    """Article file name -> speaker shown, for the occurrences of ``text`` in the Shared tree."""
    model = panel.shared_proxy
    shown = {}
    for row in range(model.rowCount()):
        head = model.index(row, 0)
        for child in range(model.rowCount(head)):
            quote = model.index(child, 1, head).data(QuoteRole)
            if quote is not None and quote.text == text:
                shown[Path(quote.article).name] = model.index(child, 2, head).data()
    return shown


def press_f2(qtbot, view, index) -> None:
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)


def select_words(pane, words: str) -> None:
    cursor = pane.document().find(words, QTextCursor(pane.document()))
    assert not cursor.isNull()
    pane.setTextCursor(cursor)
    pane.setFocus()


def occurrence_row(sets_panel, text: str):
    model = sets_panel.model
    for row in range(model.rowCount()):
        head = model.item(row)
        for child in range(head.rowCount()):
            if text in head.child(child, 0).text():
                return head.child(child, 0).index(), head.child(child, 1)
    raise AssertionError(f"{text!r} is not in the Quote Sets panel")


def test_corrections_win_everywhere_survive_a_restart_and_export_as_edited(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, db)
    quotes = window.quotes_panel
    wrong = by_article_index(quotes, WRONG)
    assert wrong.data() == NOT_NAMED

    # 1. In the Quotes panel (By Article tab): F2 on the quote edits its speaker.
    quotes.tabs.setCurrentWidget(quotes.article_view)
    seen: list = []
    answer(window, "Emmanuel Macron", seen)
    press_f2(qtbot, quotes.article_view, wrong)
    assert len(seen) == 1 and isinstance(seen[0], SpeakerDialog)
    assert seen[0].detected is None
    assert by_article_index(quotes, WRONG).data() == "Emmanuel Macron"
    # The filter finds the quote by its corrected speaker.
    quotes.filter_edit.setText("Macron")
    assert by_article_index(quotes, WRONG).data() == "Emmanuel Macron"
    quotes.filter_edit.clear()

    # 2. Ctrl+Z and Ctrl+Shift+Z undo and redo it.
    qtbot.keyClick(quotes.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert by_article_index(quotes, WRONG).data() == NOT_NAMED
    with Workspace.open(db) as ws:
        assert ws.speaker_corrections() == []
    qtbot.keyClick(quotes.article_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert by_article_index(quotes, WRONG).data() == "Emmanuel Macron"

    # 3. The tag dialog offers the detected speaker of the copy's quote, editable.
    pane_b = window.pair_view.pane_b
    assert Path(pane_b.article.path).name == "reordered_copy.txt"
    select_words(pane_b, SHARED)
    seen.clear()
    answer(window, None, seen, set_name="Evidence")
    qtbot.keyClick(pane_b, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    [tag_dialog] = seen
    assert tag_dialog.speaker_edit.text() == "Jake Sullivan"
    sets = window.workspace.panel
    index, speaker_cell = occurrence_row(sets, SHARED)
    assert speaker_cell.text().startswith("Jake Sullivan")

    # 4. In the Quote Sets panel: F2 on the tagged quote corrects it there, and in the Quotes panel.
    seen.clear()
    answer(window, "Emmanuel Macron", seen)
    press_f2(qtbot, sets.view, index)
    assert isinstance(seen[0], SpeakerDialog) and seen[0].detected == "Jake Sullivan"
    _index, speaker_cell = occurrence_row(sets, SHARED)
    assert speaker_cell.text().startswith("Emmanuel Macron")
    assert "edited" in speaker_cell.toolTip() and "Jake Sullivan" in speaker_cell.toolTip()
    assert by_article_index(quotes, SHARED, "reordered_copy.txt").data() == "Emmanuel Macron"
    assert shared_child_speakers(quotes, SHARED) == {
        "original.txt": "Emmanuel Macron", "reordered_copy.txt": "Emmanuel Macron"}

    # 5. Restart: a new window on the same workspace shows both corrections.
    window.close()
    again = make_window(qtbot, db)
    assert by_article_index(again.quotes_panel, WRONG).data() == "Emmanuel Macron"
    assert by_article_index(again.quotes_panel, SHARED, "reordered_copy.txt").data() == "Emmanuel Macron"
    _index, speaker_cell = occurrence_row(again.workspace.panel, SHARED)
    assert speaker_cell.text().startswith("Emmanuel Macron")

    # 6. The CSV says who corrected what.
    out = tmp_path / "sets.csv"
    with qtbot.waitSignal(again.workspace.exported, timeout=20_000) as written:
        again.workspace.export_sets(out)
    assert written.args == [1]
    with open(out, encoding="utf-8", newline="") as handle:
        [record] = list(csv.DictReader(handle))
    assert (record["speaker"], record["speaker_source"]) == ("Emmanuel Macron", "edited")
    assert record["text"] == SHARED
    assert SHARED not in record["context_before"] and record["context_before"]
    again.close()


def test_an_edited_speaker_in_the_tag_dialog_is_stored_as_edited(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, db)
    pane_a = window.pair_view.pane_a
    select_words(pane_a, WRONG)
    seen: list = []
    answer(window, None, seen, set_name="Fixes", speaker="Emmanuel Macron")
    qtbot.keyClick(pane_a, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert seen[0].speaker_edit.text() == "Emmanuel Macron"
    with Workspace.open(db) as ws:
        [occurrence] = ws.occurrences()
    assert (occurrence.speaker, occurrence.detected_speaker, occurrence.speaker_source) == (
        "Emmanuel Macron", None, "edited")
    # The Quotes panel follows the tag dialog's correction too.
    assert by_article_index(window.quotes_panel, WRONG).data() == "Emmanuel Macron"
    # One Ctrl+Z takes back the tag and its correction together.
    qtbot.keyClick(pane_a, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert by_article_index(window.quotes_panel, WRONG).data() == NOT_NAMED
    with Workspace.open(db) as ws:
        assert ws.occurrences() == [] and ws.speaker_corrections() == []
    # Tagged from a script without a speaker: detection's, not a correction.
    start = window.pair_view.a.text.index(WRONG)
    window.workspace.tag_range("a", start, start + len(WRONG), "Plain")
    with Workspace.open(db) as ws:
        [occurrence] = ws.occurrences()
    assert (occurrence.speaker, occurrence.speaker_source) == (None, "detected")


def test_edit_speaker_is_in_the_context_menus(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    quotes = window.quotes_panel
    for view in (quotes.shared_view, quotes.article_view):
        names = [a.text().replace("&", "") for a in view.actions()]
        assert "Edit Speaker\u2026" in names


def test_quote_sets_menu_offers_edit_speaker_and_f2_still_renames_a_set(qtbot, tmp_path):
    from viewer.core.loading.articles import load_article
    from viewer.core.store.workspace import new_occurrence

    window = make_window(qtbot, tmp_path / "ws.sqlite3")
    article = load_article(PAIR[0])
    start = article.text.index(WRONG)
    window.workspace.workspace.create_set("Checks", occurrences=[new_occurrence(article, start, start + len(WRONG))])
    window.workspace.refresh()
    sets = window.workspace.panel
    index, _cell = occurrence_row(sets, WRONG)
    menu = sets.build_menu(index)
    assert "Edit Speaker\u2026" in [a.text().replace("&", "") for a in menu.actions()]
    head = sets.index_of("set", sets.sets[0].id)
    press_f2(qtbot, sets.view, head)
    assert sets.view.state() == sets.view.State.EditingState  # renaming in place, no dialog


def test_a_cluster_shows_the_speaker_its_corrected_occurrences_agree_on(qtbot):
    from viewer.core.quotes.clusters import QuoteCluster
    from viewer.core.quotes.finder import Quote
    from viewer.core.store.model import SpeakerCorrection
    from viewer.ui.quotes.quotes_panel import QuoteFindings, QuotesPanel
    from viewer.ui.quotes.speaker_overlay import SpeakerOverlay

    panel = QuotesPanel()
    qtbot.addWidget(panel)
    overlay = SpeakerOverlay(panel)
    a = Quote("/news/a.txt", 10, 30, "a promise kept at last", "speech", "Emmanuel Macron")
    b = Quote("/news/b.txt", 40, 60, "a promise kept at last", "speech", "Jake Sullivan")
    c = Quote("/news/c.txt", 5, 25, "a promise kept at last", "speech", None)
    cluster = QuoteCluster("c1", a.text, "Emmanuel Macron", [a, b, c])
    panel._on_found((), QuoteFindings([a, b, c], [cluster]))  # no articles: the trees still fill
    panel.articles = {}
    head = panel.shared_model.item(0, 0)
    assert head.text() == "Emmanuel Macron" and not head.font().italic()

    def corrected(quote, speaker, number):
        return SpeakerCorrection(number, quote.article, "", quote.start, quote.end, quote.text, "", "", speaker,
                                 quote.speaker, False, "", "")

    # Two of three now say Sullivan (one corrected, one detected): the head follows.
    overlay.set_corrections([corrected(c, "Jake Sullivan", 1)])
    assert head.text() == "Jake Sullivan" and head.font().italic()
    children = [head.child(row, 2).text() for row in range(head.rowCount())]
    assert children == ["Emmanuel Macron", "Jake Sullivan", "Jake Sullivan"]
    # A tie goes to the person's word.
    overlay.set_corrections([corrected(c, "Someone Else", 1)])
    assert head.text() == "Someone Else"
    # Undone: detection again, upright.
    overlay.set_corrections([])
    assert head.text() == "Emmanuel Macron" and not head.font().italic()
    assert [head.child(row, 2).text() for row in range(head.rowCount())] == ["Emmanuel Macron", "Jake Sullivan", ""]


def test_f2_on_a_shared_cluster_names_one_speaker_for_all_its_occurrences(qtbot, tmp_path):
    db = tmp_path / "ws.sqlite3"
    window = make_window(qtbot, db)
    quotes = window.quotes_panel
    assert shared_child_speakers(quotes, SHARED) == {
        "original.txt": "Emmanuel Macron", "reordered_copy.txt": "Jake Sullivan"}
    model = quotes.shared_proxy
    head = next(model.index(r, 0) for r in range(model.rowCount())
                if SHARED in (model.index(r, 1).data() or ""))
    seen: list = []
    answer(window, "Emmanuel Macron", seen)
    press_f2(qtbot, quotes.shared_view, head)
    assert isinstance(seen[0], SpeakerDialog)
    assert shared_child_speakers(quotes, SHARED) == {
        "original.txt": "Emmanuel Macron", "reordered_copy.txt": "Emmanuel Macron"}
    with Workspace.open(db) as ws:  # only the quote detection got wrong holds a correction
        assert [(Path(c.article).name, c.speaker, c.detected) for c in ws.speaker_corrections()] == [
            ("reordered_copy.txt", "Emmanuel Macron", "Jake Sullivan")]
    qtbot.keyClick(quotes.shared_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shared_child_speakers(quotes, SHARED)["reordered_copy.txt"] == "Jake Sullivan"
