"""Colours and marks of the pair view: passages, word differences, tags, a chosen quote.

Every mark has its own kind of drawing, so that they stay apart where they overlap:

- a passage is a background fill (one hue per passage, the same on both sides), its text
  drawn in black or white, whichever reads better on that fill (WCAG AA, 4.5:1, in the
  light and the dark palette alike);
- the selected passage is its fill, darker (lighter in a dark palette);
- inside the selected passage, the words that differ are one fixed style that does not
  depend on the passage colour: black text in a white box with a black frame, struck out
  where A has them and B dropped them, underlined where B added them; words present in
  the counterpart at another place (moved) keep the passage's fill, in a dotted frame of
  the text's colour;
- a tagged quote is a thick bar under the text in its set's exact colour (the swatch in
  the Quote Sets panel), edged so that pale set colours still show;
- a chosen quote (Quotes panel, Go to Quote) is a dashed frame in the palette's text colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# Hues chosen to stay distinct next to each other.
_HUES = (205, 35, 130, 280, 0, 170, 55, 250, 95, 320, 15, 190)

BLACK = QColor("#000000")
WHITE = QColor("#ffffff")
DIFF_FILL = QColor("#ffffff")
DIFF_TEXT = QColor("#000000")
DIFF_FRAME = QColor("#000000")
FIND_FILL = QColor("#ffe94d")
FIND_CURRENT_FILL = QColor("#ff9a1f")
FIND_TEXT = QColor("#000000")
TAG_BAR_PX = 4


def is_dark(palette: QPalette) -> bool:
    """The palette draws light text on a dark base (a dark system theme)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def passage_color(index: int, alpha: int = 255, light: bool = False, dark: bool = False) -> QColor:
    """The fill of passage ``index``; ``light`` for passages that are not verbatim."""
    hue = _HUES[index % len(_HUES)]
    # Later rounds of the palette shift lightness so neighbours still differ.
    round_ = index // len(_HUES)
    if dark:
        lightness = (64 if light else 84) + (round_ % 3) * 8
        color = QColor.fromHsl(hue, 150, lightness)
    else:
        lightness = (212 if light else 178) + (round_ % 3) * 12
        color = QColor.fromHsl(hue, 170, min(lightness, 235))
    color.setAlpha(alpha)
    return color


def emphasised(color: QColor, dark: bool, selected: bool) -> QColor:
    """A passage's fill when it is selected (or, less so, under the mouse)."""
    factor = 112 if selected else 106
    return color.lighter(factor + 20) if dark else color.darker(factor)


def edge_color(index: int) -> QColor:
    return QColor.fromHsl(_HUES[index % len(_HUES)], 150, 95)


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio (1 to 21) of two opaque colours."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    return BLACK if contrast(BLACK, fill) >= contrast(WHITE, fill) else WHITE


def tag_edge(colour: QColor, palette: QPalette) -> QColor:
    """The thin edge of a tag bar: the palette's text colour, so pale set colours show."""
    return palette.color(QPalette.ColorRole.Text)
