"""The window's list of files that could not be read, and the button and dock that show it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from viewer.core.errors import ArticleError, escape_controls


def show_problems(problem_list: QListWidget, dock: QWidget, button: QPushButton, problems: list[ArticleError],
                  new: list[ArticleError] | None = None) -> None:
    """List the ``new`` problems (all of ``problems`` when None); show or hide the dock and button.

    Names and reasons are shown on one line with control characters escaped: a file name may
    hold a newline or terminal escape sequences.
    """
    if new is None:
        problem_list.clear()
    for problem in problems if new is None else new:
        item = QListWidgetItem(escape_controls(f"{Path(problem.path).name}: {problem.reason}"))
        item.setToolTip(escape_controls(str(problem)))
        problem_list.addItem(item)
    count = len(problems)
    dock.setVisible(bool(count))
    button.setVisible(bool(count))
    if count:
        dock.raise_()
        button.setText(f"\u26a0 {count} file{'s' if count != 1 else ''} could not be read")
