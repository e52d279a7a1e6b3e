"""Tagging quotes into quote sets: names, speakers and the occurrences a tag stores."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from viewer.core.loading.articles import Article
from viewer.core.quotes.clusters import QuoteCluster
from viewer.core.quotes.finder import Quote
from viewer.core.store.model import Edit, NewOccurrence, OffsetError, SetExistsError
from viewer.core.store.workspace import Workspace, new_occurrence
from viewer.core.text.display import one_line

CLUSTER_NAME_CHARS = 60


def speaker_for(quotes: Iterable[Quote], article_path: str, start: int, end: int) -> str | None:
    """The speaker of the found quotation of ``article_path`` that overlaps ``[start, end)`` most."""
    best, best_overlap = None, 0
    for quote in quotes:
        if quote.article != article_path or not quote.speaker:
            continue
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote.speaker, overlap
    return best


def cluster_set_name(cluster: QuoteCluster, speaker: str | None = None) -> str:
    """The name a shared-quote cluster's quote set gets: speaker and the start of the words.

    ``speaker`` (the one the user's corrections settle on) wins over the cluster's own.
    """
    label = one_line(str(cluster.label), CLUSTER_NAME_CHARS)
    speaker = speaker or cluster.speaker
    return f"{speaker}: \u201c{label}\u201d" if speaker else f"\u201c{label}\u201d"


def unique_name(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is not ``taken``."""
    taken = set(taken)
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def cluster_occurrences(cluster: QuoteCluster, article_for: Callable[[str], Article | None]) -> list[NewOccurrence]:
    """One new occurrence per distinct quote of the cluster whose article can be read."""
    items: list[NewOccurrence] = []
    seen = set()
    for quote in cluster.quotes:
        key = (quote.article, quote.start, quote.end)
        article = article_for(quote.article)
        if article is None or key in seen:
            continue
        seen.add(key)
        try:
            items.append(new_occurrence(article, quote.start, quote.end, speaker=quote.speaker))
        except OffsetError:
            continue
    return items


def store_tagged(workspace: Workspace, set_name: str, tags: Sequence[str], items: list[NewOccurrence]) -> Edit:
    """Put ``items`` into the set ``set_name``, creating it (with ``tags``) when it is new: one edit."""
    existing = workspace.find_set(set_name)
    if existing is None:
        try:
            return workspace.create_set(set_name, tags=tags, occurrences=items)
        except SetExistsError:  # another process created it since find_set: add to theirs
            existing = workspace.find_set(set_name)
            if existing is None:
                raise
    return workspace.add_occurrences(existing.id, items, add_tags=tags)
