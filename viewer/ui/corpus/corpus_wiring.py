"""Puts the corpus overview into the main window and keeps it in step with the open articles.

- Each time the article list changes (``loadFinished``) or the alignment settings change,
  the corpus is indexed again in the background (a ``LatestRunner``: the newest request
  wins, Cancel stops it; pairs already aligned stay in the on-disk cache).
- A click in the heat map or a double-click in its lists opens that pair in the pair view.
- When the pair view shows a pair, each of its passages learns which other open articles
  carry it (the "Also in" column of the passage list), from the corpus index.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from viewer.core.alignment.align import AlignSettings
from viewer.core.corpus.index import CorpusIndex, build_in_process
from viewer.core.corpus.result import CorpusSimilarity
from viewer.core.paths import cache_dir
from viewer.core.tasks.policy import in_child_process
from viewer.ui.background import LatestRunner
from viewer.ui.corpus.corpus_view import CorpusView
from viewer.ui.corpus.index_opener import install_index_opener
from viewer.ui.corpus.provenance_view import install_provenance
from viewer.ui.shortcuts import make_action

# Opening at least this many articles brings a hint to the overview (it never opens by
# itself): with a handful, the pair view is the point; with a folder, which pair to look at is.
HINT_ARTICLES = 20
CACHE_FILE = "corpus-index.sqlite3"


class CorpusController(QObject):
    indexed = Signal(object)  # the CorpusSimilarity of the articles now open
    indexFailed = Signal(str)
    """Owns the corpus tab, its background indexing and the reuse counts of the pair view."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.index = CorpusIndex(cache_dir() / CACHE_FILE)
        self.result: CorpusSimilarity | None = None
        self.failed = False
        self.phase = ""  # what the indexing job is doing, shown with its progress
        self.runner = LatestRunner(self)
        self.runner.finished.connect(self._on_indexed)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)
        self.runner.phase.connect(self._on_phase)
        self.runner.busy_changed.connect(self._on_busy)

        self.view = CorpusView()
        self.view.setObjectName("corpusView")
        # A tab beside the pair view: the overview gets the whole width and never squeezes the panes.
        window.central_tabs.addTab(self.view, "Corpus")

        self.action = make_action(window, "corpus_overview", self.show_overview)
        window.register_action(self.action)
        view_menu = window.menu("view")
        view_menu.addSeparator()
        view_menu.addAction(self.action)

        # A compact indicator in the status bar, so indexing shows while the pair view is in front too.
        self.status_progress = QProgressBar()
        self.status_progress.setObjectName("corpusStatusProgress")
        self.status_progress.setMaximumWidth(180)
        self.status_progress.setFormat("Indexing %p%")
        self.status_cancel = QPushButton("Stop Indexing")
        self.status_cancel.clicked.connect(self.cancel)
        self.status_button = QPushButton("Corpus Overview")
        self.status_button.setObjectName("corpusButton")
        self.status_button.setFlat(True)
        self.status_button.setToolTip("Which open articles share text (Ctrl+Shift+C)")
        self.status_button.clicked.connect(self.show_overview)
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_progress)
        layout.addWidget(self.status_cancel)
        layout.addWidget(self.status_button)
        window.statusBar().addPermanentWidget(holder)
        self.status_progress.hide()
        self.status_cancel.hide()
        self.status_button.hide()

        self.view.pairRequested.connect(self.open_pair)
        self.opener = install_index_opener(window, self)  # File > Open Corpus Index…
        self.provenance = install_provenance(self)
        self.view.cancelRequested.connect(self.cancel)
        self.view.reindexRequested.connect(self.reindex)
        window.loadFinished.connect(self._on_articles_changed)
        window.pair_view.alignmentReady.connect(self._update_reuse)
        window.pair_view.pairChanged.connect(self._on_pair_changed)
        window.settings_bar.settingsChanged.connect(lambda _settings: self.reindex())
        window.installEventFilter(self)

    # -- public ------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.runner.busy

    def show_overview(self) -> None:
        self.window.central_tabs.setCurrentWidget(self.view)
        self.view.heat_map.setFocus()

    def settings(self) -> AlignSettings:
        return self.window.pair_view.settings

    def reindex(self) -> None:
        """Index the open articles in the background (cached pairs are read, not realigned)."""
        articles = list(self.window.model.articles)
        if len(articles) < 2:
            self.runner.cancel()
            self.result = None
            self.view.set_result(None)
            self.provenance.update(None)
            self.status_button.hide()
            return
        settings = self.settings()
        index = self.index
        self.failed = False
        self.phase = "Starting"
        self.view.set_indexing(True, f"Indexing {len(articles):,} articles in the background\u2026")
        in_child = in_child_process("corpus", len(articles))

        def job(state):
            if in_child:
                return build_in_process(index.cache_path, articles, settings, state)
            result = index.build(articles, settings, state.progress, state.cancelled, phase=state.phase)
            result.neighbours(0, 1)  # built here, not on the GUI thread
            return result

        self.runner.submit((tuple(a.path for a in articles), settings), job)

    def show_stored(self, result: CorpusSimilarity, articles) -> None:
        """Show a stored index (``index_opener.py``) for ``articles``, in its order, without indexing."""
        self.runner.cancel()
        window = self.window
        window.cancel_loading()
        window.model.set_articles(articles)
        count = len(articles)
        window.count_label.setText(f"{count:,} article{'s' if count != 1 else ''}")
        window.setWindowTitle(f"Article Viewer - {count:,} articles" if count else "Article Viewer")
        window.pair_view.set_pair(None, None)
        self.result = result
        self.view.set_indexing(False)
        self.view.set_result(result)
        self.provenance.update(result)  # from the stored pairs and the files' dates
        self.status_button.show()
        self.show_overview()
        self.indexed.emit(result)

    def cancel(self) -> None:
        if not self.runner.busy:
            return
        self.runner.cancel()
        self.view.set_indexing(False, "Indexing stopped. The pairs aligned so far are kept: "
                                      "Index resumes from there.")
        self.window.show_status("Corpus indexing stopped")

    def open_pair(self, path_a: str, path_b: str) -> None:
        model = self.window.model
        row_a, row_b = model.row_of(path_a), model.row_of(path_b)
        if row_a >= 0 and row_b >= 0:
            self.window.show_pair_rows(row_a, row_b)

    def reuse_for_current_pair(self) -> dict[int, list[str]]:
        """Passage index -> titles of the other open articles carrying it, for the pair on screen."""
        view = self.window.pair_view
        result = self.result
        if result is None or view.a is None or view.b is None or not view.passages:
            return {}
        if result.settings != view.settings:
            return {}  # a new index is on its way
        i, j = result.index_of(view.a.path), result.index_of(view.b.path)
        if i < 0 or j < 0 or result.shas[i] != view.a.sha256 or result.shas[j] != view.b.sha256:
            return {}
        carriers = result.passage_reuse(i, j, view.passages)
        return {number: [result.titles[k] for k in others] for number, others in carriers.items()}

    # -- slots ---------------------------------------------------------------
    def _on_phase(self, _key, text: str) -> None:
        self.phase = text

    def _on_articles_changed(self) -> None:
        # Each step in its own turn of the event loop: together they held the window
        # for ~180 ms after a 2,000-article folder was read.
        count = len(self.window.model.articles)
        if count >= HINT_ARTICLES:
            self.status_button.show()
            QTimer.singleShot(0, lambda: self.window.show_status(
                f"{count:,} articles: the Corpus tab (Ctrl+Shift+C) shows which of them share text"))
        QTimer.singleShot(0, self.reindex)

    def _on_busy(self, busy: bool) -> None:
        self.status_progress.setVisible(busy)
        self.status_cancel.setVisible(busy)
        if busy:
            self.status_progress.setRange(0, 0)
        else:
            self.view.progress.hide()
            self.view.cancel_button.hide()

    def _on_progress(self, _key, done: int, total: int) -> None:
        self.view.set_progress(done, total, self.phase)
        self.status_progress.setRange(0, max(total, 1))
        self.status_progress.setValue(min(done, total))

    def _on_indexed(self, key, result: CorpusSimilarity) -> None:
        if tuple(a.path for a in self.window.model.articles) != key[0]:
            return  # the list changed meanwhile; its own run is coming
        self.result = result
        self.view.set_indexing(False)
        self.view.set_result(result)
        self.provenance.update(result)
        self.status_button.show()
        shared = len(result.pairs)
        self.window.show_status(
            f"Corpus indexed: {shared:,} pair{'s' if shared != 1 else ''} share text (Ctrl+Shift+C)")
        if self.window.pair_view.alignment is not None:
            self._update_reuse()
        self.indexed.emit(result)
        if getattr(self.window, "awaiting_best_pair", False):
            self.show_best_pair()

    def show_best_pair(self) -> bool:
        """Open the most similar pair of the index; False when no pair shares text."""
        top = self.result.top_pairs(1) if self.result is not None else []
        if not top:
            return False
        _share, i, j = top[0]
        self.open_pair(self.result.paths[i], self.result.paths[j])
        return True

    def _on_failed(self, _key, message: str) -> None:
        self.failed = True
        self.view.set_indexing(False, f"Indexing failed: {message}")
        self.window.show_status(f"Corpus indexing failed: {message}")
        self.indexFailed.emit(message)

    def _on_pair_changed(self, a, _b) -> None:
        # The passages are about to change: counts of the previous pair must not show on them.
        self.window.pair_view.reuse = {}
        if a is not None and self.result is not None:
            index = self.result.index_of(a.path)
            if index >= 0:
                self.view.select_article(index)

    def _update_reuse(self) -> None:
        view = self.window.pair_view
        reuse = self.reuse_for_current_pair()
        if reuse == view.reuse:
            return
        view.reuse = reuse
        self.window.refresh_alignment_status()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.runner.cancel()
        return False


def install_corpus_view(window) -> CorpusController:
    """Add the corpus overview to ``window``; keep the returned controller (``window.corpus``)."""
    return CorpusController(window)
