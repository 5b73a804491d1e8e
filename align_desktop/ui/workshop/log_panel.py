"""A session's log in the Workshop view: its decisions, actions (owner, due date, done) and parking-lot items.

The buttons record into the session shown (also after it ended, to write up what was missed),
edit the selected entry, mark an action done or not, and delete an entry; each is one undo
step, performed by the view (`entry_requested`, `edit_requested`, `done_requested`,
`delete_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.store.workshop_rows import LogEntryRow

KIND_NAMES: dict[str, object] = {
    "decision": QT_TRANSLATE_NOOP("Workshop", "Decision"),
    "action": QT_TRANSLATE_NOOP("Workshop", "Action"),
    "parking": QT_TRANSLATE_NOOP("Workshop", "Parking lot"),
}
HEADERS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("Workshop", "Key"),
    QT_TRANSLATE_NOOP("Workshop", "Kind"),
    QT_TRANSLATE_NOOP("Workshop", "Text"),
    QT_TRANSLATE_NOOP("Workshop", "Owner"),
    QT_TRANSLATE_NOOP("Workshop", "Due"),
    QT_TRANSLATE_NOOP("Workshop", "Done"),
    QT_TRANSLATE_NOOP("Workshop", "Links"),
)
_TEXT, _DONE, _LINKS = 2, 5, 6


def translated(text: object) -> str:
    return QCoreApplication.translate("Workshop", str(text))


def links_text(entry: LogEntryRow) -> str:
    """`I-003 Churn prediction, R-002 (deleted)`."""
    return ", ".join(f"{link.key} {link.title}" if link.title else f"{link.key} (deleted)" for link in entry.links)


class LogPanel(QWidget):
    """The log table and its buttons."""

    entry_requested = Signal(str)
    """Record a new entry of this kind in the session shown."""
    edit_requested = Signal(str)
    done_requested = Signal(str, bool)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LogEntryRow] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName(self.tr("Decisions, actions and parking lot"))
        self.table.setHorizontalHeaderLabels([translated(header) for header in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_LINKS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(_LINKS, 260)
        self.table.itemDoubleClicked.connect(lambda _item: self._edit())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.record_buttons = []
        buttons = QHBoxLayout()
        for kind, text, tip in (
            (
                "decision",
                self.tr("Record decision…"),
                self.tr("Record a decision in this session (Ctrl+D while it runs)"),
            ),
            ("action", self.tr("Record action…"), self.tr("Record an action with an owner and a due date (Ctrl+K)")),
            ("parking", self.tr("Park an item…"), self.tr("Put a question on the parking lot (Ctrl+P)")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, k=kind: self.entry_requested.emit(k))
            buttons.addWidget(button)
            self.record_buttons.append(button)
        buttons.addStretch()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected entry (or double-click it)"))
        self.edit_button.clicked.connect(self._edit)
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Mark the selected action done, or not done again"))
        self.done_button.clicked.connect(self._toggle_done)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Ctrl+Z brings it back)"))
        self.delete_button.clicked.connect(self._delete)
        for button in (self.edit_button, self.done_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_entries(self, entries: list[LogEntryRow]) -> None:
        """Show `entries`, keeping the selected one selected."""
        kept = self.selected()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                entry.key,
                translated(KIND_NAMES[entry.kind]),
                entry.text,
                entry.owner,
                entry.due_on.isoformat() if entry.due_on else "",
                ("✓" if entry.done else "") if entry.kind == "action" else "",
                links_text(entry),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == _DONE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if kept is not None and entry.key == kept.key:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def selected(self) -> LogEntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    def set_recording_enabled(self, enabled: bool) -> None:
        for button in self.record_buttons:
            button.setEnabled(enabled)

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)
        self.done_button.setEnabled(entry is not None and entry.kind == "action")
        self.done_button.setText(
            self.tr("Mark not done")
            if entry is not None and entry.kind == "action" and entry.done
            else self.tr("Mark done")
        )

    def _edit(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.edit_requested.emit(entry.key)

    def _toggle_done(self) -> None:
        entry = self.selected()
        if entry is not None and entry.kind == "action":
            self.done_requested.emit(entry.key, not entry.done)

    def _delete(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.delete_requested.emit(entry.key)
