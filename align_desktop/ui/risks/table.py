"""The register table: one risk selected at a time, cells edited in place, headers sort.

Cell editors are the catalogue's (a list for choices, a 1–5 spin box for ratings, a line for
text and dates). Column widths are set in average character widths, at least the header's; Title
takes what is left, down to a minimum below which the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

from align_desktop.ui.item_table import ItemTable
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


class RegisterTable(ItemTable):
    """The register over a `RegisterModel`; one risk is selected at a time."""

    def __init__(self, model: RegisterModel, parent: QWidget | None = None) -> None:
        super().__init__(
            model, QAbstractItemView.SelectionMode.SingleSelection, model.sort_order(), display.TITLE, parent
        )
        self.setAccessibleName(self.tr("Risk register"))
        choices = {number: CHOICES.get(column.field, ()) for number, column in enumerate(COLUMNS)}
        self.size_columns(_COLUMN_WIDTHS, choices, _TITLE_MINIMUM, narrowest=3, widest=_WIDEST)
