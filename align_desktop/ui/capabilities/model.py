"""Table model of the capability catalogue: precomputed display rows, filtered and sorted in Python.

No `QSortFilterProxyModel`: the rows are sorted here and the model reset (see DESIGN.md). The
model never writes: an edited cell goes to `commit(key, field, value)`, which the view stores
as one undo step; the cell shows the stored value again after the reload. A reload that shows
the same capabilities in the same order updates in place, so the selection and scroll stay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from align_desktop.domain.capability import CAPABILITY_CATEGORIES, CAPABILITY_STATUSES
from align_desktop.domain.keys import key_sort_value
from align_desktop.reports.formatting import money
from align_desktop.store.rows import CapabilityRow
from align_desktop.ui.roi.format import editable

_Index = QModelIndex | QPersistentModelIndex
Committer = Callable[[str, str, object], bool]
"""Store `value` for (capability key, field); False when it was refused."""

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEVEL_ALIGNMENT = Qt.AlignmentFlag.AlignCenter
GAP_BACKGROUND = QBrush(QColor("#ffe0b2"))
GAP_FOREGROUND = QBrush(QColor("#8a4b00"))
MUTED_FOREGROUND = QBrush(QColor("#8a8f98"))


@dataclass(frozen=True)
class Column:
    field: str
    """The `CapabilityRow` attribute the column shows."""
    kind: str = "text"
    """text, choice, level (maturity 1–5), money or count."""
    editable: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("key", editable=False),
    Column("name"),
    Column("category", "choice"),
    Column("owner"),
    Column("status", "choice"),
    Column("current_maturity", "level"),
    Column("target_maturity", "level"),
    Column("annual_run_cost", "money"),
    Column("cost_owner"),
    Column("sla_target"),
    Column("reuse", "count", editable=False),
)
KEY, NAME, CATEGORY, OWNER, STATUS, CURRENT, TARGET, COST, COST_OWNER, SLA, REUSE = range(len(COLUMNS))
CHOICES = {"category": CAPABILITY_CATEGORIES, "status": CAPABILITY_STATUSES}


def choice_text(value: str) -> str:
    """How a category or status reads: `Feature store`."""
    return value[:1].upper() + value[1:]


@dataclass(frozen=True)
class DisplayRow:
    """A capability with the texts its cells show, worked out once per reload."""

    row: CapabilityRow
    texts: tuple[str, ...]
    haystack: str

    @property
    def gap(self) -> int:
        """Maturity levels still to climb; 0 when current has reached target."""
        return max(self.row.target_maturity - self.row.current_maturity, 0)


def _cell_text(row: CapabilityRow, column: Column, currency: str) -> str:
    value = getattr(row, column.field)
    if column.kind == "money":
        return money(value, currency)
    if column.kind == "choice":
        return choice_text(value)
    return str(value)


def display_row(row: CapabilityRow, currency: str) -> DisplayRow:
    texts = tuple(_cell_text(row, column, currency) for column in COLUMNS)
    haystack = "\n".join((row.key, row.name, row.category, row.owner, row.status)).casefold()
    return DisplayRow(row, texts, haystack)


def _sort_value(column: Column) -> Callable[[DisplayRow], Any]:
    if column.field == "key":
        return lambda shown: key_sort_value(shown.row.key)
    if column.kind in ("level", "money", "count"):
        return lambda shown: getattr(shown.row, column.field)
    return lambda shown: str(getattr(shown.row, column.field)).casefold()


class CapabilityTableModel(QAbstractTableModel):
    """The catalogue as table rows; editable cells hand their value to `commit`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Key"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Owner"),
            self.tr("Status"),
            self.tr("Current"),
            self.tr("Target"),
            self.tr("Annual run cost"),
            self.tr("Cost owner"),
            self.tr("SLA target"),
            self.tr("Reuse"),
        )
        self._header_tips = {
            CURRENT: self.tr("Current maturity, 1 (initial) to 5 (optimised); amber when it is below the target"),
            TARGET: self.tr("Target maturity, 1 (initial) to 5 (optimised): where the platform team is taking it"),
            COST: self.tr("What the capability costs to run per year, in the workspace currency"),
            COST_OWNER: self.tr("Who holds the budget for the run cost"),
            SLA: self.tr("The service level the owner commits to, e.g. 99.9 % availability"),
            REUSE: self.tr("Reuse: the number of initiatives that need this capability"),
        }
        self.commit: Committer | None = None
        self._currency = ""
        self._all: list[DisplayRow] = []
        self._rows: list[DisplayRow] = []
        self._row_of_key: dict[str, int] = {}
        self._words: list[str] = []
        self._category: str | None = None
        self._status: str | None = None
        self._sort_column = KEY
        self._sort_order = Qt.SortOrder.AscendingOrder

    # the rows

    def set_rows(self, rows: list[CapabilityRow], currency: str) -> None:
        """Show these capabilities, keeping the filter and sort; in place when the order is unchanged."""
        self._currency = currency
        all_rows = sorted((display_row(row, currency) for row in rows), key=_sort_value(COLUMNS[KEY]))
        shown = self._arranged(all_rows)
        keys = [item.row.key for item in shown]
        if keys == [item.row.key for item in self._rows]:
            self._all, self._rows = all_rows, shown
            if shown:
                self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, len(COLUMNS) - 1))
            return
        if sorted(keys) == sorted(self._row_of_key):
            self._all = all_rows
            self._move_rows(shown)
            return
        self.beginResetModel()
        self._all = all_rows
        self._show(shown)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only capabilities whose key, name, category, owner or status contains every word."""
        words = text.casefold().split()
        if words != self._words:
            self._words = words
            self._rearrange()

    def set_category(self, category: str | None) -> None:
        """Show only capabilities of this category (None: every category)."""
        if category != self._category:
            self._category = category
            self._rearrange()

    def set_status(self, status: str | None) -> None:
        """Show only capabilities with this status (None: every status)."""
        if status != self._status:
            self._status = status
            self._rearrange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort_column, self._sort_order = column, order
            self._move_rows(self._arranged(self._all))

    def _rearrange(self) -> None:
        self.beginResetModel()
        self._show(self._arranged(self._all))
        self.endResetModel()

    def _move_rows(self, shown: list[DisplayRow]) -> None:
        """Show the same capabilities in a new order as a layout change: selection and open editors follow."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._rows[index.row()].row.key for index in before]
        self._show(shown)
        after = [self.index(self._row_of_key[key], index.column()) for key, index in zip(keys, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _show(self, shown: list[DisplayRow]) -> None:
        self._rows = shown
        self._row_of_key = {item.row.key: number for number, item in enumerate(shown)}

    def _arranged(self, all_rows: list[DisplayRow]) -> list[DisplayRow]:
        """`all_rows` (in key order) filtered, then sorted; ties stay in key order, blanks go last."""
        shown = [
            item
            for item in all_rows
            if (self._category is None or item.row.category == self._category)
            and (self._status is None or item.row.status == self._status)
            and all(word in item.haystack for word in self._words)
        ]
        column = COLUMNS[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if column.field == "key":
            return shown[::-1] if descending else shown
        present = [item for item in shown if getattr(item.row, column.field) != ""]
        blank = [item for item in shown if getattr(item.row, column.field) == ""]
        present.sort(key=_sort_value(column), reverse=descending)
        return present + blank

    def row_at(self, index: _Index | int) -> CapabilityRow:
        """The capability shown in the row of `index` (a model index or a row number)."""
        return self._rows[index if isinstance(index, int) else index.row()].row

    def index_of_key(self, key: str) -> int | None:
        """The row showing capability `key`, or None when it is filtered out or gone."""
        return self._row_of_key.get(key)

    def total_count(self) -> int:
        """How many capabilities there are, shown or filtered out."""
        return len(self._all)

    def names(self) -> list[str]:
        """The names of every capability, shown or not."""
        return [item.row.name for item in self._all]

    def is_filtered(self) -> bool:
        return bool(self._words) or self._category is not None or self._status is not None

    def field_at(self, index: _Index) -> str:
        return COLUMNS[index.column()].field

    def choices(self, index: _Index) -> tuple[str, ...]:
        """The values a cell may take from a list (category, status), else nothing."""
        return CHOICES.get(COLUMNS[index.column()].field, ())

    def is_level(self, index: _Index) -> bool:
        return COLUMNS[index.column()].kind == "level"

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        shown, number = self._rows[index.row()], index.column()
        column = COLUMNS[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.texts[number]
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(shown.row, column.field)
            return editable(value) if column.kind == "money" else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("money", "count"):
                return NUMBER_ALIGNMENT
            if column.kind == "level":
                return LEVEL_ALIGNMENT
            return None
        if role == Qt.ItemDataRole.BackgroundRole and number == CURRENT and shown.gap:
            return GAP_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if number == CURRENT and shown.gap:
                return GAP_FOREGROUND
            if number == REUSE and not shown.row.reuse:
                return MUTED_FOREGROUND
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shown, number)
        return None

    def _tooltip(self, shown: DisplayRow, column: int) -> str | None:
        row = shown.row
        if column == NAME:
            return f"{row.name}\n\n{row.description}" if row.description else row.name
        if column in (CURRENT, TARGET):
            if shown.gap:
                return self.tr("Current maturity {0} is below the target {1}: {2} to go").format(
                    row.current_maturity, row.target_maturity, self._levels(shown.gap)
                )
            return self.tr("Current maturity {0}, target {1}").format(row.current_maturity, row.target_maturity)
        if column == REUSE:
            if row.reuse == 1:
                return self.tr("Needed by 1 initiative")
            return self.tr("Needed by {0} initiatives").format(row.reuse)
        if column in (OWNER, COST_OWNER, SLA) and shown.texts[column]:
            return shown.texts[column]
        return None

    def _levels(self, count: int) -> str:
        return self.tr("1 level") if count == 1 else self.tr("{0} levels").format(count)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(section)
        return None  # titles centred: a right-aligned title runs into the sort arrow

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        column = COLUMNS[index.column()]
        if not column.editable:
            return False
        return self.commit(self._rows[index.row()].row.key, column.field, value)
