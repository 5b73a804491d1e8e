"""The matrix table: fixed-size cells under hand-painted headers; typing 1–5 sets a level, 0 or Delete clears.

A click on a cell opens the level list there (`LevelDelegate`); Enter or F2 does the same from
the keyboard. Both end in the model's `setData`, so every change is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.delegate import LevelDelegate
from align_desktop.ui.matrix.headers import CapabilityHeader, InitiativeHeader
from align_desktop.ui.matrix.model import MatrixModel

_Index = QModelIndex | QPersistentModelIndex
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_LEVEL_TEXT = frozenset("12345")


class MatrixTable(QTableView):
    """Initiatives × capabilities, one cell current at a time."""

    current_moved = Signal(int, int)
    """Row and column of the new current cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = CapabilityHeader(self)
        self.rows = InitiativeHeader(self)
        self.setHorizontalHeader(self.columns)
        self.setVerticalHeader(self.rows)
        self.delegate = LevelDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # and a click: `_clicked`
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setFont(style.font(10))
        self.setAccessibleName(self.tr("Capability matrix"))
        self.setToolTip(
            self.tr("Required maturity per initiative and capability. Click a cell or type 1–5; 0 or Delete clears.")
        )
        self.clicked.connect(self._clicked)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._current_changed)

    def _clicked(self, index: QModelIndex) -> None:
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.columns.set_current(current.column() if current.isValid() else -1)
        self.rows.set_current(current.row() if current.isValid() else -1)
        if current.isValid():
            self.current_moved.emit(current.row(), current.column())

    def moveCursor(  # noqa: N802 - Qt override
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Arrow keys step over group title rows, which hold no cells to edit."""
        index = super().moveCursor(action, modifiers)
        model = self.model()
        step = {self.CursorAction.MoveDown: 1, self.CursorAction.MoveUp: -1}.get(action, 0)
        if isinstance(model, MatrixModel) and step and index.isValid() and model.group_at(index.row()) is not None:
            row = index.row() + step
            if 0 <= row < model.rowCount():
                return model.index(row, index.column())
            return self.currentIndex()
        return index

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Cells, then each visible group title row as one band whose title runs on from the row header."""
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, MatrixModel) or not model.rowCount():
            return
        viewport = self.viewport()
        first = max(0, self.rowAt(0))
        last = self.rowAt(viewport.height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        painter = QPainter(viewport)
        for row in range(first, last + 1):
            group = model.group_at(row)
            if group is not None:
                band = QRect(0, self.rowViewportPosition(row), viewport.width(), self.rowHeight(row) - 1)
                title = band.adjusted(self.rows.title_left() - self.rows.width(), 0, 0, 0)
                self.rows.paint_group(painter, band, title, model.group_text(group))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        if index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            text = event.text()
            plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
            if plain and text in _LEVEL_TEXT and len(text) == 1:
                self._type(index, int(text))
                return
            if plain and (text == "0" or event.key() in _CLEAR_KEYS):
                self._type(index, None)
                return
        super().keyPressEvent(event)

    def _type(self, index: _Index, level: int | None) -> None:
        model = self.model()
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        if model is not None and editable and index.data(Qt.ItemDataRole.EditRole) != level:
            model.setData(index, level, Qt.ItemDataRole.EditRole)
