"""Table model of the outcomes editor: precomputed rows, filtered and sorted in Python, then reset.

No `QSortFilterProxyModel`: sorting the list here and resetting is orders of magnitude faster
(see DESIGN.md). Rows whose sort value is blank always go last, in either order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from align_desktop.domain.keys import key_sort_value
from align_desktop.store.board_rows import OutcomeRow

_Index = QModelIndex | QPersistentModelIndex
_NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_number(value: float | None, *, grouped: bool = True) -> str:
    """`2.1` rather than `2.100000`; blank for None. `grouped` adds thousands separators."""
    if value is None:
        return ""
    if grouped:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


@dataclass(frozen=True)
class _Column:
    attribute: str
    numeric: bool = False

    def value(self, row: OutcomeRow) -> Any:
        return getattr(row, self.attribute)

    def display(self, row: OutcomeRow) -> str:
        value = self.value(row)
        if isinstance(value, float) or (self.numeric and value is None):
            return format_number(value)
        return str(value)

    def sort_value(self) -> Callable[[OutcomeRow], Any]:
        if self.attribute == "key":
            return lambda row: key_sort_value(row.key)
        values = attrgetter(self.attribute)
        if self.numeric:
            return values
        return lambda row: values(row).casefold()


COLUMNS: tuple[_Column, ...] = (
    _Column("key"),
    _Column("name"),
    _Column("metric"),
    _Column("baseline", numeric=True),
    _Column("target", numeric=True),
    _Column("unit"),
    _Column("owner"),
    _Column("initiative_count", numeric=True),
)
KEY, NAME, METRIC, BASELINE, TARGET, UNIT, OWNER, INITIATIVES = range(len(COLUMNS))


class OutcomeTableModel(QAbstractTableModel):
    """Read-only rows of outcomes; the form beside the table edits the selected one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Key"),
            self.tr("Name"),
            self.tr("Metric"),
            self.tr("Baseline"),
            self.tr("Target"),
            self.tr("Unit"),
            self.tr("Owner"),
            self.tr("Initiatives"),
        )
        self._header_tips = {
            INITIATIVES: self.tr("Number of initiatives tied to the outcome"),
        }
        self._all: list[OutcomeRow] = []
        self._haystacks: list[str] = []
        self._rows: list[OutcomeRow] = []
        self._row_of_key: dict[str, int] = {}
        self._words: list[str] = []
        self._sort_column = KEY
        self._sort_order = Qt.SortOrder.AscendingOrder

    # the rows

    def set_rows(self, rows: list[OutcomeRow]) -> None:
        """Show these outcomes, keeping the current filter and sort."""
        self.beginResetModel()
        self._all = sorted(rows, key=COLUMNS[KEY].sort_value())  # ties of any other sort go by key
        self._haystacks = ["\n".join((row.key, row.name, row.metric, row.owner)).casefold() for row in self._all]
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only outcomes whose key, name, metric or owner contains every word of `text`."""
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.beginResetModel()
        self._sort_column, self._sort_order = column, order
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        shown = [
            row
            for row, haystack in zip(self._all, self._haystacks, strict=True)
            if all(word in haystack for word in self._words)
        ]
        column = COLUMNS[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if column.attribute == "key":
            self._rows = shown[::-1] if descending else shown
        else:
            values = attrgetter(column.attribute)
            present = [row for row in shown if values(row) not in (None, "")]
            blank = [row for row in shown if values(row) in (None, "")]
            present.sort(key=column.sort_value(), reverse=descending)
            self._rows = present + blank
        self._row_of_key = {row.key: number for number, row in enumerate(self._rows)}

    def row_at(self, index: _Index | int) -> OutcomeRow:
        """The outcome shown in the row of `index` (a model index or a row number)."""
        return self._rows[index if isinstance(index, int) else index.row()]

    def index_of_key(self, key: str) -> int | None:
        """The row showing outcome `key`, or None when it is filtered out or gone."""
        return self._row_of_key.get(key)

    def total_count(self) -> int:
        """How many outcomes there are, shown or filtered out."""
        return len(self._all)

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ToolTipRole and row.description:
            return row.description
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].numeric:
            return _NUMBER_ALIGNMENT
        return None
