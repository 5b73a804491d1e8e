"""Cell editors of the ROI tables: they report each keystroke, so figures follow the typing.

`CaseDelegate` edits cells of the cost-line and year models: a line edit for numbers and
text, a combo box where the model offers choices (the cost category). While the user types it
emits `edited(field, text)`; when the editor closes, `closed(field, reverted)`. The
stored value is written only through the model's `setData` (editing finished). An editor is
filled from the model once, so a model update while typing never moves the cursor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from align_desktop.ui.roi.draft import Field

_Index = QModelIndex | QPersistentModelIndex
INVALID_STYLE = "border: 2px solid #c62828;"


class CellEdit(QLineEdit):
    """Line editor of one cell, knowing which field it edits."""

    def __init__(self, field: Field, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.loaded = False


class CellCombo(QComboBox):
    """Choice editor of one cell (item data: the stored value)."""

    def __init__(self, field: Field, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.loaded = False


class CaseDelegate(QStyledItemDelegate):
    """Editors for models that offer `field_at(index)` and `choices(index)`."""

    edited = Signal(object, str)
    """(Field, text): the cell's text as typed, before editing finishes."""
    closed = Signal(object, bool)
    """(Field, reverted): the cell's editor closed; `reverted` when abandoned (Escape)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open: dict[Field, CellEdit | CellCombo] = {}
        self.closeEditor.connect(self._editor_closed)

    def editor(self, field: Field) -> CellEdit | CellCombo | None:
        """The open editor of `field`, if any."""
        return self._open.get(field)

    def mark(self, field: Field, message: str | None) -> None:
        """Outline the open editor of `field` in red with `message` as tooltip, or clear it."""
        editor = self._open.get(field)
        if editor is not None:
            editor.setStyleSheet(INVALID_STYLE if message else "")
            editor.setToolTip(message or "")

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        model: Any = index.model()
        field = model.field_at(index)
        if field is None:
            return super().createEditor(parent, option, index)
        choices = model.choices(index)
        editor: CellEdit | CellCombo
        if choices:
            combo = CellCombo(field, parent)
            for choice in choices:
                combo.addItem(choice.capitalize(), choice)
            combo.activated.connect(lambda _row: self._choose(combo))
            editor = combo
        else:
            edit = CellEdit(field, parent)
            edit.setAlignment(Qt.AlignmentFlag(model.data(index, Qt.ItemDataRole.TextAlignmentRole) or 0))
            edit.textEdited.connect(lambda text: self.edited.emit(field, text))
            editor = edit
        editor.setAccessibleName(str(model.headerData(index.column(), Qt.Orientation.Horizontal)))
        self._open[field] = editor
        return editor

    def _choose(self, combo: CellCombo) -> None:
        self.edited.emit(combo.field, str(combo.currentData()))
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if not isinstance(editor, CellEdit | CellCombo) or editor.loaded:
            return
        editor.loaded = True
        value = index.model().data(index, Qt.ItemDataRole.EditRole)
        if isinstance(editor, CellCombo):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, CellCombo):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, CellEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _editor_closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if isinstance(editor, CellEdit | CellCombo) and self._open.get(editor.field) is editor:
            del self._open[editor.field]
            self.closed.emit(editor.field, hint == QAbstractItemDelegate.EndEditHint.RevertModelCache)
