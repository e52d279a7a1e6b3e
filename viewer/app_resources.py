"""Files the app ships beside its code (icons, screenshot): where they are in each kind of install.

- wheel install: ``<site-packages>/viewer/resources/`` (pyproject force-include);
- source tree / editable install: ``<repo>/resources/``;
- PyInstaller build: ``<bundle>/viewer/resources/`` (the spec puts them there, under
  ``sys._MEIPASS``), which is also what ``__file__`` points into when frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ICON = "icons/article-viewer.svg"


def resource_dirs() -> list[Path]:
    """Folders searched for resources, most specific first."""
    package_dir = Path(__file__).resolve().parent
    dirs = [package_dir / "resources", package_dir.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "viewer" / "resources")
    return dirs


def resource_path(name: str) -> Path:
    """The shipped file ``name`` (relative, e.g. ``"icons/article-viewer.svg"``).

    Raises FileNotFoundError naming the file when no install location holds it.
    """
    for folder in resource_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"resource {name!r} is missing from this installation")
