"""The bar chart of value unlocked per capability (top N), under the ranking.

matplotlib and its Qt canvas are imported the first time the chart is drawn while it is shown,
never before, and a moment after the view first paints. After an edit the chart is redrawn after a
short pause (`DEBOUNCE_MS`), and only when the bars changed, so typing levels stays quick;
`flush()` draws what is pending now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from align_desktop.reports import charts
from align_desktop.ui.chart_canvas import chart_canvas
from align_desktop.ui.matrix.grid import MatrixGrid

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEBOUNCE_MS = 200
FIRST_DRAW_MS = 40
"""Pause after the chart is shown before drawing it, so that the matrix paints first."""
TOP = 12
"""How many capabilities the chart shows at most: fewer where its height would crowd the bars."""
FEWEST = 3
BAR_PIXELS = 22
"""Height a bar and its label need to read."""
CHROME_PIXELS = 110
"""Height of the chart's title, axis and legend."""
NAME_LENGTH = 26

Bars = tuple[tuple[str, ...], tuple[float, ...], tuple[float, ...]]


def top_bars(grid: MatrixGrid, top: int = TOP) -> Bars:
    """Names, values unlocked and values blocked of the `top` capabilities by value unlocked (then key)."""
    order = grid.order("value unlocked")[:top]
    names = []
    for c in order:
        capability = grid.capabilities[c]
        name = f"{capability.key} {capability.name}"
        names.append(name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…")
    metrics = [grid.metrics[c] for c in order]
    return tuple(names), tuple(m.value_unlocked for m in metrics), tuple(m.value_blocked for m in metrics)


class ValueChart(QWidget):
    """Value unlocked per capability, with the part blocked by a maturity gap hatched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draw_count = 0
        """How many times the chart was drawn (tests check that edits are debounced)."""
        self.figure: Figure | None = None
        self._canvas: Any = None
        self._pending: MatrixGrid | None = None
        self._shown: MatrixGrid | None = None
        """The grid last charted, charted again when a resize makes room for more or fewer bars."""
        self._drawn: tuple[Bars, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._placeholder = QLabel(self.tr("The chart is drawn when the matrix is shown."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._placeholder)
        self.setMinimumHeight(220)

    def show_grid(self, grid: MatrixGrid, *, now: bool = False) -> None:
        """Chart the grid's top capabilities, now or after a short pause."""
        self._pending = grid  # the bars are worked out when drawn
        if now:
            self.flush()
        else:
            self._timer.start()

    def pending(self) -> bool:
        return self._pending is not None

    def flush(self) -> None:
        """Draw what is pending, if the chart is shown (else when it is next shown)."""
        self._timer.stop()
        if self._pending is None or not self.isVisible():
            return
        grid, self._pending = self._pending, None
        self._shown = grid
        bars = top_bars(grid, self.bars_fitting())
        if (bars, grid.currency) == self._drawn:
            return
        self._drawn = (bars, grid.currency)
        figure = self._figure()
        names, values, blocked = bars
        title = self.tr("Value unlocked by capability (top {0})").format(len(names))
        charts.value_unlocked(figure, names, values, grid.currency or "money", blocked=blocked, title=title)
        self._canvas.draw()
        self.draw_count += 1

    def _figure(self) -> Figure:
        if self.figure is None:
            self.figure, self._canvas = chart_canvas("constrained", (320, 220), self.tr("Value unlocked chart"))
            self._placeholder.hide()
            self._layout.addWidget(self._canvas)
        return self.figure

    def bars_fitting(self) -> int:
        """How many bars the chart's height holds readably (at least `FEWEST`, at most `TOP`)."""
        return max(FEWEST, min(TOP, (self.height() - CHROME_PIXELS) // BAR_PIXELS))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._shown is not None and self._pending is None:
            self.show_grid(self._shown)  # drawn again (after the pause) only if more or fewer bars now fit

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(FIRST_DRAW_MS, self.flush)
