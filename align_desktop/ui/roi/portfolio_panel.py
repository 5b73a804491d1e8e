"""The portfolio table under the editor: ranked cases, totals per scenario, click a row to pick it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from align_desktop.domain.roi import Figures
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi import portfolio_model as columns
from align_desktop.ui.roi.case_editor import heading, muted
from align_desktop.ui.roi.portfolio_model import PortfolioEntry, PortfolioModel

_WIDTHS = {  # in average character widths; the title takes the rest
    columns.KEY: 6,
    columns.NPV: 12,
    columns.RISK_ADJUSTED_NPV: 16,
    columns.ROI: 9,
    columns.NPV_PER_COST: 18,
    columns.PAYBACK: 14,
}


class PortfolioPanel(QWidget):
    """Every initiative with a business case, ranked; `picked(key)` when the user chooses a row."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._picked: str | None = None
        self.model = PortfolioModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Portfolio"))
        self.table.setToolTip(self.tr("Click a column header to rank by it; click a row to open its business case"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(columns.TITLE, QHeaderView.ResizeMode.Stretch)
        character = self.table.fontMetrics().averageCharWidth()
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width * character + 24)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(lambda: self.select(self._picked))  # after the selection model's reset
        self.count = muted()
        self.count.setWordWrap(False)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName(self.tr("Portfolio totals"))
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Portfolio")))
        top.addWidget(self.count)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_figures(
        self,
        figures: Mapping[str, Mapping[str, Figures]],
        titles: Mapping[str, str],
        currency: str,
        picked: str | None,
    ) -> None:
        """Rank the cases by their base-scenario figures and total each scenario's NPVs."""
        entries = [PortfolioEntry.of(key, titles[key], by_scenario["base"]) for key, by_scenario in figures.items()]
        names = dict.fromkeys(name for by_scenario in figures.values() for name in by_scenario)
        totals = {
            name: (
                sum(by_scenario[name].npv for by_scenario in figures.values()),
                sum(by_scenario[name].risk_adjusted_npv for by_scenario in figures.values()),
            )
            for name in names
        }
        self.show_portfolio(entries, totals, currency, picked)

    def show_portfolio(
        self,
        entries: list[PortfolioEntry],
        totals: Mapping[str, tuple[float, float]],
        currency: str,
        picked: str | None,
    ) -> None:
        """Show the ranked cases and the (NPV, risk-adjusted NPV) totals of each scenario; select `picked`."""
        self._quiet = True
        try:
            self._picked = picked
            self.model.set_entries(entries, currency)
        finally:
            self._quiet = False
        count = len(entries)
        self.count.setText(self.tr("{0} business cases").format(count) if count != 1 else self.tr("1 business case"))
        if not entries:
            self.totals.setText(self.tr("No business cases yet: pick an initiative above and type its benefit."))
            return
        npv, risk_adjusted = totals.get("base", (0.0, 0.0))
        parts = [
            self.tr("<b>Portfolio NPV {0}</b>").format(fmt.money(npv, currency)),
            self.tr("risk-adjusted {0}").format(fmt.money(risk_adjusted, currency)),
        ]
        names = {"pessimistic": self.tr("pessimistic NPV {0}"), "optimistic": self.tr("optimistic NPV {0}")}
        for name, text in names.items():
            if name in totals:
                parts.append(text.format(fmt.money(totals[name][0], currency)))
        self.totals.setText(" · ".join(parts))

    def select(self, key: str | None) -> None:
        """Select the row of `key` (or nothing) without emitting `picked`."""
        self._picked = key
        row = self.model.row_of_key(key) if key is not None else None
        quiet, self._quiet = self._quiet, True
        try:
            if row is None:
                self.table.selectionModel().clear()
                return
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._quiet = quiet

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self._picked = self.model.entry_at(current.row()).key
            self.picked.emit(self._picked)
