"""Heavy work off the GUI thread: one worker, the latest request wins.

This is the window's one background-work layer (in the style of Orange3's
``concurrent.py``): a :class:`LatestRunner` runs one job at a time on its own thread pool.
A job is ``fn(state)`` with a :class:`~viewer.core.tasks.task.TaskState` (progress, phase,
cooperative cancel; the core's protocol); when the work is CPU-bound Python beyond the
sizes of ``viewer.core.tasks.policy``, the job hands it to a child process
(``viewer.core.tasks.child_process``) with the same state. Submitting a new job cancels the
running one and marks it stale, so its result is dropped rather than applied to a view
that has moved on. Jobs never touch widgets; results come back through a queued signal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.core.errors import Cancelled
from viewer.core.tasks.task import TaskState

PROGRESS_INTERVAL_S = 0.05


class _Relay(QObject):
    # Only plain numbers and text cross threads: results wait in a locked mailbox.
    # (Python objects in queued signals have crashed PySide with refcount errors.)
    done = Signal(int)
    failed = Signal(int, str)
    progress = Signal(int, int, int)
    phase = Signal(int, str)
    partial = Signal(int)  # pieces of the result wait in the mailbox under (generation, "partial")


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

        def hand_over(item: Any) -> None:
            with self.lock:
                waiting = self.mailbox.setdefault((self.generation, "partial"), [])
                waiting.append(item)
                first = len(waiting) == 1
            if first:  # one signal per batch: the GUI thread takes everything waiting then
                self.relay.partial.emit(self.generation)

        state = TaskState(report, lambda text: self.relay.phase.emit(self.generation, text), cancel_event=self.cancel,
                          on_partial=hand_over)
        try:
            result = self.fn(state)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, not raised in a thread
            self.relay.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        with self.lock:
            self.mailbox[self.generation] = result
        self.relay.done.emit(self.generation)


class LatestRunner(QObject):
    """Runs ``fn(state)`` in the background; only the newest result is delivered."""

    finished = Signal(object, object)  # key, result
    failed = Signal(object, str)  # key, message
    progress = Signal(object, int, int)  # key, done, total
    phase = Signal(object, str)  # key, what the job is doing now
    partial = Signal(object, object)  # key, list of pieces handed over with state.partial()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._relay.phase.connect(self._on_phase)
        self._relay.partial.connect(self._on_partial)
        self._generation = 0
        self._key: Any = None
        self._cancel: threading.Event | None = None
        self._busy = False
        self._mailbox: dict[int, Any] = {}
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, key: Any, fn: Callable[[TaskState], Any]) -> None:
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

    def _on_partial(self, generation: int) -> None:
        with self._lock:
            pieces = self._mailbox.pop((generation, "partial"), [])
        if pieces and generation == self._generation:
            self.partial.emit(self._key, pieces)

    def _on_done(self, generation: int) -> None:
        self._on_partial(generation)  # pieces still waiting come before the result
        with self._lock:
            result = self._mailbox.pop(generation, None)
        if generation == self._generation:
            self._cancel = None
            self._set_busy(False)
            self.finished.emit(self._key, result)

    def _on_failed(self, generation: int, message: str) -> None:
        with self._lock:
            self._mailbox.pop((generation, "partial"), None)
        if generation == self._generation:
            self._cancel = None
            self._set_busy(False)
            self.failed.emit(self._key, message)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.emit(self._key, done, total)

    def _on_phase(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self.phase.emit(self._key, text)
