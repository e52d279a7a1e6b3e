"""Build the one-folder desktop app with PyInstaller and pack it as an installable tarball.

Usage: .venv/bin/python packaging/build_bundle.py [--no-tarball]

Writes dist/article-viewer/ (the app: run dist/article-viewer/article-viewer) and
dist/article-viewer-<version>-linux-<machine>.tar.gz (the app plus its desktop entry, AppStream
metainfo, icons and install.sh). Prints the build time and the bundle size.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "article-viewer.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "article-viewer"
APP_ID = "org.articleviewer.ArticleViewer"
LINUX_DIR = ROOT / "packaging" / "linux"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_desktop_files(bundle: Path) -> None:
    """What install.sh needs beside the program: entry, metainfo and icons under share/."""
    share = bundle / "share"
    shutil.rmtree(share, ignore_errors=True)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(LINUX_DIR / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(LINUX_DIR / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    for png in sorted(icons.glob("article-viewer-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / "article-viewer.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "article-viewer.svg", scalable / "article-viewer.svg")
    shutil.copy2(LINUX_DIR / "install.sh", bundle / "install.sh")


def make_tarball(bundle: Path, version: str) -> Path:
    machine = platform.machine() or "unknown"
    out = DIST / f"article-viewer-{version}-linux-{machine}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"article-viewer-{version}")
    return out


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from viewer import __version__

    # A stale folder from an older build would mix old and new files.
    shutil.rmtree(BUNDLE, ignore_errors=True)
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode})", file=sys.stderr)
        return 1
    build_seconds = time.perf_counter() - started
    add_desktop_files(BUNDLE)
    size = folder_size(BUNDLE)
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file())
    print(f"build time: {build_seconds:.1f} s")
    print(f"bundle: {BUNDLE.relative_to(ROOT)}/ {size / 1e6:.1f} MB in {files} files")
    if "--no-tarball" not in argv:
        started = time.perf_counter()
        tarball = make_tarball(BUNDLE, __version__)
        print(
            f"tarball: {tarball.relative_to(ROOT)} {tarball.stat().st_size / 1e6:.1f} MB "
            f"({time.perf_counter() - started:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
