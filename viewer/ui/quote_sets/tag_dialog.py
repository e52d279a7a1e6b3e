"""Tag Quote: choose or create a quote set, add tags and a note, maybe tag the counterpart too.

:func:`counterpart_range` maps a selection inside a shared passage to the same words in
the other article (pure Python, tested without a window); :class:`TagDialog` asks the
user what to do with the selection and gives back a :class:`TagChoice`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.core.alignment.align import Passage
from viewer.core.alignment.word_diff import diff_ranges, word_units
from viewer.core.text.display import one_line
from viewer.core.text.normalize import tokenize, unify_punctuation
from viewer.ui.quote_sets.speaker_dialog import quote_preview

PREVIEW_CHARS = 400


@dataclass(frozen=True)
class TagChoice:
    """What the user chose in the dialog (committed as one edit when accepted)."""

    set_name: str
    tags: tuple[str, ...]
    note: str
    speaker: str | None
    counterpart: bool


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``a, b; c`` (either separator), trimmed, without empties."""
    parts = text.replace(";", ",").split(",")
    return tuple(p.strip() for p in parts if p.strip())


def counterpart_range(
    source: str, target: str, passage: Passage, side: str, start: int, end: int
) -> tuple[int, int] | None:
    """The words of ``target`` that correspond to ``source[start:end]`` inside ``passage``.

    ``side`` is the source's side of the passage ("a" or "b"). The selection is clipped to
    the passage and taken as whole words. The same words found in the target's stretch
    (the nearest copy, so reordered passages work) are the answer; failing that (edited
    words), the word diff of the passage maps the selection's edges. None when nothing
    of the selection lies in the passage or no counterpart can be told.
    """
    if side == "a":
        p0, p1, q0, q1 = passage.a_start, passage.a_end, passage.b_start, passage.b_end
    else:
        p0, p1, q0, q1 = passage.b_start, passage.b_end, passage.a_start, passage.a_end
    start, end = max(start, p0), min(end, p1)
    if start >= end:
        return None
    src = tokenize(source[p0:p1])
    spans = zip(src.starts, src.ends, strict=True)
    picked = [i for i, (s0, s1) in enumerate(spans) if s0 + p0 < end and s1 + p0 > start]
    if not picked:
        return None
    wanted = src.words[picked[0]:picked[-1] + 1]
    tgt = tokenize(target[q0:q1])
    n = len(wanted)
    hits = [i for i in range(len(tgt.words) - n + 1) if tgt.words[i:i + n] == wanted]
    if hits:
        # Where the selection sits in its stretch, as a share; the nearest copy wins.
        share = (src.starts[picked[0]]) / max(p1 - p0, 1)
        best = min(hits, key=lambda i: abs(tgt.starts[i] / max(q1 - q0, 1) - share))
        t_start, t_end = q0 + tgt.starts[best], q0 + tgt.ends[best + n - 1]
        # Punctuation the selection takes beyond its words ("retreat.") comes along when the target has it.
        head = source[start:p0 + src.starts[picked[0]]]
        tail = source[p0 + src.ends[picked[-1]]:end]
        if head and _same_marks(target[max(q0, t_start - len(head)):t_start], head):
            t_start -= len(head)
        if tail and _same_marks(target[t_end:min(q1, t_end + len(tail))], tail):
            t_end += len(tail)
        return t_start, t_end
    mapped = _diff_map(source, target, (p0, p1, q0, q1), start, end)
    if mapped is None:
        return None
    count = len(tokenize(target[mapped[0]:mapped[1]]).words)
    # An edited quote keeps roughly its length; anything else is a wrong mapping.
    return mapped if n / 2 <= count <= n * 2 else None


def _same_marks(a: str, b: str) -> bool:
    return unify_punctuation(a) == unify_punctuation(b)


def _diff_map(
    source: str, target: str, bounds: tuple[int, int, int, int], start: int, end: int
) -> tuple[int, int] | None:
    p0, p1, q0, q1 = bounds
    mapped_start = mapped_end = None
    for span in diff_ranges(source, p0, p1, target, q0, q1):
        if span.a_start == span.a_end:
            continue  # words only the target has: nothing of the selection is there
        if mapped_start is None and span.a_start <= start < span.a_end:
            mapped_start = _map_into(source, target, span, start, at_end=False)
        if span.a_start < end <= span.a_end:
            mapped_end = _map_into(source, target, span, end, at_end=True)
            break
    if mapped_start is None or mapped_end is None:
        return None
    # Whitespace at either edge is not part of a quote.
    while mapped_start < mapped_end and target[mapped_start].isspace():
        mapped_start += 1
    while mapped_end > mapped_start and target[mapped_end - 1].isspace():
        mapped_end -= 1
    return (mapped_start, mapped_end) if mapped_start < mapped_end else None


