"""The session editor: title, date, participants (one name a line, in order) and the agenda with time boxes.

OK stores everything as one service call (one undo step); a refused field is named under the
form and the dialog stays open. Agenda items are added, removed and reordered in place; an item
that stays keeps the time it has taken.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.workshop import AGENDA_TITLE, PARTICIPANTS, SESSION_FIELDS, TIME_BOX
from align_desktop.store.workshop_rows import SessionRow
from align_desktop.ui.submit_dialog import SubmitDialog

Submit = Callable[[dict[str, Any], list[str], list[tuple[int | None, object, object]]], None]
"""Store fields, participant names and agenda items (id or None, title, minutes); raises on refusal."""

_ID = Qt.ItemDataRole.UserRole
DEFAULT_TIME_BOX = 15


class SessionDialog(SubmitDialog):
    """Plan a new session or edit one."""

    def __init__(self, row: SessionRow | None, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("New session") if row is None else f"{row.key} — {row.title}")
        self.setMinimumWidth(720)
        self.title = QLineEdit(row.title if row else "")
        self.title.setPlaceholderText(self.tr("e.g. Q3 roadmap workshop"))
        self.title.setAccessibleName(SESSION_FIELDS["title"])
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setAccessibleName(SESSION_FIELDS["held_on"])
        day = row.held_on if row else date.today()
        self.held_on.setDate(QDate(day.year, day.month, day.day))
        self.participants = QPlainTextEdit("\n".join(row.participant_names) if row else "")
        self.participants.setPlaceholderText(self.tr("One name a line, in the order they vote"))
        self.participants.setAccessibleName(PARTICIPANTS)
        self.participants.setTabChangesFocus(True)
        self.participants.setMaximumHeight(130)
        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setPlaceholderText(self.tr("Goal of the session, room, anything to remember"))
        self.notes.setAccessibleName(SESSION_FIELDS["notes"])
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)

        self.agenda = QTableWidget(0, 2)
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setHorizontalHeaderLabels([self.tr("Agenda item"), self.tr("Minutes")])
        self.agenda.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agenda.verticalHeader().setVisible(True)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for item in row.agenda if row else ():
            self._append(item.title, item.time_box_minutes, item.id)
        buttons = QVBoxLayout()
        for text, tip, slot in (
            (self.tr("Add item"), self.tr("Add an agenda item at the end"), self._add),
            (self.tr("Remove"), self.tr("Remove the selected agenda item"), self._remove),
            (self.tr("Move up"), self.tr("Move the selected item earlier"), lambda: self._shift(-1)),
            (self.tr("Move down"), self.tr("Move the selected item later"), lambda: self._shift(1)),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        agenda_row = QHBoxLayout()
        agenda_row.addWidget(self.agenda, 1)
        agenda_row.addLayout(buttons)

        form = QFormLayout()
        form.addRow(SESSION_FIELDS["title"], self.title)
        form.addRow(SESSION_FIELDS["held_on"], self.held_on)
        form.addRow(PARTICIPANTS, self.participants)
        form.addRow(self.tr("Agenda (time boxes in minutes)"), agenda_row)
        form.addRow(SESSION_FIELDS["notes"], self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def _append(self, title: str, minutes: int, item_id: int | None) -> int:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        title_item = QTableWidgetItem(title)
        title_item.setData(_ID, item_id)
        minutes_item = QTableWidgetItem()
        minutes_item.setData(Qt.ItemDataRole.EditRole, minutes)
        self.agenda.setItem(row, 0, title_item)
        self.agenda.setItem(row, 1, minutes_item)
        return row

    def _add(self) -> None:
        row = self._append(self.tr("New agenda item"), DEFAULT_TIME_BOX, None)
        self.agenda.setCurrentCell(row, 0)
        self.agenda.editItem(self.agenda.currentItem())

    def _remove(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)

    def _shift(self, by: int) -> None:
        row = self.agenda.currentRow()
        target = row + by
        if row < 0 or not 0 <= target < self.agenda.rowCount():
            return
        taken = [self.agenda.takeItem(row, column) for column in range(2)]
        self.agenda.removeRow(row)
        self.agenda.insertRow(target)
        for column, item in enumerate(taken):
            self.agenda.setItem(target, column, item)
        self.agenda.setCurrentCell(target, 0)

    def fields(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "held_on": self.held_on.date().toString("yyyy-MM-dd"),
            "notes": self.notes.toPlainText(),
        }

    def participant_names(self) -> list[str]:
        return self.participants.toPlainText().splitlines()

    def agenda_items(self) -> list[tuple[int | None, object, object]]:
        """(stored item id or None, title, minutes), top to bottom."""
        items: list[tuple[int | None, object, object]] = []
        for row in range(self.agenda.rowCount()):
            title, minutes = self.agenda.item(row, 0), self.agenda.item(row, 1)
            assert title is not None and minutes is not None
            items.append((title.data(_ID), title.text(), minutes.data(Qt.ItemDataRole.EditRole)))
        return items

    def submit_changes(self) -> None:
        self._submit(self.fields(), self.participant_names(), self.agenda_items())

    def show_error(self, field: str | None, message: str) -> None:
        """Name the refused field under the form and put the cursor in it."""
        super().show_error(field, message)
        widgets: dict[str, QWidget] = {
            SESSION_FIELDS["title"]: self.title,
            SESSION_FIELDS["held_on"]: self.held_on,
            SESSION_FIELDS["notes"]: self.notes,
            PARTICIPANTS: self.participants,
            AGENDA_TITLE: self.agenda,
            TIME_BOX: self.agenda,
        }
        if field in widgets:
            widgets[field].setFocus()
