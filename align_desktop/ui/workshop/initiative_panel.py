"""The initiative form's workshop part: decisions and actions about it, and its retrospective once it is live.

The retrospective (what worked, what failed) is saved by its own button, as one undo step of
its own, whatever the form's OK or Cancel does to the other fields. It shows once the
initiative is live, and stays with a retrospective written, whatever the status becomes later.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.workshop import RETROSPECTIVE_STATUS
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.workshop_rows import RetrospectiveRow
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.workshop.item_log import ItemLogList


class RetrospectivePanel(QWidget):
    """What worked and what failed, and a button that saves both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace: OpenWorkspace | None = None
        self._key = ""
        heading = QLabel(self.tr("Retrospective"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.what_worked = self._text(self.tr("What worked"), self.tr("What went well, to repeat next time"))
        self.what_failed = self._text(
            self.tr("What failed"), self.tr("What went wrong or came late, to avoid next time")
        )
        self.save_button = QPushButton(self.tr("Save retrospective"))
        self.save_button.setToolTip(self.tr("Store the retrospective now, as its own undo step (Ctrl+Z)"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("What worked")), 0, 0)
        grid.addWidget(QLabel(self.tr("What failed")), 0, 1)
        grid.addWidget(self.what_worked, 1, 0)
        grid.addWidget(self.what_failed, 1, 1)
        grid.setRowStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addLayout(bottom)

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(72)
        return edit

    def show_retrospective(self, workspace: OpenWorkspace, key: str, row: RetrospectiveRow | None) -> None:
        self._workspace = workspace
        self._key = key
        self.what_worked.setPlainText(row.what_worked if row else "")
        self.what_failed.setPlainText(row.what_failed if row else "")
        self.save_button.setEnabled(not workspace.workspace.read_only)
        self._show_written(row)

    def _show_written(self, row: RetrospectiveRow | None) -> None:
        self.status.setText(
            self.tr("Written by {0} on {1:%Y-%m-%d}.").format(row.written_by, row.written_at)
            if row
            else self.tr("Not written yet.")
        )

    def save(self) -> None:
        workspace, key = self._workspace, self._key
        if workspace is None:
            return
        worked, failed = self.what_worked.toPlainText(), self.what_failed.toPlainText()
        try:
            workspace.perform(
                self.tr("Retrospective of {0}").format(key), lambda: workspace.retrospectives.write(key, worked, failed)
            )
        except (ValidationError, WorkspaceError, LookupError) as error:
            self.status.setText(str(error))
            return
        self._show_written(workspace.retrospectives.get(key))


class InitiativeWorkshop(QWidget):
    """Decisions and actions about the initiative, beside its retrospective (shown once it is live)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = ItemLogList()
        self.retrospective = RetrospectivePanel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.retrospective, 1)

    def show_initiative(self, workspace: OpenWorkspace, key: str, status: str) -> None:
        """Fill both parts for initiative `key` (its stored `status` decides whether a retrospective is offered)."""
        self.log.show_entries(workspace.log.about(key))
        written = workspace.retrospectives.get(key)
        self.retrospective.show_retrospective(workspace, key, written)
        self.retrospective.setVisible(status == RETROSPECTIVE_STATUS or written is not None)
