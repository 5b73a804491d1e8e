"""Table model of the capability matrix: initiative rows (grouped), capability columns, required level per cell.

It reads a `MatrixGrid` (plain arrays and one dict of levels) through a row layout (initiative
index, or a group title row) and a column order (capability indexes); `data()` only looks up a
level and a shared brush. Ordering and grouping rebuild the two lists and reset the model
(DESIGN.md: no `QSortFilterProxyModel`). One changed cell emits one `dataChanged` and the two
header changes. Edits go to `commit(row, column, level)`, which the view sets: it stores the
change as one undo step and then calls `cell_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from align_desktop.domain.matrix import CapabilityMetrics
from align_desktop.reports.formatting import money, money_short
from align_desktop.store.rows import CapabilityRow, MatrixInitiative, MatrixRows
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.grid import GROUPINGS, ORDERS, Group, MatrixGrid

_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
_DISPLAY, _EDIT, _TOOLTIP = _Role.DisplayRole, _Role.EditRole, _Role.ToolTipRole
_BACKGROUND, _FOREGROUND, _FONT = _Role.BackgroundRole, _Role.ForegroundRole, _Role.FontRole
_ALIGNMENT = _Role.TextAlignmentRole
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT, _ALIGNMENT})
_CENTER = Qt.AlignmentFlag.AlignCenter
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_TEXTS = {(level, gap): f"{level} ▲{gap}" if gap > 0 else str(level) for level in range(1, 6) for gap in range(-4, 5)}
"""What a cell shows for each (required level, levels missing): gaps read without colour."""

Commit = Callable[[int, int, "int | None"], bool]


class MatrixModel(QAbstractTableModel):
    """Initiatives × capabilities; a cell is the required maturity level 1–5 or empty."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid = MatrixGrid(MatrixRows("", [], [], []))
        self.order_by = ORDERS[0]
        self.group_by = GROUPINGS[0]
        self.commit: Commit = lambda _row, _column, _level: False
        self._rows: list[int] = []
        """Initiative index per row; −(g + 1) for the title row of group g."""
        self._groups: list[Group] = []
        self._row_of: list[int] = []
        self.columns: list[int] = []
        """Capability index per column."""
        self._column_of: list[int] = []
        self._bold = style.font(10, bold=True)

    # arranging

    def set_grid(self, grid: MatrixGrid, *, keep_order: bool = False) -> None:
        """Show a freshly read matrix; `keep_order` keeps the capabilities where they are (new ones last)."""
        self.beginResetModel()
        previous = [self.grid.capabilities[c].key for c in self.columns] if keep_order else []
        self.grid = grid
        if keep_order:
            place = {key: n for n, key in enumerate(previous)}
            fresh = {c: len(place) + n for n, c in enumerate(grid.order(self.order_by))}
            self.columns = sorted(fresh, key=lambda c: place.get(grid.capabilities[c].key, fresh[c]))
        else:
            self.columns = grid.order(self.order_by)
        self._arrange_columns()
        self._arrange_rows()
        self.endResetModel()

    def set_order(self, by: str) -> None:
        """Order the capability columns by one of `ORDERS`, highest first."""
        self.beginResetModel()
        self.order_by = by
        self.columns = self.grid.order(by)
        self._arrange_columns()
        self.endResetModel()

    def set_grouping(self, by: str) -> None:
        """Group the initiative rows by lane or by outcome."""
        self.beginResetModel()
        self.group_by = by
        self._arrange_rows()
        self.endResetModel()

    def order_is_current(self) -> bool:
        """Whether the columns are still in the chosen order (edits leave them where they are)."""
        return self.columns == self.grid.order(self.order_by)

    def _arrange_columns(self) -> None:
        self._column_of = [0] * self.grid.width
        for column, c in enumerate(self.columns):
            self._column_of[c] = column

    def _arrange_rows(self) -> None:
        self._groups = self.grid.groups(self.group_by)
        self._rows = []
        self._row_of = [0] * len(self.grid.initiatives)
        for g, group in enumerate(self._groups):
            self._rows.append(-(g + 1))
            for i in group.members:
                self._row_of[i] = len(self._rows)
                self._rows.append(i)

    # addressing

    def initiative_at(self, row: int) -> MatrixInitiative | None:
        """The initiative of a row; None for a group title row."""
        i = self._rows[row]
        return self.grid.initiatives[i] if i >= 0 else None

    def initiative_index_at(self, row: int) -> int:
        """Initiative index of a row; −1 for a group title row."""
        i = self._rows[row]
        return i if i >= 0 else -1

    def group_at(self, row: int) -> Group | None:
        i = self._rows[row]
        return self._groups[-i - 1] if i < 0 else None

    def capability_at(self, column: int) -> CapabilityRow:
        return self.grid.capabilities[self.columns[column]]

    def metrics_at(self, column: int) -> CapabilityMetrics:
        return self.grid.metrics[self.columns[column]]

    def row_of(self, initiative_index: int) -> int:
        return self._row_of[initiative_index]

    def column_of(self, capability_index: int) -> int:
        return self._column_of[capability_index]

    def cell_changed(self, i: int, c: int, level: int | None) -> None:
        """Set one cell in the grid and tell the views: the cell and both headers."""
        self.grid.set_level(i, c, level)
        row, column = self._row_of[i], self._column_of[c]
        index = self.index(row, column)
        self.dataChanged.emit(index, index)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS if self._rows[index.row()] >= 0 else _GROUP_FLAGS

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        i = self._rows[index.row()]
        if i < 0:
            return style.GROUP_BRUSH if role == _BACKGROUND else None
        grid = self.grid
        c = self.columns[index.column()]
        level = grid.levels.get(i * grid.width + c)
        if role == _TOOLTIP:
            return self._cell_tip(i, c, level)
        if level is None:
            return None
        gap = level - grid.current[c]
        if role == _DISPLAY:
            return _TEXTS[level, gap]
        if role == _BACKGROUND:
            return style.gap_brush(gap) if gap > 0 else style.MET_BRUSH
        if role == _ALIGNMENT:
            return _CENTER
        if role == _FOREGROUND:
            return style.gap_text(gap) if gap > 0 else style.TEXT_BRUSH
        if role == _FONT:
            return self._bold if gap > 0 else None
        return level  # EditRole

    def setData(self, index: _Index, value: Any, role: int = _EDIT) -> bool:  # noqa: N802 - Qt API
        if role != _EDIT or not index.isValid() or self._rows[index.row()] < 0:
            return False
        level = None if value in (None, 0, "") else int(value)
        return self.commit(index.row(), index.column(), level)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return self.column_text(section) if role == _DISPLAY else self.column_tip(section)
        if not 0 <= section < len(self._rows):
            return None
        return self.row_text(section) if role == _DISPLAY else self.row_tip(section)

    # texts

    def column_text(self, column: int) -> str:
        """A capability column's header: key and name, maturity, reuse, value unlocked."""
        capability, metrics = self.capability_at(column), self.metrics_at(column)
        return "\n".join(
            (
                f"{capability.key} {capability.name}",
                self.tr("maturity {0} → {1}").format(capability.current_maturity, capability.target_maturity),
                self.tr("reuse {0}").format(metrics.reuse),
                money_short(metrics.value_unlocked, self.grid.currency),
            )
        )

    def column_tip(self, column: int) -> str:
        capability, metrics = self.capability_at(column), self.metrics_at(column)
        currency = self.grid.currency
        lines = [
            f"{capability.key} {capability.name} ({capability.category})",
            self.tr("Current maturity {0}, target {1}").format(capability.current_maturity, capability.target_maturity),
            self.tr("Needed by {0}; value unlocked {1}").format(
                style.counted(metrics.reuse, self.tr("initiative"), self.tr("initiatives")),
                money(metrics.value_unlocked, currency),
            ),
        ]
        blocked = self.grid.blocked(self.columns[column])
        if blocked:
            lines.append(
                self.tr("Blocks {0} worth {1} ({2} missing):").format(
                    style.counted(len(blocked), self.tr("initiative"), self.tr("initiatives")),
                    money(metrics.value_blocked, currency),
                    style.counted(metrics.levels_missing, self.tr("level"), self.tr("levels")),
                )
            )
            lines += [f"  {self.grid.initiatives[i].key} {self.grid.initiatives[i].title}" for i in blocked[:12]]
            if len(blocked) > 12:
                lines.append(self.tr("  … and {0} more").format(len(blocked) - 12))
        else:
            lines.append(self.tr("Blocks no initiative"))
        return "\n".join(lines)

    def row_text(self, row: int) -> str:
        initiative, group = self.initiative_at(row), self.group_at(row)
        if group is not None:
            return self.group_text(group)
        assert initiative is not None
        return f"{initiative.key} {initiative.title}"

    def group_text(self, group: Group) -> str:
        return self.tr("{0} · {1} · {2}").format(
            group.title,
            style.counted(len(group.members), self.tr("initiative"), self.tr("initiatives")),
            money_short(group.value, self.grid.currency),
        )

    def row_tip(self, row: int) -> str:
        group = self.group_at(row)
        if group is not None:
            return self.group_text(group)
        i = self._rows[row]
        initiative = self.grid.initiatives[i]
        lines = [
            f"{initiative.key} {initiative.title}",
            self.tr("Lane {0} · outcome {1}").format(initiative.lane, initiative.outcome or "—"),
            self.tr("Risk-adjusted NPV {0}").format(money(initiative.value, self.grid.currency)),
        ]
        gaps = self.grid.row_gaps[i]
        if gaps:
            waits = style.counted(gaps, self.tr("capability"), self.tr("capabilities"))
            lines.append(self.tr("Waits for {0} below the level it needs").format(waits))
        return "\n".join(lines)

    def _cell_tip(self, i: int, c: int, level: int | None) -> str:
        initiative, capability = self.grid.initiatives[i], self.grid.capabilities[c]
        current = capability.current_maturity
        if level is None:
            return self.tr("{0} does not need {1} {2} (at {3}). Type 1–5 or click to set a level.").format(
                initiative.key, capability.key, capability.name, current
            )
        gap = level - current
        text = self.tr("{0} needs {1} {2} at level {3} ({4}); it is at {5}").format(
            initiative.key, capability.key, capability.name, level, style.LEVEL_NAMES[level], current
        )
        if gap > 0:
            return text + self.tr(": {0} missing.").format(style.counted(gap, self.tr("level"), self.tr("levels")))
        return text + self.tr(": met.")
