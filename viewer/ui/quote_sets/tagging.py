"""Tagging from the panes: the selection, its counterpart in the other pane, clusters as sets.

A mixin of :class:`~viewer.ui.quote_sets.workspace_controller.WorkspaceController`: it uses
the controller's window, workspace, panel and ``_apply`` (one undoable, committed edit).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QColor

from viewer.core.loading.articles import Article, ArticleError, load_article
from viewer.core.services.tagging import (
    cluster_occurrences,
    cluster_set_name,
    store_tagged,
    unique_name,
)
from viewer.core.store.model import NOT_EDITED, Edit, NewOccurrence, OffsetError, WorkspaceError
from viewer.core.text.spans import strip_span
from viewer.ui.pair.article_pane import ArticlePane, Highlight
from viewer.ui.pair.passage_colors import tag_edge
from viewer.ui.quote_sets.tag_dialog import TagChoice, TagDialog, counterpart_range
from viewer.ui.shortcuts import SHORTCUTS, key_sequences


class TaggingMixin:
    """Tag Quote (Ctrl+T), the panes' context menu, Make a Quote Set from a cluster, tags in the panes."""

    def mark_tags(self) -> None:
        """Underline the tagged spans of both shown articles with a bar in their set's exact colour."""
        view = self.window.pair_view
        colours = {s.id: s.colour for s in self.panel.sets}
        self._marked_sets = set()
        for pane in (view.pane_a, view.pane_b):
            article = pane.article
            if article is None or self.workspace is None:
                pane.set_layer("tags", [])
                continue
            self._reanchor_article(article)
            marks = []
            length = len(article.text)
            for occurrence in self.workspace.occurrences_in(article.path):
                if occurrence.detached or occurrence.sha256 != article.sha256 or occurrence.end > length:
                    continue
                self._marked_sets.add(occurrence.set_id)
                colour = QColor(colours.get(occurrence.set_id, "#ffd700"))
                marks.append(Highlight(occurrence.start, occurrence.end, QColor(0, 0, 0, 0), bar=colour,
                                       edge=tag_edge(colour, pane.palette())))
            pane.set_layer("tags", marks)

    def _reanchor_article(self, article: Article) -> None:
        """Re-anchor one shown article's occurrences when its text changed since tagging."""
        if not self.writable:
            return
        path = self._resolved_path(article.path)
        items = self.workspace.occurrences_in(path)
        stale = [o for o in items if o.sha256 != article.sha256 and (o.id, article.sha256) not in self._retried]
        if not stale:
            return
        self._retried.update((o.id, article.sha256) for o in stale)

        def load(wanted: str) -> Article:
            if wanted == path:
                return article
            raise ArticleError(wanted, "not shown")  # others stay as they are

        try:
            report = self.workspace.reanchor(load)
        except WorkspaceError as exc:
            self._status(str(exc))
            return
        if any(method != "unchanged" for method in report.methods.values()):
            # Offsets or the detached flag changed: the panel shows them too.
            sets = self.workspace.sets()
            self.panel.set_content(sets, {q.id: self.workspace.occurrences(q.id) for q in sets}, False)
        if report.detached:
            self._status(f"{len(report.detached)} tagged quote(s) could not be found in the changed article "
                         f"{article.name}; they are kept and shown as detached")


    def _pane(self, side: str) -> ArticlePane:
        view = self.window.pair_view
        return view.pane_a if side == "a" else view.pane_b

    def _selection_side(self) -> str | None:
        view = self.window.pair_view
        focus = self.window.focusWidget()
        for side, pane in (("a", view.pane_a), ("b", view.pane_b)):
            if focus is pane and pane.selection_range():
                return side
        for side, pane in (("a", view.pane_a), ("b", view.pane_b)):
            if pane.article is not None and pane.selection_range():
                return side
        return None

    def counterpart(self, side: str, start: int, end: int) -> tuple[int, int] | None:
        """The same words in the other pane, when the range lies in a shared passage."""
        view = self.window.pair_view
        source, target = (view.a, view.b) if side == "a" else (view.b, view.a)
        if source is None or target is None or not view.passages:
            return None

        def overlap(p) -> int:
            p0, p1 = (p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end)
            return min(end, p1) - max(start, p0)

        best = max(view.passages, key=overlap)
        if overlap(best) <= 0:
            return None
        return counterpart_range(source.text, target.text, best, side, start, end)

    def speaker_for(self, article: Article, start: int, end: int) -> str | None:
        """The speaker shown for the found quotation overlapping the range most (a correction wins)."""
        return self.speakers.offered_speaker(article, start, end)[0]

    def tag_selection(self, side: str | None = None) -> Edit | None:
        """Tag the words selected in a pane (Ctrl+T): ask where with the Tag Quote dialog."""
        if not self.writable:
            self._status("Quote sets are read-only or off: open a workspace to tag quotes")
            return None
        side = side or self._selection_side()
        pane = self._pane(side) if side else None
        selection = pane.selection_range() if pane is not None else None
        if pane is None or pane.article is None or selection is None:
            self._status("Select the words of a quote in one of the panes first, then Tag Quote (Ctrl+T)")
            return None
        article = pane.article
        start, end = strip_span(article.text, *selection)
        if start >= end:
            self._status("The selection holds no words to tag")
            return None
        other = self.counterpart(side, start, end)
        view = self.window.pair_view
        other_article = view.b if side == "a" else view.a
        dialog = TagDialog(
            article.text[start:end], [s.name for s in self.panel.sets], current_set=self.last_set_name,
            speaker=self.speaker_for(article, start, end),
            detected_speaker=self.speakers.offered_speaker(article, start, end)[1],
            counterpart_text=other_article.text[other[0]:other[1]] if other and other_article else None,
            counterpart_side="B" if side == "a" else "A", parent=self.window)
        if not self._ask(dialog):
            return None
        choice = dialog.choice()
        return self.tag_range(side, start, end, choice.set_name, tags=choice.tags, note=choice.note,
                              speaker=choice.speaker, counterpart=choice.counterpart)

    def tag_range(
        self, side: str, start: int, end: int, set_name: str, *, tags: Sequence[str] = (), note: str = "",
        speaker: object = NOT_EDITED, counterpart: bool = False,
    ) -> Edit | None:
        """Tag ``[start, end)`` of the article in pane ``side`` into ``set_name`` (created if new).

        ``speaker`` (a name, or None for nobody) is kept as the user's correction where it
        differs from the detected speaker; left out, the detected speaker is stored.

        With ``counterpart`` the same words in the other pane join the same set, in the
        same edit. Returns the edit, or None when it was refused (and the user told why).
        """
        view = self.window.pair_view
        article = view.a if side == "a" else view.b
        if article is None:
            self._status("No article in that pane")
            return None
        try:
            items: list[NewOccurrence] = [self.speakers.new_occurrence(article, start, end, speaker, note)]
            if counterpart:
                other = self.counterpart(side, start, end)
                other_article = view.b if side == "a" else view.a
                if other is not None and other_article is not None:
                    items.append(self.speakers.new_occurrence(other_article, *other, speaker, note))
        except OffsetError as exc:
            self.show_error("Tag Quote", str(exc))
            return None
        choice = TagChoice(" ".join(set_name.split()), tuple(tags), note,
                           None if speaker is NOT_EDITED else speaker, counterpart)
        edit = self._apply(lambda: store_tagged(self.workspace, choice.set_name, choice.tags, items))
        if edit is not None:
            self.last_set_name = choice.set_name
            self.panel.select("set", self.workspace.find_set(choice.set_name).id)
        return edit

    def _pane_menu(self, side: str, pane: ArticlePane, point) -> None:
        menu = pane.createStandardContextMenu(point)
        tag = QAction(SHORTCUTS["tag_quote"][0].replace("&", ""), menu)
        tag.setShortcuts(key_sequences("tag_quote"))
        tag.setEnabled(self.writable and pane.selection_range() is not None)
        tag.triggered.connect(lambda: self.tag_selection(side))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, tag)
        menu.insertSeparator(first)
        menu.exec(pane.viewport().mapToGlobal(point))
        menu.deleteLater()

    def make_set_from_cluster(self, cluster) -> Edit | None:
        """A suggested shared-quote cluster (Quotes panel) becomes one set, in one undoable edit."""
        items = cluster_occurrences(cluster, lambda path: self.article_for(path) or self._try_load(path))
        if not items or self.workspace is None:
            self._status("None of the cluster's quotes could be read")
            return None
        speaker = self.speakers.overlay.cluster_speaker(cluster)[0]  # a correction wins
        name = unique_name(cluster_set_name(cluster, speaker), (s.name for s in self.workspace.sets()))
        edit = self._apply(lambda: self.workspace.create_set(name, occurrences=items))
        if edit is not None:
            self.dock.show()
            self.dock.raise_()
            self.panel.select("set", edit.result.id)
            self._status(f"New quote set \u201c{name}\u201d with {len(items)} quotes")
        return edit

    @staticmethod
    def _try_load(path: str) -> Article | None:
        try:
            return load_article(path)
        except ArticleError:
            return None
