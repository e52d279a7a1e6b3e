"""The one place where code points (the core, the SPEC) meet UTF-16 code units (Qt).

A Python ``str`` index counts code points; ``QTextCursor`` positions count UTF-16
code units, so every character outside the Basic Multilingual Plane (emoji,
some CJK) shifts Qt positions by one. Convert here and nowhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point indexes of astral characters (two UTF-16 units each).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        # Their UTF-16 positions, for the reverse direction.
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point index ``cp``."""
        return cp + bisect_left(self._astral, cp) if self._astral else cp

    def from_qt(self, pos: int) -> int:
        """Code-point index of UTF-16 position ``pos`` (a position inside a surrogate pair rounds down)."""
        if not self._astral:
            return pos
        before = bisect_right(self._astral_qt, pos - 1)
        return pos - before

    @property
    def qt_length(self) -> int:
        return self.to_qt(self.length)
