"""The two heat maps above the register: inherent (before treatment) and residual (after).

Both show every risk of the register that is not closed, whatever the register's filters, so the
counts per cell are the whole live picture; the risk selected in the table is marked in both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from align_desktop.store.rows import RiskRow
from align_desktop.ui.risks.filters import HeatCell
from align_desktop.ui.risks.heatmap import HeatMap, HeatPoint


class HeatMaps(QWidget):
    """Inherent and residual heat maps side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inherent = HeatMap(self.tr("Inherent risk: before treatment"))
        self.residual = HeatMap(self.tr("Residual risk: after treatment"))
        self._risks: list[RiskRow] = []
        self._appetite = 0
        self._selected: str | None = None
        self.filter_cell: HeatCell | None = None
        """The cell filtering the register, as last handed to the maps."""
        self.points: dict[bool, list[HeatPoint]] = {False: [], True: []}
        """What each map was last given: inherent (False) and residual (True) points."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.inherent, 1)
        layout.addWidget(self.residual, 1)

    def show_risks(self, risks: list[RiskRow], appetite: int, selected: str | None) -> None:
        """Show the risks that are not closed; mark `selected`."""
        self._risks = [risk for risk in risks if risk.status != "closed"]
        self._appetite, self._selected = appetite, selected
        self._update()

    def select(self, key: str | None) -> None:
        """Mark risk `key` (None: no risk) as selected in both maps."""
        if key != self._selected:
            self._selected = key
            self._update()

    def set_filter_cell(self, cell: HeatCell | None) -> None:
        """Highlight the cell filtering the register in its map (and none in the other)."""
        self.filter_cell = cell
        self.inherent.set_filter_cell(None if cell is None or cell.residual else (cell.likelihood, cell.impact))
        self.residual.set_filter_cell((cell.likelihood, cell.impact) if cell is not None and cell.residual else None)

    def _update(self) -> None:
        selected, risks = self._selected, self._risks
        self.points = {
            False: [HeatPoint(r.key, r.title, r.likelihood, r.impact, r.key == selected) for r in risks],
            True: [
                HeatPoint(r.key, r.title, r.residual_likelihood, r.residual_impact, r.key == selected) for r in risks
            ],
        }
        self.inherent.set_points(self.points[False], self._appetite)
        self.residual.set_points(self.points[True], self._appetite)

    def keys_in(self, residual: bool, likelihood: int, impact: int) -> list[str]:
        """The keys a map was given for one cell, in key order."""
        return [p.key for p in self.points[residual] if (p.likelihood, p.impact) == (likelihood, impact)]
