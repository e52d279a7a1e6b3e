"""The comparison of a shared quotation's occurrences, opened from the Quotes panel."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from qt_helpers import open_window

from viewer.core.loading.articles import bundled_seeds_dir
from viewer.core.quotes.fidelity import compare
from viewer.core.quotes.finder import Quote
from viewer.ui.pair.article_pane import char_format
from viewer.ui.pair.marked_text import MarksRole, StruckRole, marked_document
from viewer.ui.pair.pair_view import DIFF_TEXT, difference_highlight
from viewer.ui.quotes.quote_comparison import COLUMNS, WORDS_COLUMN, OccurrenceRole, occurrence_words
from viewer.ui.quotes.quotes_panel import ALTERED_MARK, ClusterRole

SHOTS = os.environ.get("ARTICLE_VIEWER_SHOTS")  # a folder: save screenshots there to look at them


def _seed_panel(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: not panel.busy and bool(panel.findings.clusters), timeout=20_000)
    return window, panel


def _row_of(panel, fragment: str) -> int:
    model = panel.shared_proxy
    return next(r for r in range(model.rowCount())
                if any(fragment in q.text for q in model.index(r, 0).data(ClusterRole).quotes))


def test_clusters_carry_an_altered_marker(qtbot):
    _window, panel = _seed_panel(qtbot)
    model = panel.shared_proxy
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Words"
    traumas = _row_of(panel, "contemporary traumas")
    brothers = _row_of(panel, "European brothers")
    assert model.index(traumas, 3).data() == "altered"
    assert model.index(brothers, 3).data() == "same"
    # The marker shows before the words too, where a narrow dock still shows it.
    assert model.index(traumas, 1).data().startswith(ALTERED_MARK)
    assert not model.index(brothers, 1).data().startswith(ALTERED_MARK)
    # Each occurrence says what it does to the reference's words.
    head = model.index(traumas, 0)
    marks = sorted(model.index(r, 3, head).data() for r in range(model.rowCount(head)))
    assert marks == ["altered", "reference"]
    altered = next(model.index(r, 3, head) for r in range(model.rowCount(head))
                   if model.index(r, 3, head).data() == "altered")
    assert "this \u2192 these" in altered.data(3)  # the tooltip lists the change
    head = model.index(brothers, 0)
    assert {model.index(r, 3, head).data() for r in range(model.rowCount(head))} == {"reference", "fragment"}
    if SHOTS:
        panel.shared_view.expand(model.index(traumas, 0))
        panel.window().quotes_dock.raise_()
        panel.window().grab().save(os.path.join(SHOTS, "quotes_panel_altered.png"))


def test_double_click_opens_the_comparison_sorted_by_date(qtbot):
    window, panel = _seed_panel(qtbot)
    model = panel.shared_proxy
    index = model.index(_row_of(panel, "contemporary traumas"), 1)
    panel._on_double_clicked(index)
    dialog = panel.comparison
    assert dialog is not None and dialog.isVisible()
    table = dialog.model
    assert [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())] == list(COLUMNS)
    assert table.rowCount() == 2
    # The dated reference (001) first, the undated occurrence (000) after it.
    assert table.item(0, 1).text() == "2022-02-07" and table.item(0, 4).text() == "reference"
    assert table.item(1, 1).text() == "undated" and table.item(1, 4).text() == "altered (1)"
    words = table.item(1, WORDS_COLUMN)
    (mark,) = words.data(MarksRole)
    assert words.text()[mark.start:mark.end] == "these"
    assert mark == difference_highlight(mark.start, mark.end)
    assert "this" in table.item(1, 4).toolTip() and "these" in table.item(1, 4).toolTip()
    assert table.item(0, WORDS_COLUMN).data(MarksRole) is None
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "quote_comparison_traumas.png"))
    # Double-clicking an occurrence shows it against the reference in the pair view.
    quote = table.item(1, 0).data(OccurrenceRole)
    dialog._on_double_clicked(table.index(1, 0))
    qtbot.waitUntil(lambda: window.pair_view.a is not None and window.pair_view.a.path == quote.article,
                    timeout=10_000)


def test_translations_show_as_altered_rows(qtbot):
    _window, panel = _seed_panel(qtbot)
    cluster = panel.shared_proxy.index(_row_of(panel, "clearly not Ukraine"), 0).data(ClusterRole)
    dialog = panel.compare_cluster(cluster)
    table = dialog.model
    states = [table.item(r, 4).text() for r in range(table.rowCount())]
    assert states[0] == "reference"
    assert sum(s.startswith("altered") for s in states) >= 3
    translated = [r for r in range(table.rowCount()) if "geopolitical" in table.item(r, WORDS_COLUMN).text()]
    for row in translated:
        assert len(table.item(row, WORDS_COLUMN).data(MarksRole)) >= 2
    # A dropped word is put back where it was, struck out and marked.
    short = next(r for r in range(table.rowCount()) if table.item(r, WORDS_COLUMN).text().startswith("clarification"))
    shown = table.item(short, WORDS_COLUMN)
    assert shown.text() == "clarification of the rules... with NATO and the EU"
    (struck,) = shown.data(StruckRole)
    assert shown.text()[struck[0]:struck[1]] == "the" and struck[0] == shown.text().rindex("the")
    # The comparison reuses one dialog.
    assert panel.compare_cluster(cluster) is dialog
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "quote_comparison_translations.png"))
    fragments = panel.shared_proxy.index(_row_of(panel, "European brothers"), 0).data(ClusterRole)
    panel.compare_cluster(fragments)
    assert {table.item(r, 4).text() for r in range(table.rowCount())} == {"reference", "fragment"}


def _fragments(document) -> dict:
    block = document.firstBlock()
    found = {}
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        found[fragment.text()] = fragment.charFormat()
        iterator += 1
    return found


def test_marked_document_uses_the_pair_views_format_and_code_points():
    text = "\U0001f600 this and these"  # an emoji first: Qt positions shift by one
    start = text.index("these")
    fragments = _fragments(marked_document(text, [difference_highlight(start, start + 5)]))
    expected = char_format(difference_highlight(start, start + 5))
    assert fragments["these"].foreground().color() == DIFF_TEXT
    assert fragments["these"].underlineStyle() == expected.underlineStyle()
    assert fragments["these"].underlineColor() == expected.underlineColor()
    assert fragments["\U0001f600 this and "].underlineStyle() != expected.underlineStyle()


def test_occurrence_words_put_dropped_words_back_at_either_end():
    ref = Quote("r", 0, 31, "the new order of security today", "speech", None)
    occ = Quote("o", 50, 74, "new order of security now", "speech", None)
    text, marks, struck = occurrence_words(compare(ref, occ))
    assert [text[s:e] for s, e in struck] == []  # trimmed ends are not drops
    occ = Quote("o", 50, 65, "new order today", "speech", None)
    text, marks, struck = occurrence_words(compare(ref, occ))
    assert text == "new order of security today"
    assert [text[s:e] for s, e in struck] == ["of security"]
    assert [text[m.start:m.end] for m in marks] == ["of security"]


def test_dropped_words_and_marks_count_code_points_after_an_emoji():
    ref = Quote("r", 0, 40, "\U0001f600 we must protect our European brothers", "speech", None)
    occ = Quote("o", 10, 44, "\U0001f600 we must protect our brothers today", "speech", None)
    variant = compare(ref, occ)
    text, marks, struck = occurrence_words(variant)
    assert [text[s:e] for s, e in struck] == ["European"]
    fragments = _fragments(marked_document(text, marks, struck=struck))
    assert fragments["European"].fontStrikeOut()
    assert fragments["European"].foreground().color() == DIFF_TEXT
