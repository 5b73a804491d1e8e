"""Picking a cell's level with the mouse: a click opens a list of the levels (and "none") at the cell.

The editor is a combo box that opens its list as soon as it is shown; choosing an entry stores it
(through the model's `setData`, so one undo step), closing the list without choosing changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from align_desktop.ui.matrix import style

_Index = QModelIndex | QPersistentModelIndex
EDITOR_MIN_WIDTH = 170


class LevelEditor(QComboBox):
    """ "— none" and the five maturity levels; its list opens when it is shown."""

    chosen = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Required maturity level"))
        self.addItem(self.tr("— not needed"), 0)
        for level, name in style.LEVEL_NAMES.items():
            self.addItem(f"{level}  {self.tr(name)}", level)
        self.activated.connect(lambda _row: self.chosen.emit())
        self._opening = QTimer(self)
        self._opening.setSingleShot(True)
        self._opening.timeout.connect(self.showPopup)
        self._closing = QTimer(self)
        self._closing.setSingleShot(True)
        self._closing.timeout.connect(self.dismissed.emit)

    def level(self) -> int | None:
        return self.currentIndex() or None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._opening.start(0)

    def hidePopup(self) -> None:  # noqa: N802 - Qt override
        super().hidePopup()
        self._closing.start(0)  # after `activated`, which follows when an entry was chosen


class LevelDelegate(QStyledItemDelegate):
    """Opens a `LevelEditor` on a cell and stores what is chosen in it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        editor = LevelEditor(parent)
        editor.chosen.connect(lambda: self._finish(editor, commit=True))
        editor.dismissed.connect(lambda: self._finish(editor, commit=False))
        return editor

    def _finish(self, editor: LevelEditor, *, commit: bool) -> None:
        if editor.property("finished"):
            return
        editor.setProperty("finished", True)
        if commit:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt API
        if isinstance(editor, LevelEditor):
            level = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(level if isinstance(level, int) else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, LevelEditor) and editor.level() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.level(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), EDITOR_MIN_WIDTH), rect.height())
