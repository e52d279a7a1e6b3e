"""Where the app keeps its data: workspaces, caches.

``ARTICLE_VIEWER_HOME`` moves everything under one folder (tests and portable use).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "article-viewer"


def data_dir() -> Path:
    home = os.environ.get("ARTICLE_VIEWER_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    home = os.environ.get("ARTICLE_VIEWER_HOME")
    return Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_workspace_path() -> Path:
    """The workspace (quote sets) used when no ``--db`` is given."""
    return data_dir() / "workspace.sqlite3"


def config_dir() -> Path:
    home = os.environ.get("ARTICLE_VIEWER_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def saved_articles_dir() -> Path:
    """Pages fetched by address and articles pasted from the clipboard, one file each."""
    return data_dir() / "articles"
