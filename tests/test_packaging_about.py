"""Help > About: version, licence and the folder that holds the workspaces."""

from __future__ import annotations

import html

import pytest

pytest.importorskip("PySide6.QtWidgets")

import viewer  # noqa: E402
from viewer.core import paths  # noqa: E402
from viewer.ui import about_dialog  # noqa: E402


def test_about_text_names_version_licence_and_workspace_folder():
    text = about_dialog.about_html()
    assert viewer.__version__ in text
    assert "Licence: MIT" in text
    assert html.escape(str(paths.data_dir())) in text
    assert html.escape(str(paths.default_workspace_path())) in text


def test_about_text_follows_article_viewer_home(tmp_path, monkeypatch):
    home = tmp_path / "a & b <portable>"
    monkeypatch.setenv("ARTICLE_VIEWER_HOME", str(home))
    text = about_dialog.about_html()
    # Escaped, so a folder name with markup characters shows as written.
    assert html.escape(str(home / "data")) in text
    assert "<portable>" not in text


def test_about_box_shows_the_text_and_the_app_icon(qtbot):
    box = about_dialog.about_dialog()
    qtbot.addWidget(box)
    assert box.text() == about_dialog.about_html()
    assert not box.iconPixmap().isNull()
    assert box.iconPixmap().width() == 64
