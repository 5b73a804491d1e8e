"""Table model of the risk register: precomputed rows, filtered and sorted in Python, then reset.

No `QSortFilterProxyModel` (see DESIGN.md): `ShownRisk`s are filtered and sorted here. The model
never writes: an edited cell goes to `commit(key, field, value)`, which the view stores as one
undo step. A reload that shows the same risks in the same order updates in place and one in a
new order moves rows as a layout change, so the selection and the scroll position stay.

Besides Qt's roles, `BAND_ROLE` gives the band of a score cell and `ABOVE_APPETITE_ROLE` and
`OVERDUE_ROLE` whether the row carries those marks (for tests and assistive tools).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from align_desktop.domain.risk import RISK_FIELDS
from align_desktop.store.rows import RegisterRows, RiskRow
from align_desktop.ui.capabilities.model import LEVEL_ALIGNMENT, NUMBER_ALIGNMENT
from align_desktop.ui.emphasis import bold
from align_desktop.ui.risks import display
from align_desktop.ui.risks.display import CHOICES, COLUMNS, ShownRisk, is_blank, shown_risks, sort_value
from align_desktop.ui.risks.filters import RegisterFilter
from align_desktop.ui.risks.style import (
    ABOVE_APPETITE_BACKGROUND,
    ABOVE_APPETITE_INK,
    ALERT_INK,
    BAND_BACKGROUNDS,
    MUTED_INK,
    SCORE_INK,
)
from align_desktop.ui.risks.tips import Tips

_Index = QModelIndex | QPersistentModelIndex
Committer = Callable[[str, str, object], bool]
"""Store `value` for (risk key, field); False when it was refused."""

BAND_ROLE = Qt.ItemDataRole.UserRole + 1
ABOVE_APPETITE_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

DEFAULT_SORT = (display.VALUE_AT_RISK, Qt.SortOrder.DescendingOrder)
"""The register opens ordered by value at risk, highest first (then residual score)."""
_SCORE_COLUMNS = (display.INHERENT, display.RESIDUAL)
_CENTRED = ("rating", "score", "count")
_FLAGS = tuple(
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | (Qt.ItemFlag.ItemIsEditable if column.editable else Qt.ItemFlag.NoItemFlags)
    for column in COLUMNS
)


class RegisterModel(QAbstractTableModel):
    """The register as table rows; editable cells hand their value to `commit`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Key"),
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Impact area"),
            self.tr("Owner"),
            self.tr("Status"),
            self.tr("Treatment"),
            self.tr("L"),
            self.tr("I"),
            self.tr("Inherent"),
            self.tr("L"),
            self.tr("I"),
            self.tr("Residual"),
            self.tr("Value at risk"),
            self.tr("Next review"),
            self.tr("Links"),
        )
        self.tips = Tips(self)
        self.commit: Committer | None = None
        self._bold: QFont | None = None
        self._all: list[ShownRisk] = []
        self._rows: list[ShownRisk] = []
        self._row_of_key: dict[str, int] = {}
        self._filter = RegisterFilter()
        self._sort_column, self._sort_order = DEFAULT_SORT

    # the rows

    def set_register(self, register: RegisterRows, today: date) -> None:
        """Show the register's risks as of `today` (which decides what is overdue)."""
        tips = self.tips
        tips.appetite, tips.currency, tips.today = register.settings.risk_appetite, register.settings.currency, today
        tips.names = dict(register.initiatives) | dict(register.capabilities)
        self.set_rows(shown_risks(register, today))

    def set_rows(self, rows: list[ShownRisk]) -> None:
        """Show these risks, keeping filter and sort; in place when nothing moved."""
        rows = sorted(rows, key=lambda shown: shown.order)
        shown = self._arranged(rows)
        keys = [item.key for item in shown]
        if keys == [item.key for item in self._rows]:
            self._all, self._rows = rows, shown
            if shown:
                self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, len(COLUMNS) - 1))
            return
        if keys and sorted(keys) == sorted(self._row_of_key):
            self._all = rows
            self._move_rows(shown)
            return
        self.beginResetModel()
        self._all = rows
        self._show(shown)
        self.endResetModel()

    def set_filter(self, register_filter: RegisterFilter) -> None:
        if register_filter != self._filter:
            self._filter = register_filter
            self.beginResetModel()
            self._show(self._arranged(self._all))
            self.endResetModel()

    @property
    def register_filter(self) -> RegisterFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort_column, self._sort_order = column, order
            self._move_rows(self._arranged(self._all))

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _move_rows(self, shown: list[ShownRisk]) -> None:
        """The same risks in a new order, as a layout change: selection and open editors follow."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._rows[index.row()].key for index in before]
        self._show(shown)
        after = [self.index(self._row_of_key[key], index.column()) for key, index in zip(keys, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _show(self, shown: list[ShownRisk]) -> None:
        self._rows = shown
        self._row_of_key = {item.key: number for number, item in enumerate(shown)}

    def _arranged(self, rows: list[ShownRisk]) -> list[ShownRisk]:
        """`rows` (in key order) filtered, then sorted; ties stay in key order, blanks go last."""
        accepts = self._filter.accepts
        shown = [item for item in rows if accepts(item)] if self._filter.active else list(rows)
        column = COLUMNS[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if column.kind == "key":
            return shown[::-1] if descending else shown
        present = [item for item in shown if not is_blank(item, column)]
        blank = [item for item in shown if is_blank(item, column)]
        present.sort(key=sort_value(column), reverse=descending)
        return present + blank

    def shown_at(self, index: _Index | int) -> ShownRisk:
        return self._rows[index if isinstance(index, int) else index.row()]

    def row_at(self, index: _Index | int) -> RiskRow:
        """The risk shown in the row of `index` (a model index or a row number)."""
        return self.shown_at(index).risk

    def index_of_key(self, key: str) -> int | None:
        """The row showing risk `key`, or None when it is filtered out or gone."""
        return self._row_of_key.get(key)

    def all_rows(self) -> list[ShownRisk]:
        """Every risk, shown or filtered out, in key order."""
        return self._all

    def total_count(self) -> int:
        return len(self._all)

    def field_at(self, index: _Index) -> str:
        return COLUMNS[index.column()].field

    def choices(self, index: _Index) -> tuple[str, ...]:
        """The values a cell may take from a list (category, impact area, status, treatment)."""
        return CHOICES.get(COLUMNS[index.column()].field, ())

    def is_level(self, index: _Index) -> bool:
        """A 1–5 rating (edited with a spin box)."""
        return COLUMNS[index.column()].kind == "rating"

    # QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        shown, number = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.texts[number]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(shown, number)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(shown, number)
        if role == Qt.ItemDataRole.FontRole:
            marked = (number == display.RESIDUAL and shown.above_appetite) or (
                number == display.REVIEW and shown.overdue
            )
            return self._strong() if marked else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = COLUMNS[number].kind
            if kind == "money":
                return NUMBER_ALIGNMENT
            return LEVEL_ALIGNMENT if kind in _CENTRED else None
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(shown.risk, number)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.cell(shown, number)
        if role == BAND_ROLE:
            if number == display.INHERENT:
                return shown.inherent_band
            return shown.residual_band if number == display.RESIDUAL else None
        if role == ABOVE_APPETITE_ROLE:
            return shown.above_appetite
        if role == OVERDUE_ROLE:
            return shown.overdue
        return None

    def _background(self, shown: ShownRisk, column: int) -> Any:
        if column == display.INHERENT:
            return BAND_BACKGROUNDS[shown.inherent_band]
        if column == display.RESIDUAL:
            return ABOVE_APPETITE_BACKGROUND if shown.above_appetite else BAND_BACKGROUNDS[shown.residual_band]
        return None

    def _foreground(self, shown: ShownRisk, column: int) -> Any:
        if column == display.INHERENT:
            return SCORE_INK
        if column == display.RESIDUAL:
            return ABOVE_APPETITE_INK if shown.above_appetite else SCORE_INK
        if column == display.REVIEW and shown.overdue:
            return ALERT_INK
        if column == display.VALUE_AT_RISK and not shown.value_at_risk:
            return MUTED_INK
        return None

    def _strong(self) -> QFont:
        if self._bold is None:
            from PySide6.QtWidgets import QApplication

            self._bold = bold(QApplication.font())
        return self._bold

    @staticmethod
    def _edit_value(risk: RiskRow, column: int) -> Any:
        field = COLUMNS[column].field
        if field not in RISK_FIELDS and field != "key":
            return None
        value = getattr(risk, field)
        if COLUMNS[column].kind == "date":
            return value.isoformat() if value is not None else ""
        return value

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.header(section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS[index.column()]

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        column = COLUMNS[index.column()]
        if not column.editable:
            return False
        return self.commit(self._rows[index.row()].key, column.field, value)
