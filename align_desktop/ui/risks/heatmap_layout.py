"""Heat map geometry and look: where the cells, counts, score labels and key chips go; colours and fonts.

`HeatLayout` is computed from the widget's size and the keys in each cell; `HeatMap` paints it and
hit-tests against it, and computes it again only when its size or its risks change. In a cell the
count sits top left, large, the score label (band initial and score) bottom right, and the key
chips flow row by row around both: at most six, then "+N more" for the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette

from align_desktop.domain.risk import SCALE_MAX, SCALE_MIN, band, score

Cell = tuple[int, int]
"""(likelihood, impact)."""

LEVELS = range(SCALE_MIN, SCALE_MAX + 1)
MAX_CHIPS = 6
LIKELIHOOD_WORDS = ("rare", "unlikely", "possible", "likely", "almost certain")
"""Likelihood 1–5 in words (untranslated)."""
IMPACT_WORDS = ("minor", "moderate", "significant", "major", "severe")
"""Impact 1–5 in words (untranslated)."""
BAND_INITIALS = {"low": "L", "medium": "M", "high": "H", "critical": "C"}
"""What a cell says besides its colour, so that the band reads in greyscale."""
BAND_COLOURS = {
    "low": QColor("#e6f4e2"),
    "medium": QColor("#fadb85"),
    "high": QColor("#f7b57f"),
    "critical": QColor("#ec8f86"),
}
"""Soft band fills that also step in greyscale (grey 236, 216, 195, 173); dark text reads on all four."""
TEXT = QColor("#1f2933")
MUTED = QColor("#5f6b7a")
CELL_BORDER = QColor("#9aa5b1")
APPETITE = QColor("#8e1c1c")
HIGHLIGHT = QColor("#1565c0")
"""The filtering cell's outline, the selected chip and the drop indicator."""
WHITE = QColor("#ffffff")
FADE = QColor(255, 255, 255, 90)
"""Laid over the other cells while one cell filters the register, so that it stands out in greyscale too."""
DROP_FILL = QColor(21, 101, 192, 50)

MARGIN = 8
TITLE = 28
AXIS = 18
TICKS = 18
GAP = 4
PAD = 5
HATCH = 5
CHIP_GAP = 2
CHIP_POINTS = 7.5
LEGEND_MIN_HEIGHT = 330


def inks(palette: QPalette) -> tuple[QColor, QColor]:
    """Text and muted text for what is painted on the window's background rather than on a cell: the palette's
    own when it is dark (the system's dark scheme), `TEXT` and `MUTED` otherwise."""
    if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
        return TEXT, MUTED
    return QColor(palette.color(QPalette.ColorRole.WindowText)), QColor(
        palette.color(QPalette.ColorRole.PlaceholderText)
    )


@cache
def font(points: float, *, bold: bool = False, pixels: int = 0) -> QFont:
    """A heat map font in points (or pixels); cached because the map paints with a handful."""
    result = QFont()
    if pixels:
        result.setPixelSize(pixels)
    else:
        result.setPointSizeF(points)
    result.setBold(bold)
    return result


def chip_height() -> int:
    return QFontMetrics(font(CHIP_POINTS, bold=True)).height() + 1


@dataclass(frozen=True)
class Chip:
    """A key painted in a cell, or the "+N more" that ends a full cell (key None)."""

    key: str | None
    text: str
    rect: QRect
    selected: bool = False


