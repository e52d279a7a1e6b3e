"""Smoke-run a built app: --version, each subcommand's --help, and an offscreen --screenshot.

Usage: .venv/bin/python packaging/smoke_test.py [EXECUTABLE] [--compare-source]

EXECUTABLE defaults to dist/article-viewer/article-viewer. With --compare-source the source
install (``python -m viewer``) takes the same screenshot and the two pictures are compared:
same size, and at most MAX_DIFFERENT_PIXELS of the pixels differ. Exits 1 on any failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXE = ROOT / "dist" / "article-viewer" / "article-viewer"
OUT_DIR = ROOT / "build" / "smoke"
# Both builds run the same code on the same machine, so the pictures should match almost
# pixel for pixel; this leaves room for a caret or timer-driven highlight caught mid-blink.
MAX_DIFFERENT_PIXELS = 0.02
MIN_SIZE = (400, 300)
SCREENSHOT_TIMEOUT = 180


class SmokeFailure(Exception):
    pass


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["ARTICLE_VIEWER_HOME"] = str(home)  # never touch the user's real workspace
    return env


def _run(command: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)


def check_version(exe: list[str], env: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT))
    from viewer import __version__

    result = _run([*exe, "--version"], env)
    expected = f"article-viewer {__version__}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise SmokeFailure(
            f"--version: exit {result.returncode}, printed {result.stdout.strip()!r} "
            f"{result.stderr.strip()!r}, expected {expected!r}"
        )
    print(f"  ok: {expected}")


def check_subcommands(exe: list[str], env: dict[str, str]) -> None:
    """Subcommands are imported by name, so a missing hidden import shows up only here."""
    from viewer.cli import COMMANDS

    for name, (module, _help) in COMMANDS.items():
        source = ROOT / (module.replace(".", "/") + ".py")
        if not source.is_file():
            print(f"  skip: {name} (no {source.relative_to(ROOT)} in this tree)")
            continue
        result = _run([*exe, name, "--help"], env)
        if result.returncode != 0:
            raise SmokeFailure(f"{name} --help: exit {result.returncode}: {result.stderr.strip()[-300:]}")
        print(f"  ok: {name} --help")


def take_screenshot(exe: list[str], env: dict[str, str], out: Path) -> float:
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    result = _run([*exe, "--screenshot", str(out)], env, timeout=SCREENSHOT_TIMEOUT)
    seconds = time.perf_counter() - started
    if result.returncode != 0 or not out.is_file():
        raise SmokeFailure(f"--screenshot: exit {result.returncode}: {result.stderr.strip()[-500:]}")
    return seconds


def describe_picture(path: Path):  # -> QImage; Qt imported here so --help works without it
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication(["smoke_test"])  # noqa: F841
    image = QImage(str(path))
    if image.isNull():
        raise SmokeFailure(f"{path}: not a readable image")
    if image.width() < MIN_SIZE[0] or image.height() < MIN_SIZE[1]:
        raise SmokeFailure(f"{path}: {image.width()}x{image.height()} is smaller than {MIN_SIZE}")
    # A blank or single-colour window means nothing was drawn.
    colours = {image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)}
    if len(colours) < 16:
        raise SmokeFailure(f"{path}: only {len(colours)} colours, the window looks empty")
    print(
        f"  ok: {path.relative_to(ROOT)} {image.width()}x{image.height()}, "
        f"{path.stat().st_size / 1024:.0f} KB, {len(colours)}+ colours"
    )
    return image


def different_pixels(a, b) -> float:
    """Share of pixels that differ between two same-size QImages (exact RGB comparison)."""
    a = a.convertToFormat(a.Format.Format_RGB32)
    b = b.convertToFormat(b.Format.Format_RGB32)
    data_a = bytes(a.constBits())
    data_b = bytes(b.constBits())
    stride = a.bytesPerLine()
    differing = 0
    for row in range(a.height()):
        start = row * stride
        line_a = data_a[start : start + a.width() * 4]
        line_b = data_b[start : start + a.width() * 4]
        if line_a != line_b:
            differing += sum(1 for i in range(0, len(line_a), 4) if line_a[i : i + 3] != line_b[i : i + 3])
    return differing / (a.width() * a.height())


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    exe_path = Path(args[0]) if args else DEFAULT_EXE
    if not exe_path.is_file():
        print(f"smoke_test: {exe_path}: no built program (run make package)", file=sys.stderr)
        return 2
    exe = [str(exe_path)]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="article-viewer-smoke-") as home:
            env = _env(Path(home))
            check_version(exe, env)
            check_subcommands(exe, env)
            frozen_png = OUT_DIR / "frozen.png"
            seconds = take_screenshot(exe, env, frozen_png)
            print(f"  screenshot of the built app in {seconds:.1f} s")
            frozen = describe_picture(frozen_png)
            if "--compare-source" in argv:
                source_png = OUT_DIR / "source.png"
                seconds = take_screenshot([sys.executable, "-m", "viewer"], env, source_png)
                print(f"  screenshot of the source app in {seconds:.1f} s")
                source = describe_picture(source_png)
                if frozen.size() != source.size():
                    raise SmokeFailure(
                        f"built app's picture is {frozen.width()}x{frozen.height()}, "
                        f"the source app's {source.width()}x{source.height()}"
                    )
                share = different_pixels(frozen, source)
                print(f"  pixels that differ from the source app's picture: {share:.2%}")
                if share > MAX_DIFFERENT_PIXELS:
                    raise SmokeFailure(
                        f"{share:.2%} of the pixels differ (limit {MAX_DIFFERENT_PIXELS:.0%}); "
                        f"compare {frozen_png} with {source_png}"
                    )
    except (SmokeFailure, subprocess.TimeoutExpired) as exc:
        print(f"smoke_test: FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
