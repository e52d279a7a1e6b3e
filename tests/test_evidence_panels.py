"""Panels that fit and tell things apart: find, quotes, corpus overview, pane choosers,
jumping to a quote, swapping panes, --screenshot on a folder, the README's defaults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_samples import write_corpus
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from qt_helpers import open_window, wait_idle

from viewer.core.alignment.model import AlignSettings
from viewer.core.loading.articles import bundled_seeds_dir
from viewer.ui import main_window as main_window_module
from viewer.ui.app import settle_for_screenshot
from viewer.ui.main_window import MainWindow
from viewer.ui.pair.find_bar import find_all
from viewer.ui.quotes.quotes_panel import QuoteRole

SEEDS = bundled_seeds_dir()
PAIR = ("000_58809129abae67b4.txt", "001_93bd544375469710.txt")
README = Path(__file__).resolve().parent.parent / "README.md"


def make_window(qtbot, paths, pair=PAIR, db: Path | None = None, size=(1400, 880)) -> MainWindow:
    return open_window(qtbot, paths, pair=pair, size=size, db=db, saves_state=False)


# -- find ------------------------------------------------------------------------------
def test_find_treats_quote_styles_alike_and_counts_per_pane(qtbot):
    window = make_window(qtbot, [SEEDS])
    b_text = window.pair_view.b.text
    curly = b_text.count("Ukraine\u2019s")
    assert curly > 0 and "Ukraine's" not in b_text
    bar = window.find_bar
    bar.activate()
    bar.edit.setText("Ukraine's")
    in_a, in_b = bar.counts()
    assert in_a == window.pair_view.a.text.count("Ukraine's") + window.pair_view.a.text.count("Ukraine\u2019s")
    assert in_b == curly
    assert f"({in_a} in A, {in_b} in B)" in bar.count.text()
    # The curly form finds the straight one too.
    bar.edit.setText("Ukraine\u2019s")
    assert bar.counts() == (in_a, in_b)
    assert '"dialogue with Russia' in window.pair_view.a.text
    bar.edit.setText("\u201cdialogue with Russia")
    assert bar.counts()[0] == 1


def test_find_case_and_whole_word_options(qtbot):
    window = make_window(qtbot, [SEEDS])
    a_text = window.pair_view.a.text
    bar = window.find_bar
    bar.activate()
    bar.edit.setText("russia")
    loose = bar.counts()[0]
    assert loose == len(re.findall("russia", a_text, re.IGNORECASE))
    bar.case_box.setChecked(True)
    assert bar.counts()[0] == a_text.count("russia") < loose
    bar.case_box.setChecked(False)
    bar.words_box.setChecked(True)
    assert bar.counts()[0] == len(re.findall(r"\brussia\b", a_text, re.IGNORECASE)) < loose  # not "Russian"
    assert find_all("Kyiv's Kyiv", "kyiv", whole_words=True) == [(0, 4), (7, 11)]
    assert find_all("don\u2019t DON'T", "don't", match_case=True) == [(0, 5)]


# -- quotes ------------------------------------------------------------------------------
def test_quotes_can_be_read_whole_with_speaker_outlet_and_date(qtbot):
    window = make_window(qtbot, [SEEDS])
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: not panel.busy and bool(panel.findings.quotes), timeout=20_000)
    window.quotes_dock.show()
    window.quotes_dock.raise_()
    quote = max(panel.findings.quotes, key=lambda q: len(q.text))
    assert len(quote.text) > 120
    proxy = panel.article_proxy
    found = None
    for row in range(proxy.rowCount()):
        head = proxy.index(row, 0)
        for child in range(proxy.rowCount(head)):
            index = proxy.index(child, 1, head)
            if index.data(QuoteRole) == quote:
                found = index
    assert found is not None
    panel.tabs.setCurrentWidget(panel.article_view)
    panel.article_view.setCurrentIndex(found)
    detail = panel.detail
    shown = " ".join(detail.toPlainText().split())
    assert " ".join(quote.text.split()) in shown
    article = next(a for a in window.model.articles if a.path == quote.article)
    assert Path(article.path).name in shown
    for known in (article.outlet, article.date, quote.speaker):
        if known:
            assert known in shown
    # Wrapped in the panel: the whole quotation fits the pane's width without a horizontal scroll.
    assert detail.isVisible() and detail.lineWrapMode() != detail.LineWrapMode.NoWrap
    assert detail.horizontalScrollBar().maximum() == 0


# -- corpus overview ---------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1400, 880), (1024, 700)])
def test_corpus_overview_never_squeezes_the_panes_and_fits(qtbot, tmp_path, size):
    write_corpus(tmp_path / "c", groups=4, per_group=5, singles=6)  # 26 articles
    window = make_window(qtbot, [tmp_path / "c"], pair=None, size=size)
    qtbot.waitUntil(lambda: window.corpus.result is not None and not window.corpus.busy, timeout=30_000)
    qtbot.wait(50)
    view = window.pair_view
    # Not opened by itself: the pair view keeps the whole width, a hint says where the overview is.
    assert window.central_tabs.currentWidget() is window.pair_tab
    assert window.corpus.status_button.isVisible()
    minimum = 300 if size[0] >= 1400 else 240
    assert view.pane_a.width() >= minimum and view.pane_b.width() >= minimum
    window.corpus.show_overview()
    qtbot.wait(50)
    corpus = window.corpus.view
    assert corpus.isVisible()
    assert corpus.legend.width() >= corpus.legend.minimumSizeHint().width()
    # Indexing progress on one line beside the bar.
    corpus.set_indexing(True, "Indexing 2,225 articles in the background\u2026")
    corpus.set_progress(1200, 4000, "Aligning candidate pairs")
    qtbot.wait(50)
    line = corpus.summary.fontMetrics().lineSpacing()
    assert corpus.summary.height() < 2 * line + 4
    assert corpus.progress.isVisible() and corpus.progress.width() >= 120
    corpus.set_indexing(False)
    # Choosing a pair there brings the pair view back, panes at full width.
    result = window.corpus.result
    _share, i, j = result.top_pairs(1)[0]
    window.corpus.open_pair(result.paths[i], result.paths[j])
    assert window.central_tabs.currentWidget() is window.pair_tab


# -- choosers and the list -----------------------------------------------------------------
def test_pane_chooser_shows_title_outlet_date_and_file_name(qtbot):
    window = make_window(qtbot, [SEEDS])
    chooser = window.pair_view.side_b.chooser
    article = window.pair_view.b
    text = chooser.currentText()
    assert article.title in text and Path(article.path).name in text
    for known in (article.outlet, article.date):
        if known:
            assert known in text
    texts = [chooser.itemText(i) for i in range(chooser.count())]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("size", "chars"), [((1400, 880), 22), ((1024, 700), 18)])
def test_article_list_does_not_cut_titles_short(qtbot, size, chars):
    window = make_window(qtbot, [SEEDS], size=size)
    table = window.table
    room = table.columnWidth(0) - 12  # the cell's margins
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, 0)
        title = index.data()
        font = index.data(Qt.ItemDataRole.FontRole) or table.font()
        shown = QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideRight, room)
        assert len(shown.rstrip("\u2026")) >= min(chars, len(title)), (title, shown)


# -- jumping and swapping --------------------------------------------------------------------
def test_jump_to_a_tagged_quote_moves_both_panes(qtbot, tmp_path):
    window = make_window(qtbot, [SEEDS], db=tmp_path / "ws.sqlite3")
    view = window.pair_view
    passage = max(view.passages, key=lambda p: p.a_start)
    start = passage.a_start
    while not view.a.text[start].isalnum():
        start += 1
    end = view.a.text.index(" ", start + 15)
    controller = window.workspace
    controller.tag_range("a", start, end, "Late")
    occurrence = controller.workspace.occurrences(controller.panel.sets[0].id)[0]
    view.pane_a.verticalScrollBar().setValue(0)
    view.set_linked_scrolling(False)
    view.pane_b.verticalScrollBar().setValue(0)
    view.set_linked_scrolling(True)
    qtbot.wait(50)
    controller.jump_to(occurrence.id)
    qtbot.wait(50)

    def visible(pane, cp) -> bool:
        y = pane.document_y(cp) - pane.verticalScrollBar().value()
        return 0 <= y <= pane.viewport().height()

    assert visible(view.pane_a, start)
    assert visible(view.pane_b, passage.b_start) or visible(view.pane_b, (passage.b_start + passage.b_end) // 2)


def test_swap_keeps_colours_and_selection(qtbot):
    window = make_window(qtbot, [SEEDS])
    view = window.pair_view
    before = {(p.a_start, p.b_start): view.fill_of(i).name() for i, p in enumerate(view.passages)}
    order_a = [p.a_start for p in view.passages]
    assert sorted(order_a) == order_a and [p.b_start for p in view.passages] != sorted(p.b_start for p in view.passages)
    chosen = max(range(len(view.passages)), key=lambda i: view.passages[i].b_start)
    old = view.passages[chosen]
    view.select_passage(chosen)
    window.actions_by_name["swap"].trigger()
    wait_idle(qtbot, window)
    assert view.current >= 0
    now = view.passages[view.current]
    assert (now.a_start, now.b_start) == (old.b_start, old.a_start)
    after = {(p.b_start, p.a_start): view.fill_of(i).name() for i, p in enumerate(view.passages)}
    assert after == before
    assert window.passage_table.currentIndex().row() == view.current


# -- --screenshot on a folder, README ------------------------------------------------------------
def test_screenshot_of_a_folder_waits_for_the_index_and_shows_the_most_similar_pair(qtbot, tmp_path, monkeypatch):
    # Past the size the quick ranking handles, only the corpus index knows the best pair.
    monkeypatch.setattr(main_window_module, "MAX_RANKED_ARTICLES", 2)
    write_corpus(tmp_path / "c", groups=3, per_group=3, singles=8)
    window = MainWindow()
    window.persist_state = False
    qtbot.addWidget(window)
    window.resize(1400, 880)
    window.show()
    window.open_paths([str(tmp_path / "c")])
    settle_for_screenshot(QApplication.instance(), window, None, timeout_s=60)
    result = window.corpus.result
    assert result is not None and not window.corpus.busy
    _share, i, j = result.top_pairs(1)[0]
    assert {window.pair_view.a.path, window.pair_view.b.path} == {result.paths[i], result.paths[j]}
    assert window.pair_view.alignment is not None and window.pair_view.passages
    assert window.central_tabs.currentWidget() is window.pair_tab


def test_readme_states_the_real_default_settings():
    text = README.read_text(encoding="utf-8")
    defaults = AlignSettings()
    rows = dict(re.findall(r"^\| ([A-Z][\w ]+?) \| ([^|]+?) \|", text, re.MULTILINE))
    assert rows["Shortest passage"].split()[0] == str(defaults.min_words)
    assert rows["Words allowed to differ"].split()[0] == str(defaults.max_gap)
    assert rows["Matching words at least"].split()[0] == str(round(defaults.min_match * 100))
