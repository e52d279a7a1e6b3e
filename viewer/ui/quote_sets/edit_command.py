"""One committed workspace edit on the undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from viewer.core.store.model import Edit


class EditCommand(QUndoCommand):
    """One committed core ``Edit`` on the undo stack; undo/redo ``replay(edit, undo=...)`` it."""

    def __init__(self, replay: Callable[..., None], edit: Edit) -> None:
        super().__init__(edit.label)
        self.replay = replay
        self.edit = edit
        self._applied = True  # the core made the change before the push: the first redo does nothing

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.replay(self.edit, undo=False)

    def undo(self) -> None:
        self.replay(self.edit, undo=True)
