"""A report's HTML laid out as PDF by Qt's own writer (QTextDocument + QPdfWriter).

Outside the core: it needs Qt. The command line (which never imports Qt) and the window's
background export both run :func:`pdf_job` in a child process (``run_in_child``), where a
headless ``QGuiApplication`` (the offscreen platform) is started only for the layout.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# A4 with 15 mm margins; 10 pt text at 300 dpi.
PAGE_MARGIN_MM = 15.0
RESOLUTION_DPI = 300


def _ensure_gui_application() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_gui_application.app = QGuiApplication([])  # kept alive for the process


def html_to_pdf_bytes(html: str, title: str = "Evidence report") -> tuple[bytes, int]:
    """The PDF of ``html`` and its page count."""
    _ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    with tempfile.TemporaryDirectory(prefix="report-") as folder:
        path = Path(folder) / "report.pdf"
        writer = QPdfWriter(str(path))
        writer.setTitle(title)
        writer.setCreator("Article Viewer")
        writer.setResolution(RESOLUTION_DPI)
        layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                             QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
                             QPageLayout.Unit.Millimeter)
        writer.setPageLayout(layout)
        # With no page size of its own, print_() lays a copy of the document out on the
        # writer's pages at the writer's resolution (fonts keep their point sizes).
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        data = path.read_bytes()
    return data, pdf_page_count(data)


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF Qt wrote (its page objects are written uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def pdf_job(payload, _state) -> tuple[bytes, int]:
    """:func:`html_to_pdf_bytes` as a child-process job: ``(title, [html])`` -> (PDF, pages)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a child that shows nothing needs no display
    title, items = payload
    return html_to_pdf_bytes(items[0], title)
