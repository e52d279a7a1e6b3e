"""Starting the window, and ``--screenshot`` (render the window to a PNG and exit)."""

from __future__ import annotations

import contextlib
import os
import sys
from argparse import Namespace
from pathlib import Path

from viewer import __version__
from viewer.core.errors import CommandError
from viewer.core.loading.articles import ArticleError, bundled_seeds_dir, expand_paths
from viewer.ui.main_window import MainWindow

# How long --screenshot waits for loading and alignment before saving anyway.
SCREENSHOT_TIMEOUT_S = 180


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def run_app(args: Namespace) -> int:
    if args.screenshot:
        # A screenshot needs no screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        out = Path(args.screenshot)
        if not out.parent.exists():
            raise CommandError(f"{out}: folder {out.parent} does not exist")
    elif not _has_display():
        raise CommandError(
            "no display to open a window on (DISPLAY is not set): run it in a desktop session, "
            "under xvfb-run, or render a picture with --screenshot OUT.png"
        )
    paths = args.paths or [str(bundled_seeds_dir())]
    for path in paths:
        if not Path(path).exists():
            raise ArticleError(path, "no such file or folder")
    pair = tuple(args.pair) if args.pair else None
    if pair:
        files, _problems = expand_paths(paths)
        names = {f.name for f in files} | {str(f.resolve()) for f in files}
        for path in pair:
            if Path(path).is_file():
                if str(Path(path).resolve()) not in names:
                    paths.append(path)
            elif path not in names:
                raise CommandError(f"--pair {path}: no such article among the opened files")

    from PySide6.QtWidgets import QApplication

    _quiet_platform_noise()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Article Viewer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("article-viewer")
    app.setDesktopFileName("org.articleviewer.ArticleViewer")
    _set_icon(app)
    window = MainWindow(db_path=getattr(args, "db", None))
    window.open_paths(paths, pair=pair)
    if args.screenshot:
        return _screenshot(app, window, Path(args.screenshot), pair)
    window.show()
    return app.exec()


def _quiet_platform_noise() -> None:
    """Drop the offscreen platform's harmless warnings; pass every other message on."""
    from PySide6.QtCore import qInstallMessageHandler

    noise = ("propagateSizeHints", "QFont::setPointSizeF")

    def handler(_mode, _context, message: str) -> None:
        if not any(n in message for n in noise):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _set_icon(app) -> None:
    try:
        from PySide6.QtGui import QIcon

        from viewer.app_resources import resource_path
    except ImportError:
        return
    with contextlib.suppress(FileNotFoundError):  # a window without its icon still works
        app.setWindowIcon(QIcon(str(resource_path("icons/article-viewer.svg"))))


def _screenshot(app, window, out: Path, pair) -> int:
    """Show the window, wait until the pair is aligned, save a PNG of the whole window."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop

    window.resize(1400, 880)
    window.show()
    clock = QElapsedTimer()
    clock.start()

    def settled() -> bool:
        return not window.busy and window.pair_view.alignment is not None

    loaded = False
    while clock.elapsed() < SCREENSHOT_TIMEOUT_S * 1000:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not loaded and not window.busy:
            loaded = True
            if pair and (window.pair_view.a is None or window.pair_view.b is None
                         or {Path(window.pair_view.a.path).name, Path(window.pair_view.b.path).name}
                         .isdisjoint({Path(p).name for p in pair})):
                raise CommandError(f"--pair {pair[0]} {pair[1]}: not among the opened articles")
        if loaded and (settled() or window.pair_view.b is None):
            break
    # Let layout and the band settle after the last result.
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    passages = window.pair_view.passages
    if passages:  # show the longest shared passage, selected, with its word differences
        longest = max(range(len(passages)), key=lambda i: passages[i].a_end - passages[i].a_start)
        window.pair_view.select_passage(longest, reveal="both")
    window.pair_view.stop_flash()
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    image = window.grab()
    if not image.save(str(out), "PNG"):
        raise CommandError(f"{out}: could not write the PNG")
    window.persist_state = False  # a screenshot is not a session to remember
    window.close()
    return 0
