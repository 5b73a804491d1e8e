"""The risk heat map: a 5 × 5 likelihood × impact grid, painted by hand, with counts, key chips and drag to rescore.

Likelihood runs up the side (1 rare → 5 almost certain), impact along the bottom (1 minor → 5 severe). A cell
is coloured by the band of its score and also names it (band initial and score in the corner), so the map reads
in greyscale; cells above the risk appetite get a hatched edge. A cell shows how many risks it holds, large, and
up to six keys as chips ("+N more" after that), the selected risk's first. Clicking a cell emits `cell_clicked`;
dragging a chip to another cell emits `risk_dropped`. The widget paints everything itself, with no widget or
item per risk, so 1,000 risks cost a dictionary of 25 lists and at most 150 chips. Geometry and colours live
in `heatmap_layout`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.risk import BANDS, DEFAULT_RISK_APPETITE, SCALE_MAX, SCALE_MIN, above_appetite, band, score
from align_desktop.ui.risks import heatmap_layout as look
from align_desktop.ui.risks.heatmap_layout import LEVELS, Cell, Chip, HeatLayout

_TOOLTIP_RISKS = 15
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
_MOVES = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Left: (0, -1)}


@dataclass(frozen=True)
class HeatPoint:
    """One risk placed on a heat map."""

    key: str
    title: str
    likelihood: int
    impact: int
    selected: bool = False


@dataclass
class _Press:
    cell: Cell
    key: str | None
    """The key of the chip pressed; None for the cell itself or its "+N more"."""
    position: QPoint
    dragging: bool = False


class HeatMap(QWidget):
    """A 5 × 5 heat map of risks; click a cell to filter by it, drag a key to another cell to rescore the risk."""

    cell_clicked = Signal(int, int)
    risk_dropped = Signal(str, int, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.appetite = DEFAULT_RISK_APPETITE
        self.filter_cell: Cell | None = None
        self.drop_target: Cell | None = None
        """The cell a dragged chip would land in, while a drag is under way."""
        self.current: Cell = (SCALE_MAX, SCALE_MAX)
        """The cell the keyboard is on (arrows move it, Enter or Space clicks it)."""
        self.likelihood_words = tuple(self.tr(word) for word in look.LIKELIHOOD_WORDS)
        self.impact_words = tuple(self.tr(word) for word in look.IMPACT_WORDS)
        self._band_names = {name: self.tr(name) for name, _, _ in BANDS}
        self._initials = {name: self.tr(initial) for name, initial in look.BAND_INITIALS.items()}
        self._cells: dict[Cell, list[HeatPoint]] = {}
        self._total = 0
        self._layout: HeatLayout | None = None
        self._press: _Press | None = None
        self._pointer: QPoint | None = None
        self._hover: Cell | None = None
        self._keyboard_focus = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Heat map: {title}").format(title=title))
        self._describe()

    # --- the API ---------------------------------------------------------------------------------------------

    def set_points(self, points: list[HeatPoint], appetite: int) -> None:
        """Show these risks; cells whose score is above `appetite` are marked."""
        cells: dict[Cell, list[HeatPoint]] = {}
        for point in points:
            if point.likelihood not in LEVELS or point.impact not in LEVELS:
                raise ValueError(f"{point.key}: likelihood and impact must be 1 to 5")
            cells.setdefault((point.likelihood, point.impact), []).append(point)
        for members in cells.values():
            members.sort(key=lambda p: (not p.selected, key_sort_value(p.key)))
        self._cells, self._total, self.appetite = cells, len(points), appetite
        self._layout = None
        self._describe()
        self.update()

    def set_filter_cell(self, cell: tuple[int, int] | None) -> None:
        """Outline `cell` (likelihood, impact) as the register's active filter; None clears it."""
        if cell != self.filter_cell:
            self.filter_cell = cell
            self.update()

    # --- what is where, for the register view and for tests --------------------------------------------------

    def count(self, likelihood: int, impact: int) -> int:
        return len(self._cells.get((likelihood, impact), ()))

    def cell_rect(self, likelihood: int, impact: int) -> QRect:
        return QRect(self._laid_out().rects[(likelihood, impact)])

    def chip_keys(self, likelihood: int, impact: int) -> list[str]:
        """The keys shown as chips in one cell, in the order shown."""
        return [c.key for c in self._laid_out().chips.get((likelihood, impact), ()) if c.key is not None]

    def more_count(self, likelihood: int, impact: int) -> int:
        """How many risks of one cell have no chip (counted in its "+N more")."""
        return self.count(likelihood, impact) - len(self.chip_keys(likelihood, impact))

    def chip_rect(self, key: str) -> QRect | None:
        """Where the chip of `key` is painted; None when it has none (a full cell, or no such risk)."""
        rect = self._laid_out().chip_rects.get(key)
        return None if rect is None else QRect(rect)

    def cell_at(self, position: QPoint) -> Cell | None:
        """The cell under `position`, counting half the gap around each cell as its own."""
        layout = self._laid_out()
        if not layout.grid.contains(position):
            return None
        near = (cell for cell, rect in layout.rects.items() if rect.adjusted(-3, -3, 3, 3).contains(position))
        return next(near, None)

    def chip_at(self, position: QPoint) -> str | None:
        """The key of the chip under `position` (the "+N more" chip has none)."""
        cell = self.cell_at(position)
        chips = self._laid_out().chips.get(cell, []) if cell is not None else []
        return next((c.key for c in chips if c.key is not None and c.rect.contains(position)), None)

    def tooltip_at(self, position: QPoint) -> str:
        """A chip's risk, or a cell's score and risks; empty outside the grid."""
        cell, key = self.cell_at(position), self.chip_at(position)
        if cell is None:
            return ""
        if key is None:
            return self._cell_tooltip(cell)
        point = next(p for p in self._cells[cell] if p.key == key)
        hint = self.tr("Drag to another cell to change its likelihood and impact")
        return f"<b>{html.escape(key)}</b> {html.escape(point.title)}<br><i>{hint}</i>"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(560, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 260)

    def _laid_out(self) -> HeatLayout:
        """The layout for the current size and risks, computed again only when either has changed."""
        layout = self._layout
        if layout is None or layout.size != self.size():
            keys = {cell: [(p.key, p.selected) for p in members] for cell, members in self._cells.items()}
            more = self.tr("+{n} more").format
            layout = HeatLayout(self.size(), keys, self._initials, lambda n: more(n=n))
            self._layout = layout
        return layout

    def _summary(self) -> tuple[str, str]:
        """ "22 risks" and "5 above appetite (> 9)"."""
        above = sum(len(m) for cell, m in self._cells.items() if above_appetite(score(*cell), self.appetite))
        risks = self.tr("1 risk") if self._total == 1 else self.tr("{n} risks").format(n=self._total)
        return risks, self.tr("{above} above appetite (> {n})").format(above=above, n=self.appetite)

    def _describe(self) -> None:
        """A text equivalent of the map for screen readers: the summary and each cell that holds risks."""
        cells = [
            self.tr("likelihood {l}, impact {i}: {n}").format(l=cell[0], i=cell[1], n=len(members))
            for cell, members in sorted(self._cells.items(), reverse=True)
        ]
        self.setAccessibleDescription("; ".join([", ".join(self._summary()), *cells]))

    def _cell_tooltip(self, cell: Cell) -> str:
        likelihood, impact = cell
        value = score(*cell)
        head = self.tr("Likelihood {l} ({lw}) × impact {i} ({iw}) = {s}, {band}").format(
            l=likelihood,
            lw=self.likelihood_words[likelihood - 1],
            i=impact,
            iw=self.impact_words[impact - 1],
            s=value,
            band=self._band_names[band(value)],
        )
        if above_appetite(value, self.appetite):
            head += self.tr(", above appetite (> {n})").format(n=self.appetite)
        points = self._cells.get(cell, [])
        lines = [f"{html.escape(p.key)} {html.escape(p.title)}" for p in points[:_TOOLTIP_RISKS]]
        if len(points) > _TOOLTIP_RISKS:
            lines.append(self.tr("… and {n} more").format(n=len(points) - _TOOLTIP_RISKS))
        hint = self.tr("Click to filter the register by this cell")
        return f"<b>{html.escape(head)}</b><br>" + "<br>".join(lines or [self.tr("No risks")]) + f"<br><i>{hint}</i>"

    # --- painting --------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        layout = self._laid_out()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_header(painter, layout)
        self._paint_axes(painter, layout)
        dragged = self._press.key if self._press is not None and self._press.dragging else None
        for cell in layout.rects:
            self._paint_cell(painter, layout, cell, dragged)
        self._paint_marks(painter, layout)
        painter.end()

    def _paint_header(self, painter: QPainter, layout: HeatLayout) -> None:
        """The title, then "22 risks · [hatch] 5 above appetite (> 9)" at the top."""
        top = QRect(look.MARGIN, look.MARGIN, self.width() - 2 * look.MARGIN, look.TITLE - 6)
        risks, above = self._summary()
        small = QFontMetrics(look.font(9))
        summary_width = small.horizontalAdvance(f"{risks} · ") + 16 + small.horizontalAdvance(above)
        title_font = QFontMetrics(look.font(12, bold=True))
        title = title_font.elidedText(
            self.title, Qt.TextElideMode.ElideRight, max(40, top.width() - summary_width - 12)
        )
        text, muted = look.inks(self.palette())
        painter.setPen(text)
        painter.setFont(look.font(12, bold=True))
        painter.drawText(top, _LEFT, title)
        x = top.left() + title_font.horizontalAdvance(title) + 12
        painter.setPen(muted)
        painter.setFont(look.font(9))
        painter.drawText(top.adjusted(x - top.left(), 0, 0, 0), _LEFT, f"{risks} · ")
        x += small.horizontalAdvance(f"{risks} · ")
        swatch = QRectF(x, top.center().y() - 6, 12, 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.WHITE)
        painter.drawRect(swatch)
        self._paint_appetite_edge(painter, swatch, 0)
        painter.setPen(muted)
        painter.drawText(top.adjusted(x + 16 - top.left(), 0, 0, 0), _LEFT, above)
        if layout.legend:
            self._paint_legend(painter, layout)

    def _paint_legend(self, painter: QPainter, layout: HeatLayout) -> None:
        """The bands, and the hatched edge of cells above appetite, under the impact axis."""
        items = [(name, f"{self._band_names[name]} {low}–{high}") for name, low, high in BANDS]
        items.append(("appetite", self.tr("above appetite (> {n})").format(n=self.appetite)))
        metrics = QFontMetrics(look.font(8.5))
        widths = [16 + 4 + metrics.horizontalAdvance(label) + 12 for _, label in items]
        x = layout.grid.center().x() - sum(widths) // 2
        y = self.height() - look.MARGIN - look.AXIS
        for (name, label), width in zip(items, widths, strict=True):
            swatch = QRectF(x, y + look.AXIS / 2 - 8, 16, 16)
            painter.setPen(QPen(look.CELL_BORDER, 1))
            painter.setBrush(look.BAND_COLOURS.get(name, look.WHITE))
            painter.drawRect(swatch)
            if name == "appetite":
                self._paint_appetite_edge(painter, swatch, 0)
            else:
                painter.setPen(look.TEXT)
                painter.setFont(look.font(look.CHIP_POINTS, bold=True))
                painter.drawText(swatch, Qt.AlignmentFlag.AlignCenter, self._initials[name])
            painter.setPen(look.inks(self.palette())[0])
            painter.setFont(look.font(8.5))
            painter.drawText(QRect(x + 20, y, width, look.AXIS), _LEFT, label)
            x += width

    def _paint_axes(self, painter: QPainter, layout: HeatLayout) -> None:
        """Tick numbers; "1 minor — Impact → — severe 5" below, "1 rare — Likelihood → — almost certain 5" up."""
        grid = layout.grid
        painter.setPen(look.inks(self.palette())[0])
        painter.setFont(look.font(10, bold=True))
        for level in LEVELS:
            row, column = layout.rects[(level, SCALE_MIN)], layout.rects[(SCALE_MIN, level)]
            painter.drawText(
                QRect(grid.left() - look.TICKS, row.top(), look.TICKS - 2, row.height()), _RIGHT, str(level)
            )
            ticks = QRect(column.left(), grid.bottom() + 2, column.width(), look.TICKS)
            painter.drawText(ticks, Qt.AlignmentFlag.AlignCenter, str(level))
        axis = QRect(grid.left(), grid.bottom() + 2 + look.TICKS, grid.width(), look.AXIS)
        self._paint_axis_title(painter, axis, self.tr("Impact →"), self.impact_words)
        painter.save()
        painter.translate(look.MARGIN, grid.bottom())
        painter.rotate(-90)
        side = QRect(0, 0, grid.height(), look.AXIS)
        self._paint_axis_title(painter, side, self.tr("Likelihood →"), self.likelihood_words)
        painter.restore()

    def _paint_axis_title(self, painter: QPainter, area: QRect, title: str, words: tuple[str, ...]) -> None:
        """The axis title in the middle and, where they fit beside it, the words for its two ends."""
        low, high = f"{SCALE_MIN} {words[0]}", f"{words[-1]} {SCALE_MAX}"
        ends = QFontMetrics(look.font(8.5))
        needed = 2 * max(ends.horizontalAdvance(low), ends.horizontalAdvance(high)) + 24
        text, muted = look.inks(self.palette())
        if needed + QFontMetrics(look.font(10, bold=True)).horizontalAdvance(title) <= area.width():
            painter.setPen(muted)
            painter.setFont(look.font(8.5))
            painter.drawText(area.adjusted(4, 0, 0, 0), _LEFT, low)
            painter.drawText(area.adjusted(0, 0, -4, 0), _RIGHT, high)
        painter.setPen(text)
        painter.setFont(look.font(10, bold=True))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, title)

    @staticmethod
    def _paint_appetite_edge(painter: QPainter, outer: QRectF, radius: float) -> None:
        """A hatched band inside the edge and a dark border: above appetite, in colour and in greyscale."""
        edge, hole = QPainterPath(), QPainterPath()
        edge.addRoundedRect(outer, radius, radius)
        hole.addRect(outer.adjusted(look.HATCH, look.HATCH, -look.HATCH, -look.HATCH))
        painter.fillPath(edge.subtracted(hole), QBrush(look.APPETITE, Qt.BrushStyle.BDiagPattern))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(look.APPETITE, 2))
        painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), radius, radius)

    def _paint_cell(self, painter: QPainter, layout: HeatLayout, cell: Cell, dragged: str | None) -> None:
        value = score(*cell)
        outer = QRectF(layout.rects[cell])
        painter.setPen(QPen(look.CELL_BORDER, 1))
        painter.setBrush(look.BAND_COLOURS[band(value)])
        painter.drawRoundedRect(outer.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        if above_appetite(value, self.appetite):
            self._paint_appetite_edge(painter, outer, 4)
        if cell == self._hover and self._press is None:
            painter.fillRect(outer, look.FADE)
        painter.setPen(look.TEXT)
        painter.setFont(look.font(look.CHIP_POINTS, bold=True))
        bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        painter.drawText(layout.score_block(cell), bottom_right, layout.score_label(cell))
        if count := self.count(*cell):
            block = layout.count_block(cell)
            painter.setFont(layout.count_font)
            painter.drawText(QPoint(block.left(), block.bottom()), str(count))
        for chip in layout.chips.get(cell, ()):
            self._paint_chip(painter, chip, dimmed=chip.key is not None and chip.key == dragged)

    @staticmethod
    def _paint_chip(painter: QPainter, chip: Chip, *, dimmed: bool = False) -> None:
        """A key on white, the selected one white on blue; "+N more" as plain text."""
        area = QRectF(chip.rect)
        painter.setOpacity(0.35 if dimmed else 1.0)
        painter.setFont(look.font(look.CHIP_POINTS, bold=chip.key is not None))
        if chip.key is not None:
            border = look.HIGHLIGHT.darker(140) if chip.selected else look.CELL_BORDER.darker(130)
            painter.setPen(QPen(border, 1))
            painter.setBrush(look.HIGHLIGHT if chip.selected else look.WHITE)
            painter.drawRoundedRect(area.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(look.WHITE if chip.selected else look.TEXT)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, chip.text)
        painter.setOpacity(1.0)

    def _paint_marks(self, painter: QPainter, layout: HeatLayout) -> None:
        """The filtering cell, the keyboard's cell, and while dragging the drop indicator and the dragged key."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.filter_cell in layout.rects:
            chosen = layout.rects[self.filter_cell]
            for rect in layout.rects.values():
                if rect != chosen:
                    painter.fillRect(rect, look.FADE)
            painter.setPen(QPen(look.HIGHLIGHT, 4))
            painter.drawRoundedRect(QRectF(chosen).adjusted(-1, -1, 1, 1), 5, 5)
        if self._keyboard_focus and self.hasFocus():
            painter.setPen(QPen(look.TEXT, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(layout.rects[self.current]).adjusted(-1.5, -1.5, 1.5, 1.5))
        press = self._press
        if press is None or not press.dragging or press.key is None or self._pointer is None:
            return
        if self.drop_target is not None:
            target = QRectF(layout.rects[self.drop_target])
            painter.fillRect(target, look.DROP_FILL)
            painter.setPen(QPen(look.HIGHLIGHT, 3, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(target.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
        source = layout.chip_rects.get(press.key)
        size = source.size() if source is not None else QSize(44, look.chip_height())
        ghost = QRect(self._pointer - QPoint(size.width() // 2, size.height() // 2), size)
        self._paint_chip(painter, Chip(press.key, press.key, ghost, selected=True))

    # --- mouse and keyboard ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._press is not None
        ):
            event.accept()  # Escape abandons the drag here rather than trigger a shortcut (leaving the presenter)
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        position = event.position().toPoint()
        cell = self.cell_at(position)
        if event.button() != Qt.MouseButton.LeftButton or cell is None:
            super().mousePressEvent(event)
            return
        self._press = _Press(cell, self.chip_at(position), position)
        self.current, self._keyboard_focus = cell, False
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        position = event.position().toPoint()
        press = self._press
        if press is None:
            self._hover_over(position)
            return
        if press.key is None:
            return
        if not press.dragging and (position - press.position).manhattanLength() >= QApplication.startDragDistance():
            press.dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if press.dragging:
            target = self.cell_at(position)
            self.drop_target = target if target != press.cell else None
            self._pointer = position
            self.update()

    def _hover_over(self, position: QPoint) -> None:
        hover = self.cell_at(position)
        if hover != self._hover:
            self._hover = hover
            self.update()
        if hover is None:
            self.unsetCursor()
        elif self.chip_at(position) is not None:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        press = self._press
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        target = self.drop_target
        released_on = self.cell_at(event.position().toPoint())
        self._end_press()
        if press.dragging:
            if press.key is not None and target is not None:
                self.risk_dropped.emit(press.key, *target)
        elif released_on == press.cell:
            self.cell_clicked.emit(*press.cell)

    def _end_press(self) -> None:
        self._press, self._pointer, self.drop_target = None, None, None
        self.unsetCursor()
        self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """The keyboard's cell is outlined only when the keyboard brought the focus here."""
        self._keyboard_focus = event.reason() in _KEYBOARD_REASONS
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Arrows move between cells, Enter or Space clicks one, Escape abandons a drag."""
        key = event.key()
        if key == Qt.Key.Key_Escape and self._press is not None:
            self._end_press()
        elif key in _MOVES:
            (dl, di), (likelihood, impact) = _MOVES[Qt.Key(key)], self.current
            self.current = (
                min(SCALE_MAX, max(SCALE_MIN, likelihood + dl)),
                min(SCALE_MAX, max(SCALE_MIN, impact + di)),
            )
            self._keyboard_focus = True
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.cell_clicked.emit(*self.current)
        else:
            super().keyPressEvent(event)
