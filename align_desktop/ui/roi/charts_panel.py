"""The two charts of the picked case: cumulative cash flow by scenario, and the NPV tornado.

matplotlib and its Qt canvas are imported the first time charts are drawn while the panel is
shown, never before (start-up stays light). Only the picked case is drawn. Updates while the
user types are debounced (`DEBOUNCE_MS`); `flush()` draws whatever is pending right away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from align_desktop.domain.roi import BASE, BusinessCase, Scenario, flows, npv, payback
from align_desktop.domain.sensitivity import sensitivities
from align_desktop.reports import charts
from align_desktop.ui.chart_canvas import chart_canvas

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEBOUNCE_MS = 150


@dataclass(frozen=True)
class ChartInput:
    """Everything the charts of one case are drawn from."""

    case: BusinessCase
    horizon: int
    rate: float
    scenarios: Mapping[str, Scenario]
    currency: str


class ChartsPanel(QWidget):
    """Cumulative cash flow above the tornado chart, drawn on demand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draw_count = 0
        """How many times the charts were drawn (tests check that typing is debounced)."""
        self.cash_figure: Figure | None = None
        self.tornado_figure: Figure | None = None
        self._canvases: list[Any] = []
        self._pending: tuple[ChartInput | None, str] | None = None
        self._drawn: tuple[ChartInput | None, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._placeholder = QLabel(self.tr("Charts are drawn when a business case is shown."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._placeholder)
        layout.addWidget(self._splitter)

    def show_case(self, data: ChartInput | None, message: str = "", *, now: bool = False) -> None:
        """Draw `data` (None: show `message` instead), now or after a short pause in typing."""
        self._pending = (data, message)
        if now:
            self.flush()
        else:
            self._timer.start()

    def pending(self) -> bool:
        return self._pending is not None

    def flush(self) -> None:
        """Draw what is pending, if the panel is shown (else when it is next shown)."""
        self._timer.stop()
        if self._pending is None or not self.isVisible():
            return
        data, message = self._pending
        self._pending = None
        if (data, message) == self._drawn:
            return  # e.g. the reload after storing what the preview already showed
        self._drawn = (data, message)
        cash, tornado = self._figures()
        if data is None:
            charts.message(cash, message)
            charts.message(tornado, "")
        else:
            self._draw(cash, tornado, data)
        for canvas in self._canvases:
            canvas.draw()
        self.draw_count += 1

    def _draw(self, cash: Figure, tornado: Figure, data: ChartInput) -> None:
        by_scenario = {
            name: flows(data.case, data.horizon, scenario).cash_flows for name, scenario in data.scenarios.items()
        }
        base = by_scenario.get("base") or flows(data.case, data.horizon, BASE).cash_flows
        charts.cumulative_cash_flow(
            cash, by_scenario, data.currency, payback(base), title=self.tr("Cumulative cash flow by scenario")
        )
        bars = sensitivities(data.case, data.horizon, data.rate)
        charts.tornado(
            tornado, bars, npv(data.rate, base), data.currency, title=self.tr("NPV sensitivity (each driver ±20 %)")
        )

    def _figures(self) -> tuple[Figure, Figure]:
        if self.cash_figure is None or self.tornado_figure is None:
            figures = []
            for name in (self.tr("Cumulative cash flow chart"), self.tr("NPV sensitivity chart")):
                # two stacked fit beside the case on a 720-pixel-high screen
                figure, canvas = chart_canvas("constrained", (360, 200), name)
                self._splitter.addWidget(canvas)
                self._canvases.append(canvas)
                figures.append(figure)
            self.cash_figure, self.tornado_figure = figures
            self._placeholder.hide()
            self._splitter.show()
        return self.cash_figure, self.tornado_figure

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self.flush)
