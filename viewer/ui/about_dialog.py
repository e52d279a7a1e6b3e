"""Help > About: version, licence, and where the user's workspaces are kept."""

from __future__ import annotations

import html
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer import __version__
from viewer.app_resources import APP_ICON, resource_path
from viewer.core import paths

APP_TITLE = "Article Viewer"
LICENCE = "MIT"


def about_html() -> str:
    """The About text. Paths are read now, so ``ARTICLE_VIEWER_HOME`` set at start-up shows."""
    workspace = html.escape(str(paths.default_workspace_path()))
    data = html.escape(str(paths.data_dir()))
    python = ".".join(str(part) for part in sys.version_info[:3])
    return (
        f"<h3>{APP_TITLE} {html.escape(__version__)}</h3>"
        "<p>Compare news articles about the same event: shared passages, quotations, quote sets.</p>"
        f"<p>Licence: {LICENCE}</p>"
        f"<p>Workspaces (quote sets) are kept in:<br><code>{data}</code><br>"
        f"Default workspace:<br><code>{workspace}</code><br>"
        "Set <code>ARTICLE_VIEWER_HOME</code> to keep everything in another folder, "
        "or open a workspace with <code>--db&nbsp;FILE</code>.</p>"
        f"<p><small>Qt {html.escape(qVersion())}, PySide6 {html.escape(pyside_version)}, "
        f"Python {python}</small></p>"
    )


def about_dialog(parent: QWidget | None = None) -> QMessageBox:
    """The About box, built but not shown (tests read it; :func:`show_about` runs it)."""
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_TITLE}")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    # Users copy the folder path into a file manager, so the text must be selectable.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    # Wide enough that the usual data folder path fits on one line (qt_msgbox_label is Qt's name).
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 480px; }")
    try:
        box.setIconPixmap(QIcon(str(resource_path(APP_ICON))).pixmap(64, 64))
    except FileNotFoundError:
        box.setIcon(QMessageBox.Icon.Information)  # an install without icons still gets its About box
    return box


def show_about(parent: QWidget | None = None) -> None:
    """Show the About box modally (wired to Help > About)."""
    about_dialog(parent).exec()
