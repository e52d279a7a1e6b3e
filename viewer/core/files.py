"""Reading only regular files: a FIFO, a device or a socket is refused when it is opened.

A named pipe blocks ``open()`` until a writer comes and ``/dev/zero`` never ends, so every
file the project reads (articles, workspaces, export targets) is checked with ``os.stat``
before it is opened, opened with ``O_NONBLOCK`` (a FIFO swapped in between cannot block),
and checked again on the open descriptor.
"""

from __future__ import annotations

import os
import stat

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotRegularFileError(OSError):
    """The path exists but is not a regular file; ``reason`` says what it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooLargeError(OSError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"too large ({size} bytes; the limit is {limit})")
        self.size = size
        self.limit = limit


def kind_of_mode(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)"...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a special file"


def special_file_reason(path: str | os.PathLike[str]) -> str | None:
    """``"is a named pipe (FIFO), not a regular file"`` for a special file; None otherwise
    (regular files and paths that do not exist)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    kind = kind_of_mode(mode)
    if kind is None or kind == "a folder":
        return None
    return f"is {kind}, not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int, *, whole: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``whole=False``: its first
    ``limit`` bytes, whatever its size).

    Raises :class:`NotRegularFileError`, :class:`TooLargeError`, or the ``OSError`` of the
    failing call (``FileNotFoundError``, ``PermissionError``, ``IsADirectoryError``...).
    """
    before = os.stat(path)
    _require_regular(before.st_mode)
    if whole and before.st_size > limit:
        raise TooLargeError(before.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _require_regular(os.fstat(fd).st_mode)  # swapped for a FIFO between stat and open
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1 if whole else limit)
    finally:
        os.close(fd)
    if whole and len(data) > limit:  # it grew since the stat
        raise TooLargeError(len(data), limit)
    return data


def _require_regular(mode: int) -> None:
    kind = kind_of_mode(mode)
    if kind == "a folder":
        raise IsADirectoryError("is a folder, not a file")
    if kind is not None:
        raise NotRegularFileError(f"is {kind}, not a regular file")
