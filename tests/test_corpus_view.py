"""The corpus overview in the window: heat map order, hover, click-through, reuse counts, cancel, no freeze."""

from __future__ import annotations

import threading
import time

from corpus_samples import write_corpus
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from qt_helpers import wait_idle

from viewer.core.alignment.align import AlignSettings, Passage
from viewer.core.corpus import index as corpus_index
from viewer.core.corpus.ordering import cluster_order
from viewer.core.corpus.result import CorpusSimilarity
from viewer.core.tasks.policy import CHILD_PROCESS_FROM
from viewer.ui.corpus import corpus_wiring
from viewer.ui.corpus.corpus_view import EMPTY, HeatMap
from viewer.ui.main_window import MainWindow
from viewer.ui.pair.passage_list_model import PassageListModel

PASSAGE_ALSO_IN = PassageListModel.COLUMNS.index("Also in")


def make_window(qtbot) -> MainWindow:
    window = MainWindow()
    window.persist_state = False
    qtbot.addWidget(window)
    window.resize(1500, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_indexed(qtbot, folder) -> MainWindow:
    window = make_window(qtbot)
    window.open_paths([str(folder)])
    qtbot.waitUntil(lambda: window.corpus.result is not None and not window.corpus.busy, timeout=30_000)
    wait_idle(qtbot, window)
    window.corpus.show_overview()
    qtbot.wait(50)
    return window


def group_members(groups: list[int], group: int) -> list[int]:
    return [i for i, g in enumerate(groups) if g == group]


def test_heat_map_orders_groups_into_blocks(qtbot, tmp_path):
    groups = write_corpus(tmp_path / "c", groups=3, per_group=4, singles=4)
    window = open_indexed(qtbot, tmp_path / "c")
    heat = window.corpus.view.heat_map
    result = window.corpus.result
    # Only articles sharing text are drawn, each group as one contiguous block.
    assert sorted(heat.order) == sorted(i for i, g in enumerate(groups) if g >= 0)
    for group in range(3):
        places = sorted(heat.position[i] for i in group_members(groups, group))
        assert places[-1] - places[0] == 3
    assert len(heat.blocks) == 3
    # A pair inside a group is coloured, a pair across groups is not.
    a, b = group_members(groups, 0)[:2]
    c = group_members(groups, 1)[0]
    image = heat._ensure_image()
    origin = heat.map_rect().topLeft()
    inside = heat.point_of(a, b) - origin
    across = heat.point_of(a, c) - origin
    assert QColor(image.pixel(inside)) != EMPTY
    assert QColor(image.pixel(across)) == EMPTY
    assert result.similarity(a, b) > 0 and result.similarity(a, c) == 0
    # Showing every article puts the ones sharing nothing after the groups.
    window.corpus.view.linked_only.setChecked(False)
    assert len(heat.order) == len(groups)
    assert all(heat.position[i] >= 12 for i in group_members(groups, -1))


def test_hover_tooltip_names_both_articles_and_the_share(qtbot, tmp_path):
    groups = write_corpus(tmp_path / "c", groups=2, per_group=3, singles=2)
    window = open_indexed(qtbot, tmp_path / "c")
    heat = window.corpus.view.heat_map
    result = window.corpus.result
    a, b = group_members(groups, 1)[:2]
    point = heat.point_of(a, b)
    text = heat.tooltip_at(point)
    assert result.titles[a] in text and result.titles[b] in text
    assert f"{result.similarity(a, b):.0%} shared" in text
    hovered = []
    heat.cellHovered.connect(lambda i, j: hovered.append((i, j)))
    qtbot.mouseMove(heat, point)
    qtbot.waitUntil(lambda: bool(hovered), timeout=2000)
    assert hovered[-1] == (a, b)
    # Hovering a row shows that article's neighbours.
    assert window.corpus.view.selected == a
    assert {window.corpus.view.neighbour_model.pair(r)[1] for r in range(2)} == set(group_members(groups, 1)) - {a}
    assert heat.tooltip_at(QPoint(-5, -5)) == ""


def test_click_opens_the_pair_with_reuse_counts(qtbot, tmp_path):
    groups = write_corpus(tmp_path / "c", groups=2, per_group=4, singles=3)
    window = open_indexed(qtbot, tmp_path / "c")
    heat = window.corpus.view.heat_map
    result = window.corpus.result
    members = group_members(groups, 0)
    a, b = members[0], members[1]
    qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=heat.point_of(a, b))
    assert window.pair_view.a.path == result.paths[a]
    assert window.pair_view.b.path == result.paths[b]
    wait_idle(qtbot, window)
    assert len(window.pair_view.passages) == 1
    # The shared passage is also in the group's two other articles.
    qtbot.waitUntil(lambda: bool(window.pair_view.reuse), timeout=5000)
    assert sorted(window.pair_view.reuse[0]) == sorted(result.titles[k] for k in members[2:])
    model = window.passage_model
    assert model.data(model.index(0, PASSAGE_ALSO_IN)) == "2"
    # Double-clicking a row of the most similar pairs opens that pair too.
    table = window.corpus.view.top_table
    _value, i, j = result.top_pairs(1)[0]
    rect = table.visualRect(window.corpus.view.top_model.index(0, 1))
    assert table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert {window.pair_view.a.path, window.pair_view.b.path} == {result.paths[i], result.paths[j]}
    wait_idle(qtbot, window)
    # A pair of articles from different groups: no reuse to show.
    other = group_members(groups, 1)[0]
    window.corpus.open_pair(result.paths[a], result.paths[other])
    wait_idle(qtbot, window)
    assert window.pair_view.reuse == {}


