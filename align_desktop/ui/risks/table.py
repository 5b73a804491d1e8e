"""The register table: one risk selected at a time, cells edited in place, headers sort.

Cell editors are the catalogue's (a list for choices, a 1–5 spin box for ratings, a line for
text and dates). Column widths are set in average character widths, at least the header's; Title
takes what is left, down to a minimum below which the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from align_desktop.ui.capabilities.delegate import CapabilityDelegate
from align_desktop.ui.capabilities.model import choice_text
from align_desktop.ui.capabilities.table import EDIT_TRIGGERS
from align_desktop.ui.risks import display
from align_desktop.ui.risks.display import CHOICES, COLUMNS
from align_desktop.ui.risks.model import RegisterModel

_COLUMN_WIDTHS = {
    display.KEY: 5,
    display.OWNER: 14,
    display.LIKELIHOOD: 2,
    display.IMPACT: 2,
    display.RESIDUAL_LIKELIHOOD: 2,
    display.RESIDUAL_IMPACT: 2,
    display.VALUE_AT_RISK: 10,
    display.LINKS: 4,
}
_WIDEST = {
    display.INHERENT: "25 critical",
    display.RESIDUAL: "⚠ 25 critical",
    display.REVIEW: "2026-12-31 overdue",
}
"""The widest text of these columns, in bold (the marks are bold)."""
_TITLE_MINIMUM = 26


class RegisterTable(QTableView):
    """A `QTableView` over a `RegisterModel` with its editors."""

    def __init__(self, model: RegisterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CapabilityDelegate(self))
        self.setAccessibleName(self.tr("Risk register"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSortIndicator(*model.sort_order())
        self.setSortingEnabled(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        character = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(3 * character)
        bold = self.font()
        bold.setBold(True)
        strong = QFontMetrics(bold)
        for column in range(len(COLUMNS)):
            if column == display.TITLE:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            title_width = header.fontMetrics().horizontalAdvance(title) + 26  # room for the sort arrow
            choices = CHOICES.get(COLUMNS[column].field, ())
            choice_width = max((self.fontMetrics().horizontalAdvance(choice_text(c)) + 16 for c in choices), default=0)
            width = _COLUMN_WIDTHS.get(column, 0) * character + 16
            if column in _WIDEST:
                width = strong.horizontalAdvance(_WIDEST[column]) + 16
            header.resizeSection(column, max(width, title_width, choice_width))
        self._title_minimum = _TITLE_MINIMUM * character
        header.resizeSection(display.TITLE, self._title_minimum)
        header.sectionResized.connect(self._section_resized)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_title()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != display.TITLE:
            self._fit_title()

    def _fit_title(self) -> None:
        """Give Title the width the other columns leave, but never less than its minimum (then scroll)."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(header.count()) if column != display.TITLE)
        header.resizeSection(display.TITLE, max(self._title_minimum, self.viewport().width() - others))
