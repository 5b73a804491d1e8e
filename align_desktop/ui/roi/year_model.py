"""Table model of the picked case year by year: adoption % (editable), benefit, costs, cash flow.

Columns are years 0 … H; the rows below adoption are the base-scenario flows of the case as
it is being typed, so the table follows every keystroke. Like the cost lines, an edited
adoption cell is handed to `commit`; the model itself never writes. Values update in place
(no reset) while the horizon stays the same, so an open editor is not closed by a keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from align_desktop.domain.roi import Flows
from align_desktop.reports.charts import cumulative
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi.cost_model import ERROR_BRUSH, NUMBER_ALIGNMENT, Committer
from align_desktop.ui.roi.draft import ADOPTION, Field

_Index = QModelIndex | QPersistentModelIndex
ADOPTION_ROW, BENEFIT_ROW, COST_ROW, CASH_FLOW_ROW, CUMULATIVE_ROW = range(5)
_NEGATIVE = QColor("#c62828")


class YearModel(QAbstractTableModel):
    """Rows: Adoption %, Benefit, Costs, Cash flow, Cumulative; columns: Year 0 … Year H."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._horizon = -1
        self._adoption: list[float | None] = []
        self._rows: list[list[float]] = []
        self._errors: dict[Field, str] = {}
        self.commit: Committer | None = None
        self._names = (
            self.tr("Adoption %"),
            self.tr("Benefit"),
            self.tr("Costs"),
            self.tr("Cash flow"),
            self.tr("Cumulative"),
        )
        self._tips = (
            self.tr("Share of the full annual benefit reached in each year (the staged rollout); type a percentage"),
            self.tr("Annual benefit × adoption"),
            self.tr("Sum of the cost lines"),
            self.tr("Benefit − costs"),
            self.tr("Running total of the cash flow; payback is where it reaches zero"),
        )

    def set_values(self, adoption: Sequence[float | None], flows: Flows, errors: Mapping[Field, str]) -> None:
        """Show these adoption shares and flows (years 0 … H) and mark refused adoption cells."""
        horizon = len(flows.benefits) - 1
        cash = list(flows.cash_flows)
        rows = [list(flows.benefits), list(flows.costs), cash, cumulative(cash)]
        mine = {field: message for field, message in errors.items() if field.kind == ADOPTION}
        if horizon != self._horizon:
            self.beginResetModel()
            self._horizon, self._adoption, self._rows, self._errors = horizon, list(adoption), rows, mine
            self.endResetModel()
            return
        self._adoption, self._rows, self._errors = list(adoption), rows, mine
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def field_at(self, index: _Index) -> Field | None:
        if not index.isValid() or index.row() != ADOPTION_ROW:
            return None
        return Field(ADOPTION, year=index.column())

    def choices(self, index: _Index) -> tuple[str, ...]:
        return ()

    def value(self, row: int, year: int) -> float | None:
        """The number a cell shows (a share for adoption), for checks."""
        return self._adoption[year] if row == ADOPTION_ROW else self._rows[row - 1][year]

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() or self._horizon < 0 else len(self._names)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._horizon + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, year = index.row(), index.column()
        value = self.value(row, year)
        field = self.field_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt.share(value) if row == ADOPTION_ROW else fmt.amount(None if value is None else round(value))
        if role == Qt.ItemDataRole.EditRole:
            return fmt.share_editable(value) if row == ADOPTION_ROW else fmt.editable(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.FontRole and row in (ADOPTION_ROW, CUMULATIVE_ROW):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row != ADOPTION_ROW and value is not None and value < 0:
            return _NEGATIVE
        if role == Qt.ItemDataRole.BackgroundRole and field in self._errors:
            return ERROR_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            if field in self._errors:
                return self._errors[field]
            if row != ADOPTION_ROW and value is not None:
                return fmt.amount(value)  # to the cent
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Year {0}").format(section)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return NUMBER_ALIGNMENT
            return None
        if not 0 <= section < len(self._names):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.row() == ADOPTION_ROW:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field = self.field_at(index)
        if role != Qt.ItemDataRole.EditRole or field is None or self.commit is None:
            return False
        return self.commit(field, "" if value is None else str(value))
