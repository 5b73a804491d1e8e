"""Help > Keyboard Shortcuts: every shortcut of the main window's actions, grouped by menu, in one list."""

from __future__ import annotations

from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.ui.shortcuts import ShortcutGroup


class ShortcutsDialog(QDialog):
    """A read-only list: a heading per menu (or view), then each action and its keys."""

    def __init__(self, groups: list[ShortcutGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        note = QLabel(
            self.tr(
                "Shortcuts of a view's own (such as Delete in a table) work when that view has the focus. "
                "On the board, arrow keys move the selection, Enter edits and Delete removes a card; in the "
                "matrix, 1–5 set a cell and 0 or Delete clears it."
            )
        )
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for group in groups:
            heading = QTreeWidgetItem(self.tree, [group.title])
            font = QFont(heading.font(0))
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFirstColumnSpanned(True)
            for shortcut in group.shortcuts:
                QTreeWidgetItem(heading, [shortcut.action, shortcut.keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 720)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Open with the focus on Close, so that no row looks picked (the list scrolls with the wheel or Tab)."""
        super().showEvent(event)
        self.close_button.setFocus()

    def listed(self) -> list[tuple[str, str, str]]:
        """Every row shown: (group, action, keys)."""
        rows = []
        for heading in (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount())):
            assert heading is not None
            for item in (heading.child(s) for s in range(heading.childCount())):
                assert item is not None
                rows.append((heading.text(0), item.text(0), item.text(1)))
        return rows
