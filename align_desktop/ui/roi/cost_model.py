"""Table model of a business case's cost lines: Category, Description, Year 0 … Year H, Total.

The model holds the stored rows and never writes: an edited cell is handed to `commit`
(the view stores it, one undo step) and shows the stored value again after the reload. A
refused cell stays marked (red, with the message as tooltip) until it is edited again. An
unchanged set of lines updates in place rather than resetting, so selection and open editors
survive a reload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from align_desktop.domain.roi import COST_CATEGORIES
from align_desktop.store.case_rows import CostLineRow
from align_desktop.ui.roi import format as fmt
from align_desktop.ui.roi.draft import AMOUNT, CATEGORY, DESCRIPTION, Field

_Index = QModelIndex | QPersistentModelIndex
Committer = Callable[[Field, str], bool]
"""Store the text typed for a field; False when it was refused."""

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_BRUSH = QBrush(QColor("#ffcdd2"))
CATEGORY_COLUMN, DESCRIPTION_COLUMN, FIRST_YEAR_COLUMN = 0, 1, 2


class CostLineModel(QAbstractTableModel):
    """Cost lines of the picked case over years 0 … H, with a total per line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[CostLineRow, ...] = ()
        self._horizon = 0
        self._errors: dict[Field, str] = {}
        self.commit: Committer | None = None

    def set_lines(self, lines: tuple[CostLineRow, ...], horizon: int) -> None:
        """Show `lines`; in place when the same lines over the same years are shown already."""
        if horizon == self._horizon and [line.key for line in lines] == [line.key for line in self._lines]:
            self._lines = lines
            self._changed_all()
            return
        self.beginResetModel()
        self._lines, self._horizon = lines, horizon
        self.endResetModel()

    def set_errors(self, errors: Mapping[Field, str]) -> None:
        """Mark the cells of these fields as refused, with the message as their tooltip."""
        mine = {field: message for field, message in errors.items() if field.kind in (AMOUNT, CATEGORY, DESCRIPTION)}
        if mine != self._errors:
            self._errors = mine
            self._changed_all()

    def _changed_all(self) -> None:
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def total_column(self) -> int:
        return FIRST_YEAR_COLUMN + self._horizon + 1

    def line_at(self, row: int) -> CostLineRow:
        return self._lines[row]

    def row_of_key(self, key: str) -> int | None:
        return next((row for row, line in enumerate(self._lines) if line.key == key), None)

    def field_at(self, index: _Index) -> Field | None:
        """The stored value a cell shows, or None for the total."""
        if not index.isValid() or index.column() >= self.total_column:
            return None
        key = self._lines[index.row()].key
        if index.column() == CATEGORY_COLUMN:
            return Field(CATEGORY, key)
        if index.column() == DESCRIPTION_COLUMN:
            return Field(DESCRIPTION, key)
        return Field(AMOUNT, key, index.column() - FIRST_YEAR_COLUMN)

    def choices(self, index: _Index) -> tuple[str, ...]:
        """The values a cell may take from a list (the category), else nothing."""
        return COST_CATEGORIES if index.column() == CATEGORY_COLUMN else ()

    def _total(self, line: CostLineRow) -> float:
        return sum(value or 0.0 for value in line.amounts[: self._horizon + 1])

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.total_column + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        field = self.field_at(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == CATEGORY_COLUMN:
                return line.category.capitalize() if role == Qt.ItemDataRole.DisplayRole else line.category
            if column == DESCRIPTION_COLUMN:
                return line.description
            value = self._total(line) if field is None else line.amounts[field.year]
            return fmt.amount(value) if role == Qt.ItemDataRole.DisplayRole else fmt.editable(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_YEAR_COLUMN:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.FontRole and field is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and field in self._errors:
            return ERROR_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            if field in self._errors:
                return self._errors[field]
            if column == DESCRIPTION_COLUMN and line.description:
                return line.description
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == CATEGORY_COLUMN:
                return self.tr("Category")
            if section == DESCRIPTION_COLUMN:
                return self.tr("Description")
            if section == self.total_column:
                return self.tr("Total")
            return self.tr("Year {0}").format(section - FIRST_YEAR_COLUMN)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == CATEGORY_COLUMN:
                return self.tr("Total-cost-of-ownership category of the cost")
            if section == self.total_column:
                return self.tr("Sum of the line over years 0 to {0}, before any scenario").format(self._horizon)
            if section >= FIRST_YEAR_COLUMN:
                return self.tr("Amount spent in year {0}; year 0 is the start, not discounted").format(
                    section - FIRST_YEAR_COLUMN
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= FIRST_YEAR_COLUMN:
            return NUMBER_ALIGNMENT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() < self.total_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field = self.field_at(index)
        if role != Qt.ItemDataRole.EditRole or field is None or self.commit is None:
            return False
        return self.commit(field, "" if value is None else str(value))
