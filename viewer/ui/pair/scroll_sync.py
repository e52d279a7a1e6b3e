"""Where pane B should be when pane A shows a given spot (and back).

Pure geometry, no Qt: passages are given as pixel ranges in both documents. As
in Meld's ``calc_syncpoint``, the point followed is the middle of the view:
inside a passage the counterpart position is interpolated proportionally;
between passages the *offset* between the panes is interpolated from the
passage before to the passage after, so reordered passages never make the
other pane jump back and forth while the user scrolls steadily.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class SyncSpan:
    src_top: float
    src_bottom: float
    dst_top: float
    dst_bottom: float


class ScrollSync:
    def __init__(self, spans: list[SyncSpan], src_height: float, dst_height: float) -> None:
        self.spans = sorted(spans, key=lambda s: (s.src_top, s.src_bottom))
        self._tops = [s.src_top for s in self.spans]
        self.src_height = src_height
        self.dst_height = dst_height

    def map(self, y: float) -> float:
        """Counterpart of source document y in the destination document."""
        index = bisect_right(self._tops, y) - 1
        if index >= 0:
            span = self.spans[index]
            if span.src_top <= y <= span.src_bottom:
                height = max(span.src_bottom - span.src_top, 1.0)
                share = (y - span.src_top) / height
                return self._clamp(span.dst_top + share * (span.dst_bottom - span.dst_top))
        # Between passages: interpolate the offset between the two neighbours.
        before = self.spans[index] if index >= 0 else None
        after = self.spans[index + 1] if index + 1 < len(self.spans) else None
        y0, d0 = (before.src_bottom, before.dst_bottom - before.src_bottom) if before else (0.0, 0.0)
        if after:
            y1, d1 = after.src_top, after.dst_top - after.src_top
        else:
            y1, d1 = max(self.src_height, y0 + 1.0), self.dst_height - self.src_height
            if before is not None:
                # Past the last passage, keep its offset unless that runs off the end.
                d1 = d0 if y1 + d0 <= self.dst_height else d1
        share = 0.0 if y1 <= y0 else (y - y0) / (y1 - y0)
        return self._clamp(y + d0 + (d1 - d0) * min(max(share, 0.0), 1.0))

    def _clamp(self, y: float) -> float:
        return min(max(y, 0.0), self.dst_height)
