"""A group of worker processes started early and given their work later, a chunk at a time.

A spawned Python process takes a few tenths of a second to start and import the engine.
A command that knows it will need workers (``matrix`` over thousands of articles) starts
them *before* it reads its files, so that start-up overlaps the reading; the work is known
only later (the candidate pairs), and each chunk of it goes to a worker when that worker is
free. Chunks come from per-worker queues: a worker takes from its own queue first (the
chunks that reuse what it already holds), then from the back of the longest other queue,
so the workers also finish together.

Each worker is spawned (never fork), as every process of ours (``spawning.py``). It runs
``module:function(payload, state)`` for each chunk and keeps module-level caches between
chunks of one job. Cancelling the caller's task kills the workers at once (their running
chunks are of no use any more), so the group needs no shared stop flag between processes.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait
from typing import Any

from viewer.core.errors import Cancelled
from viewer.core.tasks.spawning import spawn_context, start
from viewer.core.tasks.task import TaskState

POLL_S = 0.05


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _worker_main(connection, warm_up: str | None) -> None:
    """A worker: imports what ``warm_up`` names, then runs chunks until told to stop."""
    if warm_up:
        _resolve(warm_up)()
    state = TaskState()
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            # Exit now: tearing down a big heap object by object (a corpus's profiles) took
            # longer than the caller should wait, and nothing here needs finalising.
            connection.close()
            os._exit(0)
        target, payload = message
        try:
            connection.send(("done", _resolve(target)(payload, state)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
            connection.send(("failed", f"{type(exc).__name__}: {exc}"))


class WorkerGroup:
    """``count`` spawned worker processes, started now; use as a context manager (exit ends them).

    ``warm_up`` names a function (``"module:function"``) each worker calls first, to import
    its job's modules while the caller is still busy.
    """

    def __init__(self, count: int, warm_up: str | None = None) -> None:
        context = spawn_context()
        self._processes = []
        self._connections = []
        self.chunks_done = [0] * count  # chunks each worker finished, over every run
        try:
            for _ in range(count):
                here, there = context.Pipe()
                process = context.Process(target=_worker_main, args=(there, warm_up),
                                          name="article-viewer-worker", daemon=True)
                start(process)
                there.close()
                self._processes.append(process)
                self._connections.append(here)
        except BaseException:
            self.close()
            raise

    @property
    def count(self) -> int:
        return len(self.chunks_done)

    @property
    def pids(self) -> list[int | None]:
        """The workers' process ids (empty once closed)."""
        return [process.pid for process in self._processes]

    def alive(self) -> bool:
        """Whether any worker process is still running."""
        return any(process.is_alive() for process in self._processes)

    def __enter__(self) -> WorkerGroup:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self, at_once: bool = False) -> None:
        """Stop the workers and wait for them to exit; ``at_once`` kills them mid-chunk."""
        for connection in self._connections:
            with contextlib.suppress(OSError, ValueError):
                connection.send(None)
        for process in self._processes:
            if at_once:
                process.kill()
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
            process.close()
        for connection in self._connections:
            connection.close()
        self._processes, self._connections = [], []

    def run(self, target: str, queues: Sequence[deque], payload: Callable[[int, Any], Any],
            on_result: Callable[[Any, Any], None], cancelled: Callable[[], bool] | None = None,
            feed: Callable[[], bool] | None = None) -> None:
        """Run ``target`` over every chunk of ``queues`` (one deque per worker, consumed).

        ``payload(worker, chunk)`` makes what is sent for ``chunk`` to ``worker`` (it may leave
        out what that worker was already sent); ``on_result(chunk, result)`` takes each
        result here, in the order they finish. ``feed()``, when given, is called between
        looks at the workers until it returns False: it appends the chunks still being made
        (files still being read) to the queues; a worker takes from another's queue only
        once the feeding is over. Raises :class:`Cancelled` when ``cancelled()`` turns true
        (the workers are killed; the group cannot be used again), and ``RuntimeError`` when
        a chunk failed or a worker died.
        """
        if not self._processes:
            raise RuntimeError("the worker group is closed")
        running: dict[int, Any] = {}  # worker -> its chunk
        feeding = feed is not None

        def next_chunk(worker: int) -> Any:
            own = queues[worker] if worker < len(queues) else None
            if own:
                return own.popleft()
            longest = None if feeding else max(queues, key=len, default=None)
            return longest.pop() if longest else None

        def give_idle() -> None:
            for worker in range(len(self._processes)):
                if worker not in running:
                    chunk = next_chunk(worker)
                    if chunk is not None:
                        running[worker] = chunk
                        self._connections[worker].send((target, payload(worker, chunk)))

        try:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if feeding:
                    feeding = bool(feed())  # type: ignore[misc]
                give_idle()
                if not running:
                    if feeding:
                        continue
                    break
                for connection in wait([self._connections[worker] for worker in running], 0 if feeding else POLL_S):
                    worker = self._connections.index(connection)
                    try:
                        message = connection.recv()
                    except EOFError:
                        raise RuntimeError("a worker process ended unexpectedly") from None
                    if message[0] == "failed":
                        raise RuntimeError(message[1])
                    chunk = running.pop(worker)
                    self.chunks_done[worker] += 1
                    on_result(chunk, message[1])
        except BaseException:
            self.close(at_once=True)  # running chunks are abandoned: stop them now
            raise
