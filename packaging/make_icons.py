"""Render the app icon's PNG sizes and the Windows ICO from resources/icons/article-viewer.svg.

Usage: .venv/bin/python packaging/make_icons.py

Uses Qt's own SVG renderer (QtSvg ships in PySide6-Essentials), so it needs nothing beyond the
app's dependencies. Run it after editing the SVG and commit the outputs with it.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICON_DIR / "article-viewer.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# ICO entries stop at 256: the format stores width and height in one byte each (0 means 256).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"article-viewer-{size}.png"


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO holding PNG-compressed entries (read by Windows Vista and later, and by Qt)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in PNG_SIZES}
    outputs = {ICON_DIR / png_name(size): data for size, data in pngs.items()}
    outputs[ICON_DIR / "article-viewer.ico"] = build_ico({s: pngs[s] for s in ICO_SIZES})
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ICON_DIR.parent.parent)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
