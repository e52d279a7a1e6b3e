"""File > Open Corpus Index…: a folder written by ``index`` opens with its list, overview and
aligned pairs read from Parquet, nothing aligned again."""

from __future__ import annotations

import numpy as np
import pytest
from qt_helpers import wait_idle

pytest.importorskip("pyarrow")

from viewer.core.alignment.align import AlignSettings, align_texts  # noqa: E402
from viewer.core.corpus import index_files  # noqa: E402
from viewer.core.loading.articles import bundled_seeds_dir, load_articles  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402
from viewer.ui.pair import pair_view as pair_view_module  # noqa: E402


def write_index(folder) -> list:
    """An index folder of the bundled seeds, as ``index`` writes it (aligned here, in-process)."""
    articles = load_articles([bundled_seeds_dir()]).articles
    pairs, rows, scores = [], [], []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            alignment = align_texts(articles[i].text, articles[j].text)
            if alignment.similarity > 0:
                pairs.append((i, j, alignment.similarity))
                for p in alignment.passages:
                    rows.append((i, j, p.a_start, p.a_end, p.b_start, p.b_end))
                    scores.append(p.score)
    meta = index_files.settings_meta(AlignSettings(), None, "test")
    index_files.write_index(folder, index_files.IndexTables(
        [index_files.ArticleRow(a.path, a.title, a.outlet, a.date, len(a.text), a.sha256) for a in articles],
        np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]), np.array([p[2] for p in pairs]),
        np.array(rows).reshape(-1, 6), np.array(scores), np.array([p[0] for p in pairs]),
        np.array([p[1] for p in pairs]), meta))
    return articles


def test_open_corpus_index_shows_stored_pairs_without_aligning(qtbot, tmp_path, monkeypatch):
    articles = write_index(tmp_path / "index")
    aligned = []
    real_align = pair_view_module.align_texts
    monkeypatch.setattr(pair_view_module, "align_texts", lambda *a, **k: aligned.append(a) or real_align(*a, **k))
    window = MainWindow()
    window.persist_state = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, window)
    aligned.clear()
    assert window.action("open_index") in window.menu("file").actions()
    with qtbot.waitSignal(window.corpus.opener.opened, timeout=30_000):
        window.corpus.opener.open(str(tmp_path / "index"))
    wait_idle(qtbot, window)
    assert [a.path for a in window.model.articles] == [a.path for a in articles]
    result = window.corpus.result
    assert result is not None and result.pairs and window.corpus.view.result is result
    assert window.corpus.provenance._pending is result  # provenance from the stored pairs too
    # The most similar pair is on screen, with the stored passages.
    (value, i, j), = result.top_pairs(1)
    view = window.pair_view
    assert (view.a.path, view.b.path) == (articles[i].path, articles[j].path)
    assert view.alignment.passages == align_texts(articles[i].text, articles[j].text).passages
    assert view.alignment.similarity == value
    # Another pair from the overview's list: also stored, also not aligned again.
    (_v, k, m), = [t for t in result.top_pairs(3) if (t[1], t[2]) != (i, j)][:1]
    window.corpus.open_pair(articles[k].path, articles[m].path)
    wait_idle(qtbot, window)
    assert view.alignment.similarity == result.similarity(k, m)
    assert aligned == [] and not window.corpus.busy


def test_a_folder_without_an_index_says_so(qtbot, tmp_path):
    window = MainWindow()
    window.persist_state = False
    qtbot.addWidget(window)
    window.corpus.opener.open(str(tmp_path))
    assert "holds no corpus index" in window.status_label.text()
