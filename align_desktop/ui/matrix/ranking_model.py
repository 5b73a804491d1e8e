"""Table model of the ranking: capabilities highest first by weighted gap, value unlocked or reuse.

Rows are capability indexes of a `MatrixGrid`, ranked as `domain.matrix.ranked` ranks, and the model
reset (a few hundred rows at most). The figure the ranking is by is shown bold.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from align_desktop.domain.matrix import CapabilityMetrics
from align_desktop.reports.formatting import compact_money, money
from align_desktop.store.rows import MatrixRows
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.grid import MatrixGrid

_Index = QModelIndex | QPersistentModelIndex
RANK_ORDERS = ("weighted gap", "value unlocked", "reuse")
"""Orders the ranking offers (keys of `domain.matrix.RANKINGS`); the first is the default."""
COLUMNS = (
    "rank",
    "capability",
    "weighted_gap",
    "levels_missing",
    "value_blocked",
    "value_unlocked",
    "reuse",
    "blocked",
)
RANK, CAPABILITY, WEIGHTED_GAP, LEVELS_MISSING, VALUE_BLOCKED, VALUE_UNLOCKED, REUSE, BLOCKED = range(len(COLUMNS))
_MONEY = (WEIGHTED_GAP, VALUE_BLOCKED, VALUE_UNLOCKED)
_BY_COLUMN = {"weighted gap": WEIGHTED_GAP, "value unlocked": VALUE_UNLOCKED, "reuse": REUSE}
_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RankingModel(QAbstractTableModel):
    """Capabilities ranked: which platform investment first?"""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid = MatrixGrid(MatrixRows("", [], [], []))
        self.by = RANK_ORDERS[0]
        self.order: list[int] = []
        """Capability index per row, highest first."""

    def set_grid(self, grid: MatrixGrid) -> None:
        self.grid = grid
        self.rank()

    def set_by(self, by: str) -> None:
        self.by = by
        self.rank()

    def rank(self) -> None:
        """Rank again from the grid's current metrics."""
        self.beginResetModel()
        self.order = self.grid.order(self.by)
        self.endResetModel()

    def keys(self) -> list[str]:
        return [self.grid.capabilities[c].key for c in self.order]

    def row_of(self, capability_index: int) -> int:
        return self.order.index(capability_index)

    def metrics_at(self, row: int) -> CapabilityMetrics:
        return self.grid.metrics[self.order[row]]

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        c = self.order[row]
        metrics = self.grid.metrics[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, c, metrics)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != CAPABILITY:
            return _NUMBER
        if role == Qt.ItemDataRole.FontRole and column == _BY_COLUMN[self.by]:
            return style.font(10, bold=True)
        if role == Qt.ItemDataRole.ForegroundRole and column == BLOCKED and metrics.blocked:
            return style.GAP_MARK
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(c)
        return None

    def _display(self, row: int, column: int, c: int, metrics: CapabilityMetrics) -> str:
        if column == RANK:
            return str(row + 1)
        if column == CAPABILITY:
            capability = self.grid.capabilities[c]
            return f"{capability.key} {capability.name}"
        if column in _MONEY:
            return compact_money(getattr(metrics, COLUMNS[column]))
        if column == BLOCKED:
            return str(len(metrics.blocked))
        return str(getattr(metrics, COLUMNS[column]))

    def tip(self, c: int) -> str:
        """What raising capability `c` would unblock, in words."""
        capability, metrics = self.grid.capabilities[c], self.grid.metrics[c]
        currency = self.grid.currency
        lines = [
            self.tr("{0} {1}: at {2}, target {3}").format(
                capability.key, capability.name, capability.current_maturity, capability.target_maturity
            ),
            self.tr("Weighted gap {0} = Σ levels missing × value of each blocked initiative").format(
                money(metrics.weighted_gap, currency)
            ),
        ]
        blocked = self.grid.blocked(c)
        if not blocked:
            needs = style.counted(metrics.reuse, self.tr("need"), self.tr("needs"))
            lines.append(self.tr("Blocks no initiative: its {0} are met.").format(needs))
        for i in blocked[:15]:
            initiative = self.grid.initiatives[i]
            level = self.grid.level(i, c)
            lines.append(f"  {initiative.key} {initiative.title} · needs {level} · {money(initiative.value, currency)}")
        if len(blocked) > 15:
            lines.append(self.tr("  … and {0} more").format(len(blocked) - 15))
        return "\n".join(lines)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        currency = self.grid.currency or "money"
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "#",
                self.tr("Capability"),
                self.tr("Weighted\ngap"),
                self.tr("Levels\nmissing"),
                self.tr("Value\nblocked"),
                self.tr("Value\nunlocked"),
                self.tr("Reuse"),
                self.tr("Unblocks"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Rank"),
                self.tr("Capability key and name"),
                self.tr("Levels missing × value blocked: Σ over the initiatives it blocks of (levels short × NPV)"),
                self.tr("Σ of the levels by which the current maturity falls short of what initiatives need"),
                self.tr("Σ of the positive risk-adjusted NPVs ({0}) of the initiatives it blocks").format(currency),
                self.tr("Σ of the positive risk-adjusted NPVs ({0}) of the initiatives that need it").format(currency),
                self.tr("How many initiatives need it"),
                self.tr("How many initiatives wait for it to mature (need more than its current level)"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != CAPABILITY:
            return _NUMBER
        return None
