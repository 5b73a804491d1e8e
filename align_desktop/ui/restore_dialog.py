"""File > Restore from Backup: the workspace's backups with their date, reason and size; pick one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.store.backup import Backup


class RestoreDialog(QDialog):
    """Lists backups newest first; `chosen()` is the one selected when the user pressed Restore."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(720, 420)
        explanation = QLabel(
            self.tr(
                "Backups are taken before every import, upgrade and restore, and every 30 minutes of "
                "editing. Restoring replaces the workspace with the backup; its current state is backed "
                "up first, so a restore can itself be undone by restoring that."
            )
        )
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(backups):
            self.table.setItem(row, 0, QTableWidgetItem(f"{backup.taken:%Y-%m-%d %H:%M:%S}"))
            self.table.setItem(row, 1, QTableWidgetItem(backup.reason))
            self.table.setItem(row, 2, QTableWidgetItem(f"{backup.size / 1024:,.0f} KB"))
        if backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
