"""Quote sets as CSV for a spreadsheet or a newsroom database (SPEC "CSV export").

RFC 4180: comma-separated, CRLF between records, a field with a comma, quote or line
break in double quotes (quotes doubled); UTF-8, optionally with a byte-order mark so
Excel reads it as UTF-8. One row per occurrence, one scalar per cell.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from viewer.core.files import NotRegularFileError, special_file_reason
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
# Spreadsheets skip leading blanks (and some the fullwidth forms' ASCII twins) before they
# decide a cell is a formula, so " =1+1", NBSP or zero-width space before "=", or "\uff1d"
# count too (OWASP CSV injection guidance).
_FORMULA_MARKS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_SKIPPED_BEFORE_FORMULA = frozenset(
    " \t\r\n\x0b\x0c\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_STRIPPED = "".join(sorted(_SKIPPED_BEFORE_FORMULA))


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: a leading ``'`` before formula characters
    (also behind leading blanks, and in their fullwidth forms)."""
    if cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    rest = cell.lstrip(_STRIPPED)
    if rest and rest[0] in _FORMULA_MARKS:
        return "'" + cell
    return cell


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
    target = Path(os.path.realpath(out))  # through symlinks: the link stays, its target is written
    kind = special_file_reason(target)
    if kind is not None:
        raise NotRegularFileError(f"{kind}; use '-' for standard output")
    if target.is_dir():
        raise IsADirectoryError(f"{target}: is a folder")
    _sweep_stale_temps(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with _signals_as_exceptions(), os.fdopen(handle, "wb") as temp:
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


class _Terminated(BaseException):
    """SIGTERM or SIGHUP during a write: unwinds so the temporary file is removed."""


@contextlib.contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """Turn SIGTERM/SIGHUP into an exception while writing (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}

    def stop(signum: int, _frame: object) -> None:
        raise _Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            saved[number] = signal.signal(number, stop)
    try:
        yield
    except _Terminated as exc:
        raise SystemExit(128 + int(exc.args[0])) from None
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


STALE_TEMP_SECONDS = 3600


def _sweep_stale_temps(target: Path) -> None:
    """Remove temporary files an earlier export of ``target`` left when it was killed outright."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
