"""The window's centre: the pair view, and beside it (tabs, never squeezing the panes) the
corpus overview and whatever else needs the whole width."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


class CentralTabs(QTabWidget):
    def __init__(self, pair_tab: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("centralTabs")
        self.setDocumentMode(True)
        self.pair_tab = pair_tab
        self.addTab(pair_tab, "Pair")

    def show_pair(self) -> None:
        self.setCurrentWidget(self.pair_tab)
