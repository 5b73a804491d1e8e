"""A lane of the board: the column background with its name and card count."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from align_desktop.store.board_rows import LaneRow
from align_desktop.ui.board import style


class LaneItem(QGraphicsItem):
    """A column that cards sit in; its height follows the tallest lane."""

    def __init__(self, lane: LaneRow, card_width: float) -> None:
        super().__init__()
        self.lane = lane
        self.width = card_width + 2 * style.LANE_PADDING
        self.height = float(style.LANE_HEADER + style.CARD_HEIGHT)
        self.shown = 0
        self.total = 0
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, self.height)

    def set_geometry(self, card_width: float, height: float, shown: int, total: int) -> None:
        self.prepareGeometryChange()
        self.width = card_width + 2 * style.LANE_PADDING
        self.shown, self.total, self.height = shown, total, height
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LANE_FILL)
        painter.drawRoundedRect(self.boundingRect(), 8, 8)
        painter.setPen(style.LANE_HEADER_TEXT)
        painter.setFont(style.font(13, bold=True))
        header = QRectF(style.LANE_PADDING, 0, self.width - 2 * style.LANE_PADDING, style.LANE_HEADER)
        painter.drawText(header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.lane.name)
        painter.setFont(style.font(9.5))
        painter.setPen(style.MUTED)
        count = str(self.total) if self.shown == self.total else f"{self.shown} of {self.total}"
        painter.drawText(header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)
        if self.shown == 0:
            painter.setFont(style.font(9.5, italic=True))
            hint = "Drop initiatives here" if self.total == 0 else "No card matches the filter"
            painter.drawText(
                QRectF(0, style.LANE_HEADER, self.width, style.CARD_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                hint,
            )
