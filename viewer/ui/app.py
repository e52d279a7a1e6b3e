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
from viewer.ui.theme import apply_theme

# How long --screenshot waits for loading, the corpus index and alignment before saving
# anyway (and saying so): a large folder indexes for minutes on a busy machine.
SCREENSHOT_TIMEOUT_S = 900


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
    apply_theme(app, getattr(args, "theme", None))
    window = MainWindow(db_path=getattr(args, "db", None))
    window.open_paths(paths, pair=pair)
    if args.screenshot:
        return _screenshot(app, window, Path(args.screenshot), pair, _size(getattr(args, "size", None)))
    window.show()
    return app.exec()


def _size(text: str | None) -> tuple[int, int]:
    if not text:
        return 1400, 880
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CommandError(f"--size {text}: expected WIDTHxHEIGHT, for example 1024x700") from None
    return max(width, 400), max(height, 300)


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


def _screenshot(app, window, out: Path, pair, size: tuple[int, int] = (1400, 880)) -> int:
    """Show the window, wait until the pair is aligned, save a PNG of the whole window."""
    from PySide6.QtCore import QEventLoop

    window.resize(*size)
    window.show()
    settle_for_screenshot(app, window, pair)
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


def settle_for_screenshot(app, window, pair, timeout_s: float = SCREENSHOT_TIMEOUT_S) -> None:
    """Wait until the articles are read, the corpus is indexed (a folder: the most similar
    pair comes from the index) and the pair on screen is aligned."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop

    clock = QElapsedTimer()
    clock.start()
    corpus = getattr(window, "corpus", None)

    def indexed() -> bool:
        if corpus is None or len(window.model.articles) < 2:
            return True
        return not corpus.busy and (corpus.result is not None or corpus.failed)

    def settled() -> bool:
        view = window.pair_view
        return not window.busy and (view.alignment is not None or view.b is None)

    loaded = False
    while clock.elapsed() < timeout_s * 1000:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not loaded and not window.busy:
            loaded = True
            if pair and (window.pair_view.a is None or window.pair_view.b is None
                         or {Path(window.pair_view.a.path).name, Path(window.pair_view.b.path).name}
                         .isdisjoint({Path(p).name for p in pair})):
                raise CommandError(f"--pair {pair[0]} {pair[1]}: not among the opened articles")
        if loaded and indexed() and not window.awaiting_best_pair and settled():
            break
        if loaded and indexed() and window.awaiting_best_pair and not pair:
            window.awaiting_best_pair = False  # nothing in the index shares text: keep the first pair
    else:
        sys.stderr.write(f"--screenshot: still working after {timeout_s:.0f} s; saving what is on screen\n")
    # Let layout and the band settle after the last result.
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
