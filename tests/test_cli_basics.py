"""The command line's own contract: version, one-line errors, screenshot, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from viewer import __version__

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"article-viewer {__version__}"


def test_unknown_option_is_one_line_exit_2():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--no-such-option" in result.stderr


def test_missing_path_for_window_is_one_line_exit_2(tmp_path):
    result = run(str(tmp_path / "missing.txt"), "--screenshot", str(tmp_path / "out.png"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"article-viewer: {tmp_path / 'missing.txt'}: no such file or folder"]


def test_no_display_gives_a_clear_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "viewer"], capture_output=True, text=True, env=env, cwd=tmp_path,
                            timeout=60)
    assert result.returncode == 2
    assert "no display" in result.stderr and "--screenshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_from_another_folder_uses_bundled_seeds(tmp_path):
    out = tmp_path / "shot.png"
    result = run("--screenshot", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_screenshot_with_pair_not_open_is_an_error(tmp_path):
    result = run("--screenshot", str(tmp_path / "x.png"), "--pair", "nope1.txt", "nope2.txt")
    assert result.returncode == 2
    assert "nope1.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_core_imports_without_qt(tmp_path):
    """The core and the commands never import PySide6 (the window is the only Qt user)."""
    script = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
            raise ImportError("PySide6 is blocked in this test")
sys.meta_path.insert(0, Block())
import viewer.core, viewer.commands, viewer.cli
for package in (viewer.core, viewer.commands):
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
