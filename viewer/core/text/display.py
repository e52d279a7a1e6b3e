"""Text as a list, a menu or a terminal line shows it."""

from __future__ import annotations


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (white space folded), cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
