"""Workspace settings: name, currency and the readiness gate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from align_desktop.store.rows import SettingsRow
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
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Readiness gate"), self.gate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def changes(self) -> dict[str, Any]:
        values = {
            "name": self.name.text(),
            "currency": self.currency.text(),
            "readiness_gate": self.gate.value(),
        }
        return {k: v for k, v in values.items() if v != getattr(self._initial, k)}

    def submit_changes(self) -> None:
        changes = self.changes()
        if changes:
            self._submit(changes)
