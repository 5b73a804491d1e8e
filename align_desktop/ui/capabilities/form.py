"""The form that edits one capability. No save button: a field is offered for saving when editing ends.

Text fields and the maturity spin boxes report when they are left (or Return is pressed); a
category or status is reported as soon as it is picked. The form emits `field_edited(field,
value)` only when the value differs from the stored one; the view stores it and, when it is
refused, asks the form to show why with `show_error`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.capability import MATURITY_MAX, MATURITY_MIN, validate_capability
from align_desktop.store.rows import CapabilityRow
from align_desktop.ui.capabilities.model import CHOICES, choice_text
from align_desktop.ui.history_list import HistoryList
from align_desktop.ui.item_form import ItemForm
from align_desktop.ui.roi.format import editable
from align_desktop.ui.workshop.item_log import ItemLogList

GAP_COLOUR = "#8a4b00"
_LEVEL_FIELDS = ("current_maturity", "target_maturity")


def field_value(row: CapabilityRow, field: str) -> object:
    """What the form's widget for `field` shows: the stored value, the cost as typed."""
    value = getattr(row, field)
    return editable(value) if field == "annual_run_cost" else value


class CapabilityForm(ItemForm):
    """Heading with the key, one input per capability field, an error line and an explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = self._make_heading(1.5)
        self.usage = self._make_muted()

        self.description = self._make_text(
            "description", self.tr("Description"), self.tr("What the capability provides and to whom")
        )
        self.description.setMinimumHeight(70)
        self.description.setMaximumHeight(130)
        self.cost_label = QLabel(self.tr("Annual run &cost"))
        self.gap_label = QLabel()
        self.gap_label.setStyleSheet(f"color: {GAP_COLOUR};")
        self.gap_label.setWordWrap(True)

        fields = QFormLayout()
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(self.tr("&Name"), self._line("name", self.tr("e.g. Feature store")))
        fields.addRow(self.tr("Cat&egory"), self._combo("category", self.tr("Category")))
        fields.addRow(self.tr("&Status"), self._combo("status", self.tr("Status")))
        fields.addRow(self.tr("&Owner"), self._line("owner", self.tr("Team or person who runs it")))
        fields.addRow(self.tr("&Description"), self.description)
        fields.addRow(self._section(self.tr("Service")))
        fields.addRow(self.tr("S&LA target"), self._line("sla_target", self.tr("e.g. 99.9 % availability")))
        fields.addRow(
            self.tr("&Performance metric"), self._line("performance_metric", self.tr("e.g. p95 latency under 50 ms"))
        )
        fields.addRow(self._section(self.tr("Cost")))
        fields.addRow(self.cost_label, self._line("annual_run_cost", self.tr("e.g. 120000")))
        fields.addRow(self.tr("Cost o&wner"), self._line("cost_owner", self.tr("Who holds the budget")))
        fields.addRow(self._section(self.tr("Maturity")))
        fields.addRow(self.tr("C&urrent maturity"), self._level("current_maturity", self.tr("Current maturity")))
        target_label = QLabel(self.tr("&Target maturity"))
        target = QHBoxLayout()
        target.addWidget(self._level("target_maturity", self.tr("Target maturity")))
        target.addWidget(self.gap_label, 1)
        target_label.setBuddy(self.spins["target_maturity"])
        fields.addRow(target_label, target)
        self.cost_label.setBuddy(self.edits["annual_run_cost"])
        self.edits["annual_run_cost"].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.error_label = self._make_error_label()
        explanation = self._make_muted(
            self.tr(
                "A capability is a reusable platform building block, such as a feature store or model "
                "serving. Initiatives state the maturity they need of it; where that is above the current "
                "maturity, the capability blocks them. Maturity runs from 1 (initial) to 5 (optimised). "
                "Changes are saved as soon as you leave a field."
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.usage)
        layout.addSpacing(8)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        self.history = HistoryList()
        """The capability's recorded changes; the view fills it."""
        layout.addWidget(self.history)
        self.log = ItemLogList()
        """Decisions and actions about the capability; the view fills it."""
        layout.addWidget(self.log)
        layout.addSpacing(12)
        layout.addWidget(explanation)
        layout.addStretch()

    # building

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 2)
        return label

    def _line(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(self._label(field))
        edit.editingFinished.connect(lambda: self._finished(field))
        self.edits[field] = edit
        return edit

    def _combo(self, field: str, name: str) -> QComboBox:
        combo = QComboBox()
        for choice in CHOICES[field]:
            combo.addItem(choice_text(choice), choice)
        combo.setAccessibleName(name)
        combo.activated.connect(lambda _row: self._finished(field))
        self.combos[field] = combo
        return combo

    def _level(self, field: str, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(MATURITY_MIN, MATURITY_MAX)
        spin.setAccessibleName(name)
        spin.setToolTip(self.tr("1 (initial) to 5 (optimised)"))
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("0") * 4 + 40)
        spin.editingFinished.connect(lambda: self._finished(field))
        self.spins[field] = spin
        return spin

    def _label(self, field: str) -> str:
        return {
            "name": self.tr("Name"),
            "owner": self.tr("Owner"),
            "sla_target": self.tr("SLA target"),
            "performance_metric": self.tr("Performance metric"),
            "annual_run_cost": self.tr("Annual run cost"),
            "cost_owner": self.tr("Cost owner"),
        }[field]

    # showing

    def set_currency(self, currency: str) -> None:
        self.cost_label.setText(self.tr("Annual run &cost ({0})").format(currency))

    def show_capability(self, row: CapabilityRow) -> None:
        """Show `row`; a field that shows an error keeps its value while the same capability is shown."""
        self._show_row(row)
        self.heading.setText(row.key)
        self.usage.setText(self._usage_text(row.reuse))
        gap = row.target_maturity - row.current_maturity
        self.gap_label.setText(self.tr("{0} to go").format(self._levels(gap)) if gap > 0 else "")

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        return validate_capability(changes)

    def _shown(self, field: str) -> object:
        return field_value(self.row, field)

    def _message_label(self, field: str) -> QLabel:
        return self.error_label

    def _plain_tooltip(self, field: str) -> str:
        return self.tr("1 (initial) to 5 (optimised)") if field in _LEVEL_FIELDS else ""

    def _usage_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Not needed by any initiative yet")
        if count == 1:
            return self.tr("Needed by 1 initiative")
        return self.tr("Needed by {0} initiatives").format(count)

    def _levels(self, count: int) -> str:
        return self.tr("1 level") if count == 1 else self.tr("{0} levels").format(count)

    def focus_name(self) -> None:
        """Put the cursor in Name with its text selected, ready to be typed over."""
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.edits["name"].selectAll()