def test_aggregated_map_shows_the_strongest_pair_of_each_pixel(qtbot):
    count = 3000
    pairs = {(10, 11): 0.05, (10, 12): 0.6, (2000, 2500): 0.3}
    result = CorpusSimilarity(
        paths=[f"/x/{n}.txt" for n in range(count)], titles=[f"Title {n}" for n in range(count)],
        shas=[str(n) for n in range(count)], settings=AlignSettings(), pairs=dict(pairs),
        passages={key: [Passage(0, 10, 0, 10, 1.0)] for key in pairs})
    result.order = cluster_order(count, result.pairs)
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.only_linked = False
    heat.resize(312, 312)
    heat.set_result(result)
    assert heat.aggregated
    point = heat.point_of(10, 12)
    i, j, value = heat.pair_at(point)
    assert {i, j} == {10, 12} and value == 0.6  # not the 5% pair in the same pixel
    assert "zoom in" in heat.tooltip_at(point)
    # Zooming in far enough gives each pair its own cell.
    for _ in range(30):
        heat.zoom(1.5, heat.position[10])
    assert not heat.aggregated
    assert heat.pair_at(heat.point_of(10, 11))[2] == 0.05


def test_cancel_stops_indexing_and_index_resumes(qtbot, tmp_path, monkeypatch):
    write_corpus(tmp_path / "c", groups=20, per_group=6, singles=40, boilerplate=110)
    # A slow aligner (2 ms a pair), so the run is surely under way when Cancel is clicked.
    slow = [True]
    real = corpus_index.align_profiles

    def slow_align(*args, **kwargs):
        if slow[0]:
            time.sleep(0.002)
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus_index, "align_profiles", slow_align)
    # In a thread of this process, where the slow aligner is (the child process path has
    # its own cancel test in test_corpus_index.py).
    monkeypatch.setitem(CHILD_PROCESS_FROM, "corpus", 10**9)
    window = make_window(qtbot)
    controller = window.corpus
    progress = []
    controller.runner.progress.connect(lambda _k, done, total: progress.append((done, total)))
    window.open_paths([str(tmp_path / "c")])
    qtbot.waitUntil(lambda: controller.busy and any(done > 280 for done, _t in progress), timeout=20_000)
    window.corpus.show_overview()
    assert controller.view.cancel_button.isVisible()
    assert controller.view.progress.isVisible()
    qtbot.mouseClick(controller.view.cancel_button, Qt.MouseButton.LeftButton)
    assert not controller.busy
    assert "stopped" in controller.view.summary.text()
    assert not controller.view.cancel_button.isVisible()
    assert controller.runner.wait(3000), "the indexing thread must stop soon after Cancel"
    qtbot.wait(100)
    assert controller.result is None
    # Index again: the pairs aligned before the cancel come from the cache.
    slow[0] = False
    qtbot.mouseClick(controller.view.reindex_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.result is not None, timeout=30_000)
    result = controller.result
    assert not result.from_cache
    assert 0 < result.aligned < result.candidates


def test_indexing_runs_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    """The heavy work of indexing never runs on the GUI thread, and above the policy's size
    not in the window's process at all (its interpreter lock is the window's). How long the
    window actually stalls is measured in benchmarks/bench_pair_switch.py, not here: a stall
    limit failed on loaded machines."""
    write_corpus(tmp_path / "c", groups=30, per_group=6, singles=120, boilerplate=90)
    window = open_indexed(qtbot, tmp_path / "c")
    assert len(window.model.articles) == 300
    first = window.corpus.result
    window.corpus.index.clear()
    threads: list[tuple[str, bool]] = []
    real_child, real_align = corpus_wiring.build_in_process, corpus_index.align_profiles

    def child(*args, **kwargs):
        threads.append(("child", threading.current_thread() is threading.main_thread()))
        return real_child(*args, **kwargs)

    def align_here(*args, **kwargs):
        threads.append(("align", threading.current_thread() is threading.main_thread()))
        return real_align(*args, **kwargs)

    monkeypatch.setattr(corpus_wiring, "build_in_process", child)
    monkeypatch.setattr(corpus_index, "align_profiles", align_here)
    window.corpus.reindex()
    qtbot.waitUntil(lambda: window.corpus.result is not first, timeout=60_000)
    result = window.corpus.result
    assert result.candidates > 4000 and result.aligned == result.candidates  # real work was done
    # 300 articles: the build went to a child process, from a worker thread; nothing aligned here
    assert threads == [("child", False)]
    # Below the policy's size it runs in a worker thread of this process, never the GUI thread.
    monkeypatch.setitem(CHILD_PROCESS_FROM, "corpus", 10**9)
    threads.clear()
    window.corpus.index.clear()
    second = window.corpus.result
    window.corpus.reindex()
    qtbot.waitUntil(lambda: window.corpus.result is not second, timeout=60_000)
    assert threads and {kind for kind, _ in threads} == {"align"} and not any(on_gui for _, on_gui in threads)
