"""Dialogs whose OK stores what was entered: refused input is named in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import WorkspaceError


class SubmitDialog(QDialog):
    """OK calls `submit_changes`; a `ValidationError` or store error keeps the dialog open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def submit_changes(self) -> None:
        """Store what the dialog holds, as one service call; raise to refuse."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.submit_changes()
        except ValidationError as error:
            self.show_error(error.field, str(error))
            return
        except WorkspaceError as error:
            self.show_error(None, str(error))
            return
        super().accept()

    def show_error(self, field: str | None, message: str) -> None:
        """Say under the form what was refused; subclasses also focus the field named `field`."""
        self.error_label.setText(message)
