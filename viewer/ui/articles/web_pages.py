"""Edit > Paste as New Article and File > Open Address…: articles that do not start as a file.

Both store a file in the user's data folder (``paths.saved_articles_dir()``) and open it in the
list, so the article is there after a restart and can be tagged like any other. The page is
fetched on a worker thread (a ``LatestRunner``); the window stays responsive and a failure is
one plain line in a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from viewer.core.loading import fetch
from viewer.ui.background import LatestRunner
from viewer.ui.shortcuts import make_action


class WebPagesController(QObject):
    """The two actions, the fetch task, and where their files go."""

    saved = Signal(str)  # the path of a stored article, just opened
    fetchFailed = Signal(str)  # the one-line reason

    def __init__(self, window, folder: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder  # None: the user's data folder
        self.message_box: QMessageBox | None = None
        self.fetcher = LatestRunner(self)
        self.fetcher.finished.connect(self._on_fetched)
        self.fetcher.failed.connect(lambda _key, message: self._fail(message))
        self.paste_action = make_action(window, "paste_article", self.paste)
        self.address_action = make_action(window, "open_address", self.ask_address)
        window.register_action(self.paste_action)
        window.register_action(self.address_action)
        file_menu = window.menu("file")
        anchor = window.action("open_seeds")
        following = file_menu.actions()
        index = following.index(anchor) if anchor in following else len(following) - 1
        before = following[index + 1] if index + 1 < len(following) else None
        if before is not None:
            file_menu.insertAction(before, self.address_action)
        else:
            file_menu.addAction(self.address_action)
        edit_menu = window.menu("edit")
        edit_menu.addSeparator()
        edit_menu.addAction(self.paste_action)

    # -- paste --------------------------------------------------------------------
    def paste(self) -> Path | None:
        """The clipboard's HTML (else plain text) as a new article file, opened in the list."""
        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        try:
            path = fetch.save_pasted(html, text, self.folder)
        except fetch.FetchError as exc:
            self.window.show_status(str(exc))
            return None
        except OSError as exc:
            self.window.show_status(f"The pasted article could not be saved: {exc.strerror or exc}")
            return None
        self._open(path, "Pasted article saved as")
        return path

    # -- fetch ----------------------------------------------------------------------
    def ask_address(self) -> None:
        address, ok = QInputDialog.getText(self.window, "Open Address", "Address of the web page:",
                                           QLineEdit.EchoMode.Normal, "https://")
        if ok and address.strip() not in ("", "https://", "http://"):
            self.open_address(address)

    def open_address(self, address: str) -> None:
        """Fetch ``address`` in the background, save it as .html, open it."""
        folder = self.folder

        def job(_state):
            try:
                return fetch.fetch_to_file(address, folder)
            except fetch.FetchError as exc:
                return exc  # a plain message, shown as it is

        self.window.show_status(f"Fetching {address.strip()}\u2026")
        self.fetcher.submit(("fetch", address), job)

    def _on_fetched(self, _key, result) -> None:
        if isinstance(result, Exception):
            self._fail(str(result))
        elif result is not None:
            self._open(Path(result), "Page saved as")

    def _fail(self, message: str) -> None:
        self.window.show_status(message)
        self.fetchFailed.emit(message)
        # Window-modal but not blocking: the window goes on painting, and tests can read it.
        self.message_box = QMessageBox(QMessageBox.Icon.Warning, "Open Address", message,
                                       QMessageBox.StandardButton.Ok, self.window)
        self.message_box.setObjectName("fetchFailedBox")
        self.message_box.open()

    def _open(self, path: Path, what: str) -> None:
        self.window.open_paths([path], add=True)
        self.window.show_status(f"{what} {path.name}")
        self.saved.emit(str(path))


def install_web_pages(window, folder: Path | None = None) -> WebPagesController:
    return WebPagesController(window, folder)
