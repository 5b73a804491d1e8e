"""Workshop > Your Name…: the name the item history records for your changes (your OS user name unless set).

It is a preference of this computer's user, not of the workspace: every workspace opened here
records it, from the next change on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from align_desktop.domain.validation import require_text
from align_desktop.ui.submit_dialog import SubmitDialog

NAME_LENGTH = 120
"""As long as the audit trail's `who` column holds."""


class AuthorDialog(SubmitDialog):
    """One field; blank means the OS user name. OK stores it through `submit`."""

    def __init__(self, name: str, os_user: str, submit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Your name for the item history"))
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(os_user)
        self.name.setMaxLength(NAME_LENGTH)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setToolTip(self.tr("Recorded with every change you make to scores, lanes, statuses and ratings"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.name)
        note = QLabel(
            self.tr(
                "Each item's history names who changed it. Leave this blank to be named by your user name on "
                "this computer ({0}). It applies from your next change, in every workspace you open here."
            ).format(os_user)
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def submit_changes(self) -> None:
        self._submit(require_text(self.tr("Your name"), self.name.text(), max_length=NAME_LENGTH, required=False))
