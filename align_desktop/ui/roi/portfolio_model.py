"""Table model of the portfolio: every initiative with a business case, ranked by a figure.

Rows are precomputed (`PortfolioEntry`), sorted in Python and the model reset (DESIGN.md: no
`QSortFilterProxyModel`). A blank figure (no ROI without costs, no payback within the horizon)
sorts last in either order; ties keep key order. The default ranking is NPV, highest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.roi import Figures
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi.cost_model import NUMBER_ALIGNMENT

_Index = QModelIndex | QPersistentModelIndex
_NEGATIVE = QColor("#c62828")


@dataclass(frozen=True)
class PortfolioEntry:
    """One initiative's base-scenario figures as the portfolio table ranks them."""

    key: str
    title: str
    npv: float
    risk_adjusted_npv: float
    roi: float | None
    npv_per_cost: float | None
    payback: float | None

    @classmethod
    def of(cls, key: str, title: str, figures: Figures) -> PortfolioEntry:
        return cls(
            key, title, figures.npv, figures.risk_adjusted_npv, figures.roi, figures.npv_per_cost, figures.payback
        )


COLUMNS = ("key", "title", "npv", "risk_adjusted_npv", "roi", "npv_per_cost", "payback")
KEY, TITLE, NPV, RISK_ADJUSTED_NPV, ROI, NPV_PER_COST, PAYBACK = range(len(COLUMNS))


def _display(column: int, value: Any) -> str:
    if column in (KEY, TITLE):
        return str(value)
    if value is None:
        return "—"
    if column in (NPV, RISK_ADJUSTED_NPV):
        return fmt.amount(round(value))
    if column == ROI:
        return fmt.percent(value)
    if column == NPV_PER_COST:
        return f"{value:.2f}".replace("-", fmt.MINUS)
    return f"{value:.2f}"


class PortfolioModel(QAbstractTableModel):
    """Read-only ranking of the cases; click a row to pick its initiative."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[PortfolioEntry] = []
        self._rows: list[PortfolioEntry] = []
        self._currency = ""
        self.sort_column = NPV
        self.sort_order = Qt.SortOrder.DescendingOrder

    def set_entries(self, entries: Iterable[PortfolioEntry], currency: str) -> None:
        """Show these cases, keeping the current ranking."""
        self.beginResetModel()
        self._all = sorted(entries, key=lambda entry: key_sort_value(entry.key))
        self._currency = currency
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.beginResetModel()
        self.sort_column, self.sort_order = column, order
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        name = COLUMNS[self.sort_column]
        if self.sort_column == KEY:
            self._rows = self._all[::-1] if descending else list(self._all)
            return
        value: Callable[[PortfolioEntry], Any] = lambda entry: getattr(entry, name)  # noqa: E731
        if self.sort_column == TITLE:
            value = lambda entry: entry.title.casefold()  # noqa: E731
        present = [entry for entry in self._all if value(entry) is not None]
        blank = [entry for entry in self._all if value(entry) is None]
        present.sort(key=value, reverse=descending)
        self._rows = present + blank

    def entry_at(self, row: int) -> PortfolioEntry:
        return self._rows[row]

    def row_of_key(self, key: str) -> int | None:
        return next((row for row, entry in enumerate(self._rows) if entry.key == key), None)

    def keys(self) -> list[str]:
        """Keys in the order shown."""
        return [entry.key for entry in self._rows]

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        value = getattr(entry, COLUMNS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > TITLE:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and column > TITLE and value is not None and value < 0:
            return _NEGATIVE
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (NPV, RISK_ADJUSTED_NPV):
                return fmt.money_exact(value, self._currency)
            if column == TITLE:
                return entry.title
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Key"),
                self.tr("Initiative"),
                self.tr("NPV ({0})").format(self._currency) if self._currency else self.tr("NPV"),
                self.tr("Risk-adjusted NPV"),
                self.tr("ROI %"),
                self.tr("NPV per unit of cost"),
                self.tr("Payback (years)"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Initiative key"),
                self.tr("Initiative title"),
                self.tr("Net present value, base scenario"),
                self.tr("NPV with benefits multiplied by the initiative's confidence %"),
                self.tr("(total benefit − total cost) / total cost, undiscounted"),
                self.tr("NPV divided by the total (undiscounted) cost: how hard each unit of spend works"),
                self.tr("Years until the cumulative cash flow reaches zero; — when not within the horizon"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > TITLE:
            return NUMBER_ALIGNMENT
        return None
