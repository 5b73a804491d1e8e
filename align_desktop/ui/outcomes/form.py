"""The form that edits one outcome. No save button: a field is offered for saving when editing ends.

The form only reports `field_edited(field, text)` when a finished edit changes the stored value;
the view stores it and, on a `ValidationError`, asks the form to show it with `show_error`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.outcome import validate_outcome
from align_desktop.domain.validation import ValidationError
from align_desktop.store.board_rows import OutcomeRow
from align_desktop.ui.outcomes.model import format_number

_ERROR_COLOUR = "#c62828"
_INVALID_STYLE = f"border: 1px solid {_ERROR_COLOUR}; border-radius: 2px; padding: 2px;"


class DescriptionEdit(QPlainTextEdit):
    """A multi-line field that says when the user leaves it, like `QLineEdit.editingFinished`."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editing_finished.emit()


def field_text(row: OutcomeRow, field: str) -> str:
    """How the form shows a stored field: numbers exactly, without trailing zeros."""
    value = getattr(row, field)
    if field in ("baseline", "target"):
        return format_number(value, grouped=False)
    return str(value)


class OutcomeForm(QWidget):
    """Heading with the key, one field per outcome attribute, an error line and an explanation."""

    field_edited = Signal(str, str)
    """(field, text): a finished edit that differs from the stored value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: OutcomeRow | None = None
        self.error_field: str | None = None

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.usage = QLabel()
        self.usage.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.edits: dict[str, QLineEdit] = {}
        self.description = DescriptionEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the outcome means and why it matters"))
        self.description.setMinimumHeight(90)
        self.description.editing_finished.connect(lambda: self._finished("description"))
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

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {_ERROR_COLOUR};")
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.hide()
        explanation = QLabel(
            self.tr(
                "An outcome is a business objective with a metric that should move from a baseline "
                "to a target, such as conversion rate from 2.1 % to 2.6 %. Every initiative on the "
                "roadmap is tied to one outcome, so each piece of ML work is argued from the value "
                "it moves. Changes are saved as soon as you leave a field."
            )
        )
        explanation.setWordWrap(True)
        explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)

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
        if self.row is not None and self.row.key != row.key:
            self.clear_error()
        self.row = row
        self.heading.setText(row.key)
        self.usage.setText(self._usage_text(row.initiative_count))
        for field in self.edits:
            if field != self.error_field:
                self._set_text(field, field_text(row, field))
        if self.error_field != "description":
            self._set_text("description", row.description)

    def clear(self) -> None:
        """Show no outcome (the view shows its hint instead)."""
        self.clear_error()
        self.row = None

    def _usage_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Not tied to any initiative yet")
        if count == 1:
            return self.tr("Tied to 1 initiative")
        return self.tr("Tied to {0} initiatives").format(count)

    def show_error(self, field: str, message: str) -> None:
        """Mark `field` invalid, keeping its text, and say why under the form."""
        if self.error_field != field:
            self.clear_error()
        self.error_field = field
        widget = self._widget(field)
        widget.setProperty("invalid", True)
        widget.setStyleSheet(_INVALID_STYLE)
        widget.setToolTip(message)
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        """Drop the error message; the field it marked shows the stored value again."""
        field, self.error_field = self.error_field, None
        self.error_label.clear()
        self.error_label.hide()
        if field is None:
            return
        widget = self._widget(field)
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setToolTip("")
        if self.row is not None:
            self._set_text(field, field_text(self.row, field))

    def focus_name(self) -> None:
        """Put the cursor in Name with its text selected, ready to be typed over."""
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.edits["name"].selectAll()

    def text(self, field: str) -> str:
        if field == "description":
            return self.description.toPlainText()
        return self.edits[field].text()

    def _widget(self, field: str) -> QWidget:
        return self.description if field == "description" else self.edits[field]

    def _set_text(self, field: str, text: str) -> None:
        """Show `text`, leaving an unchanged field (its cursor, its selection) alone."""
        if field == "description":
            if self.description.toPlainText() != text:
                self.description.setPlainText(text)
            return
        edit = self.edits[field]
        if edit.text() != text:
            edit.setText(text)
            if not edit.hasFocus():
                edit.setCursorPosition(0)  # show the start of a long text

    def _finished(self, field: str) -> None:
        if self.row is None:
            return
        text = self.text(field)
        try:
            unchanged = validate_outcome({field: text})[field] == getattr(self.row, field)
        except ValidationError:
            unchanged = False
        if not unchanged:
            self.field_edited.emit(field, text)
        elif field == self.error_field:
            self.clear_error()
        elif text != field_text(self.row, field):
            self._set_text(field, field_text(self.row, field))
