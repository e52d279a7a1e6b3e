"""Colours for passages: distinct hues, the same on both sides of a pair."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Hues chosen to stay distinct next to each other and readable under black text.
_HUES = (205, 35, 130, 280, 0, 170, 55, 250, 95, 320, 15, 190)


def passage_color(index: int, alpha: int = 255, light: bool = False) -> QColor:
    hue = _HUES[index % len(_HUES)]
    # Later rounds of the palette shift lightness so neighbours still differ.
    round_ = index // len(_HUES)
    lightness = (212 if light else 178) + (round_ % 3) * 12
    color = QColor.fromHsl(hue, 170, min(lightness, 235))
    color.setAlpha(alpha)
    return color


def edge_color(index: int) -> QColor:
    return QColor.fromHsl(_HUES[index % len(_HUES)], 150, 95)
