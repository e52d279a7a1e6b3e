"""Quote sets as CSV for a spreadsheet or a newsroom database (SPEC "CSV export").

RFC 4180: comma-separated, CRLF between records, a field with a comma, quote or line
break in double quotes (quotes doubled); UTF-8, optionally with a byte-order mark so
Excel reads it as UTF-8. One row per occurrence, one scalar per cell.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from viewer.core.store.model import Occurrence, QuoteSet

# The SPEC's columns, in its order; the extra ones after them help re-import and audits.
COLUMNS = ("quote_set", "tags", "article", "title", "source", "published", "start", "end", "text", "speaker", "note")
# Then, also in the SPEC's order: who named the speaker (detected or edited), the article's
# address, and up to 200 characters of the article either side of the quote.
SPEAKER_COLUMNS = ("speaker_source", "url", "context_before", "context_after")
EXTRA_COLUMNS = ("occurrence_id", "status", "sha256", "set_note", "colour", "tagged")

# A spreadsheet reads a cell starting with one of these as a formula (or as the start of
# one: Excel treats "-2+3" and "@SUM(...)" alike); a leading ' makes it plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: a leading ``'`` before formula characters."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_rows(
    sets: Iterable[tuple[QuoteSet, Sequence[Occurrence]]], *, raw: bool = False
) -> list[list[str]]:
    """The header and one row per occurrence, every cell a string."""
    rows = [list(COLUMNS + SPEAKER_COLUMNS + EXTRA_COLUMNS)]
    for quote_set, occurrences in sets:
        tags = ";".join(quote_set.tags)
        for item in occurrences:
            row = [
                quote_set.name, tags, item.article, item.title, item.outlet or "", item.published or "",
                str(item.start), str(item.end), item.text, item.speaker or "", item.note,
                item.speaker_source, item.url or "", item.context_before, item.context_after,
                str(item.id), "detached" if item.detached else "anchored", item.sha256,
                quote_set.note, quote_set.colour, item.created,
            ]
            rows.append(row if raw else [neutralise(cell) for cell in row])
    return rows


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(rows: Iterable[Sequence[str]], out: str | os.PathLike[str], *, bom: bool = False) -> None:
    """Write ``rows`` to ``out`` (``-``: standard output) through a temporary file.

    The temporary file sits beside ``out`` and replaces it only when complete, so a
    failed export never leaves half a file or destroys an earlier export.
    """
    data = (("\ufeff" if bom else "") + csv_text(rows)).encode("utf-8")
    if str(out) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(out)
    if target.is_dir():
        raise IsADirectoryError(f"{target}: is a folder")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        # mkstemp makes the file private; an export is for sharing, like any new file.
        os.chmod(temp_name, _new_file_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
