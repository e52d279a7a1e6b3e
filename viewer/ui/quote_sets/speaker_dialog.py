"""Edit Speaker: who said a quotation, as the user has the last word on it.

The dialog shows the quote, the speaker shown now (a correction, or what detection
found) and what detection found, with a button that goes back to it. Accepting stores
nothing itself: the caller turns :meth:`SpeakerDialog.speaker` into one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.text.display import one_line

PREVIEW_CHARS = 300


def quote_preview(quote: str, chars: int, name: str, where: str = "") -> QLabel:
    """The quote on one line in quotation marks (and where it stands), plain and selectable."""
    preview = QLabel(f"\u201c{one_line(quote, chars)}\u201d" + (f"\n\u2014 {where}" if where else ""))
    preview.setObjectName(name)
    preview.setWordWrap(True)
    preview.setTextFormat(Qt.TextFormat.PlainText)
    preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return preview


class SpeakerDialog(QDialog):
    """Asks who said ``quote``; an empty answer means the text names nobody."""

    def __init__(
        self, quote: str, current: str | None, detected: str | None, *, where: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakerDialog")
        self.setWindowTitle("Edit Speaker")
        self.setMinimumWidth(440)
        self.detected = detected
        preview = quote_preview(quote, PREVIEW_CHARS, "speakerQuotePreview", where)
        self.speaker_edit = QLineEdit(current or "")
        self.speaker_edit.setObjectName("speakerEdit")
        self.speaker_edit.setPlaceholderText("Nobody named (leave empty)")
        self.speaker_edit.selectAll()
        found = QLabel(detected or "nobody")
        found.setObjectName("detectedSpeaker")
        found.setTextFormat(Qt.TextFormat.PlainText)
        self.reset_button = QPushButton("Use the Detected Speaker")
        self.reset_button.setObjectName("useDetectedSpeaker")
        self.reset_button.setToolTip("Drop the correction: the speaker found in the text is shown again")
        self.reset_button.clicked.connect(lambda: self.speaker_edit.setText(detected or ""))
        form = QFormLayout()
        form.addRow("Speaker:", self.speaker_edit)
        form.addRow("Found in the text:", found)
        form.addRow("", self.reset_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(preview)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.speaker_edit.setFocus()

    def speaker(self) -> str | None:
        """The answer, spaces tidied; None when left empty."""
        return " ".join(self.speaker_edit.text().split()) or None
