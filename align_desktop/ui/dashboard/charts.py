"""The dashboard's five charts in a grid, drawn by `reports.report_charts` (the PDF draws the same).

matplotlib and its Qt canvas are imported the first time the charts are drawn while the grid is
shown, never before, and a moment after the dashboard's figures and alerts have painted. The charts
whose inputs changed are then built in one step; each canvas renders on its next paint (matplotlib's
`draw_idle`), so a canvas that was just resized is not rendered twice and the window answers between
two renders. Charts whose inputs did not change are left as they are.

Clicking a bar, a point or a cell emits `picked(chart, gid)`: the gid the chart function gave the
artist (outcome name, "field,score", capability key, "likelihood,impact"). A click anywhere in the
cash-flow chart emits `picked("cash", "")`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QStackedLayout, QWidget

from align_desktop.reports import report_charts
from align_desktop.ui.chart_canvas import chart_canvas
from align_desktop.ui.dashboard.figures import ChartData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIRST_DRAW_MS = 30
"""Pause after the dashboard is shown before the charts are drawn, so that its figures paint first."""

OUTCOMES, CASH, READINESS, MATURITY, HEAT = "outcomes", "cash", "readiness", "maturity", "heat"
CHARTS: tuple[str, ...] = (OUTCOMES, CASH, READINESS, MATURITY, HEAT)
"""In reading order: value, when the cash comes back, readiness, the platform, risk."""
COLUMNS = 3
"""Charts to a row; `ChartGrid.set_columns` makes it 2 on a narrow dashboard."""
NARROW_HEIGHT = 330
"""Pixels each chart is at least tall when two stand to a row (the page scrolls): room for its labels."""
_NAMES = {
    OUTCOMES: "Value by outcome chart",
    CASH: "Portfolio cumulative cash flow chart",
    READINESS: "Readiness distribution chart",
    MATURITY: "Capability value unlocked against maturity chart",
    HEAT: "Residual risk heat map",
}


def inputs(data: ChartData) -> dict[str, tuple[Any, ...]]:
    """What each chart is drawn from: a chart whose inputs did not change is not drawn again."""
    return {
        OUTCOMES: (data.outcomes, data.outcome_values, data.currency),
        CASH: (data.flows, data.currency),
        READINESS: (data.readiness, data.gate),
        MATURITY: (data.points, data.capability_count, data.currency),
        HEAT: (data.cells, data.appetite),
    }


def draw(name: str, figure: Figure, data: ChartData) -> None:
    """Draw chart `name` of `data` on `figure`."""
    if name == OUTCOMES:
        # beyond the top outcomes, one bar says how many others share it
        report_charts.value_by_outcome(
            figure, data.outcomes, data.outcome_values, data.currency, title="Value by outcome"
        )
    elif name == CASH:
        report_charts.cumulative_cash_flow_portfolio(
            figure, dict(data.flows), data.currency, title="Portfolio cumulative cash flow"
        )
    elif name == READINESS:
        report_charts.readiness_distribution(
            figure, dict(data.readiness), data.gate, title="Readiness", legend_columns=3
        )
    elif name == MATURITY:
        title = "Capabilities: value unlocked vs maturity"
        if len(data.points) < data.capability_count:
            title = f"Capabilities (top {len(data.points)} of {data.capability_count} by value)"
        report_charts.value_vs_maturity(figure, data.points, data.currency, title=title)
    else:
        report_charts.risk_heat_map(figure, dict(data.cells), data.appetite, title="Open risks after treatment")


class ChartGrid(QWidget):
    """Five chart panes in a 3 × 2 grid (or 2 × 3 where narrow), read like a story: value by outcome, when
    the cash comes back, readiness; then the platform, the risks, and in the sixth cell a panel (the alerts:
    what to do)."""

    picked = Signal(str, str)
    rendered = Signal()
    """Every chart given to `show_data` is built and rendered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draw_count = 0
        """How many charts were drawn anew (tests check that unchanged charts are not)."""
        self.figures: dict[str, Figure] = {}
        self.canvases: dict[str, Any] = {}
        self._pending: ChartData | None = None
        self._drawn: dict[str, tuple[Any, ...]] = {}
        self._unrendered: set[str] = set()
        self._last_press: object = None
        self._clickable: dict[str, list[Any]] = {}
        self._stacks: dict[str, QStackedLayout] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._cells: list[QWidget] = []
        """The charts' panes in reading order, then the panel (`add_panel`)."""
        for name in CHARTS:
            pane = QFrame()
            pane.setObjectName("chartPane")
            pane.setStyleSheet("QFrame#chartPane { background: white; border: 1px solid #d5dbe3; }")
            stack = QStackedLayout(pane)
            stack.setContentsMargins(1, 1, 1, 1)
            waiting = QLabel(self.tr("Drawing the chart…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            waiting.setStyleSheet("color: #5f6b7a; border: none;")
            stack.addWidget(waiting)
            self._stacks[name] = stack
            self._cells.append(pane)
        self.columns = 0
        """Charts to a row as laid out now."""
        self.set_columns(COLUMNS)

    def add_panel(self, panel: QWidget) -> None:
        """Put `panel` in the grid's sixth cell."""
        self._cells.append(panel)
        self._place()

    def set_columns(self, columns: int) -> None:
        """Lay the charts (and the panel) out `columns` to a row, in reading order."""
        if columns != self.columns:
            self.columns = columns
            self._place()

    def _place(self) -> None:
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for number, cell in enumerate(self._cells):
            self._grid.addWidget(cell, number // self.columns, number % self.columns)
        rows = -(-len(self._cells) // self.columns)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, int(column < self.columns))
        for row in range(len(self._cells)):
            self._grid.setRowStretch(row, int(row < rows))
        for cell in self._cells[: len(CHARTS)]:
            cell.setMinimumHeight(NARROW_HEIGHT if self.columns < COLUMNS else 0)

    def show_data(self, data: ChartData) -> None:
        """Chart `data` a moment after the grid is (or next is) shown."""
        self._pending = data
        if self.isVisible():
            QTimer.singleShot(FIRST_DRAW_MS, self.flush)

    def pending(self) -> bool:
        """Whether charts are still to be built or rendered."""
        return self._pending is not None or bool(self._unrendered)

    def flush(self) -> None:
        """Build the charts whose inputs changed, if the grid is shown (else when it is next shown); each
        canvas then renders on its next paint, one event apart, so the window stays responsive."""
        if self._pending is None or not self.isVisible():
            return
        data, self._pending = self._pending, None
        self._make_canvases()
        for name, drawn_from in inputs(data).items():
            if self._drawn.get(name) == drawn_from:
                continue
            draw(name, self.figures[name], data)
            self._drawn[name] = drawn_from
            self._clickable[name] = self.figures[name].findobj(lambda artist: artist.pickable())
            self._unrendered.add(name)
            self.canvases[name].draw_idle()
            self.draw_count += 1
        if not self._unrendered:
            self.rendered.emit()

    def _on_rendered(self, chart: str) -> None:
        if chart in self._unrendered:
            self._unrendered.discard(chart)
            if not self.pending():
                self.rendered.emit()

    def _make_canvases(self) -> None:
        if self.canvases:
            return
        from align_desktop.reports.chart_margins import MarginLayout

        for name in CHARTS:
            figure, canvas = chart_canvas(MarginLayout(), (280, 240), self.tr(_NAMES[name]))
            canvas.setToolTip(self._tip(name))
            canvas.mpl_connect("pick_event", lambda event, chart=name: self._on_pick(chart, event))
            canvas.mpl_connect("draw_event", lambda _event, chart=name: self._on_rendered(chart))
            canvas.mpl_connect("motion_notify_event", lambda event, chart=name: self._on_hover(chart, event))
            if name == CASH:
                canvas.mpl_connect("button_press_event", self._on_cash_press)
            self._stacks[name].addWidget(canvas)
            self._stacks[name].setCurrentWidget(canvas)
            self.figures[name] = figure
            self.canvases[name] = canvas

    def _tip(self, name: str) -> str:
        if name == CASH:
            return self.tr("Click to open the ROI view")
        if name == HEAT:
            return self.tr("Click a cell to open the register filtered to it")
        if name == MATURITY:
            return self.tr("Click a point to open the matrix at that capability")
        return self.tr("Click a bar to open the board filtered to it")

    def _on_pick(self, chart: str, event: Any) -> None:
        if event.mouseevent is self._last_press:  # one click over overlapping artists: the first only
            return
        self._last_press = event.mouseevent
        gid = event.artist.get_gid()
        if gid:
            self.picked.emit(chart, str(gid))

    def _on_hover(self, chart: str, event: Any) -> None:
        """A pointing hand over what a click opens."""
        if chart == CASH:
            over = event.inaxes is not None
        else:
            over = any(artist.contains(event)[0] for artist in self._clickable.get(chart, ()))
        shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        canvas = self.canvases[chart]
        if canvas.cursor().shape() != shape:
            canvas.setCursor(shape)

    def _on_cash_press(self, event: Any) -> None:
        if event.inaxes is not None:
            self.picked.emit(CASH, "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(FIRST_DRAW_MS, self.flush)
