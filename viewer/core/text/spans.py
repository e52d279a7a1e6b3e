"""Small helpers on ``[start, end)`` code-point spans of a text."""

from __future__ import annotations

from collections.abc import Iterable


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end (empty spans stay where they are)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def covered_chars(spans: Iterable[tuple[int, int]]) -> int:
    """Characters inside the union of ``[start, end)`` spans (overlaps counted once)."""
    total = reach = 0
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total
