"""What the window offers the controllers that plug into it (quote sets, corpus overview).

Controllers reach the window only through this interface: menus and actions by id (never
by their translated title), the status bar through :meth:`show_status`, the settings, the
article model, the pair view and the docks it names. ``MainWindow`` implements it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu

    from viewer.ui.articles.article_table_model import ArticleTableModel
    from viewer.ui.pair.alignment_settings import AlignmentSettingsBar
    from viewer.ui.pair.pair_view import PairView
    from viewer.ui.quotes.quotes_panel import QuotesPanel

# The menus of the menu bar, by id, in their order.
MENU_IDS = ("file", "edit", "go", "view", "help")


class WindowApi(Protocol):
    settings: QSettings
    model: ArticleTableModel
    pair_view: PairView
    quotes_panel: QuotesPanel
    quotes_dock: QDockWidget
    passage_dock: QDockWidget
    settings_bar: AlignmentSettingsBar
    loadFinished: SignalInstance

    def menu(self, menu_id: str) -> QMenu:
        """The menu bar's menu ``menu_id`` (one of :data:`MENU_IDS`)."""

    def action(self, action_id: str) -> QAction:
        """The window's action named ``action_id`` (a key of ``shortcuts.SHORTCUTS``)."""

    def register_action(self, action: QAction) -> None:
        """Make ``action`` the window's, by its object name: reachable by :meth:`action`, shortcut live."""

    def show_status(self, text: str) -> None:
        """Say ``text`` in the status bar for a while."""

    def refresh_alignment_status(self) -> None:
        """Show the pair view's alignment status again (something it depends on changed)."""
