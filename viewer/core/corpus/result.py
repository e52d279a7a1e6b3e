"""The corpus index's result: sparse pairwise similarity, passages, neighbours, reuse."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from viewer.core.alignment.model import AlignSettings, Passage, mirror_passages

# Two passages "are the same" when they overlap by at least this share of the shorter one.
REUSE_OVERLAP = 0.5


@dataclass
class CorpusSimilarity:
    """Sparse pairwise similarity of ``len(paths)`` articles, indexes in the given order."""

    paths: list[str]
    titles: list[str]
    shas: list[str]
    settings: AlignSettings
    pairs: dict[tuple[int, int], float]  # (i, j), i < j -> similarity > 0
    passages: dict[tuple[int, int], list[Passage]]  # (i, j), i < j -> passages, A = article i
    order: list[int] = field(default_factory=list)  # related articles next to each other
    candidates: int = 0  # pairs that shared an anchor shingle
    aligned: int = 0  # of those, aligned by this build (the rest came from the cache)
    from_cache: bool = False  # the whole result was read back, nothing was profiled
    notes: list[str] = field(default_factory=list)  # what was wrong with the cache and what was done
    _adjacent: dict[int, list[tuple[float, int]]] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.paths)

    def similarity(self, i: int, j: int) -> float:
        if i == j:
            return 1.0
        return self.pairs.get((i, j) if i < j else (j, i), 0.0)

    def passages_between(self, i: int, j: int) -> list[Passage]:
        """The passages of pair (i, j) with A = article ``i``."""
        if i < j:
            return list(self.passages.get((i, j), []))
        return mirror_passages(self.passages.get((j, i), []))

    def top_pairs(self, k: int) -> list[tuple[float, int, int]]:
        """The ``k`` most similar pairs, most similar first: ``(similarity, i, j)``, i < j."""
        ranked = sorted(((value, i, j) for (i, j), value in self.pairs.items()), key=lambda t: (-t[0], t[1], t[2]))
        return ranked[:k]

    def neighbours(self, i: int, k: int) -> list[tuple[float, int]]:
        """The ``k`` articles most similar to ``i`` (similarity > 0): ``(similarity, j)``."""
        return self._adjacency().get(i, [])[:k]

    def _adjacency(self) -> dict[int, list[tuple[float, int]]]:
        if self._adjacent is None:
            adjacent: dict[int, list[tuple[float, int]]] = {}
            for (i, j), value in self.pairs.items():
                adjacent.setdefault(i, []).append((value, j))
                adjacent.setdefault(j, []).append((value, i))
            for found in adjacent.values():
                found.sort(key=lambda t: (-t[0], t[1]))
            self._adjacent = adjacent
        return self._adjacent

    def index_of(self, path: str) -> int:
        try:
            return self.paths.index(path)
        except ValueError:
            return -1

    def passage_reuse(self, article_index: int, other_index: int, passages: Sequence[Passage]) -> dict[int, list[int]]:
        """Passage index -> the other articles (not A, not B) that carry that passage too.

        ``passages`` are the pair's passages with A = ``article_index``. An article carries
        a passage when one of its own passages with A (or with B) covers at least half of
        the shorter of the two stretches: the stored pair results already say so, so no
        text is aligned again.
        """
        found: dict[int, list[int]] = {}
        sides = [(article_index, 0)]
        if other_index >= 0:
            sides.append((other_index, 2))
        for side_index, offset in sides:
            for _value, other in self.neighbours(side_index, len(self.paths)):
                if other in (article_index, other_index):
                    continue
                theirs = [(q.a_start, q.a_end) for q in self.passages_between(side_index, other)]
                for number, passage in enumerate(passages):
                    start, end = (passage.a_start, passage.a_end) if offset == 0 else (passage.b_start, passage.b_end)
                    if _covered_by(start, end, theirs):
                        carriers = found.setdefault(number, [])
                        if other not in carriers:
                            carriers.append(other)
        for carriers in found.values():
            carriers.sort(key=lambda j: (-max(self.similarity(article_index, j), self.similarity(other_index, j)), j))
        return found


def _covered_by(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    length = end - start
    if length <= 0:
        return False
    for other_start, other_end in spans:
        overlap = min(end, other_end) - max(start, other_start)
        if overlap > 0 and overlap >= REUSE_OVERLAP * min(length, other_end - other_start):
            return True
    return False


