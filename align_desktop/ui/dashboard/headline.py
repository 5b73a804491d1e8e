"""The row of headline tiles: portfolio value per scenario, initiatives by lane and status, capability
gaps, risks above appetite and the alert count; each tile (or link in it) asks to open a view.
Where the dashboard is narrower than the row needs (a small screen, or beside the presenter panel),
the tiles stand in two rows of three.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from align_desktop.reports.formatting import compact_money, money
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.figures import Headline
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.dashboard.tiles import TILE_STYLE, ScenarioTile, Tile, link

TILE_HEIGHT = 124
SPACING = 10
ONE_ROW = 6
"""Tiles a row holds: all of them."""
WRAPPED_COLUMNS = 3
"""Tiles a row holds where one row of all six does not fit."""


class HeadlineTiles(QWidget):
    """Six tiles side by side, the status tile wider (seven statuses); or two rows of three."""

    open_view = Signal(str, object)
    """(view name, `Target`) of a tile or link clicked."""
    alerts_requested = Signal()
    """The alerts tile was clicked: the list is on this screen already."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self.value = ScenarioTile(
            self.tr("Portfolio value"), self.tr("Open the ROI view"), (self.tr("NPV"), self.tr("Risk-adjusted"))
        )
        self.initiatives = Tile(self.tr("Initiatives"), self.tr("Open the board; click a lane to show only its cards"))
        self.statuses = Tile(self.tr("By status"), self.tr("Click a status to show only its initiatives on the board"))
        self.gaps = Tile(self.tr("Capability gaps"), self.tr("Open the matrix at the gap that blocks most value"))
        self.risks = Tile(self.tr("Risks above appetite"), self.tr("Open the register filtered to them"))
        self.alerts = Tile(self.tr("Alerts"), self.tr("What to do about them is listed on the right"))
        self.value.activated.connect(lambda: self.open_view.emit("roi", Target(targets.PORTFOLIO)))
        self.initiatives.activated.connect(lambda: self.open_view.emit("board", Target(targets.ALL)))
        self.initiatives.link_activated.connect(self.follow_link)
        self.statuses.activated.connect(lambda: self.open_view.emit("board", Target(targets.ALL)))
        self.statuses.link_activated.connect(self.follow_link)
        self.gaps.activated.connect(lambda: self.open_view.emit("matrix", Target(targets.GAPS)))
        self.risks.activated.connect(lambda: self.open_view.emit("risks", Target(targets.ABOVE_APPETITE)))
        self.alerts.activated.connect(self.alerts_requested)
        self._stretches: list[tuple[Tile, int]] = [(self.value, 0), (self.initiatives, 10), (self.statuses, 15)]
        self._stretches += [(self.gaps, 10), (self.risks, 10), (self.alerts, 10)]
        """Each tile and its share of the width left over in one row."""
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        for tile, _ in self._stretches:
            tile.setFixedHeight(TILE_HEIGHT)
        self.columns = 0
        """Tiles per row as laid out now."""
        self.arrange(ONE_ROW)

    def one_row_width(self) -> int:
        """Pixels the six tiles need side by side, each as wide as its title and figures."""
        tiles = [tile for tile, _ in self._stretches]
        return sum(tile.minimumSizeHint().width() for tile in tiles) + SPACING * (len(tiles) - 1)

    def arrange(self, columns: int) -> None:
        """All six tiles in one row (`columns` 6), or in rows of `columns` equal columns."""
        if columns == self.columns:
            return
        one_row = columns >= len(self._stretches)
        for tile, _ in self._stretches:
            self._grid.removeWidget(tile)
        for number, (tile, _) in enumerate(self._stretches):
            self._grid.addWidget(tile, number // columns, number % columns)
        for column in range(len(self._stretches)):
            stretch = self._stretches[column][1] if one_row else int(column < columns)
            self._grid.setColumnStretch(column, stretch)
        width = QSizePolicy.Policy.Maximum if one_row else QSizePolicy.Policy.Expanding
        self.value.setSizePolicy(width, QSizePolicy.Policy.Fixed)
        self.columns = columns

    def follow_link(self, href: str) -> None:
        """`lane:<name>` or `status:<status>`: the board filtered to it."""
        kind, _, value = href.partition(":")
        self.open_view.emit("board", Target(targets.LANE if kind == "lane" else targets.STATUS, value))

    def show_headline(self, headline: Headline) -> None:
        currency = headline.currency
        self.value.title.setText(self.tr("Portfolio value ({0})").format(currency))
        figures = {self.tr("NPV"): "npv", self.tr("Risk-adjusted"): "risk_adjusted_npv"}
        values = {
            label: {name: getattr(totals, figure) for name, totals in headline.scenarios.items()}
            for label, figure in figures.items()
        }
        exact = "\n".join(
            f"{label}, {name}: {money(value, currency)}" for label, by in values.items() for name, value in by.items()
        )
        self.value.show_values(
            {label: {name: compact_money(value) for name, value in by.items()} for label, by in values.items()},
            {label: by["base"] < 0 for label, by in values.items()},
            self.tr("{0}\n{1} business cases; click to open the ROI view").format(exact, headline.cases),
        )
        lanes = " · ".join(link(f"lane:{lane}", f"{lane}\u00a0{n}") for lane, n in headline.per_lane.items())
        self.initiatives.show_figure(str(headline.initiatives), lanes)
        statuses = [link(f"status:{status}", f"{status}\u00a0{n}") for status, n in headline.per_status.items() if n]
        self.statuses.show_figure("", " · ".join(statuses), large=False)
        self.gaps.show_figure(
            str(headline.shortfalls),
            self.tr("shortfalls in {0} capabilities").format(headline.capabilities_blocking),
            warn=headline.shortfalls > 0,
            tip=self.tr(
                "{0} capability needs ask for more than the capability's current maturity; "
                "{1} capabilities hold up at least one initiative. Click to open the matrix."
            ).format(headline.shortfalls, headline.capabilities_blocking),
        )
        self.risks.show_figure(
            str(headline.risks_above_appetite),
            self.tr("of {0} open risks · appetite {1}").format(headline.open_risks, headline.appetite),
            warn=headline.risks_above_appetite > 0,
        )
        initiatives, risks = headline.alerted
        self.alerts.show_figure(
            str(headline.alerts),
            self.tr("on {0} initiatives and {1} risks").format(initiatives, risks)
            if headline.alerts
            else self.tr("The plan is consistent"),
            warn=headline.alerts > 0,
        )
