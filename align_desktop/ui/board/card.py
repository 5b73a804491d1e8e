"""A board card: a lightweight graphics item that paints one initiative.

Cards are `QGraphicsItem`s with their own `paint`, not widgets or text items, so that thousands
build and scroll quickly. Texts are laid out once, on first paint, and cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from align_desktop.domain.board_filter import CardFacts, searchable_text
from align_desktop.domain.readiness import ReadinessLevel, readiness_level
from align_desktop.domain.vocabulary import READINESS_FIELDS, READINESS_LABELS
from align_desktop.reports.formatting import money, money_short
from align_desktop.store.board_rows import InitiativeRow
from align_desktop.ui.board import style

_PAD = 10
_BAR_WIDTH = 6
_BAR_GAP = 3
_BAR_HEIGHT = 18
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
)
_MARK_WIDTH = 40
_VERDICT = {ReadinessLevel.READY: "✓", ReadinessLevel.AT_GATE: "=", ReadinessLevel.BLOCKED: "!"}


@dataclass(frozen=True)
class CardExtras:
    """What a card shows beyond the initiative itself."""

    currency: str = ""
    npv: float | None = None
    """Base-scenario NPV; None while the initiative has no business case."""
    capability_gaps: tuple[str, ...] = ()
    """One line per needed capability below the required maturity."""
    risks_above_appetite: tuple[str, ...] = ()
    """One line per open risk threatening it whose residual score is above the risk appetite."""

    @property
    def marks(self) -> list[tuple[str, QColor, QColor]]:
        """The warning badges the card shows: text, fill and border."""
        marks = []
        if self.capability_gaps:
            marks.append((f"⚠ {len(self.capability_gaps)}", style.MARK_FILL, style.MARK_BORDER))
        if self.risks_above_appetite:
            marks.append((f"⚑ {len(self.risks_above_appetite)}", style.RISK_FILL, style.RISK_BORDER))
        return marks


NO_EXTRAS = CardExtras()


class CardItem(QGraphicsItem):
    """One initiative on the board; dragging it asks the scene to move it."""

    def __init__(self, row: InitiativeRow, gate: int, width: float, extras: CardExtras = NO_EXTRAS) -> None:
        super().__init__()
        self.row = row
        self.extras = extras
        self.width = width
        self.gate = gate
        self.level = readiness_level(row.readiness, gate)
        self._lines: tuple[str, str, str, str] | None = None
        self._press_position: QPointF | None = None
        self.setFlags(_FLAGS)

    @cached_property
    def facts(self) -> CardFacts:
        """What the board filter looks at, folded on first use."""
        row = self.row
        return CardFacts(
            haystack=searchable_text(
                row.key,
                row.title,
                row.outcome_name,
                row.team,
                row.owner,
                row.decision_point,
                row.status,
                row.description,
            ),
            outcome_key=row.outcome_key,
            team=row.team,
            decision_point=row.decision_point,
        )

    @property
    def key(self) -> str:
        return self.row.key

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(0, 0, self.width, style.CARD_HEIGHT)

    def set_width(self, width: float) -> None:
        """Resize the card; its texts are laid out again on the next paint."""
        self.prepareGeometryChange()
        self.width = width
        self._lines = None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        selected = self.isSelected()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.CARD_SELECTED if selected else style.CARD_BORDER, 3 if selected else 1))
        painter.setBrush(QBrush(style.CARD_FILL))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LEVEL_COLOURS[self.level])
        painter.drawRoundedRect(QRectF(rect.left() + 1, rect.top() + 1, 5, rect.height() - 2), 2, 2)

        title_1, title_2, outcome, footer = self._layout()
        left = rect.left() + _PAD + 4
        width = rect.width() - 2 * _PAD - 4
        painter.setFont(style.font(8.5, bold=True))
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(left, rect.top() + 6, width, 16), Qt.AlignmentFlag.AlignLeft, self.row.key)
        npv = self.extras.npv
        if npv is not None:
            painter.setPen(style.NEGATIVE if npv < 0 else style.POSITIVE)
            painter.drawText(
                QRectF(left + 52, rect.top() + 6, width - 52, 16),
                Qt.AlignmentFlag.AlignLeft,
                f"NPV {money_short(npv, self.extras.currency)}",
            )
        self._paint_status(painter, QRectF(left, rect.top() + 5, width, 17))

        painter.setFont(style.font(10.5, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(left, rect.top() + 24, width, 18), Qt.AlignmentFlag.AlignLeft, title_1)
        painter.drawText(QRectF(left, rect.top() + 42, width, 18), Qt.AlignmentFlag.AlignLeft, title_2)

        painter.setFont(style.font(8.5, italic=self.row.outcome_key is None))
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(left, rect.top() + 64, width, 16), Qt.AlignmentFlag.AlignLeft, outcome)
        marks = self.extras.marks
        painter.drawText(
            QRectF(left, rect.bottom() - 26, width - 70 - len(marks) * _MARK_WIDTH, 16),
            Qt.AlignmentFlag.AlignLeft,
            footer,
        )
        for number, (text, fill, border) in enumerate(marks, start=1):
            area = QRectF(rect.right() - _PAD - 70 - number * _MARK_WIDTH, rect.bottom() - 28, _MARK_WIDTH - 4, 18)
            self._paint_mark(painter, area, text, fill, border)
        self._paint_readiness(painter, QRectF(rect.right() - _PAD - 66, rect.bottom() - 30, 66, 22))

    def _layout(self) -> tuple[str, str, str, str]:
        if self._lines is None:
            width = self.width - 2 * _PAD - 6
            title_metrics = QFontMetricsF(style.font(10.5, bold=True))
            first, rest = _wrap_first_line(self.row.title, title_metrics, width)
            second = title_metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
            small = QFontMetricsF(style.font(8.5))
            outcome = f"◎ {self.row.outcome_name}" if self.row.outcome_name else "No outcome yet"
            footer = " · ".join(p for p in (self.row.decision_point, self.row.team) if p)
            self._lines = (
                first,
                second,
                small.elidedText(outcome, Qt.TextElideMode.ElideRight, width),
                small.elidedText(footer, Qt.TextElideMode.ElideRight, width - 74 - 2 * _MARK_WIDTH),
            )
        return self._lines

    def _paint_status(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(style.font(8))
        text = self.row.status
        text_width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 14
        pill = QRectF(area.right() - text_width, area.top(), text_width, area.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.STATUS_COLOURS.get(text, style.LANE_FILL))
        painter.drawRoundedRect(pill, 8, 8)
        painter.setPen(style.TEXT)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _paint_mark(painter: QPainter, area: QRectF, text: str, fill: QColor, border: QColor) -> None:
        """A warning badge (a capability gap, a risk above appetite) with its count."""
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(area, 4, 4)
        painter.setFont(style.font(8.5, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_readiness(self, painter: QPainter, area: QRectF) -> None:
        """Four bars (data, model risk, monitoring, compliance), a tick at the gate, the verdict."""
        bars_width = 4 * (_BAR_WIDTH + _BAR_GAP) - _BAR_GAP
        gate_y = area.bottom() - _BAR_HEIGHT * self.gate / 4
        for i, field in enumerate(READINESS_FIELDS):
            score = self.row.readiness[field]
            x = area.left() + i * (_BAR_WIDTH + _BAR_GAP)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.LANE_FILL)
            painter.drawRect(QRectF(x, area.bottom() - _BAR_HEIGHT, _BAR_WIDTH, _BAR_HEIGHT))
            painter.setBrush(style.LEVEL_COLOURS[readiness_level(dict.fromkeys(READINESS_FIELDS, score), self.gate)])
            height = max(2.0, _BAR_HEIGHT * score / 4)
            painter.drawRect(QRectF(x, area.bottom() - height, _BAR_WIDTH, height))
        painter.setPen(QPen(style.TEXT, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(area.left() - 2, gate_y), QPointF(area.left() + bars_width + 2, gate_y))
        painter.setFont(style.font(9, bold=True))
        painter.setPen(style.LEVEL_COLOURS[self.level])
        painter.drawText(
            QRectF(area.left() + bars_width + 2, area.top(), area.width() - bars_width - 2, area.height()),
            Qt.AlignmentFlag.AlignCenter,
            _VERDICT[self.level],
        )

    def tooltip(self) -> str:
        """The card's tooltip, built when the pointer rests on it (not for every card up front)."""
        row = self.row
        scores = "<br>".join(
            f"{READINESS_LABELS[f]}: {row.readiness[f]}/4" + (" — below gate" if row.readiness[f] < self.gate else "")
            for f in READINESS_FIELDS
        )
        npv = self.extras.npv
        value = "" if npv is None else f"<br>NPV (base scenario): {money(npv, self.extras.currency)}"
        gaps = _tooltip_section("⚠ Capabilities below the required maturity", self.extras.capability_gaps)
        gaps += _tooltip_section("⚑ Risks above appetite", self.extras.risks_above_appetite)
        override = ""
        if row.gate_override is not None:
            o = row.gate_override
            override = (
                f"<br><b>Gate overridden</b> for {o.status} by {o.decided_by} on {o.decided_at:%Y-%m-%d}: {o.reason}"
            )
        return (
            f"<b>{row.key} {row.title}</b><br>{row.outcome_name or 'No outcome'}<br>"
            f"Status: {row.status} · Owner: {row.owner or '—'}{value}<br>"
            f"<b>Readiness ({style.LEVEL_LABELS[self.level]}, gate {self.gate})</b><br>{scores}{override}{gaps}"
        )

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press_position = self.pos()
        self.setZValue(10)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        scene = self.scene()
        if scene is not None:
            scene.show_drop_target(self)  # type: ignore[attr-defined]

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        self.setZValue(0)
        moved = self._press_position is not None and self.pos() != self._press_position
        self._press_position = None
        scene = self.scene()
        if moved and scene is not None:
            scene.drop_card(self)  # type: ignore[attr-defined]

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        scene = self.scene()
        if scene is not None:
            scene.edit_requested.emit(self.key)  # type: ignore[attr-defined]


def _tooltip_section(heading: str, lines: tuple[str, ...]) -> str:
    if not lines:
        return ""
    from html import escape  # when a tooltip is first asked for: `html` is not needed to show the board

    return f"<br><b>{heading}</b><br>" + "<br>".join(escape(line) for line in lines)


def _wrap_first_line(text: str, metrics: QFontMetricsF, width: float) -> tuple[str, str]:
    """Split `text` after the last whole word that fits on one line of `width`."""
    if metrics.horizontalAdvance(text) <= width:
        return text, ""
    words = text.split()
    line = ""
    for i, word in enumerate(words):
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) > width:
            if not line:
                return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
            return line, " ".join(words[i:])
        line = candidate
    return line, ""
