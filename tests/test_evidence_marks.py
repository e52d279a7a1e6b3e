"""What the pair view draws: word differences, moved text, tags, a chosen quote, contrast.

Every mark is checked where it is drawn (the pane's formats and its pixels), in the
light palette and in the dark one the app applies with ``--theme dark``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from qt_helpers import DATA, open_window

from viewer.core.loading.articles import bundled_seeds_dir
from viewer.ui.main_window import MainWindow
from viewer.ui.pair.passage_colors import DIFF_FILL, DIFF_TEXT, contrast, passage_color, text_on
from viewer.ui.quote_sets.quote_sets_panel import colour_icon
from viewer.ui.theme import apply_theme

SEEDS = bundled_seeds_dir()
SEED_PAIR = [SEEDS / "000_58809129abae67b4.txt", SEEDS / "001_93bd544375469710.txt"]
MOVED_PAIR = [DATA / "moved" / "003_original.txt", DATA / "moved" / "003_reordered_spun.txt"]
GREEN = "#33d17a"


@pytest.fixture(params=["light", "dark"])
def theme(request):
    app = QApplication.instance()
    saved_palette, saved_style = app.palette(), app.style().name()
    apply_theme(app, request.param)
    yield request.param
    app.setStyle(saved_style)
    app.setPalette(saved_palette)


def make_window(qtbot, paths, db: Path | None = None) -> MainWindow:
    return open_window(qtbot, paths, pair=(str(paths[0]), str(paths[1])), db=db, saves_state=False)


def edited_passage(view) -> int:
    """The passage with the most edited words."""
    summaries = view.summaries()
    return max(range(len(summaries)), key=lambda i: summaries[i].edited if summaries[i] else -1)


def test_differences_have_one_fixed_style_whatever_the_passage_colour(qtbot, theme):
    window = make_window(qtbot, SEED_PAIR)
    view = window.pair_view
    checked = {"a": 0, "b": 0}
    for index in range(len(view.passages)):
        view.select_passage(index)
        view.stop_flash()
        for side, pane in (("a", view.pane_a), ("b", view.pane_b)):
            marks = [h for h in pane.layer("overlay") if h.background == DIFF_FILL]
            for mark in marks:
                foreground, background = pane.colours_at(mark.start)
                assert (foreground, background) == (DIFF_TEXT, DIFF_FILL)
                assert contrast(foreground, background) >= 7
                assert mark.frame is not None
                # Dropped words (only A has them) are struck out, added ones (only B) underlined.
                assert mark.strike == (side == "a") and (mark.line == "single") == (side == "b")
            checked[side] += len(marks)
    assert checked["a"] > 0 and checked["b"] > 0


def test_a_difference_is_drawn_as_a_white_box_with_a_black_frame(qtbot):
    window = make_window(qtbot, SEED_PAIR)
    view = window.pair_view
    view.select_passage(edited_passage(view))
    view.stop_flash()
    qtbot.wait(50)
    pane = view.pane_a
    mark = next(h for h in pane.layer("overlay") if h.background == DIFF_FILL)
    pane.center_on(mark.start)
    qtbot.wait(50)
    rect = pane.line_rects(mark.start, mark.end)[0].toRect()
    image = pane.viewport().grab().toImage()
    inside = {image.pixelColor(x, y).name() for x in range(rect.left() + 1, rect.right() - 1)
              for y in range(rect.top() + 2, rect.bottom() - 2)}
    assert "#ffffff" in inside and "#000000" in inside
    rows = [{image.pixelColor(x, y).name() for x in range(rect.left() + 2, rect.right() - 2)}
            for y in (rect.top() - 1, rect.top(), rect.top() + 1)]
    assert {"#000000"} in rows  # the top of the frame


def test_moved_paragraph_is_moved_not_changed(qtbot):
    window = make_window(qtbot, MOVED_PAIR)
    view = window.pair_view
    summaries = view.summaries()
    index = max(range(len(summaries)), key=lambda i: summaries[i].moved if summaries[i] else -1)
    summary = summaries[index]
    assert summary.moved >= 50
    view.select_passage(index)
    text_a = view.a.text
    moved = [h for h in view.pane_a.layer("overlay") if h.frame_style == "dot"]
    changed = [h for h in view.pane_a.layer("overlay") if h.background == DIFF_FILL]
    moved_words = sum(len(text_a[h.start:h.end].split()) for h in moved)
    assert moved_words >= 25
    assert all(h.background.alpha() == 0 and h.frame is not None for h in moved)  # the passage fill shows
    # No moved word is drawn as changed.
    for h in changed:
        assert not any(m.start < h.end and h.start < m.end for m in moved)
    # The passage list and the status bar say how much moved.
    model = window.passage_model
    changes = model.data(model.index(index, model.COLUMNS.index("Changes")))
    assert "moved" in changes and changes == summary.describe()
    assert summary.describe() in window.status_label.text()


def tag_green(window, qtbot) -> tuple[int, int]:
    """Tag a stretch of A that lies inside a passage into a green set; its range."""
    view = window.pair_view
    passage = view.passages[0]
    text = view.a.text
    start = passage.a_start
    while not text[start].isalnum():
        start += 1
    end = text.index(" ", start + 20)
    controller = window.workspace
    controller.colour_hook = lambda _current: GREEN
    controller.tag_range("a", start, end, "Evidence")
    controller.choose_colour(controller.panel.sets[0].id)
    qtbot.wait(20)
    return start, end


def test_a_tag_is_a_bar_in_the_sets_exact_colour_apart_from_the_passage(qtbot, tmp_path):
    window = make_window(qtbot, SEED_PAIR, tmp_path / "ws.sqlite3")
    view = window.pair_view
    start, end = tag_green(window, qtbot)
    pane = view.pane_a
    (tag,) = pane.layer("tags")
    # The tag leaves the passage's fill and text alone: it is a bar, not a tint.
    assert tag.background.alpha() == 0 and tag.bar == QColor(GREEN)
    foreground, background = pane.colours_at(start)
    assert background == view.fill_of(0)
    # The same colour on screen as in the Quote Sets panel's swatch.
    swatch = window.workspace.panel.model.item(0).icon().pixmap(14, 14).toImage().pixelColor(7, 7)
    assert swatch.name() == GREEN
    pane.center_on(start)
    view.stop_flash()
    qtbot.wait(50)
    image = pane.viewport().grab().toImage()
    rect = pane.line_rects(start, end)[0].toRect()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom() + 1)}
    assert GREEN in colours  # the bar
    assert view.fill_of(0).name() in colours  # and the passage around the text
    # A chosen quote over the same words is a dashed frame: the tag's bar still shows.
    view.reveal_ranges((start, end), None)
    qtbot.wait(50)
    (quote,) = pane.layer("quote")
    assert quote.frame_style == "dash" and quote.background.alpha() == 0
    image = pane.viewport().grab().toImage()
    rect = pane.line_rects(start, end)[0].toRect()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom() + 1)}
    assert GREEN in colours and view.fill_of(0).name() in colours
    # The selected passage is a darker fill of its own: still apart from tag and quote.
    view.select_passage(0, reveal="none")
    view.stop_flash()
    assert pane.colours_at(start)[1] == view.fill_of(0, selected=True) != view.fill_of(0)
    assert colour_icon(GREEN).pixmap(14, 14).toImage().pixelColor(3, 3).name() == GREEN


def test_text_contrast_on_every_passage_and_mark_in_light_and_dark(qtbot, tmp_path, theme):
    window = make_window(qtbot, SEED_PAIR, tmp_path / "ws.sqlite3")
    view = window.pair_view
    palette = QApplication.instance().palette()
    assert (palette.color(palette.ColorRole.Base).lightness() < 128) == (theme == "dark")
    start, _end = tag_green(window, qtbot)
    pairs = []
    for pane, side in ((view.pane_a, "a"), (view.pane_b, "b")):
        pairs.append(pane.colours_at(0 if side == "a" else len(pane.article.text) - 1))
        pairs += [pane.colours_at(p.a_start if side == "a" else p.b_start) for p in view.passages]
    pairs.append(view.pane_a.colours_at(start))  # text under a tag
    for index in range(len(view.passages)):
        view.select_passage(index)
        view.stop_flash()
        for pane in (view.pane_a, view.pane_b):
            pairs += [pane.colours_at(h.start) for h in pane.layer("overlay")]
    # Every colour a passage can take (36 of them, verbatim or edited, plain or selected).
    dark = theme == "dark"
    for number in range(36):
        for light in (False, True):
            fill = passage_color(number, light=light, dark=dark)
            pairs.append((text_on(fill), fill))
    for foreground, background in pairs:
        assert contrast(foreground, background) >= 4.5, (foreground.name(), background.name())
    assert len(pairs) > 100
