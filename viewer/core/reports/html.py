"""The pieces every report is made of: one style sheet, escaping, text with marked words.

The HTML is written for two readers: a browser (the ``.html`` report, opened anywhere,
loading nothing from the network: the style sheet is inline and there are no images,
scripts or fonts to fetch) and Qt's rich-text engine, which lays the ``.pdf`` out. Qt
reads a subset of HTML 4 and CSS 2.1, so layout is tables with ``width``, ``cellpadding``
and ``valign`` attributes, and every mark that matters is also legible without colour
(struck through, underlined), for a report printed in black and white.
"""

from __future__ import annotations

import contextlib
import html
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

STYLE = """
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; border-bottom: 1px solid #888888; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 2pt; }
table { border-collapse: collapse; }
table.facts td, table.facts th { border: 1px solid #bbbbbb; text-align: left; vertical-align: top; }
table.facts th { background-color: #eeeeee; }
table.side td, table.side th { border: 1px solid #bbbbbb; vertical-align: top; }
table.side th { background-color: #eeeeee; text-align: left; font-weight: bold; }
.meta { color: #555555; font-size: 9pt; }
.del { background-color: #f6c6c6; text-decoration: line-through; }
.ins { background-color: #c8ecc8; text-decoration: underline; }
.quote { background-color: #fff2b3; font-weight: bold; }
.context { color: #444444; }
.altered { color: #a00000; font-weight: bold; }
.same { color: #1d6b1d; font-weight: bold; }
.note { font-style: italic; }
"""


def escape(text: str) -> str:
    """``text`` as HTML, its line breaks kept (a paragraph break stays visible)."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document: the style sheet inline, nothing to fetch."""
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def marked(text: str, start: int, end: int, marks: Iterable[tuple[int, int]], css_class: str) -> str:
    """``text[start:end]`` as HTML with the ``marks`` (absolute code points) in ``css_class`` spans."""
    parts: list[str] = []
    cursor = start
    for mark_start, mark_end in sorted(marks):
        mark_start, mark_end = max(mark_start, cursor), min(mark_end, end)
        if mark_end <= mark_start:
            continue
        parts.append(escape(text[cursor:mark_start]))
        parts.append(f'<span class="{css_class}">{escape(text[mark_start:mark_end])}</span>')
        cursor = mark_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def facts_table(rows: Iterable[tuple[str, ...]], header: tuple[str, ...] | None = None) -> str:
    """A bordered table of already-escaped cells."""
    lines = ['<table class="facts" width="100%" cellpadding="4" cellspacing="0" border="1">']
    if header:
        lines.append("<tr>" + "".join(f"<th>{cell}</th>" for cell in header) + "</tr>")
    for row in rows:
        lines.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def side_by_side(left_title: str, right_title: str, rows: Iterable[tuple[str, str]],
                 row_ids: Sequence[str] = ()) -> str:
    """Two columns of already-built HTML, one row per compared stretch (cells ``id``-a / ``id``-b)."""
    lines = ['<table class="side" width="100%" cellpadding="5" cellspacing="0" border="1">',
             f'<tr><th width="50%">{left_title}</th><th width="50%">{right_title}</th></tr>']
    for number, (left, right) in enumerate(rows):
        ident = row_ids[number] if number < len(row_ids) else ""
        ids = (f' id="{ident}-a"', f' id="{ident}-b"') if ident else ("", "")
        lines.append(f'<tr><td{ids[0]} width="50%" valign="top">{left}</td>'
                     f'<td{ids[1]} width="50%" valign="top">{right}</td></tr>')
    lines.append("</table>")
    return "\n".join(lines)


def percent(value: float) -> str:
    return f"{value:.0%}" if value >= 0.01 or value == 0 else f"{value:.1%}"


def write_atomically(data: bytes, out: str | os.PathLike[str]) -> None:
    """Write ``data`` to ``out`` through a temporary file beside it: never half a report."""
    target = Path(out)
    if target.is_dir():
        raise IsADirectoryError(f"{target}: is a folder")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