def _map_into(source: str, target: str, span, position: int, *, at_end: bool) -> int:
    if span.op != "equal":
        return span.b_start  # a deleted stretch sits at one point of the target
    # Equal stretches hold the same units (words, spaces, punctuation) on both sides,
    # though a unit's length may differ (case folding, quote styles); map unit by unit.
    units_s = word_units(source, span.a_start, span.a_end)
    units_t = word_units(target, span.b_start, span.b_end)
    if len(units_s) != len(units_t):  # cannot happen for an equal span; stay safe
        return span.b_end if at_end else span.b_start
    for (_form, s0, s1), (_t, t0, t1) in zip(units_s, units_t, strict=True):
        if at_end and s0 < position <= s1:
            return t1
        if not at_end and s0 <= position < s1:
            return t0
    return span.b_end if at_end else span.b_start


class TagDialog(QDialog):
    """Asks which set a selected quote goes to; nothing is stored until it is accepted."""

    def __init__(
        self,
        quote: str,
        set_names: list[str],
        *,
        current_set: str | None = None,
        speaker: str | None = None,
        detected_speaker: str | None = None,
        counterpart_text: str | None = None,
        counterpart_side: str = "B",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle("Tag Quote")
        self.setMinimumWidth(480)
        preview = quote_preview(quote, PREVIEW_CHARS, "tagQuotePreview")

        self.set_combo = QComboBox()
        self.set_combo.setObjectName("tagSetCombo")
        self.set_combo.setEditable(True)
        self.set_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_combo.addItems(set_names)
        self.set_combo.lineEdit().setPlaceholderText("Type a name for a new set, or choose one")
        self.set_combo.setToolTip("An existing quote set, or a new name to create one")
        if current_set and current_set in set_names:
            self.set_combo.setCurrentText(current_set)
        elif not set_names:
            self.set_combo.setCurrentText("")
        self.set_names = list(set_names)
        self.new_hint = QLabel()
        self.new_hint.setStyleSheet("color: palette(mid);")
        self.set_combo.currentTextChanged.connect(self._update)

        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tagTagsEdit")
        self.tags_edit.setPlaceholderText("e.g. ukraine, diplomacy (added to the set's tags)")
        self.speaker_edit = QLineEdit(speaker or "")
        self.speaker_edit.setObjectName("tagSpeakerEdit")
        self.speaker_edit.setPlaceholderText("Who is quoted (optional)")
        # What the Quotes panel shows is offered; a different name is kept as your correction.
        self.detected_speaker = detected_speaker
        self.speaker_edit.setToolTip(
            f"Found in the text: {detected_speaker or 'nobody'}. Change it to correct the speaker; "
            "the correction is kept and exported as edited.")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("tagNoteEdit")
        self.note_edit.setPlaceholderText("A note on this quote (optional)")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)

        self.counterpart_box = QCheckBox()
        self.counterpart_box.setObjectName("tagCounterpartBox")
        if counterpart_text:
            self.counterpart_box.setText(f"Also tag the counterpart in {counterpart_side}:")
            self.counterpart_box.setChecked(True)
            self.counterpart_box.setToolTip(counterpart_text)
            self.counterpart_preview = QLabel(f"\u201c{one_line(counterpart_text, 200)}\u201d")
            self.counterpart_preview.setWordWrap(True)
            self.counterpart_preview.setTextFormat(Qt.TextFormat.PlainText)
            self.counterpart_preview.setStyleSheet("color: palette(mid);")
        else:
            self.counterpart_box.hide()
            self.counterpart_preview = None

        form = QFormLayout()
        form.addRow("Quote set:", self.set_combo)
        form.addRow("", self.new_hint)
        form.addRow("Tags:", self.tags_edit)
        form.addRow("Speaker:", self.speaker_edit)
        form.addRow("Note:", self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tag")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(preview)
        layout.addLayout(form)
        if counterpart_text:
            layout.addWidget(self.counterpart_box)
            layout.addWidget(self.counterpart_preview)
        layout.addWidget(self.buttons)
        self._update()
        self.set_combo.setFocus()
        self.set_combo.lineEdit().selectAll()

    def _update(self, *_args) -> None:
        name = " ".join(self.set_combo.currentText().split())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name))
        if not name:
            self.new_hint.setText("A quote set needs a name")
        elif name in self.set_names:
            self.new_hint.setText("Adds the quote to this set")
        else:
            self.new_hint.setText("Creates a new set")

    def choice(self) -> TagChoice:
        speaker = self.speaker_edit.text().strip() or None
        return TagChoice(
            set_name=" ".join(self.set_combo.currentText().split()),
            tags=split_tags(self.tags_edit.text()),
            note=self.note_edit.toPlainText().strip(),
            speaker=speaker,
            counterpart=self.counterpart_preview is not None and self.counterpart_box.isChecked(),
        )


class FieldsDialog(QDialog):
    """A few labelled text fields (a set's tags and note, a quote's speaker and note)."""

    def __init__(self, title: str, fields: list[tuple[str, str, bool]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldsDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.edits: list[QLineEdit | QPlainTextEdit] = []
        for label, value, multiline in fields:
            edit: QLineEdit | QPlainTextEdit
            if multiline:
                edit = QPlainTextEdit(value)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(80)
            else:
                edit = QLineEdit(value)
            self.edits.append(edit)
            form.addRow(label, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> list[str]:
        return [e.toPlainText().strip() if isinstance(e, QPlainTextEdit) else e.text().strip() for e in self.edits]
