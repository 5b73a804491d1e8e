"""Edit the board's lanes: add, rename, reorder and remove (a lane must be empty to go)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from align_desktop.store.board_rows import LaneRow
from align_desktop.ui.submit_dialog import SubmitDialog

_ID = Qt.ItemDataRole.UserRole


Lanes = list[tuple[int | None, str]]


class LanesDialog(SubmitDialog):
    """The lane list; double-click a lane to rename it. OK applies it as one undo step."""

    def __init__(self, lanes: list[LaneRow], submit: Callable[[Lanes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Edit lanes"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Lanes"))
        for lane in lanes:
            self._append(lane.name, lane.id)
        explanation = QLabel(
            self.tr(
                "Lanes are the board's horizons, left to right: Now / Next / Later, or quarters "
                "such as 2027 Q1. Double-click a lane to rename it. A lane must be empty to be removed."
            )
        )
        explanation.setWordWrap(True)
        add = QPushButton(self.tr("Add lane"))
        add.clicked.connect(self._add)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        up = QPushButton(self.tr("Move left"))
        up.clicked.connect(lambda: self._shift(-1))
        down = QPushButton(self.tr("Move right"))
        down.clicked.connect(lambda: self._shift(1))
        side = QVBoxLayout()
        for button in (add, remove, up, down):
            side.addWidget(button)
        side.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _append(self, name: str, lane_id: int | None) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(_ID, lane_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _add(self) -> None:
        item = self._append(self.tr("New lane"), None)
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def _shift(self, by: int) -> None:
        row = self.list.currentRow()
        target = row + by
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def lanes(self) -> Lanes:
        """The edited list as `(id or None for a new lane, name)`, left to right."""
        return [(self.list.item(i).data(_ID), self.list.item(i).text()) for i in range(self.list.count())]

    def submit_changes(self) -> None:
        self._submit(self.lanes())
