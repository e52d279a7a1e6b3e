"""Speaker corrections in the window: the Quotes panel, the Quote Sets panel, the tag dialog.

:class:`SpeakerEditing` belongs to the :class:`~viewer.ui.quote_sets.workspace_controller.WorkspaceController`:
it asks the user (:class:`~viewer.ui.quote_sets.speaker_dialog.SpeakerDialog`) and turns
the answer into one committed, undoable workspace edit through the controller, then shows
the workspace's corrections over the Quotes panel after every change (its own, an undo,
another window's).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from viewer.core.loading.articles import Article
from viewer.core.store.corrections import clean_speaker, quote_location
from viewer.core.store.model import NOT_EDITED
from viewer.core.store.workspace import Edit, NewOccurrence, new_occurrence
from viewer.ui.quote_sets.speaker_dialog import SpeakerDialog
from viewer.ui.quotes.speaker_overlay import SpeakerOverlay


class SpeakerEditing(QObject):
    """Edit Speaker… for detected quotes and tagged occurrences; see the module docstring."""

    def __init__(self, controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self.overlay = SpeakerOverlay(controller.window.quotes_panel)
        self.overlay.editRequested.connect(self.edit_quote)
        self.overlay.editClusterRequested.connect(self.edit_cluster)
        controller.panel.editSpeakerRequested.connect(self.edit_occurrence)
        controller.setsChanged.connect(self.refresh)

    @property
    def workspace(self):
        return self.controller.workspace

    def refresh(self) -> None:
        """Show the workspace's corrections over the Quotes panel."""
        workspace = self.workspace
        self.overlay.set_corrections(workspace.speaker_corrections() if workspace is not None else [])

    # -- what the tag dialog offers -----------------------------------------------------
    def detected_quote(self, article: Article, start: int, end: int):
        """The detected quotation overlapping ``[start, end)`` most that names a speaker, if any."""
        findings = getattr(self.controller.window.quotes_panel, "findings", None)
        best, best_overlap = None, 0
        for quote in getattr(findings, "quotes", []):
            if quote.article != article.path:
                continue
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > best_overlap and (quote.speaker or self.overlay.is_corrected(quote)):
                best, best_overlap = quote, overlap
        return best

    def offered_speaker(self, article: Article, start: int, end: int) -> tuple[str | None, str | None]:
        """(what the tag dialog offers, what detection found) for a selection: a correction wins."""
        quote = self.detected_quote(article, start, end)
        if quote is None:
            return None, None
        return self.overlay.speaker_of(quote), quote.speaker

    def new_occurrence(self, article: Article, start: int, end: int, speaker: object, note: str) -> NewOccurrence:
        """What Tag Quote stores: the detected speaker, and ``speaker`` as the user's edit when it differs.

        ``speaker`` is :data:`NOT_EDITED` when the user said nothing about it.
        """
        detected = self.offered_speaker(article, start, end)[1]
        if speaker is NOT_EDITED:
            return new_occurrence(article, start, end, speaker=detected, note=note)
        speaker = clean_speaker(speaker)
        corrected = (str(Path(article.path).resolve()), start, end) in self.overlay.corrections
        if speaker == detected and not corrected:
            return new_occurrence(article, start, end, speaker=detected, note=note)
        return new_occurrence(article, start, end, speaker=detected, note=note, edited_speaker=speaker)

    # -- editing -----------------------------------------------------------------------------
    def _ask(self, quote_text: str, current: str | None, detected: str | None, where: str) -> tuple[bool, str | None]:
        dialog = SpeakerDialog(quote_text, current, detected, where=where, parent=self.controller.window)
        accepted = self.controller._ask(dialog)
        return accepted, dialog.speaker()

    def edit_quote(self, quote) -> Edit | None:
        """Edit the speaker of a detected quotation (Quotes panel), tagged or not."""
        controller = self.controller
        if not controller.writable:
            controller._status("Open a workspace you can write to: speaker corrections are kept there")
            return None
        article = controller.article_for(str(Path(quote.article).resolve())) or controller._try_load(quote.article)
        if article is None:
            controller.show_error("Edit Speaker", f"{quote.article}: the article cannot be read")
            return None
        accepted, speaker = self._ask(quote.text, self.overlay.speaker_of(quote), quote.speaker,
                                      article.title or article.name)
        if not accepted:
            return None
        try:
            span = quote_location(article, quote.start, quote.end)
        except ValueError as exc:
            controller.show_error("Edit Speaker", str(exc))
            return None
        return controller._apply(lambda: self.workspace.correct_speaker(span, speaker, detected=quote.speaker))

    def edit_cluster(self, cluster) -> Edit | None:
        """One speaker for every occurrence of a shared quotation (Quotes panel, a cluster's row)."""
        controller = self.controller
        if not controller.writable:
            controller._status("Open a workspace you can write to: speaker corrections are kept there")
            return None
        located = []
        for quote in cluster.quotes:
            article = controller.article_for(str(Path(quote.article).resolve())) or controller._try_load(quote.article)
            if article is not None and quote.end <= len(article.text):
                located.append((quote_location(article, quote.start, quote.end), quote.speaker))
        if not located:
            controller.show_error("Edit Speaker", "None of the articles of this quotation can be read")
            return None
        shown = self.overlay.cluster_speaker(cluster)[0]
        outlets = f"{len(located)} occurrences of this quotation"
        accepted, speaker = self._ask(cluster.label, shown, cluster.speaker, outlets)
        if not accepted:
            return None
        return controller._apply(lambda: self.workspace.correct_speakers(located, speaker))

    def edit_occurrence(self, occurrence_id: int) -> Edit | None:
        """Edit the speaker of a tagged occurrence (Quote Sets panel)."""
        controller = self.controller
        if not controller.writable:
            controller._status("The workspace is read-only: speakers cannot be corrected")
            return None
        try:
            occurrence = self.workspace.get_occurrence(occurrence_id)
        except KeyError:
            controller.refresh()
            return None
        accepted, speaker = self._ask(occurrence.text, occurrence.speaker, occurrence.detected_speaker,
                                      occurrence.title or Path(occurrence.article).name)
        if not accepted:
            return None
        return controller._apply(lambda: self.workspace.correct_occurrence_speaker(occurrence_id, speaker))
