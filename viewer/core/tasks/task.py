"""The one task protocol of the project: progress, phase and cancel on one state object.

Every long piece of work, in the core or the window, takes the same three callables
(``progress(done, total)``, ``cancelled() -> bool``, ``phase(text)``) and stops by raising
:class:`~viewer.core.errors.Cancelled`. A :class:`TaskState` provides all three for one
task and is what the background-work layer (``viewer/ui/background.py``) and child
processes (``child_process.py``) hand to a job: the worker writes it, whoever watches
reads it, and cancelling is cooperative (the job polls ``cancelled`` or calls ``check``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from viewer.core.errors import Cancelled

__all__ = ["Cancelled", "TaskState"]


class TaskState:
    """The shared state of one running task (thread-safe: one writer, any readers)."""

    def __init__(self, on_progress: Callable[[int, int], None] | None = None,
                 on_phase: Callable[[str], None] | None = None, cancel_event: Any = None,
                 on_partial: Callable[[Any], None] | None = None) -> None:
        # Any object with ``set()`` and ``is_set()``: a thread's event, or a child process's.
        self._cancel = cancel_event if cancel_event is not None else threading.Event()
        self._on_progress = on_progress
        self._on_phase = on_phase
        self._on_partial = on_partial
        self.done = 0
        self.total = 0
        self.phase_text = ""

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when the task was asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self._on_progress is not None:
            self._on_progress(done, total)

    def partial(self, item: Any) -> None:
        """Hand over one finished piece of the result now (a loaded article), before the rest."""
        if self._on_partial is not None:
            self._on_partial(item)

    def phase(self, text: str) -> None:
        self.phase_text = text
        if self._on_phase is not None:
            self._on_phase(text)
