"""The catalogue table: rows selected whole (several at once), cells edited in place, headers sort (`ItemTable`).

Column widths are set in average character widths, at least the header's; Name takes what is left, down to
a minimum below which the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from align_desktop.ui.capabilities import model as columns
from align_desktop.ui.capabilities.model import CHOICES, CapabilityTableModel
from align_desktop.ui.item_table import ItemTable

_COLUMN_WIDTHS = {
    columns.KEY: 6,
    columns.CATEGORY: 12,
    columns.OWNER: 15,
    columns.STATUS: 9,
    columns.CURRENT: 5,
    columns.TARGET: 5,
    columns.COST: 13,
    columns.COST_OWNER: 12,
    columns.SLA: 12,
    columns.REUSE: 4,
}
_NAME_MINIMUM = 24


class CapabilityTable(ItemTable):
    """The catalogue over a `CapabilityTableModel`; several capabilities may be selected at once."""

    def __init__(self, model: CapabilityTableModel, parent: QWidget | None = None) -> None:
        selection = QAbstractItemView.SelectionMode.ExtendedSelection
        super().__init__(model, selection, (columns.KEY, Qt.SortOrder.AscendingOrder), columns.NAME, parent)
        self.setAccessibleName(self.tr("Capabilities"))
        choices = {number: CHOICES.get(column.field, ()) for number, column in enumerate(columns.COLUMNS)}
        self.size_columns(_COLUMN_WIDTHS, choices, _NAME_MINIMUM, narrowest=4)
