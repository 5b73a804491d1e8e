"""The form that edits one outcome. No save button: a field is offered for saving when editing ends.

The form only reports `field_edited(field, text)` when a finished edit changes the stored value;
the view stores it and, on a `ValidationError`, asks the form to show it with `show_error` (`ItemForm`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.outcome import validate_outcome
from align_desktop.store.board_rows import OutcomeRow
from align_desktop.ui.item_form import ItemForm
from align_desktop.ui.outcomes.model import format_number


def field_text(row: OutcomeRow, field: str) -> str:
    """How the form shows a stored field: numbers exactly, without trailing zeros."""
    value = getattr(row, field)
    if field in ("baseline", "target"):
        return format_number(value, grouped=False)
    return str(value)


class OutcomeForm(ItemForm):
    """Heading with the key, one field per outcome attribute, an error line and an explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = self._make_heading(1.5)
        self.usage = self._make_muted()

        self.description = self._make_text(
            "description", self.tr("Description"), self.tr("What the outcome means and why it matters")
        )
        self.description.setMinimumHeight(90)
        fields = QFormLayout()
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, label, placeholder in (
            ("name", self.tr("&Name"), self.tr("e.g. Grow online conversion")),
            ("metric", self.tr("&Metric"), self.tr("e.g. Conversion rate")),
            ("baseline", self.tr("Base&line"), self.tr("Where the metric is today, e.g. 2.1")),
            ("target", self.tr("&Target"), self.tr("Where it should get to, e.g. 2.6")),
            ("unit", self.tr("&Unit"), self.tr("e.g. %")),
            ("owner", self.tr("&Owner"), self.tr("Who answers for the outcome")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label.replace("&", ""))
            edit.editingFinished.connect(lambda field=field: self._finished(field))
            self.edits[field] = edit
            fields.addRow(label, edit)
        fields.addRow(self.tr("&Description"), self.description)

        self.error_label = self._make_error_label()
        explanation = self._make_muted(
            self.tr(
                "An outcome is a business objective with a metric that should move from a baseline "
                "to a target, such as conversion rate from 2.1 % to 2.6 %. Every initiative on the "
                "roadmap is tied to one outcome, so each piece of ML work is argued from the value "
                "it moves. Changes are saved as soon as you leave a field."
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.usage)
        layout.addSpacing(8)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addSpacing(12)
        layout.addWidget(explanation)
        layout.addStretch()

    def show_outcome(self, row: OutcomeRow) -> None:
        """Show `row`; a field that shows an error keeps its text while the same outcome is shown."""
        self._show_row(row)
        self.heading.setText(row.key)
        self.usage.setText(self._usage_text(row.initiative_count))

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        return validate_outcome(changes)

    def _shown(self, field: str) -> str:
        return field_text(self.row, field)

    def _message_label(self, field: str) -> QLabel:
        return self.error_label

    def _usage_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Not tied to any initiative yet")
        if count == 1:
            return self.tr("Tied to 1 initiative")
        return self.tr("Tied to {0} initiatives").format(count)

    def focus_name(self) -> None:
        """Put the cursor in Name with its text selected, ready to be typed over."""
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.edits["name"].selectAll()
