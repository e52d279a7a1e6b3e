"""Heavy work off the GUI thread: one worker, the latest request wins.

A :class:`LatestRunner` runs one job at a time on its own thread pool. Submitting
a new job asks the running one to stop (cooperative cancel) and marks it stale,
so its result is dropped rather than applied to a view that has moved on.
Jobs never touch widgets; results come back through a queued signal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised inside a job that noticed it was cancelled."""


class _Relay(QObject):
    # Only plain numbers and text cross threads: results wait in a locked mailbox.
    # (Python objects in queued signals have crashed PySide with refcount errors.)
    done = Signal(int)
    failed = Signal(int, str)
    progress = Signal(int, int, int)


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[..., Any], relay: _Relay, cancel: threading.Event,
                 mailbox: dict[int, Any], lock: threading.Lock) -> None:
        super().__init__()
        self.generation = generation
        self.fn = fn
        self.relay = relay
        self.cancel = cancel
        self.mailbox = mailbox
        self.lock = lock

    def run(self) -> None:
        last = [0.0]

        def report(done: int, total: int) -> None:
            if self.cancel.is_set():
                raise Cancelled
            # A progress bar needs no more than ~20 updates a second; thousands of
            # queued updates would keep the GUI thread busy repainting it.
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL_S or done >= total:
                last[0] = now
                self.relay.progress.emit(self.generation, done, total)

        try:
            result = self.fn(self.cancel.is_set, report)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, not raised in a thread
            if type(exc).__name__ == "Cancelled":  # the core's own Cancelled
                return
            self.relay.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        with self.lock:
            self.mailbox[self.generation] = result
        self.relay.done.emit(self.generation)


class LatestRunner(QObject):
    """Runs ``fn(cancelled, progress)`` in the background; only the newest result is delivered."""

    finished = Signal(object, object)  # key, result
    failed = Signal(object, str)  # key, message
    progress = Signal(object, int, int)  # key, done, total
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._generation = 0
        self._key: Any = None
        self._cancel: threading.Event | None = None
        self._busy = False
        self._mailbox: dict[int, Any] = {}
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, key: Any, fn: Callable[[Callable[[], bool], Callable[[int, int], None]], Any]) -> None:
        self.cancel()
        self._generation += 1
        self._key = key
        self._cancel = threading.Event()
        self._set_busy(True)
        self._pool.start(_Job(self._generation, fn, self._relay, self._cancel, self._mailbox, self._lock))

    def cancel(self) -> None:
        """Stop the running job (if any); its result, if it still comes, is dropped."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
        self._generation += 1
        self._set_busy(False)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_done(self, generation: int) -> None:
        with self._lock:
            result = self._mailbox.pop(generation, None)
        if generation == self._generation:
            self._cancel = None
            self._set_busy(False)
            self.finished.emit(self._key, result)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._cancel = None
            self._set_busy(False)
            self.failed.emit(self._key, message)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.emit(self._key, done, total)
