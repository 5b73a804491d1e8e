"""The initiative picker: every initiative, searchable by any word of its key, title or figure.

An editable combo box over a list model of precomputed texts; typing filters the list (the
completer matches anywhere in the text). Initiatives with a business case show their NPV,
the others say they have none yet, so `no business case` finds the ones still to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from align_desktop.store.case_rows import BusinessCaseRow
from align_desktop.ui.roi.format import money, tr

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PickerEntry:
    key: str
    text: str
    has_case: bool


def entry_for(row: BusinessCaseRow, npv: float | None, currency: str) -> PickerEntry:
    """`I-004 · Weekly SKU demand forecast — NPV EUR 130,394`, or `… — no business case yet`."""
    text = f"{row.initiative_key} · {row.title}"
    if npv is None:
        return PickerEntry(row.initiative_key, tr("{0} — no business case yet").format(text), False)
    return PickerEntry(row.initiative_key, tr("{0} — NPV {1}").format(text, money(npv, currency)), True)


class PickerModel(QAbstractListModel):
    """One row per initiative, in key order; the key in `Qt.UserRole`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[PickerEntry] = []
        self._rows: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: list[PickerEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._rows = {entry.key: row for row, entry in enumerate(entries)}
        self.endResetModel()

    def row_of_key(self, key: str) -> int | None:
        return self._rows.get(key)

    def entry_at(self, row: int) -> PickerEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return entry.text
        if role == Qt.ItemDataRole.UserRole:
            return entry.key
        if role == Qt.ItemDataRole.FontRole and entry.has_case:
            return self._bold
        return None


class InitiativePicker(QComboBox):
    """Choose the initiative whose business case the view shows; emits `picked(key)`."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.list_model = PickerModel(self)
        self.setModel(self.list_model)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(48)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.list_model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(20)
        self.setCompleter(completer)
        self.setAccessibleName(self.tr("Initiative"))
        self.setToolTip(self.tr("The initiative whose business case is shown; type any part of its key or title"))
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Find an initiative…"))
        line.editingFinished.connect(self._restore_text)
        self.currentIndexChanged.connect(self._index_changed)

    def set_entries(self, entries: list[PickerEntry], key: str | None) -> None:
        """List these initiatives and show `key` without emitting `picked`."""
        self._quiet = True
        try:
            self.list_model.set_entries(entries)
            row = self.list_model.row_of_key(key) if key is not None else None
            self.setCurrentIndex(-1 if row is None else row)
        finally:
            self._quiet = False

    def key(self) -> str | None:
        row = self.currentIndex()
        return self.list_model.entry_at(row).key if 0 <= row < self.list_model.rowCount() else None

    def pick(self, key: str) -> bool:
        """Show initiative `key` (emitting `picked` when it changes); False when it is unknown."""
        row = self.list_model.row_of_key(key)
        if row is None:
            return False
        self.setCurrentIndex(row)
        return True

    def _index_changed(self, row: int) -> None:
        if not self._quiet and 0 <= row < self.list_model.rowCount():
            self.picked.emit(self.list_model.entry_at(row).key)

    def _restore_text(self) -> None:
        """Leaving the search with text that names no initiative shows the picked one again."""
        if self.currentIndex() >= 0 and self.currentText() != self.itemText(self.currentIndex()):
            self.setEditText(self.itemText(self.currentIndex()))
