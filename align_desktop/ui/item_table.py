"""Base of the capability catalogue's and the risk register's tables: rows selected whole, cells edited in place
with the catalogue's editors (a list for choices, a spin box for levels and ratings, a line for text), headers that
sort.

Columns are as wide as their header, their widest choice and a number of average characters (or a given widest
text, in bold) ask; one column (the name or the title) takes the width the others leave, down to a minimum below
which the table scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from align_desktop.ui.capabilities.delegate import CapabilityDelegate
from align_desktop.ui.capabilities.model import choice_text
from align_desktop.ui.emphasis import bold

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)
SORT_ARROW = 26
"""Pixels a header needs beside its title for the sort arrow."""
CELL_PADDING = 16
"""Pixels a cell needs beside its text."""


class ItemTable(QTableView):
    """A `QTableView` over a model of items, with the catalogue's editors, first sorted by `sort` (column, order);
    `filling` is the column that takes what the others leave."""

    def __init__(
        self,
        model: QAbstractItemModel,
        selection: QAbstractItemView.SelectionMode,
        sort: tuple[int, Qt.SortOrder],
        filling: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CapabilityDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(selection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSortIndicator(*sort)
        self.setSortingEnabled(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self._filling = filling
        self._filling_minimum = 0

    def size_columns(
        self,
        characters: Mapping[int, int],
        choices: Mapping[int, tuple[str, ...]],
        filling_minimum: int,
        narrowest: int,
        widest: Mapping[int, str] | None = None,
    ) -> None:
        """Size every column but the filling one: `characters` average characters, or the bold `widest` text, and
        at least its header and its widest choice; the filling one gets `filling_minimum` characters at least, and
        the user may narrow a column to `narrowest` characters."""
        header = self.horizontalHeader()
        model = self.model()
        character = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(narrowest * character)
        strong = QFontMetrics(bold(self.font()))
        for column in range(model.columnCount()):
            if column == self._filling:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = characters.get(column, 0) * character + CELL_PADDING
            if widest and column in widest:
                width = strong.horizontalAdvance(widest[column]) + CELL_PADDING
            choice_width = max(
                (self.fontMetrics().horizontalAdvance(choice_text(c)) + CELL_PADDING for c in choices.get(column, ())),
                default=0,
            )
            header.resizeSection(
                column, max(width, header.fontMetrics().horizontalAdvance(title) + SORT_ARROW, choice_width)
            )
        self._filling_minimum = filling_minimum * character
        header.resizeSection(self._filling, self._filling_minimum)
        header.sectionResized.connect(self._section_resized)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_filling()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self._filling:
            self._fit_filling()

    def _fit_filling(self) -> None:
        """Give the filling column the width the others leave, but never less than its minimum (then scroll)."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(header.count()) if column != self._filling)
        header.resizeSection(self._filling, max(self._filling_minimum, self.viewport().width() - others))
