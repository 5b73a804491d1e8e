"""Base of the forms beside the outcomes, capabilities and risks tables: one widget per field, an edit reported when
the user leaves a field, and a refused field marked with its message.

A field's widget is a line edit, a multi-line text, a choice or a number box (`edits`, `texts`, `combos` and
`spins`, by field). Leaving a field whose value differs from the stored one, as the service would store it, emits
`field_edited`; leaving one that does not puts the stored value back as the form writes it (`2.50` → `2.5`). A
refused field keeps what the user typed, with a red border and the message, until the error is cleared.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QFont, QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from align_desktop.domain.validation import ValidationError
from align_desktop.ui.emphasis import ERROR_COLOUR, strong_label
from align_desktop.ui.roi.format import same


class DescriptionEdit(QPlainTextEdit):
    """A multi-line field that says when the user leaves it, like `QLineEdit.editingFinished`."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editing_finished.emit()


class ItemForm(QWidget):
    """The form of one item (`row`, None while none is shown). Subclasses build the widgets and say how a value is
    checked (`_validate`), how a stored value is shown (`_shown`) and where a field's message goes
    (`_message_label`)."""

    field_edited = Signal(str, object)
    """(field, value): a finished edit that differs from the stored value."""

    INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 2px; padding: 2px;"
    """The border of a refused field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: Any = None
        self.error_field: str | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.texts: dict[str, DescriptionEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.spins: dict[str, QSpinBox] = {}

    # building

    def _make_heading(self, scale: float) -> QLabel:
        """The item's key in bold, `scale` times the form's font size."""
        heading = QLabel()
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        heading.setFont(font)
        return heading

    @staticmethod
    def _make_muted(text: str = "") -> QLabel:
        """A line in the palette's quiet colour: what uses the item, or what the form is for."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _make_error_label(self, *, strong: bool = False) -> QLabel:
        """A line that says why a field was refused (hidden until then); in bold where it stands right under the
        field among others."""
        label = QLabel()
        label.setWordWrap(True)
        if strong:
            strong_label(label, ERROR_COLOUR)
        else:
            label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.setAccessibleName(self.tr("Error"))
        label.hide()
        return label

    def _make_text(self, field: str, name: str, placeholder: str) -> DescriptionEdit:
        """A multi-line field, reported when left; Tab moves on rather than typing a tab."""
        edit = DescriptionEdit()
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.editing_finished.connect(lambda: self._finished(field))
        self.texts[field] = edit
        return edit

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        """`changes` checked and converted as the service would store them (refused with a `ValidationError`)."""
        raise NotImplementedError

    def _shown(self, field: str) -> object:
        """`field` of the item shown, as its widget shows it."""
        raise NotImplementedError

    def _message_label(self, field: str) -> QLabel:
        """Where the message of a refused `field` is shown."""
        raise NotImplementedError

    def _plain_tooltip(self, field: str) -> str:
        """The tooltip of `field` while it is not refused."""
        return ""

    def _show_row(self, row: Any) -> None:
        """Show the stored values of `row`. While the same item is shown, a refused field keeps what the user
        typed; another item drops the error."""
        if self.row is not None and self.row.key != row.key:
            self.clear_error()
        self.row = row
        for fields in (self.edits, self.texts, self.combos, self.spins):
            for field in fields:
                if field != self.error_field:
                    self._set_value(field, self._shown(field))

    def clear(self) -> None:
        """Show no item (the view shows its hint instead)."""
        self.clear_error()
        self.row = None

    # errors

    def show_error(self, field: str, message: str) -> None:
        """Mark `field` invalid, keeping its value, and say why."""
        if self.error_field != field:
            self.clear_error()
        self.error_field = field
        widget = self.widget(field)
        widget.setProperty("invalid", True)
        widget.setStyleSheet(self.INVALID_STYLE)
        widget.setToolTip(message)
        label = self._message_label(field)
        label.setText(message)
        label.show()

    def clear_error(self) -> None:
        """Drop the error message; the field it marked shows the stored value again."""
        field, self.error_field = self.error_field, None
        if field is None:
            return
        label = self._message_label(field)
        label.clear()
        label.hide()
        widget = self.widget(field)
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setToolTip(self._plain_tooltip(field))
        if self.row is not None:
            self._set_value(field, self._shown(field))

    # values

    def widget(self, field: str) -> QWidget:
        return self.edits.get(field) or self.texts.get(field) or self.combos.get(field) or self.spins[field]

    def value(self, field: str) -> object:
        """What the field's widget holds: text, a choice or a number."""
        if field in self.texts:
            return self.texts[field].toPlainText()
        if field in self.combos:
            return self.combos[field].currentData()
        if field in self.spins:
            return self.spins[field].value()
        return self.edits[field].text()

    def _set_value(self, field: str, value: object) -> None:
        """Show `value`, leaving an unchanged field (its cursor, its selection) alone."""
        if field in self.texts:
            if self.texts[field].toPlainText() != value:
                self.texts[field].setPlainText(str(value))
        elif field in self.combos:
            combo = self.combos[field]
            combo.setCurrentIndex(max(combo.findData(value), 0))
        elif field in self.spins:
            assert isinstance(value, int)
            self.spins[field].setValue(value)
        else:
            edit = self.edits[field]
            if edit.text() != value:
                edit.setText(str(value))
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # show the start of a long text

    def _finished(self, field: str) -> None:
        if self.row is None:
            return
        value = self.value(field)
        try:
            unchanged = same(self._validate({field: value})[field], getattr(self.row, field))
        except ValidationError:
            unchanged = False
        if not unchanged:
            self.field_edited.emit(field, value)
        elif field == self.error_field:
            self.clear_error()
        elif value != self._shown(field):
            self._set_value(field, self._shown(field))
