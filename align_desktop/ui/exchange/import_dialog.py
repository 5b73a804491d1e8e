"""The import preview: every add and change a workbook would make, or every error, before anything is applied."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.exchange.importer import ImportPlan

ERROR_COLOUR = QColor("#c62828")


class ImportPreviewDialog(QDialog):
    """Lists what an import would do; Apply is offered only when the workbook has no errors."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import {0}").format(plan.workbook.name))
        self.resize(900, 600)
        heading = QLabel()
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        explanation = QLabel()
        explanation.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setAccessibleName(self.tr("Import preview"))
        self.lines.setAlternatingRowColors(True)
        if plan.errors:
            heading.setText(self.tr("{0} error(s): nothing can be imported").format(len(plan.errors)))
            explanation.setText(
                self.tr(
                    "Correct these cells in the workbook and import it again. Nothing is applied "
                    "while any error remains."
                )
            )
            for error in plan.errors:
                item = QListWidgetItem(error)
                item.setForeground(ERROR_COLOUR)
                self.lines.addItem(item)
        else:
            heading.setText(self.tr("Import: {0}").format(plan.summary))
            explanation.setText(
                self.tr(
                    "Applying makes all of these changes in one step, after a backup of the workspace; "
                    "Edit > Undo takes them all back."
                )
            )
            self.lines.addItems(plan.preview or [self.tr("The workbook matches the workspace; nothing to change.")])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(not plan.errors and bool(plan.preview))
        self.apply_button.setToolTip(self.tr("Make every change listed, as one undo step"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
