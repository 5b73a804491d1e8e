"""Matrix geometry, colours and fonts: gap colours as shared `QBrush` constants, so `data()` only looks them up.

A gap reads without colour too: gap cells are bold and say how many levels are missing (`4 ▲2`).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QBrush, QColor, QFont

COLUMN_WIDTH = 88
ROW_HEIGHT = 25
HEADER_HEIGHT = 104
INITIATIVE_HEADER_WIDTH = 310

LEVEL_NAMES = {1: "initial", 2: "repeatable", 3: "defined", 4: "managed", 5: "optimised"}
"""Maturity levels 1–5 in words (shown in the level picker and tooltips)."""

TEXT = QColor("#1f2933")
MUTED = QColor("#5f6b7a")
WHITE = QColor("#ffffff")
GAP_COLOURS = (QColor("#f9d3cf"), QColor("#ee8e84"), QColor("#c62828"))
"""Cells one, two, three or more levels short: stronger red for bigger gaps."""
MET_COLOUR = QColor("#dcefdd")
GROUP_COLOUR = QColor("#e4e9f0")
HEADER_COLOUR = QColor("#f4f6f9")
CURRENT_COLOUR = QColor("#d6e4f5")
GAP_MARK = QColor("#c62828")
MET_MARK = QColor("#2e7d32")

GAP_BRUSHES = tuple(QBrush(colour) for colour in GAP_COLOURS)
MET_BRUSH = QBrush(MET_COLOUR)
GROUP_BRUSH = QBrush(GROUP_COLOUR)
GAP_TEXT = (QBrush(TEXT), QBrush(TEXT), QBrush(WHITE))
TEXT_BRUSH = QBrush(TEXT)


def gap_brush(gap: int) -> QBrush:
    """Background of a cell `gap` levels short (gap ≥ 1)."""
    return GAP_BRUSHES[min(gap, len(GAP_BRUSHES)) - 1]


def gap_text(gap: int) -> QBrush:
    return GAP_TEXT[min(gap, len(GAP_TEXT)) - 1]


def counted(n: int, one: str, many: str) -> str:
    """`1 initiative`, `3 initiatives`: a count and its noun."""
    return f"{n} {one if n == 1 else many}"


@cache
def font(size: float, *, bold: bool = False) -> QFont:
    """A matrix font in points; cached because every cell and header shares a handful."""
    result = QFont()
    result.setPointSizeF(size)
    result.setBold(bold)
    return result
