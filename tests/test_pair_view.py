"""The side-by-side pair view: navigation, click-through, linked scrolling, band, settings."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from qt_helpers import DATA, open_window, wait_idle

from viewer.core.loading.articles import bundled_seeds_dir
from viewer.core.tasks.policy import CHILD_PROCESS_FROM
from viewer.ui.pair.passage_colors import passage_color

PAIR = [DATA / "pair" / "original.txt", DATA / "pair" / "reordered_copy.txt"]
SEEDS = bundled_seeds_dir()


def seed_window(qtbot):
    return open_window(qtbot, [SEEDS], pair=("000_58809129abae67b4.txt", "001_93bd544375469710.txt"))


def test_navigation_keys_step_through_passages(qtbot):
    window = seed_window(qtbot)
    view = window.pair_view
    count = len(view.passages)
    assert count >= 3
    view.pane_a.verticalScrollBar().setValue(0)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == 0
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.current == 1
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.current == 0
    shared = f"{view.alignment.similarity:.0%} shared"
    assert window.status_label.text() == f"Passage 1 of {count} ({view.summary(0).describe()}) - {shared}"
    # The passage list follows the selection.
    assert window.passage_table.currentIndex().row() == 0
    # Both panes show the selected passage.
    passage = view.passages[0]
    for pane, (start, end) in ((view.pane_a, (passage.a_start, passage.a_end)),
                               (view.pane_b, (passage.b_start, passage.b_end))):
        top, bottom = pane.y_range(start, end)
        assert top >= 0 and bottom <= pane.viewport().height() + 1


def test_stepping_past_the_last_passage_stays_and_says_so(qtbot):
    window = seed_window(qtbot)
    view = window.pair_view
    view.select_passage(len(view.passages) - 1)
    assert view.next_passage() is False
    assert view.current == len(view.passages) - 1


def test_clicking_a_passage_brings_its_counterpart_into_view(qtbot):
    window = open_window(qtbot, PAIR, size=(1000, 420))
    view = window.pair_view
    assert len(view.passages) >= 3, "reordered paragraphs must come out as separate passages"
    view.set_linked_scrolling(False)
    view.pane_a.verticalScrollBar().setValue(0)
    view.pane_b.verticalScrollBar().setValue(0)
    # The passage whose B end is furthest down, clicked where it shows in A.
    target = max(range(len(view.passages)), key=lambda i: view.passages[i].b_start)
    passage = view.passages[target]
    view.pane_a.center_on(passage.a_start)
    a_scroll = view.pane_a.verticalScrollBar().value()
    QTest.mouseClick(view.pane_a.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.pane_a.point_of(passage.a_start + 2))
    assert view.current == target
    assert view.pane_a.verticalScrollBar().value() == a_scroll  # the clicked pane stays put
    b_top, b_bottom = view.pane_b.y_range(passage.b_start, passage.b_end)
    assert 0 <= b_top < view.pane_b.viewport().height()


def test_linked_scrolling_follows_and_the_lock_turns_it_off(qtbot):
    window = open_window(qtbot, [SEEDS / "000_58809129abae67b4.txt", SEEDS / "004_6de5e90b01bdfb12.txt"],
                         size=(1000, 420))
    view = window.pair_view
    bar_a, bar_b = view.pane_a.verticalScrollBar(), view.pane_b.verticalScrollBar()
    assert bar_a.maximum() > 0 and bar_b.maximum() > 0
    assert window.lock_button.isChecked()
    bar_a.setValue(bar_a.maximum() // 2)
    followed = bar_b.value()
    assert followed > 0
    bar_a.setValue(bar_a.maximum())
    assert bar_b.value() > followed
    # Scrolling B moves A back, without either pane bouncing.
    bar_b.setValue(0)
    assert bar_a.value() < bar_a.maximum()
    window.lock_button.click()
    assert not view.linked_scrolling
    before = bar_b.value()
    bar_a.setValue(bar_a.maximum() // 3)
    assert bar_b.value() == before


def test_scrolling_inside_a_passage_keeps_it_level(qtbot):
    window = open_window(qtbot, [SEEDS / "000_58809129abae67b4.txt", SEEDS / "004_6de5e90b01bdfb12.txt"],
                         size=(1000, 420))
    view = window.pair_view
    longest = max(view.passages, key=lambda p: p.a_end - p.a_start)
    view.pane_a.center_on((longest.a_start + longest.a_end) // 2)
    mid_a = view.pane_a.viewport().height() / 2
    # The counterpart's matching point sits at the middle of pane B too.
    a_top, a_bottom = view.pane_a.y_range(longest.a_start, longest.a_end)
    b_top, b_bottom = view.pane_b.y_range(longest.b_start, longest.b_end)
    share = (mid_a - a_top) / (a_bottom - a_top)
    expected = b_top + share * (b_bottom - b_top)
    assert abs(expected - view.pane_b.viewport().height() / 2) < 3


def test_settings_change_realigns_live(qtbot):
    window = seed_window(qtbot)
    view = window.pair_view
    before = len(view.passages)
    window.settings_bar.min_words.setValue(40)
    window.settings_bar.flush()
    wait_idle(qtbot, window)
    assert view.settings.min_words == 40
    assert len(view.passages) < before
    assert all(len(view.a.text[p.a_start:p.a_end].split()) >= 30 for p in view.passages)


def test_highlights_cover_exactly_the_passage_after_emoji(qtbot):
    window = open_window(qtbot, PAIR)
    view = window.pair_view
    assert any(ord(ch) > 0xFFFF for ch in view.b.text[:view.passages[0].b_start + 200])
    for pane, text, layer in ((view.pane_b, view.b.text, view.pane_b.layer("passages")),
                              (view.pane_a, view.a.text, view.pane_a.layer("passages"))):
        assert layer
        for item in layer:
            cursor = QTextCursor(pane.document())
            cursor.setPosition(pane.offsets.to_qt(item.start))
            cursor.setPosition(pane.offsets.to_qt(item.end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText().replace("\u2029", "\n") == text[item.start:item.end]


def test_band_is_drawn_where_the_passages_are(qtbot):
    window = seed_window(qtbot)
    view = window.pair_view
    view.select_passage(0)
    view.stop_flash()
    qtbot.wait(50)
    image = view.band.grab().toImage()
    passage = view.passages[0]
    a_top, a_bottom = view.pane_a.y_range(passage.a_start, passage.a_end)
    offset = view.pane_a.viewport().mapTo(view, QPoint(0, 0)).y() - view.band.mapTo(view, QPoint(0, 0)).y()
    y = round((a_top + a_bottom) / 2 + offset)
    drawn = QColor(image.pixel(3, y))
    expected = passage_color(0)
    assert abs(drawn.hue() - expected.hue()) <= 12 and drawn.saturation() > 40
    # Far from every passage on both sides, the band is empty.
    background = QColor(image.pixel(image.width() // 2, 2))
    blank = all(not (pa <= 2 <= pb) for pa, pb, *_ in view._passage_geometry())
    if blank:
        assert background.saturation() < 20


def test_overview_strip_click_scrolls_the_pane(qtbot):
    window = open_window(qtbot, [SEEDS / "000_58809129abae67b4.txt", SEEDS / "004_6de5e90b01bdfb12.txt"],
                         size=(1000, 420))
    view = window.pair_view
    view.set_linked_scrolling(False)
    strip = view.side_b.strip
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(strip.width() // 2, strip.height() - 2))
    bar = view.pane_b.verticalScrollBar()
    assert bar.value() == bar.maximum()


def test_find_highlights_matches_in_both_panes(qtbot):
    window = seed_window(qtbot)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "Journal du Dimanche")
    in_a = window.pair_view.a.text.count("Journal du Dimanche")
    in_b = window.pair_view.b.text.count("Journal du Dimanche")
    assert in_a and in_b
    assert window.find_bar.count.text() == f"{in_a + in_b} ({in_a} in A, {in_b} in B)"
    assert len(window.pair_view.pane_a.layer("find")) == in_a
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text().startswith("1 of")


def test_switching_back_to_a_cached_pair_is_immediate(qtbot):
    window = seed_window(qtbot)
    first = (window.pair_view.a, window.pair_view.b)
    window.show_pair(window.model.articles[2], window.model.articles[3])
    wait_idle(qtbot, window)
    started = time.perf_counter()
    window.show_pair(*first)
    elapsed = time.perf_counter() - started
    assert window.pair_view.alignment is not None  # no worker round trip
    assert window.pair_view.pane_a.layer("passages")
    print(f"cached pair switch: {elapsed * 1000:.1f} ms")


def test_hovering_a_passage_highlights_the_pair(qtbot):
    window = seed_window(qtbot)
    view = window.pair_view
    passage = view.passages[0]
    view.pane_a.center_on(passage.a_start)
    QTest.mouseMove(view.pane_a.viewport(), view.pane_a.point_of(passage.a_start + 2))
    qtbot.waitUntil(lambda: view.hovered == 0, timeout=2000)
    assert view.band.hovered == 0
    assert any(h.start == passage.b_start for h in view.pane_b.layer("overlay"))


def test_markdown_article_is_formatted_and_highlighted(qtbot, tmp_path):
    seed = (SEEDS / "003_65462875d1232ebb.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if len(p.split()) > 20][:3]
    (tmp_path / "a.md").write_text("# A *formatted* copy\n\n" + "\n\n".join(f"**Lead:** {p}" for p in paragraphs))
    window = open_window(qtbot, [tmp_path / "a.md", SEEDS / "003_65462875d1232ebb.txt"])
    view = window.pair_view
    assert view.a.kind == "md" and view.passages
    cursor = QTextCursor(view.pane_a.document())
    cursor.setPosition(2)
    assert cursor.charFormat().fontWeight() >= 600  # the heading is bold
    for item in view.pane_a.layer("passages"):
        assert view.a.text[item.start:item.end].split()[0] in " ".join(paragraphs)
    assert Path(view.a.path).suffix == ".md"


def test_long_pairs_are_aligned_in_a_child_process_with_the_same_result(qtbot, monkeypatch):
    import viewer.ui.pair.pair_view as pair_view_module
    from viewer.core.alignment.align import align_texts

    monkeypatch.setitem(CHILD_PROCESS_FROM, "align", 0)
    monkeypatch.setattr(pair_view_module, "LAZY_LAYOUT_CHARS", 0)  # the highlights wait for the layout too
    window = seed_window(qtbot)
    view = window.pair_view
    assert view.passages == align_texts(view.a.text, view.b.text, view.settings).passages
    assert len(view.pane_a.layer("passages")) == len(view.passages)
