"""The main window: the article list, the pair view, and what surrounds them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.errors import ArticleError
from viewer.core.loading.articles import Article, bundled_seeds_dir
from viewer.core.loading.parallel import LoadSummary, load_progressively
from viewer.ui.articles.article_table_model import (
    ArticleChoiceModel,
    ArticleColumnsFitter,
    ArticleFilterModel,
    ArticleTableModel,
)
from viewer.ui.articles.problem_list import show_problems
from viewer.ui.articles.web_pages import install_web_pages
from viewer.ui.background import LatestRunner
from viewer.ui.central_tabs import CentralTabs
from viewer.ui.corpus.corpus_wiring import install_corpus_view
from viewer.ui.pair.alignment_settings import AlignmentSettingsBar
from viewer.ui.pair.collation_view import install_passage_collation
from viewer.ui.pair.find_bar import FindBar
from viewer.ui.pair.pair_view import PairView
from viewer.ui.pair.passage_list_model import PassageIndexRole, PassageListModel
from viewer.ui.quote_sets.workspace_controller import install_quote_sets
from viewer.ui.quotes.quotes_panel import QuotesPanel
from viewer.ui.report_export import install_report_export
from viewer.ui.settings import app_settings
from viewer.ui.shortcuts import make_action, shortcuts_html
from viewer.ui.window_api import MENU_IDS

# Above this many articles the first pair is the first two, not the most similar
# (ranking every pair is the corpus view's background job).
MAX_RANKED_ARTICLES = 200


class MainWindow(QMainWindow):
    loadFinished = Signal()

    def __init__(self, parent=None, db_path: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Article Viewer")
        self.setAcceptDrops(True)
        self.settings = app_settings()
        self.persist_state = True
        self.model = ArticleTableModel(self)
        self.proxy = ArticleFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.problems: list = []
        self._quotes_pending = False
        self._ranking: tuple[str, ...] | None = None  # waiting for the index to name the best pair
        self._pending_pair: tuple[str, str] | None = None
        self.awaiting_best_pair = False  # the first two articles stand in until the corpus index has the best
        self._loader = LatestRunner(self)
        self._loader.finished.connect(self._on_loaded)
        self._loader.failed.connect(lambda _k, message: self.show_status(f"Loading failed: {message}"))
        self._loader.progress.connect(self._on_load_progress)
        self._loader.partial.connect(self._on_partly_loaded)
        self._loader.busy_changed.connect(self._on_busy)
        # Picks the most similar pair to show first (small sets; the corpus view does large ones).

        self.pair_view = PairView()
        self.choice_model = ArticleChoiceModel(self.model, self.pair_view.side_a.chooser, self.pair_view.side_b.chooser)
        self.pair_view.side_a.chooser.activated.connect(lambda row: self.show_pair_rows(row, None))
        self.pair_view.side_b.chooser.activated.connect(lambda row: self.show_pair_rows(None, row))
        self.find_bar = FindBar(self.pair_view.pane_a, self.pair_view.pane_b)
        self.find_bar.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.pair_view, 1)
        central_layout.addWidget(self.find_bar)
        self.central_tabs = CentralTabs(central)
        self.pair_tab = central
        self.setCentralWidget(self.central_tabs)

        self._build_article_dock()
        self._build_passage_dock()
        self._build_quotes_dock()
        self._build_problem_dock()
        self._build_actions()
        self._build_status_bar()
        self.pair_view.statusChanged.connect(self.show_status)
        self.pair_view.currentChanged.connect(self._on_current_passage)
        self.pair_view.alignmentReady.connect(self._on_alignment_ready)
        self.pair_view.alignmentReady.connect(self._start_quotes_when_idle)
        self.pair_view.alignmentFailed.connect(lambda _message: self._start_quotes_when_idle())
        self.pair_view.pairChanged.connect(self._on_pair_changed)
        self.settings_bar.settingsChanged.connect(self.pair_view.set_settings)
        self.pair_view.set_settings(self.settings_bar.current())
        self.workspace = install_quote_sets(self, db_path)
        self.corpus = install_corpus_view(self)
        self.corpus.indexed.connect(self._on_indexed)
        self.corpus.indexFailed.connect(self._on_index_failed)
        self.collation = install_passage_collation(self, self.corpus)
        self.web_pages = install_web_pages(self)
        self.reports = install_report_export(self)
        # Last, so that the docks the quote sets and the corpus view add are restored too.
        self._restore_state()

    # -- construction ------------------------------------------------------
    def _build_article_dock(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText("Filter by title, outlet, date or file name")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.table = QTableView()
        self.table.setObjectName("articleTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Sizing columns to contents reads every row; a sample is enough for thousands.
        header.setResizeContentsPrecision(200)
        self._columns_fitter = ArticleColumnsFitter(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_list_selection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        show_a = QAction("Show in Pane A", self.table)
        show_a.triggered.connect(lambda: self._show_selected_in("a"))
        show_b = QAction("Show in Pane B", self.table)
        show_b.triggered.connect(lambda: self._show_selected_in("b"))
        self.table.addActions([show_a, show_b])
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        hint = QLabel("Select two articles to compare them (Ctrl+click).")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        layout.addWidget(self.count_label)
        self.article_dock = QDockWidget("Articles", self)
        self.article_dock.setObjectName("articleDock")
        self.article_dock.setWidget(holder)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.article_dock)

    def _build_passage_dock(self) -> None:
        self.passage_model = PassageListModel(self)
        self.passage_table = QTableView()
        self.passage_table.setObjectName("passageTable")
        self.passage_table.setModel(self.passage_model)
        self.passage_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passage_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.passage_table.verticalHeader().hide()
        self.passage_table.horizontalHeader().setStretchLastSection(True)
        self.passage_table.setWordWrap(False)
        self.passage_table.selectionModel().currentRowChanged.connect(self._on_passage_row)
        self.passage_dock = QDockWidget("Passages", self)
        self.passage_dock.setObjectName("passageDock")
        self.passage_dock.setWidget(self.passage_table)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.passage_dock)

    def _build_quotes_dock(self) -> None:
        self.quotes_panel = QuotesPanel()
        self.quotes_panel.quoteChosen.connect(self.show_quote)
        self.quotes_dock = QDockWidget("Quotes", self)
        self.quotes_dock.setObjectName("quotesDock")
        self.quotes_dock.setWidget(self.quotes_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.quotes_dock)
        self.tabifyDockWidget(self.passage_dock, self.quotes_dock)
        self.passage_dock.raise_()

    def _build_problem_dock(self) -> None:
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setWordWrap(True)
        self.problem_dock = QDockWidget("Could Not Read", self)
        self.problem_dock.setObjectName("problemDock")
        self.problem_dock.setWidget(self.problem_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.problem_dock)
        self.problem_dock.hide()

    def _action(self, name: str, slot, checkable: bool = False) -> QAction:
        action = make_action(self, name, slot)
        action.setCheckable(checkable)
        return action

    # -- the interface controllers use (viewer/ui/window_api.py) -------------------------
    def menu(self, menu_id: str) -> QMenu:
        return self.menus[menu_id]

    def action(self, action_id: str) -> QAction:
        return self.actions_by_name[action_id]

    def register_action(self, action: QAction) -> None:
        self.addAction(action)
        self.actions_by_name[action.objectName()] = action

    def refresh_alignment_status(self) -> None:
        self._on_alignment_ready()

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self.actions_by_name
        a["open_files"] = self._action("open_files", self.choose_files)
        a["open_folder"] = self._action("open_folder", self.choose_folder)
        a["add_files"] = self._action("add_files", lambda: self.choose_files(add=True))
        a["open_seeds"] = self._action("open_seeds", lambda: self.open_paths([bundled_seeds_dir()]))
        a["quit"] = self._action("quit", self.close)
        a["next_passage"] = self._action("next_passage", self.pair_view.next_passage)
        a["previous_passage"] = self._action("previous_passage", self.pair_view.previous_passage)
        a["find"] = self._action("find", self.find_bar.activate)
        a["find_next"] = self._action("find_next", self.find_bar.find_next)
        a["find_previous"] = self._action("find_previous", self.find_bar.find_previous)
        a["swap"] = self._action("swap", self.pair_view.swap)
        a["linked_scrolling"] = self._action("linked_scrolling", self.pair_view.set_linked_scrolling, checkable=True)
        a["linked_scrolling"].setChecked(True)
        a["focus_filter"] = self._action("focus_filter", self._focus_filter)
        a["shortcuts"] = self._action("shortcuts", self.show_shortcuts)
        a["about"] = self._action("about", self.show_about)

        bar = self.menuBar()
        titles = {"file": "&File", "edit": "&Edit", "go": "&Go", "view": "&View", "help": "&Help"}
        self.menus: dict[str, QMenu] = {}
        for menu_id in MENU_IDS:
            self.menus[menu_id] = bar.addMenu(titles[menu_id])
            self.menus[menu_id].setObjectName(f"{menu_id}Menu")
        file_menu = self.menus["file"]
        for name in ("open_files", "open_folder", "add_files", "open_seeds"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        for name in ("next_passage", "previous_passage", "find", "find_next", "find_previous"):
            self.menus["go"].addAction(a[name])
        view_menu = self.menus["view"]
        view_menu.addAction(a["linked_scrolling"])
        view_menu.addAction(a["swap"])
        view_menu.addAction(a["focus_filter"])
        view_menu.addSeparator()
        for dock in (self.article_dock, self.passage_dock, self.quotes_dock, self.problem_dock):
            view_menu.addAction(dock.toggleViewAction())
        self.menus["help"].addAction(a["shortcuts"])
        self.menus["help"].addAction(a["about"])

        toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("navigationToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        previous_button = QAction("\u25b2 Previous", self)
        previous_button.setToolTip("Previous passage (Alt+Up, Ctrl+E)")
        previous_button.triggered.connect(self.pair_view.previous_passage)
        next_button = QAction("\u25bc Next", self)
        next_button.setToolTip("Next passage (Alt+Down, Ctrl+D)")
        next_button.triggered.connect(self.pair_view.next_passage)
        toolbar.addAction(previous_button)
        toolbar.addAction(next_button)
        self.lock_button = QToolButton()
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setDefaultAction(a["linked_scrolling"])
        self.lock_button.setCheckable(True)
        a["linked_scrolling"].toggled.connect(self._update_lock_text)
        self._update_lock_text(True)
        toolbar.addWidget(self.lock_button)
        toolbar.addSeparator()
        self.settings_bar = AlignmentSettingsBar(self.settings)
        toolbar.addWidget(self.settings_bar)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.problem_button = QPushButton()
        self.problem_button.setObjectName("problemButton")
        self.problem_button.setFlat(True)
        self.problem_button.setToolTip("Show the files that could not be read, and why")
        self.problem_button.clicked.connect(lambda: (self.problem_dock.show(), self.problem_dock.raise_()))
        self.problem_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.problem_button)
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        bar.addPermanentWidget(holder)

    def _update_lock_text(self, on: bool) -> None:
        self.lock_button.setText("\u21c5 Linked" if on else "\u21f5 Unlinked")
        self.lock_button.setToolTip(
            "Linked scrolling is on: both panes follow each other (Ctrl+L to unlock)" if on
            else "Linked scrolling is off: each pane scrolls alone (Ctrl+L to lock)"
        )

    # -- state -------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
            self.resizeDocks([self.article_dock], [min(420, self.width() * 3 // 10)], Qt.Orientation.Horizontal)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/pairSplitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.pair_view.splitter.restoreState(splitter)
        linked = self.settings.value("view/linkedScrolling", True, type=bool)
        self.actions_by_name["linked_scrolling"].setChecked(linked)
        self.pair_view.set_linked_scrolling(linked)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/pairSplitter", self.pair_view.splitter.saveState())
        self.settings.setValue("view/linkedScrolling", self.pair_view.linked_scrolling)
        self.settings_bar.save()
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if self.persist_state:
            self.save_state()
        self._loader.cancel()
        super().closeEvent(event)

    # -- opening articles --------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._loader.busy or self._ranking is not None or self.pair_view.busy

    def open_paths(self, paths, add: bool = False, pair: tuple[str, str] | None = None) -> None:
        """Load articles in the background; the list fills file by file as they are read (in
        worker processes for big loads: a stuck file is reported alone, Cancel stops a parse)."""
        paths = [str(p) for p in paths]
        self._pending_pair = pair
        if not add:
            self.settings.setValue("files/lastPaths", paths)
            self.model.set_articles([])
            self.problems = []
            self.problem_list.clear()
        names = ", ".join(Path(p).name for p in paths[:3]) + ("\u2026" if len(paths) > 3 else "")
        self.show_status(f"Reading {names}")
        self._loader.submit(("add" if add else "open", tuple(paths)),
                            lambda state: load_progressively(paths, state.partial, state.cancelled, state.progress))

    def choose_files(self, add: bool = False) -> None:
        start = self.settings.value("files/lastFolder", str(Path.home()))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add Articles" if add else "Open Articles", start,
            "Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht);;All files (*)")
        if files:
            self.settings.setValue("files/lastFolder", str(Path(files[0]).parent))
            self.open_paths(files, add=add)

    def choose_folder(self) -> None:
        start = self.settings.value("files/lastFolder", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, "Open a Folder of Articles", start)
        if folder:
            self.settings.setValue("files/lastFolder", folder)
            self.open_paths([folder])

    def cancel_loading(self) -> None:
        self._loader.cancel()
        self.show_status("Reading cancelled")

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _on_load_progress(self, _key, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat("Reading %v of %m")

    def _on_partly_loaded(self, _key, items: list) -> None:
        """Articles and problems listed the moment each file is read."""
        self.model.add_articles([item for item in items if isinstance(item, Article)])
        if new := [item for item in items if isinstance(item, ArticleError)]:
            self.problems.extend(new)
            self._show_problems(new)
        count = len(self.model.articles)
        self.count_label.setText(f"{count:,} article{'s' if count != 1 else ''} so far")

    def _on_loaded(self, key, result: LoadSummary) -> None:
        mode = key[0]
        if mode == "add":
            self.model.add_articles(result.articles)
        else:
            self.model.set_articles(result.articles)  # the files' own order, once all are read
        self._show_problems()
        count = len(self.model.articles)
        self.count_label.setText(f"{count:,} article{'s' if count != 1 else ''}")
        self.setWindowTitle(f"Article Viewer - {count:,} articles" if count else "Article Viewer")
        if mode == "open" or self.pair_view.a is None:
            self._show_initial_pair()
        # Quotes wait for the first pair's alignment: both are CPU-bound Python, and the
        # pair on screen matters first.
        self._quotes_pending = True
        self._start_quotes_when_idle()
        self.loadFinished.emit()

    def _start_quotes_when_idle(self) -> None:
        if self._quotes_pending and self._ranking is None and not self.pair_view.busy:
            self._quotes_pending = False
            self.quotes_panel.set_articles(self.model.articles)

    def _show_problems(self, new: list[ArticleError] | None = None) -> None:
        show_problems(self.problem_list, self.problem_dock, self.problem_button, self.problems, new)

    def _show_initial_pair(self) -> None:
        articles = self.model.articles
        if self._pending_pair:
            rows = [self._row_for(p) for p in self._pending_pair]
            self._pending_pair = None
            if all(r >= 0 for r in rows):
                self.show_pair_rows(*rows)
                return
        self._ranking = None
        if 2 < len(articles) <= MAX_RANKED_ARTICLES:
            # The corpus index aligns every pair that can share text anyway: its result
            # names the most similar pair (see _on_indexed).
            self._ranking = tuple(a.path for a in articles)
            self.pair_view.set_pair(None, None)
            self.show_status("Finding the most similar pair\u2026")
        elif len(articles) >= 2:
            self.show_pair_rows(0, 1)
            self.awaiting_best_pair = True
        elif articles:
            self.show_pair_rows(0, None)
            self.pair_view.set_pair(articles[0], None)
        else:
            self.pair_view.set_pair(None, None)
            if not self.problems:
                self.show_status("No articles: open files or a folder (File menu), or drop them here")

    def _on_indexed(self, result) -> None:
        """Show the most similar pair once the corpus index has ranked the pairs."""
        paths, self._ranking = self._ranking, None
        if paths is None or tuple(a.path for a in self.model.articles) != paths or self.pair_view.a is not None:
            self._start_quotes_when_idle()
            return  # nothing asked, the list changed, or the user chose a pair meanwhile
        best = max(((value, i, j) for (i, j), value in result.pairs.items()), default=None)
        rows = (self._row_for(result.paths[best[1]]), self._row_for(result.paths[best[2]])) if best else (0, 1)
        self.show_pair_rows(*rows)
        self._start_quotes_when_idle()

    def _on_index_failed(self, _message: str) -> None:
        if self._ranking is not None:
            self._ranking = None
            self.show_pair_rows(0, 1)
            self._start_quotes_when_idle()

    def _row_for(self, path: str) -> int:
        row = self.model.row_of(path)
        if row < 0:
            resolved = str(Path(path).resolve())
            row = next((i for i, a in enumerate(self.model.articles) if str(Path(a.path).resolve()) == resolved), -1)
        if row < 0:  # a bare file name, as in --pair 000_x.txt 001_y.txt
            row = next((i for i, a in enumerate(self.model.articles) if Path(a.path).name == path), -1)
        return row

    # -- pair choice -------------------------------------------------------
    def show_pair_rows(self, row_a: int | None, row_b: int | None) -> None:
        """Show the articles of two model rows (None keeps that pane's article)."""
        self.awaiting_best_pair = False
        a = self.model.article(row_a) if row_a is not None else self.pair_view.a
        b = self.model.article(row_b) if row_b is not None else self.pair_view.b
        self.central_tabs.show_pair()
        self.pair_view.set_pair(a, b)

    def show_pair(self, a: Article, b: Article) -> None:
        self.pair_view.set_pair(a, b)

    def show_quote(self, quote, other) -> None:
        """Open the article of a quote (and of its counterpart, when shared) with both highlighted."""
        a = self._article_at(quote.article)
        b = self._article_at(other.article) if other is not None else self.pair_view.b
        if a is None:
            return
        if b is a:
            b = self.pair_view.a if self.pair_view.a is not a else None
        if (self.pair_view.a, self.pair_view.b) != (a, b):
            self.pair_view.set_pair(a, b)
        self.pair_view.reveal_ranges((quote.start, quote.end), (other.start, other.end) if other else None)
        who = quote.speaker or "an unnamed speaker"
        self.show_status(f"Quote by {who}" + (" - shared with B" if other else ""))

    def _article_at(self, path: str) -> Article | None:
        row = self.model.row_of(path)
        return self.model.article(row) if row >= 0 else None

    def _selected_rows(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.mapToSource(index).row() for index in sorted(rows, key=lambda i: i.row())]

    def _on_list_selection(self, *_args) -> None:
        rows = self._selected_rows()
        if len(rows) == 2:
            self.show_pair_rows(rows[0], rows[1])

    def _show_selected_in(self, side: str) -> None:
        rows = self._selected_rows()
        if rows:
            self.show_pair_rows(rows[0], None) if side == "a" else self.show_pair_rows(None, rows[0])

    def _on_pair_changed(self, a: Article | None, b: Article | None) -> None:
        self.model.set_shown({x.path for x in (a, b) if x is not None})
        for chooser, article in ((self.pair_view.side_a.chooser, a), (self.pair_view.side_b.chooser, b)):
            chooser.blockSignals(True)
            chooser.setCurrentIndex(self.model.row_of(article.path) if article else -1)
            chooser.blockSignals(False)
        self.passage_model.set_passages([], "", "")

    def _on_alignment_ready(self) -> None:
        view = self.pair_view
        self.passage_model.set_passages(view.passages, view.a.text if view.a else "", view.b.text if view.b else "",
                                        view.reuse, view.colour_ids, view.summaries())
        self.passage_table.resizeColumnsToContents()
        self._on_current_passage(view.current)  # (a reset model forgets its current row: the view's passage is kept)

    def _on_current_passage(self, index: int) -> None:
        if index < 0:
            return
        current = self.passage_table.currentIndex()
        if current.row() != index:
            self.passage_table.selectionModel().setCurrentIndex(
                self.passage_model.index(index, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _on_passage_row(self, current, _previous) -> None:
        if current.isValid():
            index = self.passage_model.data(current, PassageIndexRole)
            if index != self.pair_view.current:
                self.pair_view.select_passage(index)

    # -- misc --------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _focus_filter(self) -> None:
        self.article_dock.show()
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard Shortcuts", shortcuts_html())

    def show_about(self) -> None:
        try:
            from viewer.ui.about_dialog import show_about
        except ImportError:  # pragma: no cover - the about box ships with the app
            QMessageBox.about(self, "About Article Viewer", "Article Viewer")
            return
        show_about(self)

    # -- drag and drop -----------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths, add=bool(self.model.articles))

