"""What a risk threatens: a searchable list of initiatives and capabilities with check boxes.

Ticking or clearing a box emits `links_edited(initiative keys, capability keys)` with the whole
new set, which the view stores as one `set_links` call (one undo step), given the set it showed: only the
box the user changed is stored, so links a colleague made meanwhile on a team workspace stay. The list is a plain
model filtered in Python (no proxy), so it stays quick with thousands of initiatives.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

_Index = QModelIndex | QPersistentModelIndex
_HEADER = ""
"""The kind of a row that titles a section."""
INITIATIVE = "initiative"
CAPABILITY = "capability"


class LinksModel(QAbstractListModel):
    """Section titles, then initiatives and capabilities as checkable `key  title` rows."""

    links_edited = Signal(list, list)
    """(initiative keys, capability keys): the whole set after the user ticked or cleared one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._options: dict[str, list[tuple[str, str, str]]] = {INITIATIVE: [], CAPABILITY: []}
        self._rows: list[tuple[str, str, str]] = []
        """(kind, key, text); a section title has kind `_HEADER`."""
        self._checked: dict[str, set[str]] = {INITIATIVE: set(), CAPABILITY: set()}
        self._words: list[str] = []
        self._linked_only = True
        self._header_font: QFont | None = None

    def set_options(self, initiatives: list[tuple[str, str]], capabilities: list[tuple[str, str]]) -> None:
        """The initiatives and capabilities a risk may threaten, as (key, title or name)."""
        options = {
            INITIATIVE: [(INITIATIVE, key, f"{key}  {title}") for key, title in initiatives],
            CAPABILITY: [(CAPABILITY, key, f"{key}  {name}") for key, name in capabilities],
        }
        if options != self._options:
            self._options = options
            self._rearrange()

    def set_checked(self, initiatives: tuple[str, ...], capabilities: tuple[str, ...]) -> None:
        checked = {INITIATIVE: set(initiatives), CAPABILITY: set(capabilities)}
        if checked == self._checked:
            return
        self._checked = checked
        if self._linked_only:
            self._rearrange()
        elif self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole])

    def set_filter(self, text: str, linked_only: bool) -> None:
        words = text.casefold().split()
        if (words, linked_only) != (self._words, self._linked_only):
            self._words, self._linked_only = words, linked_only
            self._rearrange()

    def checked(self, kind: str) -> list[str]:
        """The ticked keys of `kind`, in list order."""
        return [key for _kind, key, _text in self._options[kind] if key in self._checked[kind]]

    def _rearrange(self) -> None:
        self.beginResetModel()
        self._rows = []
        for kind, title in ((INITIATIVE, self.tr("Initiatives")), (CAPABILITY, self.tr("Capabilities"))):
            rows = [
                row
                for row in self._options[kind]
                if (not self._linked_only or self._words or row[1] in self._checked[kind])
                and all(word in row[2].casefold() for word in self._words)
            ]
            self._rows.append((_HEADER, kind, title if rows else self.tr("{0}: none match").format(title)))
            self._rows.extend(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, key, text = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.CheckStateRole and kind != _HEADER:
            return Qt.CheckState.Checked if key in self._checked[kind] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and kind == _HEADER:
            if self._header_font is None:
                from PySide6.QtWidgets import QApplication

                self._header_font = QFont(QApplication.font())
                self._header_font.setBold(True)
            return self._header_font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == _HEADER:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        kind, key, _text = self._rows[index.row()]
        if kind == _HEADER:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        if ticked == (key in self._checked[kind]):
            return True
        (self._checked[kind].add if ticked else self._checked[kind].discard)(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.links_edited.emit(self.checked(INITIATIVE), self.checked(CAPABILITY))
        return True


class _ListView(QListView):
    """A list that asks for little height, so the form fits a short panel; it grows when there is room."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), 96)


class LinksPicker(QWidget):
    """A summary of what the risk threatens, a search field and the checkable list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LinksModel(self)
        self.links_edited = self.model.links_edited
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find initiatives and capabilities…"))
        self.search.setAccessibleName(self.tr("Find initiatives and capabilities to link"))
        self.search.setToolTip(
            self.tr("List the initiatives and capabilities whose key or name contains this, to tick those threatened")
        )
        self.search.setClearButtonEnabled(True)
        self.linked_only = QCheckBox(self.tr("Linked only"))
        self.linked_only.setChecked(True)
        self.linked_only.setToolTip(
            self.tr(
                "Show only the initiatives and capabilities this risk threatens; "
                "type in the search to find others to link"
            )
        )
        self.search.textChanged.connect(self._filter)
        self.linked_only.toggled.connect(self._filter)
        self.list = _ListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Initiatives and capabilities the risk threatens"))
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(90)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.linked_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(search_row)
        layout.addWidget(self.list, 1)

    def _filter(self) -> None:
        self.model.set_filter(self.search.text(), self.linked_only.isChecked())

    def show_links(self, initiatives: tuple[str, ...], capabilities: tuple[str, ...]) -> None:
        self.model.set_checked(initiatives, capabilities)
        self.summary.setText(self._summary(len(initiatives), len(capabilities)))

    def _summary(self, initiatives: int, capabilities: int) -> str:
        if not initiatives and not capabilities:
            return self.tr("Threatens nothing yet: tick the initiatives and capabilities it puts at risk.")
        first = self.tr("1 initiative") if initiatives == 1 else self.tr("{0} initiatives").format(initiatives)
        second = self.tr("1 capability") if capabilities == 1 else self.tr("{0} capabilities").format(capabilities)
        return self.tr("Threatens {0} and {1}").format(first, second)
