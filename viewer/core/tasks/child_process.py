"""Run a CPU-heavy job in a child Python process, with progress, phases and cancel.

A background *thread* of a GUI program shares the interpreter lock with the window:
hours of CPU-bound Python in it (aligning a corpus, clustering ten thousand quotes)
starved the window's event loop for seconds at a time. A child process holds its own
lock; the calling thread only waits on a pipe, so the window stays responsive.

The child is a plain ``python -c`` (not ``multiprocessing``, which would re-run the
parent's main script). It imports ``module:function`` and calls
``function((extra, items), progress, cancelled, phase)``; messages come back as length-framed
pickles on its real stdout. A frozen build has no interpreter to start, so there the job
runs in the calling thread.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_FRAME = struct.Struct("<Q")  # length of one pickled message
PROGRESS_INTERVAL_S = 0.1
# Items are pickled a slice at a time: one pickle.dumps of a whole corpus is a single C
# call that holds the interpreter lock (and so the window) for a tenth of a second.
SLICE_ITEMS = 64


class ChildCancelled(Exception):
    """The job was cancelled (raised in the parent)."""


def _send(stream, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream, size: int) -> bytes:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(stream) -> tuple:
    (size,) = _FRAME.unpack(_read_exactly(stream, _FRAME.size))
    return pickle.loads(_read_exactly(stream, size))


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def run_in_child(
    target: str,
    items: list,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    phase: Callable[[str], None] | None = None,
    cancelled_error: type[Exception] = ChildCancelled,
    extra: Any = None,
) -> Any:
    """``target((extra, items), progress, cancelled, phase)`` in a child process; its result here.

    The job's own exception for cancelling should be re-raised as ``cancelled_error``;
    any other failure comes back as a ``RuntimeError`` naming it.
    """
    if getattr(sys, "frozen", False):
        return _resolve(target)((extra, list(items)), progress, cancelled or (lambda: False), phase)
    package_root = str(Path(__file__).resolve().parents[3])
    env = dict(os.environ)
    env["PYTHONPATH"] = package_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    child = subprocess.Popen(
        [sys.executable, "-c", "from viewer.core.tasks.child_process import child_main; child_main()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env)
    try:
        _send(child.stdin, (target, extra, len(items)))
        for first in range(0, len(items), SLICE_ITEMS):
            _send(child.stdin, tuple(items[first:first + SLICE_ITEMS]))
        while True:
            if cancelled is not None and cancelled():
                raise cancelled_error()
            ready, _w, _x = select.select([child.stdout], [], [], 0.05)
            if not ready:
                continue
            try:
                message = _receive(child.stdout)
            except EOFError:
                raise RuntimeError(f"the background process ended unexpectedly (exit code {child.wait()})") from None
            kind = message[0]
            if kind == "progress" and progress is not None:
                progress(message[1], message[2])
            elif kind == "phase" and phase is not None:
                phase(message[1])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise cancelled_error()
            elif kind == "failed":
                raise RuntimeError(message[1])
    finally:
        # Stop the child (a no-op once it is done): it winds up, then exits.
        with contextlib.suppress(OSError):
            child.stdin.write(b"x")
            child.stdin.close()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def child_main() -> None:
    """The child: reads ``(target, payload)`` on stdin, writes framed messages on the real stdout.

    Anything else that prints goes to stderr, so it cannot break the frames. A byte (or
    end of file) on stdin after the job means "stop".
    """
    out = os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr
    # Background work: on a busy machine the window (and the user) go first.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    # Unbuffered: a thread blocked on a buffered stdin holds its lock, and forked workers
    # would deadlock closing ``sys.stdin`` as multiprocessing does.
    source = os.fdopen(os.dup(0), "rb", buffering=0)
    target, extra, count = _receive(source)
    items: list = []
    while len(items) < count:
        items.extend(_receive(source))
    stop = threading.Event()

    def watch() -> None:
        source.read(1)
        stop.set()

    threading.Thread(target=watch, daemon=True).start()
    last = [0.0, -1]  # when the last report went, and its total

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL_S or done >= total or total != last[1]:
            last[0], last[1] = now, total
            _send(out, ("progress", done, total))

    try:
        result = _resolve(target)((extra, items), progress, stop.is_set, lambda text: _send(out, ("phase", text)))
        _send(out, ("done", result))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        if type(exc).__name__ == "Cancelled" or stop.is_set():
            _send(out, ("cancelled",))
        else:
            _send(out, ("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        out.close()
        # The stdin watcher may still be blocked in a read: leave without finalizing it.
        os._exit(0)
