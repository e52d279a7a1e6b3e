"""Starting worker processes: always spawned, never fork, and never re-running the caller's script.

Fork copies a process with Qt's threads in it, which can deadlock; spawn starts a fresh
interpreter. Spawn's one trap is that each child re-imports the parent's ``__main__``:
a script that calls the core without an ``if __name__ == "__main__":`` guard would run
again in every worker, which then fails and leaves a pool waiting for ever. Every job of
ours lives in an importable ``viewer`` module, so children are started with the main
module hidden: they import only what their job names. (The app's own entry points are
guarded anyway, and the frozen build starts its children through ``freeze_support()``.)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import multiprocessing.pool
import sys
from collections.abc import Callable, Iterator
from typing import Any

_ABSENT = object()


def spawn_context() -> multiprocessing.context.SpawnContext:
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def main_module_hidden() -> Iterator[None]:
    """While processes start: spawn sees no main script to re-run in them."""
    main = sys.modules.get("__main__")
    if main is None or getattr(sys, "frozen", False):
        yield
        return
    saved = {name: getattr(main, name, _ABSENT) for name in ("__file__", "__spec__")}
    try:
        for name in saved:
            if saved[name] is not _ABSENT:
                delattr(main, name) if name == "__file__" else setattr(main, name, None)
        yield
    finally:
        for name, value in saved.items():
            if value is not _ABSENT:
                setattr(main, name, value)


def start(process: multiprocessing.process.BaseProcess) -> None:
    """Start a spawned ``process`` without re-running the caller's main script in it."""
    with main_module_hidden():
        process.start()


def process_pool(workers: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> multiprocessing.pool.Pool:
    """A pool of ``workers`` spawned processes; use it as a context manager (exit terminates it).

    Workers get their shared input once, through ``initializer(*initargs)``, then only
    small chunks of work.
    """
    with main_module_hidden():
        return spawn_context().Pool(workers, initializer, initargs)


def end_of_program() -> None:
    """Wait for multiprocessing's resource tracker to end, when the program is done.

    Starting the first spawned process also starts that helper process, which otherwise
    ends only after the program, once it notices the program is gone: a command's caller
    (a script timing it, a shell waiting on its process group) would see it outlive the
    command. Nothing of ours is registered with it by then, so it has nothing to clean up.
    """
    from multiprocessing import resource_tracker

    with contextlib.suppress(AttributeError, OSError, ChildProcessError):
        resource_tracker._resource_tracker._stop()  # a no-op when it never started
