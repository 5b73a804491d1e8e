"""The matrix headers, painted by hand so that they read on a projector.

Capability columns: key, the name on up to two lines, current → target maturity with the number
of initiatives waiting for it (▲), reuse, value unlocked. Initiative rows: key, title, a gap count and
the risk-adjusted NPV; group rows: lane or outcome, count and value. Only the visible sections
are painted; names are wrapped once and cached. Tooltips come from the model's `headerData`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

from align_desktop.reports.formatting import compact_money, money_short
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.model import MatrixModel

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BORDER = QColor("#c5cad3")
_PAD = 6
_LINE = 16


class _Header(QHeaderView):
    """A fixed-size header over a `MatrixModel` that marks the section of the current cell."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.current = -1

    def set_current(self, section: int) -> None:
        if section != self.current:
            self.current = section
            self.viewport().update()

    def matrix(self) -> MatrixModel | None:
        model = self.model()
        return model if isinstance(model, MatrixModel) else None

    def _frame(self, painter: QPainter, rect: QRect, fill: QColor) -> None:
        painter.fillRect(rect, fill)
        painter.setPen(QPen(_BORDER, 1))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())


class CapabilityHeader(_Header):
    """Column headers: one capability each, with its maturity and what it is worth."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultSectionSize(style.COLUMN_WIDTH)
        self._wrapped: dict[str, tuple[str, ...]] = {}

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(style.COLUMN_WIDTH, style.HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802 - Qt override
        model = self.matrix()
        if model is None or not 0 <= section < model.columnCount():
            return
        capability, metrics = model.capability_at(section), model.metrics_at(section)
        painter.save()
        self._frame(painter, rect, style.CURRENT_COLOUR if section == self.current else style.HEADER_COLOUR)
        left, width = rect.left() + _PAD, rect.width() - 2 * _PAD
        top = rect.top() + 4

        def line(n: int) -> QRect:
            return QRect(left, top + n * _LINE, width, _LINE)

        painter.setFont(style.font(9.5, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(line(0), _LEFT, capability.key)
        painter.setFont(style.font(9))
        for n, text in enumerate(self._name_lines(capability.name, width)):
            painter.drawText(line(1 + n), _LEFT, text)
        painter.setPen(style.MUTED)
        painter.drawText(
            line(3), _LEFT, self.tr("at {0} → {1}").format(capability.current_maturity, capability.target_maturity)
        )
        if metrics.blocked:  # how many initiatives wait for it, beside the maturity they wait on
            painter.setFont(style.font(8.5, bold=True))
            painter.setPen(style.GAP_MARK)
            painter.drawText(line(3), _RIGHT, f"▲{len(metrics.blocked)}")
            painter.setFont(style.font(9))
            painter.setPen(style.MUTED)
        painter.drawText(line(4), _LEFT, self.tr("reuse {0}").format(metrics.reuse))
        painter.setFont(style.font(9, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(line(5), _LEFT, money_short(metrics.value_unlocked, model.grid.currency))
        painter.restore()

    def _name_lines(self, name: str, width: int) -> tuple[str, ...]:
        lines = self._wrapped.get(name)
        if lines is None:
            lines = self._wrapped[name] = wrap(name, QFontMetrics(style.font(9)), width)
        return lines


class InitiativeHeader(_Header):
    """Row headers: an initiative (key, title, gaps, value) or the title of a group of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setDefaultSectionSize(style.ROW_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(style.INITIATIVE_HEADER_WIDTH, style.ROW_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802 - Qt override
        model = self.matrix()
        if model is None or not 0 <= section < model.rowCount():
            return
        group = model.group_at(section)
        if group is not None:
            band = rect.adjusted(0, 0, 0, -1)
            self.paint_group(painter, band, band.adjusted(self.title_left(), 0, 0, 0), model.group_text(group))
            return
        painter.save()
        inner = rect.adjusted(_PAD + 4, 0, -_PAD, 0)
        i = model.initiative_index_at(section)
        initiative = model.grid.initiatives[i]
        gaps = model.grid.row_gaps[i]
        self._frame(painter, rect, style.CURRENT_COLOUR if section == self.current else QColor(style.WHITE))
        if gaps:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), style.GAP_MARK)
        painter.setFont(style.font(9.5, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(QRect(inner.left(), inner.top(), 56, inner.height()), _LEFT, initiative.key)
        value_width = 58
        value = QRect(inner.right() - value_width, inner.top(), value_width, inner.height())
        painter.setFont(style.font(9))
        painter.setPen(style.MUTED)
        painter.drawText(value, _RIGHT, compact_money(initiative.value))
        title_right = value.left() - 6
        if gaps:
            mark = QRect(value.left() - 34, inner.top(), 30, inner.height())
            painter.setFont(style.font(9, bold=True))
            painter.setPen(style.GAP_MARK)
            painter.drawText(mark, _RIGHT, f"▲{gaps}")
            title_right = mark.left() - 4
        painter.setFont(style.font(9.5))
        painter.setPen(style.TEXT)
        title = QRect(inner.left() + 58, inner.top(), title_right - inner.left() - 58, inner.height())
        elided = QFontMetrics(style.font(9.5)).elidedText(initiative.title, Qt.TextElideMode.ElideRight, title.width())
        painter.drawText(title, _LEFT, elided)
        painter.restore()

    def title_left(self) -> int:
        """Where a group title starts, from the header's left edge (the table continues it: `MatrixTable`)."""
        return _PAD + 4

    def paint_group(self, painter: QPainter, band: QRect, title: QRect, text: str) -> None:
        """A group title row: a grey band, the title in bold; the text is clipped, not elided, at the band's end."""
        painter.save()
        painter.fillRect(band, style.GROUP_COLOUR)
        painter.setPen(QPen(_BORDER, 1))
        painter.drawLine(band.bottomLeft(), band.bottomRight())
        painter.setClipRect(band)
        painter.setFont(style.font(10, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(title.adjusted(0, 0, 2000, 0), _LEFT, text)
        painter.restore()


def wrap(text: str, metrics: QFontMetrics, width: int, lines: int = 2) -> tuple[str, ...]:
    """`text` on at most `lines` lines of `width` pixels, broken between words, the last one elided."""
    words = text.split()
    result: list[str] = []
    current = ""
    for n, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if not current or metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        result.append(current)
        if len(result) == lines - 1:
            current = " ".join(words[n:])
            break
        current = word
    if current:
        result.append(current)
    return tuple(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in result[:lines])
