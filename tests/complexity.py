"""Growth of work with input size, measured in one process as a ratio (no time limits).

``line_steps`` counts the Python lines a call executes (deterministic); ``cpu_ratio``
compares the CPU time of n and 4n for work done inside C (regular expressions, list
scans), best of three. Linear work grows about 4x from n to 4n, quadratic work 16x.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

LINEAR_BOUND = 7.0  # 4n against n: linear ~4, n log n ~5, quadratic ~16


def line_steps(fn: Callable[..., Any], *args: Any) -> int:
    count = 0

    def local(_frame, event, _arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def on_call(_frame, _event, _arg):
        return local

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count


def step_ratio(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int) -> float:
    """Lines executed for ``fn(make(4n))`` over those for ``fn(make(n))``."""
    return line_steps(fn, make(4 * n)) / max(1, line_steps(fn, make(n)))


def cpu_ratio(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int, repeats: int = 3) -> float:
    """Best-of-``repeats`` CPU time of ``fn(make(4n))`` over that of ``fn(make(n))``."""

    def best(data: Any) -> float:
        times = []
        for _ in range(repeats):
            started = time.process_time()
            fn(data)
            times.append(time.process_time() - started)
        return max(min(times), 1e-4)

    small, large = make(n), make(4 * n)
    return best(large) / best(small)
