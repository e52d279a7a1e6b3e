"""Shared helpers for the GUI tests: open a window and wait for its work to finish."""

from __future__ import annotations

from pathlib import Path

from viewer.ui.main_window import MainWindow

DATA = Path(__file__).parent / "data"


def open_window(qtbot, paths, pair=None, size=(1400, 880), db: Path | None = None,
                saves_state: bool = True) -> MainWindow:
    """A shown window on ``paths`` (and the workspace ``db``), its work done."""
    window = MainWindow(db_path=str(db) if db else None)
    window.persist_state = saves_state
    qtbot.addWidget(window)
    if window.workspace is not None:
        window.workspace.show_message_boxes = False
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_paths([str(p) for p in paths], pair=pair)
    wait_idle(qtbot, window)
    return window


def wait_idle(qtbot, window: MainWindow, timeout: int = 20_000) -> None:
    def settled() -> bool:
        view = window.pair_view
        aligned = view.a is None or view.b is None or view.alignment is not None
        return not window.busy and aligned

    qtbot.waitUntil(settled, timeout=timeout)
    qtbot.wait(60)  # layout timers (band and strips) settle
