"""The Dashboard view: the one-screen picture a facilitator opens at the start and the end of a session.

Top: headline tiles (portfolio value per scenario, initiatives by lane and status, capability gaps,
risks above appetite, alerts). Below: the five portfolio charts, and on the right the alerts with
what to do about each. The view only reads (one `DashboardService.read`); every click on a tile, a
chart element or an alert asks the main window to open another view through `open_view(name,
Target)`, and the main window then calls that view's `apply_target(target)`. After each refresh
`alerts_counted(n)` tells the navigation how many alerts there are. From the read until the charts are
rendered the garbage collector is held off (`ui.collector`). "Today", which decides what is
overdue, can be injected for tests. Where the page is narrower than the tiles' row (a small screen, or
beside the presenter panel), the tiles stand in two rows and the charts two to a row, and the page
scrolls down, never across.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from align_desktop.domain.alerts import Alert
from align_desktop.store.dashboard import DashboardService
from align_desktop.store.rows import DashboardRows
from align_desktop.ui.collector import CollectorHold
from align_desktop.ui.dashboard import charts, targets
from align_desktop.ui.dashboard.alerts import AlertsPanel
from align_desktop.ui.dashboard.charts import COLUMNS, ChartGrid
from align_desktop.ui.dashboard.figures import Dashboard, work_out
from align_desktop.ui.dashboard.headline import ONE_ROW, WRAPPED_COLUMNS, HeadlineTiles
from align_desktop.ui.dashboard.targets import Target, target_for_alert
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.view import WorkspaceView

PAGE_MARGIN = 12


class DashboardView(WorkspaceView):
    """Headline figures, five charts and the alerts; every element opens the view behind it."""

    open_view = Signal(str, object)
    """(view name, `Target`): show that view and call its `apply_target(target)`."""
    alerts_counted = Signal(int)
    """The number of alerts, after each refresh (the navigation shows it)."""

    def __init__(
        self, prompter: Prompter, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self._today = today
        self.rows: DashboardRows | None = None
        self.dashboard: Dashboard | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f2933;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6b7a; font-size: 11pt;")
        self.alerts = AlertsPanel()
        self.alerts.opened.connect(self.open_alert)
        self.tiles = HeadlineTiles()
        self.tiles.open_view.connect(self.open_view)
        self.tiles.alerts_requested.connect(self.alerts.focus_list)
        self.charts = ChartGrid()
        self.charts.picked.connect(self.chart_picked)
        self.collector = CollectorHold()
        self.charts.rendered.connect(self.collector.release)
        self._heading = heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch()
        heading.addWidget(self.subtitle)
        self.charts.add_panel(self.alerts)
        page = _Page()
        page.setObjectName("dashboardPage")
        page.setStyleSheet("QWidget#dashboardPage { background: #f3f5f8; }")
        content = _PageLayout(page)
        content.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, 8)
        content.setSpacing(8)
        content.addLayout(heading)
        content.addWidget(self.tiles)
        content.addWidget(self.charts, 1)
        # made for 1600 × 1000 and a projector; a smaller window scrolls instead of being held wider
        self._scroll = scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_width(event.size().width())

    def fit_width(self, width: int) -> None:
        """The tiles in one row, the charts three to a row and the subtitle beside the title; where `width` pixels do
        not hold the tiles' row (a small screen, or beside the presenter panel), two rows of tiles, charts two to a
        row, the subtitle under the title."""
        room = width - 2 * PAGE_MARGIN - self._scroll.verticalScrollBar().sizeHint().width()
        wide = room >= self.tiles.one_row_width()
        self.tiles.arrange(ONE_ROW if wide else WRAPPED_COLUMNS)
        self.charts.set_columns(COLUMNS if wide else 2)
        self._heading.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    def refresh(self) -> None:
        assert self.workspace is not None
        # the read and the charts allocate a lot: a full collection in between would delay the paint
        self.collector.hold()
        today = self._today()
        self.rows = DashboardService(self.workspace.workspace).read(today)
        self.dashboard = work_out(self.rows)
        settings = self.rows.settings
        self.title.setText(settings.name)
        self.subtitle.setText(
            self.tr("{0} · discount rate {1:g} % · {2} years · as of {3}").format(
                settings.currency, settings.discount_rate * 100, settings.horizon, today.isoformat()
            )
        )
        self.tiles.show_headline(self.dashboard.headline)
        self.fit_width(self.width())  # the figures' texts set the width the tiles' row needs
        self.alerts.show_alerts(self.rows.alerts, self.dashboard.headline.alerts_per_kind)
        self.charts.show_data(self.dashboard.charts)
        self.alerts_counted.emit(len(self.rows.alerts))

    def focus_find(self) -> None:
        self.alerts.focus_list()

    # where clicks lead

    def chart_picked(self, chart: str, gid: str) -> None:
        """A bar, point or cell of a chart was clicked: open the view filtered to it."""
        found = self.target_of(chart, gid)
        if found is not None:
            self.open_view.emit(*found)

    def target_of(self, chart: str, gid: str) -> tuple[str, Target] | None:
        """The view and target a chart element leads to; None for elements that stand for no one item."""
        if chart == charts.OUTCOMES:
            if self.rows is None or gid not in set(self.rows.outcome_of.values()):
                return None  # e.g. the bar of the outcomes beyond the top ones
            return "board", Target(targets.OUTCOME, gid)
        if chart == charts.CASH:
            return "roi", Target(targets.PORTFOLIO)
        if chart == charts.MATURITY:
            return "matrix", Target(targets.CAPABILITY, gid)
        first, _, second = gid.partition(",")
        if chart == charts.READINESS and second.isdigit():
            return "board", Target(targets.READINESS, (first, int(second)))
        if chart == charts.HEAT and first.isdigit() and second.isdigit():
            return "risks", Target(targets.CELL, (int(first), int(second)))
        return None

    def open_alert(self, alert: Alert) -> None:
        self.open_view.emit(*target_for_alert(alert))


class _Page(QWidget):
    """The scrolled page: it asks for no more than its minimum, so it fills the window and scrolls only
    below that (matplotlib canvases would otherwise ask for their figures' default size)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSizeHint()


class _PageLayout(QVBoxLayout):
    """The page's layout, which the scroll area must not size by height-for-width (the tiles' wrapped
    labels would make it ask for the canvases' default height)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False
