"""Loading many articles file by file, each delivered the moment it is read.

:func:`load_progressively` expands the paths, then reads every file and hands each result
to ``deliver`` as soon as it exists, so a list can fill while the rest is still being read.
Big loads run in worker processes (spawned, see ``viewer.core.tasks.spawning``): a file is
parsed in another interpreter, so cancelling stops it mid-parse (the worker is killed), a
file that takes longer than ``stuck_after`` seconds is reported and its worker replaced
without holding up the other files, and a reader that crashes costs one file, not the load.
Small loads run in the calling thread, checking for cancel between files.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from viewer.core.errors import ArticleError, Cancelled
from viewer.core.loading.articles import Article, expand_paths, load_article
from viewer.core.tasks.policy import in_child_process
from viewer.core.tasks.spawning import spawn_context, start

# Past this a file is reported as stuck and its reader replaced; the others go on.
STUCK_AFTER_S = 30.0
MAX_WORKERS = 4
POLL_S = 0.05
DEFAULT_LOADER = "viewer.core.loading.articles:load_article"


@dataclass
class LoadSummary:
    """What a load found, in the order of the files (folders expanded, sorted by path)."""

    articles: list[Article] = field(default_factory=list)
    problems: list[ArticleError] = field(default_factory=list)
    files: int = 0
    workers: int = 0  # worker processes used (0: read in the calling thread)


def _resolve(loader: str) -> Callable[[str], Article]:
    module, _, name = loader.partition(":")
    return getattr(importlib.import_module(module), name)


def _reader_main(conn: Connection, loader: str) -> None:
    """A worker process: read each path it is sent, send back the article or the reason."""
    load = _resolve(loader)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            conn.send((path, load(path), None))
        except ArticleError as exc:
            conn.send((path, None, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one bad file must not end the load
            conn.send((path, None, f"could not be read ({type(exc).__name__}: {exc})"))


class _Reader:
    """One worker process and the file it is reading."""

    def __init__(self, context: Any, loader: str) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_reader_main, args=(child, loader), daemon=True)
        start(self.process)
        child.close()
        self.path: str | None = None
        self.since = 0.0

    def give(self, path: str) -> None:
        self.path, self.since = path, time.monotonic()
        self.conn.send(path)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def worker_count(files: Sequence[Path]) -> int:
    """Worker processes for a load: none for a few small files, else up to the machine's cores
    (at least two, so one stuck file never holds all the others)."""
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += os.stat(path).st_size
    if not (in_child_process("load", len(files)) or in_child_process("load_bytes", total)):
        return 0
    return max(2, min(MAX_WORKERS, os.cpu_count() or 1, len(files)))


def load_progressively(
    paths: Sequence[str | os.PathLike[str]],
    deliver: Callable[[object], None],
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    stuck_after: float = STUCK_AFTER_S,
    loader: str | None = None,
) -> LoadSummary:
    """Read every article under ``paths``; ``deliver(item)`` gets each :class:`Article` or
    :class:`ArticleError` as soon as it is known. Raises :class:`Cancelled` when
    ``cancelled()`` turns true (worker processes are killed at once).

    ``workers=None`` chooses (:func:`worker_count`); ``loader`` names the function that
    reads one file (``module:function``, importable in a worker process; default
    :data:`DEFAULT_LOADER`).
    """
    loader = loader or DEFAULT_LOADER
    files, problems = expand_paths(paths)
    summary = LoadSummary(problems=list(problems), files=len(files))
    for problem in problems:
        deliver(problem)
    results: dict[str, Article | ArticleError] = {}

    def finish(path: str, item: Article | ArticleError) -> None:
        results[path] = item
        deliver(item)
        if progress is not None:
            progress(len(results), len(files))

    if progress is not None:
        progress(0, len(files))
    count = worker_count(files) if workers is None else workers
    summary.workers = count
    if count <= 0:
        load = load_article if loader == DEFAULT_LOADER else _resolve(loader)
        for path in files:
            if cancelled():
                raise Cancelled()
            try:
                finish(str(path), load(path))
            except ArticleError as exc:
                finish(str(path), exc)
    else:
        _load_in_workers([str(p) for p in files], count, finish, cancelled, stuck_after, loader)
    for path in files:
        item = results[str(path)]
        (summary.articles if isinstance(item, Article) else summary.problems).append(item)
    return summary


def _load_in_workers(files: list[str], count: int, finish: Callable[[str, Article | ArticleError], None],
                     cancelled: Callable[[], bool], stuck_after: float, loader: str) -> None:
    context = spawn_context()
    pending = list(reversed(files))
    readers = [_Reader(context, loader) for _ in range(min(count, len(files)))]
    try:
        for reader in readers:
            if pending:
                reader.give(pending.pop())
        while any(r.path is not None for r in readers):
            if cancelled():
                raise Cancelled()
            busy = {r.conn: r for r in readers if r.path is not None}
            for conn in wait(list(busy), timeout=POLL_S):
                reader = busy[conn]
                try:
                    path, article, reason = conn.recv()
                except (EOFError, OSError):  # the reader died (killed, out of memory)
                    path, article, reason = reader.path, None, "the reader stopped while reading it"
                    readers[readers.index(reader)] = reader = _replace(reader, context, loader)
                reader.path = None
                finish(path, article if article is not None else ArticleError(path, reason))
                if pending:
                    reader.give(pending.pop())
            now = time.monotonic()
            for number, reader in enumerate(readers):
                if reader.path is not None and now - reader.since > stuck_after:
                    path = reader.path
                    readers[number] = fresh = _replace(reader, context, loader)
                    finish(path, ArticleError(path, f"took more than {stuck_after:.0f} s to read; skipped"))
                    if pending:
                        fresh.give(pending.pop())
    finally:
        for reader in readers:
            if reader.path is None and reader.process.is_alive():
                with contextlib.suppress(OSError):
                    reader.conn.send(None)
            reader.stop()


def _replace(reader: _Reader, context: Any, loader: str) -> _Reader:
    reader.stop()
    return _Reader(context, loader)
