"""Persistent settings (window geometry, splitters, alignment options) in one INI file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from viewer.core.paths import config_dir


def app_settings() -> QSettings:
    """The app's settings file; a path of our own so tests and portable use can move it."""
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
