"""Board geometry, fonts and colours, shared by lanes and cards."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont

from align_desktop.domain.readiness import ReadinessLevel

CARD_MIN_WIDTH = 264
CARD_MAX_WIDTH = 440
CARD_HEIGHT = 118
CARD_GAP = 10
LANE_PADDING = 12
LANE_GAP = 16
LANE_HEADER = 46
MARGIN = 16


def narrowest_board_width(lanes: int) -> float:
    """Scene width of `lanes` lanes with cards at their narrowest readable width."""
    return 2 * MARGIN + lanes * (CARD_MIN_WIDTH + 2 * LANE_PADDING) + max(0, lanes - 1) * LANE_GAP


def card_width_for(viewport_width: float, lanes: int) -> float:
    """Card width that lets `lanes` lanes fill the viewport, within readable bounds."""
    per_lane = (viewport_width - 2 * MARGIN - max(0, lanes - 1) * LANE_GAP) / max(1, lanes)
    return max(CARD_MIN_WIDTH, min(CARD_MAX_WIDTH, per_lane - 2 * LANE_PADDING))


LEVEL_COLOURS = {
    ReadinessLevel.BLOCKED: QColor("#c62828"),
    ReadinessLevel.AT_GATE: QColor("#ef8f00"),
    ReadinessLevel.READY: QColor("#2e7d32"),
}
LEVEL_LABELS = {
    ReadinessLevel.BLOCKED: "Below gate",
    ReadinessLevel.AT_GATE: "At gate",
    ReadinessLevel.READY: "Ready",
}
STATUS_COLOURS = {
    "idea": QColor("#eceff1"),
    "discovery": QColor("#e3f2fd"),
    "experiment": QColor("#ede7f6"),
    "pilot": QColor("#fff3e0"),
    "scaling": QColor("#e0f2f1"),
    "live": QColor("#e8f5e9"),
    "retired": QColor("#f5f5f5"),
}
CARD_FILL = QColor("#ffffff")
CARD_BORDER = QColor("#c5cad3")
CARD_SELECTED = QColor("#1565c0")
TEXT = QColor("#1f2933")
MUTED = QColor("#5f6b7a")
LANE_FILL = QColor("#eef1f5")
LANE_HEADER_TEXT = QColor("#243447")
DROP_MARK = QColor("#1565c0")
POSITIVE = QColor("#2e7d32")
MARK_FILL = QColor("#ffe082")
MARK_BORDER = QColor("#b28704")
RISK_FILL = QColor("#ffcdd2")
RISK_BORDER = QColor("#c62828")
NEGATIVE = QColor("#c62828")


@cache
def font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A board font in points; cached because cards share a handful of them."""
    result = QFont()
    result.setPointSizeF(size)
    result.setBold(bold)
    result.setItalic(italic)
    return result
