"""Workspace settings: name, currency, readiness gate, risk appetite, and the business-case assumptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from align_desktop.domain.settings import SCENARIO_FIELDS
from align_desktop.domain.validation import optional_number
from align_desktop.domain.vocabulary import HORIZON_MAX, HORIZON_MIN
from align_desktop.store.board_rows import SettingsRow
from align_desktop.ui.submit_dialog import SubmitDialog


class SettingsDialog(SubmitDialog):
    """Edit the workspace's settings; OK stores what changed as one undo step."""

    def __init__(
        self, settings: SettingsRow, submit: Callable[[dict[str, Any]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workspace settings"))
        self._initial = settings
        self._submit = submit
        self.name = QLineEdit(settings.name)
        self.name.setAccessibleName(self.tr("Workspace name"))
        self.currency = QLineEdit(settings.currency)
        self.currency.setMaxLength(3)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setToolTip(self.tr("Three-letter ISO code, e.g. EUR, USD, GBP"))
        self.gate = QSpinBox()
        self.gate.setRange(0, 4)
        self.gate.setValue(settings.readiness_gate)
        self.gate.setAccessibleName(self.tr("Readiness gate"))
        self.gate.setToolTip(self.tr("Lowest readiness score (0–4) every dimension needs before scaling or live"))
        self.appetite = QSpinBox()
        self.appetite.setRange(1, 25)
        self.appetite.setValue(settings.risk_appetite)
        self.appetite.setAccessibleName(self.tr("Risk appetite"))
        self.appetite.setToolTip(
            self.tr("Highest acceptable residual risk score (likelihood × impact, 1–25); risks above it are flagged")
        )
        self.discount_rate = QLineEdit(f"{settings.discount_rate * 100:g}")
        self.discount_rate.setAccessibleName(self.tr("Discount rate %"))
        self.discount_rate.setToolTip(self.tr("Yearly rate that future cash flows are discounted by, in percent"))
        self.horizon = QSpinBox()
        self.horizon.setRange(HORIZON_MIN, HORIZON_MAX)
        self.horizon.setValue(settings.horizon)
        self.horizon.setSuffix(self.tr(" years"))
        self.horizon.setAccessibleName(self.tr("Horizon"))
        self.horizon.setToolTip(self.tr("Business cases run from year 0 to this year"))
        self.multipliers: dict[str, QDoubleSpinBox] = {}
        for field, label in SCENARIO_FIELDS.items():
            spin = QDoubleSpinBox()
            spin.setRange(0, 5)
            spin.setSingleStep(0.05)
            spin.setValue(getattr(settings, field))
            spin.setAccessibleName(label)
            self.multipliers[field] = spin
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Readiness gate"), self.gate)
        form.addRow(self.tr("Risk appetite"), self.appetite)
        money = QGroupBox(self.tr("Business cases"))
        money_form = QFormLayout(money)
        money_form.addRow(self.tr("Discount rate %"), self.discount_rate)
        money_form.addRow(self.tr("Horizon"), self.horizon)
        for field, label in SCENARIO_FIELDS.items():
            money_form.addRow(label, self.multipliers[field])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(money)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def changes(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name.text(),
            "currency": self.currency.text(),
            "readiness_gate": self.gate.value(),
            "risk_appetite": self.appetite.value(),
            "horizon": self.horizon.value(),
        } | {field: spin.value() for field, spin in self.multipliers.items()}
        rate = optional_number(self.tr("Discount rate"), self.discount_rate.text().replace("%", ""))
        values["discount_rate"] = None if rate is None else rate / 100
        return {k: v for k, v in values.items() if v != getattr(self._initial, k)}

    def submit_changes(self) -> None:
        changes = self.changes()
        if changes:
            self._submit(changes)
