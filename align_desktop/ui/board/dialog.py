"""The initiative form: every field of one initiative, edited in a dialog opened from the board.

OK submits the changed fields as one service call (one undo step). A refused field is named
under the form and the dialog stays open; a move to scaling or live that fails the readiness
gate asks for an override reason first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.initiative import INITIATIVE_FIELDS, NEW_INITIATIVE
from align_desktop.domain.readiness import GateBlocked
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import DECISION_POINTS, READINESS_FIELDS, STATUSES
from align_desktop.store.board_rows import InitiativeRow, OutcomeRow
from align_desktop.ui.history_list import HistoryList
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.submit_dialog import SubmitDialog
from align_desktop.ui.workshop.initiative_panel import InitiativeWorkshop

Submit = Callable[[dict[str, Any], str], None]
"""Store the changed fields, with a gate override reason ("" for none); raises on refusal."""

_LONG_TEXTS = ("description", "success_criteria", "acceptable_failure_modes", "assumptions")
_HINTS = {
    "readiness_data": "Is the data the model needs available, clean and usable? 0 none … 4 in production",
    "readiness_model_risk": "How well is the model's risk understood and controlled? 0 unknown … 4 validated",
    "readiness_monitoring": "Will drift, quality and business impact be watched? 0 nothing … 4 alerting live",
    "readiness_compliance": "Privacy, legal and fairness sign-off. 0 not started … 4 approved",
    "confidence": "How sure the room is that the initiative delivers its outcome",
}


class InitiativeDialog(SubmitDialog):
    """Create or edit one initiative."""

    def __init__(
        self,
        row: InitiativeRow | None,
        outcomes: list[OutcomeRow],
        teams: list[str],
        gate: int,
        submit: Submit,
        prompter: Prompter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._row = row
        self._submit = submit
        self._prompter = prompter
        self.setWindowTitle(self.tr("New initiative") if row is None else f"{row.key} — {row.title}")
        self.setMinimumWidth(880)

        self.fields: dict[str, QWidget] = {}
        title = QLineEdit()
        title.setPlaceholderText(self.tr("What the feature does for the customer"))
        self.fields["title"] = title
        outcome = QComboBox()
        outcome.addItem(self.tr("— No outcome yet —"), None)
        for o in outcomes:
            outcome.addItem(f"{o.key} · {o.name}", o.key)
        self.fields["outcome_key"] = outcome
        self.fields["decision_point"] = _combo(DECISION_POINTS)
        self.fields["status"] = _combo(STATUSES)
        team = QLineEdit()
        team.setCompleter(QCompleter(sorted(teams)))
        self.fields["team"] = team
        self.fields["owner"] = QLineEdit()
        for field in READINESS_FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 4)
            self.fields[field] = spin
        confidence = QSpinBox()
        confidence.setRange(0, 100)
        confidence.setSuffix(" %")
        self.fields["confidence"] = confidence
        for field in _LONG_TEXTS:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMaximumHeight(74 if field != "description" else 90)
            self.fields[field] = text
        for field, widget in self.fields.items():
            widget.setAccessibleName(INITIATIVE_FIELDS[field])
            if field in _HINTS:
                widget.setToolTip(_HINTS[field])

        basics = QFormLayout()
        for field in ("title", "outcome_key", "decision_point", "status", "team", "owner", "confidence"):
            basics.addRow(INITIATIVE_FIELDS[field], self.fields[field])
        basics.addRow(INITIATIVE_FIELDS["description"], self.fields["description"])
        readiness = QGroupBox(self.tr("Readiness (0–4)"))
        readiness_form = QFormLayout(readiness)
        for field in READINESS_FIELDS:
            readiness_form.addRow(INITIATIVE_FIELDS[field], self.fields[field])
        gate_note = self.tr("Scaling and live need every score at {0} or more.").format(gate)
        if row is not None and row.gate_override is not None:
            override = row.gate_override
            gate_note += self.tr("\nGate overridden for {0} by {1} on {2:%Y-%m-%d}: {3}").format(
                override.status, override.decided_by, override.decided_at, override.reason
            )
        note = QLabel(gate_note)
        note.setWordWrap(True)
        readiness_form.addRow(note)
        texts = QFormLayout()
        for field in _LONG_TEXTS[1:]:
            texts.addRow(INITIATIVE_FIELDS[field], self.fields[field])
        right = QVBoxLayout()
        right.addWidget(readiness)
        right.addLayout(texts)
        columns = QHBoxLayout()
        columns.addLayout(basics, 1)
        columns.addLayout(right, 1)

        self.history = HistoryList()
        """The initiative's recorded changes; the board fills it (hidden for a new initiative)."""
        self.history.setVisible(row is not None)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.history)
        self.workshop = InitiativeWorkshop()
        """Decisions and actions about the initiative, and its retrospective once live; the board fills it."""
        self.workshop.setVisible(row is not None)
        layout.addWidget(self.workshop)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._initial = NEW_INITIATIVE if row is None else {f: getattr(row, f) for f in INITIATIVE_FIELDS}
        for field, value in self._initial.items():
            self.set_value(field, value)
        title.setFocus()

    def value(self, field: str) -> Any:
        widget = self.fields[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QSpinBox):
            return widget.value()
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def set_value(self, field: str, value: Any) -> None:
        widget = self.fields[field]
        if isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))

    def changes(self) -> dict[str, Any]:
        """Fields whose value differs from what the dialog opened with (all, for a new one)."""
        values = {field: self.value(field) for field in INITIATIVE_FIELDS}
        if self._row is None:
            return values
        return {f: v for f, v in values.items() if v != self._initial[f]}

    def submit_changes(self) -> None:
        changes = self.changes()
        if not changes:
            return
        try:
            self._submit(changes, "")
        except GateBlocked as blocked:
            reason = self._prompter.ask_text(
                self.tr("Readiness gate"),
                str(blocked) + "\n\n" + self.tr("Reason for overriding the gate (stored with your name and the time):"),
            )
            if not reason or not reason.strip():
                raise ValidationError(
                    INITIATIVE_FIELDS["status"], self.tr("moving past the readiness gate needs a reason")
                ) from None
            self._submit(changes, reason)

    def show_error(self, field: str | None, message: str) -> None:
        """Name the refused field under the form and put the cursor in it."""
        super().show_error(field, message)
        for name, widget in self.fields.items():
            if INITIATIVE_FIELDS[name] == field:
                widget.setFocus()


def _combo(choices: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    for choice in choices:
        combo.addItem(choice, choice)
    return combo
