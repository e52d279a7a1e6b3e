"""The one process pool: spawn-started workers for work that splits into independent chunks.

Spawn, never fork: a forked copy of a process running Qt threads can deadlock, and spawn
is what the frozen build supports (``viewer.__main__`` calls ``freeze_support()``).
Workers get their shared input once, through ``initializer(*initargs)``, and then only
small chunks of work.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
from collections.abc import Callable
from typing import Any


def process_pool(workers: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> multiprocessing.pool.Pool:
    """A pool of ``workers`` spawn-started processes; use it as a context manager (exit terminates it)."""
    return multiprocessing.get_context("spawn").Pool(workers, initializer, initargs)
