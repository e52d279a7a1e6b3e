"""The window's palette: the system's by default, or a light or dark one on request.

``--theme dark`` (or ``ARTICLE_VIEWER_THEME=dark``) gives a dark Fusion palette; every
colour the pair view draws is chosen from the palette in use (see ``passage_colors``).
"""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """A dark palette in the manner of a dark desktop theme."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#e8e8e8", role.Base: "#1e1e1e", role.AlternateBase: "#262626",
        role.ToolTipBase: "#2b2b2b", role.ToolTipText: "#e8e8e8", role.Text: "#e8e8e8", role.Button: "#353535",
        role.ButtonText: "#e8e8e8", role.BrightText: "#ff6b6b", role.Link: "#8ab4f8", role.Highlight: "#3d6fb6",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#9a9a9a", role.Mid: "#a0a0a0",
        role.Light: "#4a4a4a", role.Midlight: "#3c3c3c", role.Dark: "#151515", role.Shadow: "#000000",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#7a7a7a"))
    return palette


def light_palette() -> QPalette:
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def apply_theme(app: QApplication, name: str | None = None) -> str:
    """Apply ``name`` (or $ARTICLE_VIEWER_THEME, or the system's); the theme applied."""
    name = (name or os.environ.get("ARTICLE_VIEWER_THEME") or "system").lower()
    if name not in THEMES:
        name = "system"
    if name == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif name == "light":
        app.setStyle("Fusion")
        app.setPalette(light_palette())
    return name
