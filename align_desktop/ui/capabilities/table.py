"""The catalogue table: rows selected whole (several at once), cells edited in place, headers sort.

Column widths are set in average character widths, at least the header's; Name takes what is left, down to
a minimum below which the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from align_desktop.ui.capabilities import model as columns
from align_desktop.ui.capabilities.delegate import CapabilityDelegate
from align_desktop.ui.capabilities.model import CHOICES, CapabilityTableModel, choice_text

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)
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


class CapabilityTable(QTableView):
    """A `QTableView` over a `CapabilityTableModel` with its editors."""

    def __init__(self, model: CapabilityTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CapabilityDelegate(self))
        self.setAccessibleName(self.tr("Capabilities"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSortIndicator(columns.KEY, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        character = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(4 * character)
        for column, width in _COLUMN_WIDTHS.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            title_width = header.fontMetrics().horizontalAdvance(title) + 26  # room for the sort arrow
            choices = CHOICES.get(columns.COLUMNS[column].field, ())
            choice_width = max((self.fontMetrics().horizontalAdvance(choice_text(c)) + 16 for c in choices), default=0)
            header.resizeSection(column, max(width * character + 16, title_width, choice_width))
        self._name_minimum = _NAME_MINIMUM * character
        header.resizeSection(columns.NAME, self._name_minimum)
        header.sectionResized.connect(self._section_resized)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_name()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != columns.NAME:
            self._fit_name()

    def _fit_name(self) -> None:
        """Give Name the width the other columns leave, but never less than its minimum (then scroll)."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(header.count()) if column != columns.NAME)
        header.resizeSection(columns.NAME, max(self._name_minimum, self.viewport().width() - others))
