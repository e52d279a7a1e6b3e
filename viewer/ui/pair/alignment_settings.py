"""The alignment settings in the toolbar: changed values re-align the pair live."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from viewer.core.alignment.align import AlignSettings


class AlignmentSettingsBar(QWidget):
    settingsChanged = Signal(object)  # AlignSettings

    def __init__(self, store: QSettings, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        defaults = AlignSettings()
        self._defaults = defaults
        self.min_words = QSpinBox()
        self.min_words.setObjectName("minWords")
        self.min_words.setRange(2, 200)
        self.min_words.setSuffix(" words")
        self.min_words.setToolTip("Shortest passage: shared stretches shorter than this are not shown")
        self.max_gap = QSpinBox()
        self.max_gap.setObjectName("maxGap")
        self.max_gap.setRange(0, 30)
        self.max_gap.setToolTip("Words allowed to differ between matching runs inside one passage")
        self.min_match = QSpinBox()
        self.min_match.setObjectName("minMatch")
        self.min_match.setRange(10, 100)
        self.min_match.setSuffix(" %")
        self.min_match.setToolTip("Minimum share of matching words in a passage")
        self.synonyms = QCheckBox("Synonyms")
        self.synonyms.setObjectName("synonyms")
        self.synonyms.setToolTip("Treat common synonym swaps (spun copies) as matches")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for label, widget in (("Shortest passage", self.min_words), ("Words allowed to differ", self.max_gap),
                              ("Matching words at least", self.min_match)):
            layout.addWidget(QLabel(label))
            layout.addWidget(widget)
        layout.addWidget(self.synonyms)
        self._load()
        # Typing "25" must not align twice (for "2" then "25"): wait for a pause.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(lambda: self.settingsChanged.emit(self.current()))
        for spin in (self.min_words, self.max_gap, self.min_match):
            spin.valueChanged.connect(self._debounce.start)
        self.synonyms.toggled.connect(self._debounce.start)

    def _load(self) -> None:
        d = self._defaults
        self.min_words.setValue(int(self._store.value("align/minWords", d.min_words)))
        self.max_gap.setValue(int(self._store.value("align/maxGap", d.max_gap)))
        self.min_match.setValue(round(float(self._store.value("align/minMatch", d.min_match)) * 100))
        self.synonyms.setChecked(str(self._store.value("align/synonyms", d.synonyms)).lower() in ("true", "1"))

    def current(self) -> AlignSettings:
        return replace(
            self._defaults,
            min_words=self.min_words.value(),
            max_gap=self.max_gap.value(),
            min_match=self.min_match.value() / 100,
            synonyms=self.synonyms.isChecked(),
        )

    def flush(self) -> None:
        """Apply a pending change now (tests and closing the window)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.settingsChanged.emit(self.current())

    def save(self) -> None:
        s = self.current()
        self._store.setValue("align/minWords", s.min_words)
        self._store.setValue("align/maxGap", s.max_gap)
        self._store.setValue("align/minMatch", s.min_match)
        self._store.setValue("align/synonyms", s.synonyms)