class HeatLayout:
    """Rectangles of the grid, the cells and their chips for one widget size and one set of risks."""

    def __init__(
        self,
        size: QSize,
        cells: Mapping[Cell, Sequence[tuple[str, bool]]],
        initials: Mapping[str, str],
        more: Callable[[int], str],
    ) -> None:
        """`cells`: (key, selected) per cell in the order to show; `initials` by band; `more(n)`: "+n more"."""
        self.size = QSize(size)
        self.initials = initials
        left, top = MARGIN + AXIS + TICKS, MARGIN + TITLE
        self.legend = size.height() >= LEGEND_MIN_HEIGHT
        """Whether the band legend fits under the impact axis (the appetite note is always in the summary)."""
        bottom = size.height() - MARGIN - AXIS - TICKS - (AXIS + 4 if self.legend else 0)
        self.grid = QRect(left, top, max(5 * GAP, size.width() - MARGIN - left), max(5 * GAP, bottom - top))
        cell_width, cell_height = self.grid.width() / 5, self.grid.height() / 5
        self.rects: dict[Cell, QRect] = {}
        for likelihood in LEVELS:
            for impact in LEVELS:
                x0, x1 = round(left + (impact - 1) * cell_width), round(left + impact * cell_width)
                y0 = round(top + (SCALE_MAX - likelihood) * cell_height)
                y1 = round(top + (SCALE_MAX - likelihood + 1) * cell_height)
                self.rects[(likelihood, impact)] = QRect(x0 + GAP // 2, y0 + GAP // 2, x1 - x0 - GAP, y1 - y0 - GAP)
        self.count_font = _fit_count_font(self.rects[(SCALE_MIN, SCALE_MIN)])
        self.counts = {cell: len(members) for cell, members in cells.items()}
        self.chips = {cell: self._lay_chips(cell, members, more) for cell, members in cells.items()}
        self.chip_rects = {c.key: c.rect for chips in self.chips.values() for c in chips if c.key is not None}

    def inner(self, cell: Cell) -> QRect:
        return self.rects[cell].adjusted(PAD, PAD, -PAD, -PAD)

    def count_block(self, cell: Cell) -> QRect:
        """Where the count is painted: top left, as high as one or more chip rows."""
        inner = self.inner(cell)
        metrics = QFontMetrics(self.count_font)
        width = metrics.horizontalAdvance(str(self.counts.get(cell, 0))) + 4
        return QRect(inner.left(), inner.top(), width, metrics.capHeight() + 1)

    def score_block(self, cell: Cell) -> QRect:
        inner = self.inner(cell)
        metrics = QFontMetrics(font(CHIP_POINTS, bold=True))
        width = metrics.horizontalAdvance(self.score_label(cell)) + 2
        return QRect(inner.right() + 1 - width, inner.bottom() + 1 - metrics.height(), width, metrics.height())

    def score_label(self, cell: Cell) -> str:
        """Band initial and score, e.g. "C 20"."""
        value = score(*cell)
        return f"{self.initials[band(value)]} {value}"

    def _lay_chips(self, cell: Cell, members: Sequence[tuple[str, bool]], more: Callable[[int], str]) -> list[Chip]:
        """As many chips as fit (at most six), then "+N more" (or "+N") for the rest."""
        inner = self.inner(cell)
        blocks = (self.count_block(cell) if members else QRect(), self.score_block(cell))
        for shown in range(min(len(members), MAX_CHIPS), 0, -1):
            rest = len(members) - shown
            texts = [key for key, _ in members[:shown]]
            for ending in [more(rest), f"+{rest}"] if rest else [""]:
                rects = _flow([*texts, ending] if ending else texts, inner, blocks)
                if rects is not None:
                    chips = [
                        Chip(key, key, rect, selected)
                        for (key, selected), rect in zip(members[:shown], rects[:shown], strict=True)
                    ]
                    return chips + ([Chip(None, ending, rects[-1])] if ending else [])
        return []


def _fit_count_font(rect: QRect) -> QFont:
    """The largest bold font whose digits are as high as one chip row (two in roomy cells, three in large ones)."""
    row = chip_height() + CHIP_GAP
    rows = max(1, min(3, (rect.height() - 2 * PAD) // row - 1))
    pixels = 12
    while pixels < 60 and QFontMetrics(font(0, bold=True, pixels=pixels + 1)).capHeight() + 1 <= rows * row - 1:
        pixels += 1
    return font(0, bold=True, pixels=pixels)


def _flow(texts: list[str], inner: QRect, blocks: tuple[QRect, ...]) -> list[QRect] | None:
    """Chip rectangles for `texts`, row by row inside `inner` and around `blocks`; None if they do not fit."""
    metrics = QFontMetrics(font(CHIP_POINTS, bold=True))
    height = chip_height()

    def span(top: int) -> tuple[int, int]:
        """The free stretch of a chip row at `top`: a block at the left edge pushes it right, others cut it."""
        left, right = inner.left(), inner.right() + 1
        for block in blocks:
            if block.isValid() and top <= block.bottom() and block.top() < top + height:
                if block.left() == inner.left():
                    left = max(left, block.right() + 1 + CHIP_GAP)
                else:
                    right = min(right, block.left() - CHIP_GAP)
        return left, right

    rects: list[QRect] = []
    y = inner.top()
    x, right = span(y)
    for text in texts:
        width = metrics.horizontalAdvance(text) + 7
        while x + width > right:
            y += height + CHIP_GAP
            if y + height > inner.bottom() + 1:
                return None
            x, right = span(y)
        rects.append(QRect(x, y, width, height))
        x += width + CHIP_GAP
    return rects
