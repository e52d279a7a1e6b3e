"""What an alignment is: its settings, its passages, its result (plain data, no logic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class AlignSettings:
    """What counts as a shared passage; every field is a user-facing setting.

    - ``min_words`` "shortest passage (words)": matching words a passage needs (default 8,
      about half a news sentence).
    - ``max_gap`` "words allowed to differ": non-matching words tolerated between two
      matching stretches, on each side (default 8).
    - ``min_match`` "minimum share of matching words" in a passage, 0..1 (default 0.5).
    - ``synonyms``: compare listed synonyms as equal ("military" = "navy", "said" = "stated").
    """

    min_words: int = 8
    max_gap: int = 8
    min_match: float = 0.5
    synonyms: bool = True


DEFAULT_SETTINGS = AlignSettings()


@dataclass(frozen=True)
class Passage:
    """A stretch of A and a stretch of B carrying the same text; code points, end-exclusive."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float  # 0..1: share of matching words in the two stretches


@dataclass
class Alignment:
    passages: list[Passage]  # sorted by a_start
    similarity: float  # share of the two texts' characters inside passages


def mirror_passages(passages: Iterable[Passage]) -> list[Passage]:
    """The same passages seen from the other side (A and B swapped), sorted by A's start."""
    found = [Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.score) for p in passages]
    found.sort(key=lambda p: (p.a_start, p.b_start))
    return found
