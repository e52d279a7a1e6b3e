"""File > Open Corpus Index…: a folder written by ``index`` (Parquet), shown without recomputing.

The article list follows ``articles.parquet`` (each file is read for its text; a missing
file stays in the list, empty, under its stored title), the corpus overview and its most
similar pairs come from ``pairs.parquet``, and a pair opens aligned from
``passages.parquet`` while its two texts still have the stored SHA-256 and the alignment
settings are the index's (otherwise it is aligned as usual).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from viewer.core.alignment.model import Alignment, AlignSettings
from viewer.core.corpus import index_files
from viewer.core.corpus.result import CorpusSimilarity
from viewer.core.errors import ArticleError
from viewer.core.loading.articles import Article, load_article
from viewer.ui.background import LatestRunner
from viewer.ui.shortcuts import make_action


def _read(folder: str, state) -> tuple[CorpusSimilarity, list[Article], int]:
    result = index_files.to_corpus_similarity(index_files.read_index(folder))
    articles, missing = [], 0
    for number, (path, title) in enumerate(zip(result.paths, result.titles, strict=True), start=1):
        if state.cancelled():
            break
        try:
            articles.append(load_article(path))
        except ArticleError:
            articles.append(Article(path=path, text="", title=title))
            missing += 1
        state.progress(number, len(result.paths))
    return result, articles, missing


class IndexOpener(QObject):
    opened = Signal(str)  # the folder, once its articles and overview are shown

    def __init__(self, window, corpus) -> None:
        super().__init__(window)
        self.window = window
        self.corpus = corpus
        self.result: CorpusSimilarity | None = None
        self.runner = LatestRunner(self)
        self.runner.finished.connect(self._on_read)
        self.runner.failed.connect(lambda folder, message: window.show_status(f"Cannot open {folder}: {message}"))
        self.action = make_action(window, "open_index", self.choose)
        window.register_action(self.action)
        menu = window.menu("file")
        after = window.action("open_seeds")
        actions = menu.actions()
        place = actions.index(after) + 1 if after in actions else len(actions)
        menu.insertAction(actions[place] if place < len(actions) else None, self.action)
        window.pair_view.stored_alignment = self.stored_alignment

    def choose(self) -> None:
        start = self.window.settings.value("files/lastFolder", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self.window, "Open a Corpus Index (index --out)", start)
        if folder:
            self.open(folder)

    def open(self, folder: str) -> None:
        if not index_files.is_index_dir(folder):
            self.window.show_status(f"{folder} holds no corpus index (articles.parquet, pairs.parquet, "
                                    "passages.parquet): write one with 'index PATH --out DIR'")
            return
        self.window.show_status(f"Opening the corpus index in {folder}")
        self.runner.submit(folder, lambda state: _read(folder, state))

    def stored_alignment(self, a: Article, b: Article, settings: AlignSettings) -> Alignment | None:
        result = self.result
        if result is None or settings != result.settings:
            return None
        return index_files.stored_alignment(result, a.path, a.sha256, b.path, b.sha256)

    def _on_read(self, folder: str, payload) -> None:
        result, articles, missing = payload
        self.result = result
        self.corpus.show_stored(result, articles)
        note = f", {missing} file{'s' if missing != 1 else ''} missing" if missing else ""
        self.window.show_status(f"Corpus index {Path(folder).name}: {len(articles):,} articles, "
                                f"{len(result.pairs):,} pairs share text{note}")
        top = result.top_pairs(1)
        if top:
            _value, i, j = top[0]
            self.window.show_pair_rows(self.window.model.row_of(result.paths[i]),
                                       self.window.model.row_of(result.paths[j]))
        self.opened.emit(folder)


def install_index_opener(window, corpus) -> IndexOpener:
    """Add File > Open Corpus Index… to ``window``; ``corpus`` is its corpus controller."""
    return IndexOpener(window, corpus)
