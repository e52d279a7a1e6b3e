"""Run a CPU-heavy job in a child Python process, with progress, phases and cancel.

A background *thread* of a GUI program shares the interpreter lock with the window:
CPU-bound Python in it (aligning a corpus, clustering ten thousand quotes) starved the
window's event loop for seconds at a time. A child process holds its own lock; the
calling thread only waits on a pipe, so the window stays responsive.

The child is a ``multiprocessing`` process started with *spawn* (never fork: the window's
process runs Qt threads), which also works in the frozen build because ``viewer.__main__``
calls ``multiprocessing.freeze_support()``. It imports ``module:function`` and calls
``function((extra, items), state)`` with a :class:`~viewer.core.tasks.task.TaskState`
whose progress and phase travel back over the pipe and whose ``cancelled()`` is the
parent's stop event.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Callable
from typing import Any

from viewer.core.errors import Cancelled
from viewer.core.tasks.spawning import spawn_context, start
from viewer.core.tasks.task import TaskState

PROGRESS_INTERVAL_S = 0.1
# Items are sent a slice at a time: one pickle of a whole corpus is a single C call that
# holds the interpreter lock (and so the window) for a tenth of a second.
SLICE_ITEMS = 64
POLL_S = 0.05


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def run_in_child(target: str, items: list, state: TaskState | None = None, extra: Any = None) -> Any:
    """``target((extra, items), state)`` in a child process; its result here.

    Raises :class:`Cancelled` when ``state`` is cancelled (the child is stopped) or the job
    itself stopped; any other failure comes back as a ``RuntimeError`` naming it.
    """
    state = state or TaskState()
    context = spawn_context()
    here, there = context.Pipe()
    stop = context.Event()
    # Not a daemon: the corpus job starts worker processes of its own.
    child = context.Process(target=_child_main, args=(there, stop, target, extra, len(items)),
                            name="article-viewer-task")
    start(child)
    there.close()
    try:
        for first in range(0, len(items), SLICE_ITEMS):
            here.send(tuple(items[first:first + SLICE_ITEMS]))
        while True:
            if state.cancelled():
                raise Cancelled()
            if not here.poll(POLL_S):
                continue
            try:
                message = here.recv()
            except EOFError:
                child.join(5)
                raise RuntimeError(f"the background process ended unexpectedly (exit code {child.exitcode})") from None
            kind = message[0]
            if kind == "progress":
                state.progress(message[1], message[2])
            elif kind == "phase":
                state.phase(message[1])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled()
            elif kind == "failed":
                raise RuntimeError(message[1])
    finally:
        stop.set()  # a no-op once the job is done: otherwise it winds up, then exits
        child.join(10)
        if child.is_alive():
            child.kill()
            child.join()
        here.close()
        child.close()


def _child_main(connection, stop, target: str, extra: Any, count: int) -> None:
    """The child: receives the items, runs the job, sends progress, phases and the outcome."""
    # Background work: on a busy machine the window (and the user) go first.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    items: list = []
    while len(items) < count:
        items.extend(connection.recv())
    last = [0.0, -1]  # when the last report went, and its total

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL_S or done >= total or total != last[1]:
            last[0], last[1] = now, total
            connection.send(("progress", done, total))

    # The parent's stop event is this task's cancel flag.
    state = TaskState(progress, lambda text: connection.send(("phase", text)), cancel_event=stop)
    try:
        result = _resolve(target)((extra, items), state)
        connection.send(("done", result))
    except Cancelled:
        connection.send(("cancelled",))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        connection.send(("cancelled",) if stop.is_set() else ("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()
