"""Cell editors of the catalogue table: a list for category and status, a spin box for maturity.

Other editable cells get a line edit. A choice is stored as soon as it is picked; the other
editors hand their value to the model when editing finishes (Return, Tab, or leaving the cell).
An editor is filled from the model once, so a reload while the user types never moves the cursor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from align_desktop.domain.capability import MATURITY_MAX, MATURITY_MIN
from align_desktop.ui.capabilities.model import choice_text

_Index = QModelIndex | QPersistentModelIndex
_LOADED = "loaded"


class CapabilityDelegate(QStyledItemDelegate):
    """Editors for `CapabilityTableModel` cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        model: Any = index.model()
        editor: QWidget
        choices = model.choices(index)
        if choices:
            combo = QComboBox(parent)
            for choice in choices:
                combo.addItem(choice_text(choice), choice)
            combo.activated.connect(lambda _row: self._chosen(combo))
            editor = combo
        elif model.is_level(index):
            spin = QSpinBox(parent)
            spin.setRange(MATURITY_MIN, MATURITY_MAX)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            editor = spin
        else:
            edit = QLineEdit(parent)
            edit.setAlignment(Qt.AlignmentFlag(model.data(index, Qt.ItemDataRole.TextAlignmentRole) or 0))
            editor = edit
        editor.setAccessibleName(str(model.headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if editor.property(_LOADED):
            return
        editor.setProperty(_LOADED, True)
        value = index.model().data(index, Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
