"""The Workshop view: the sessions, the one selected (participants, agenda with time boxes and time taken) and its log.

New, Edit and Delete plan sessions (the session editor); Start and End run one — starting puts
the window in the presenter layout, through the Workshop menu's controls (`start_requested`,
`end_requested`, `present_requested`). With no session yet, an empty-state hint says what a
session is for. Editing a session or a log entry, or marking an action done, is checked against the
version the view showed (`stale_edits`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.countdown import clock_text
from align_desktop.domain.workshop import validate_log_entry
from align_desktop.store.changes import Revert
from align_desktop.store.workshop_rows import SessionRow
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.stale_edits import perform_edit
from align_desktop.ui.view import WorkspaceView
from align_desktop.ui.workshop.log_panel import LogPanel

_KEY = Qt.ItemDataRole.UserRole


class WorkshopView(WorkspaceView):
    """Sessions on the left; the selected session and its log on the right."""

    start_requested = Signal(str)
    end_requested = Signal(str)
    present_requested = Signal()

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self.rows: list[SessionRow] = []

        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setToolTip(self.tr("Workshop sessions, newest first; double-click to edit one"))
        self.sessions.currentRowChanged.connect(lambda _row: self._show_selected())
        self.sessions.itemDoubleClicked.connect(lambda _item: self.edit_session())
        self.new_button = self._button(
            self.tr("New session…"), self.tr("Plan a session: title, date, participants, agenda"), self.new_session
        )
        self.edit_button = self._button(self.tr("Edit…"), self.tr("Edit the selected session"), self.edit_session)
        self.delete_button = self._button(
            self.tr("Delete"),
            self.tr("Delete the selected session with its votes and log (Ctrl+Z brings it back)"),
            self.delete_session,
        )
        left_buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            left_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sessions, 1)
        left_layout.addLayout(left_buttons)

        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = self._button(
            self.tr("Start"),
            self.tr("Start the session: snapshot the workspace and show the presenter layout"),
            self._start,
        )
        self.present_button = self._button(
            self.tr("Present"),
            self.tr("Show the presenter layout of the running session (F5)"),
            self.present_requested.emit,
        )
        self.end_button = self._button(
            self.tr("End"),
            self.tr("End the session: store the time each item took and snapshot the workspace"),
            self._end,
        )
        run_buttons = QHBoxLayout()
        run_buttons.addWidget(self.heading, 1)
        for button in (self.start_button, self.present_button, self.end_button):
            run_buttons.addWidget(button)

        self.agenda = QTableWidget(0, 4)
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setHorizontalHeaderLabels(["#", self.tr("Agenda item"), self.tr("Time box"), self.tr("Took")])
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.agenda.verticalHeader().hide()
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.log = LogPanel()
        self.log.entry_requested.connect(self.record_entry)
        self.log.edit_requested.connect(self.edit_entry)
        self.log.done_requested.connect(self.mark_done)
        self.log.delete_requested.connect(self.delete_entry)
        agenda_title = self._section(self.tr("Agenda"))
        log_title = self._section(self.tr("Decisions, actions and parking lot"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(run_buttons)
        right_layout.addWidget(self.details)
        right_layout.addWidget(agenda_title)
        right_layout.addWidget(self.agenda, 1)
        right_layout.addWidget(log_title)
        right_layout.addWidget(self.log, 2)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 960])
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(splitter)
        self.empty_state = hint = EmptyState()
        hint.show_message(
            self.tr("No workshop sessions yet"),
            self.tr(
                "A session runs a planning workshop from this laptop: participants, a time-boxed agenda with a "
                "countdown on the projector, and the decisions, actions and parking-lot items written down as they "
                "happen, linked to the initiatives, capabilities and risks they are about."
            ),
            self.tr("Plan the first session: its title, date, participants and agenda."),
            self.tr("New session"),
        )
        hint.action_clicked.connect(self.new_session)
        self.pages = EmptyStateStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    # showing

    def refresh(self) -> None:
        assert self.workspace is not None
        kept = self.selected_session_key()
        self.rows = self.workspace.sessions.sessions()
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for row in self.rows:
            item = QListWidgetItem(
                f"{row.key} · {row.title}\n{row.held_on.isoformat()} · {self._state_name(row.state)}"
            )
            item.setData(_KEY, row.key)
            self.sessions.addItem(item)
        keys = [row.key for row in self.rows]
        running = next((row.key for row in self.rows if row.running), None)
        chosen = kept if kept in keys else running or (keys[0] if keys else None)
        self.sessions.setCurrentRow(keys.index(chosen) if chosen else -1)
        self.sessions.blockSignals(False)
        self.pages.show_hint(not self.rows)
        writable = not self.workspace.workspace.read_only
        self.new_button.setEnabled(writable)
        self._show_selected()

    def _state_name(self, state: str) -> str:
        return {"planned": self.tr("planned"), "running": self.tr("● running"), "ended": self.tr("ended")}[state]

    def selected_session_key(self) -> str | None:
        item = self.sessions.currentItem()
        return None if item is None else str(item.data(_KEY))

    def select_session(self, key: str) -> None:
        for row in range(self.sessions.count()):
            if self.sessions.item(row).data(_KEY) == key:
                self.sessions.setCurrentRow(row)

    def selected_session(self) -> SessionRow | None:
        key = self.selected_session_key()
        return next((row for row in self.rows if row.key == key), None)

    def _show_selected(self) -> None:
        row = self.selected_session()
        writable = self.workspace is not None and not self.workspace.workspace.read_only
        running_elsewhere = any(other.running for other in self.rows if row is None or other.key != row.key)
        self.edit_button.setEnabled(writable and row is not None)
        self.delete_button.setEnabled(writable and row is not None)
        self.start_button.setEnabled(writable and row is not None and row.state == "planned" and not running_elsewhere)
        self.present_button.setEnabled(row is not None and row.running)
        self.end_button.setEnabled(writable and row is not None and row.running)
        self.log.set_recording_enabled(writable and row is not None)
        if row is None or self.workspace is None:
            self.heading.clear()
            self.details.clear()
            self.agenda.setRowCount(0)
            self.log.show_entries([])
            return
        self.heading.setText(f"{row.key} · {row.title}")
        self.details.setText(self._details(row))
        self.agenda.setRowCount(len(row.agenda))
        for number, item in enumerate(row.agenda):
            values = (
                str(number + 1),
                item.title,
                self.tr("{0} min").format(item.time_box_minutes),
                clock_text(item.spent_seconds) if item.spent_seconds else "",
            )
            for column, value in enumerate(values):
                self.agenda.setItem(number, column, QTableWidgetItem(value))
        self.log.show_entries(self.workspace.log.session_log(row.key))

    def _details(self, row: SessionRow) -> str:
        if row.started_at is None:
            state = self.tr("Planned for {0}").format(row.held_on.isoformat())
        elif row.ended_at is None:
            state = self.tr("Running since {0:%H:%M} on {0:%Y-%m-%d}").format(row.started_at)
        else:
            state = self.tr("Held {0:%Y-%m-%d}, {0:%H:%M}–{1:%H:%M}").format(row.started_at, row.ended_at)
        total = sum(item.time_box_minutes for item in row.agenda)
        people = ", ".join(row.participant_names) or self.tr("none listed yet")
        lines = [state + " · " + self.tr("agenda {0} min").format(total), self.tr("Participants: {0}").format(people)]
        if row.notes:
            lines.append(row.notes)
        return "\n".join(lines)

    # sessions

    def new_session(self) -> None:
        if self.workspace is None:
            return
        from align_desktop.ui.workshop.session_dialog import SessionDialog

        workspace = self.workspace
        created: list[str] = []

        def submit(fields: dict[str, Any], participants: list[str], agenda: list[Any]) -> None:
            def create() -> Revert:
                key, revert = workspace.sessions.create(fields, participants, agenda)
                created.append(key)
                return revert

            workspace.perform(self.tr("New session"), create)

        SessionDialog(None, submit, self).exec()
        if created:
            self.select_session(created[0])

    def edit_session(self) -> None:
        row = self.selected_session()
        if self.workspace is None or row is None:
            return
        from align_desktop.ui.workshop.session_dialog import SessionDialog

        workspace = self.workspace

        def submit(fields: dict[str, Any], participants: list[str], agenda: list[Any]) -> None:
            perform_edit(
                workspace,
                self._prompter,
                self.tr("Edit {0}").format(row.key),
                lambda version: workspace.sessions.update(
                    row.key, fields, participants, agenda, expected_version=version
                ),
                row.version,
            )

        SessionDialog(row, submit, self).exec()

    def delete_session(self) -> None:
        row = self.selected_session()
        if self.workspace is None or row is None:
            return
        question = self.tr(
            "Delete {0} '{1}' with its participants, agenda, votes and log? You can undo this with Ctrl+Z."
        ).format(row.key, row.title)
        if self._prompter.confirm(self.tr("Delete session"), question, self.tr("Delete")):
            workspace = self.workspace
            self.perform_change(
                self._prompter, self.tr("Delete {0}").format(row.key), lambda: workspace.sessions.delete(row.key)
            )

    def _start(self) -> None:
        key = self.selected_session_key()
        if key is not None:
            self.start_requested.emit(key)

    def _end(self) -> None:
        key = self.selected_session_key()
        if key is not None:
            self.end_requested.emit(key)

    # the log

    def record_entry(self, kind: str) -> None:
        """Record a decision, an action or a parking-lot item in the session shown."""
        row = self.selected_session()
        if self.workspace is None or row is None:
            return
        from align_desktop.ui.workshop.entry_dialog import LogEntryDialog

        workspace = self.workspace

        def submit(fields: dict[str, Any], links: list[str]) -> None:
            workspace.perform(
                self.tr("Record in {0}").format(row.key),
                lambda: workspace.log.record(kind, fields, links, row.key)[1],
            )

        LogEntryDialog(
            kind,
            submit,
            workspace.log.linkable(),
            participants=row.participant_names,
            session_title=f"{row.key} · {row.title}",
            parent=self,
        ).exec()

    def edit_entry(self, key: str) -> None:
        entry = next((entry for entry in self.log.entries if entry.key == key), None)
        row = self.selected_session()
        if self.workspace is None or entry is None:
            return
        from align_desktop.ui.workshop.entry_dialog import LogEntryDialog

        workspace = self.workspace

        def submit(fields: dict[str, Any], links: list[str]) -> None:
            # only what the user changed (compared as the store keeps it: a due date as a date): a colleague's
            # change to another field is neither reported nor overwritten
            clean = validate_log_entry(entry.kind, fields)
            changed = {field: fields[field] for field, value in clean.items() if getattr(entry, field, None) != value}
            new_links = None if sorted(links) == sorted(entry.link_keys) else links
            if not changed and new_links is None:
                return
            perform_edit(
                workspace,
                self._prompter,
                self.tr("Edit {0}").format(key),
                lambda version: workspace.log.update(key, changed, new_links, expected_version=version),
                entry.version,
            )

        LogEntryDialog(
            entry.kind,
            submit,
            workspace.log.linkable(),
            entry=entry,
            participants=row.participant_names if row else [],
            parent=self,
        ).exec()

    def mark_done(self, key: str, done: bool) -> None:
        entry = next((entry for entry in self.log.entries if entry.key == key), None)
        if self.workspace is not None and entry is not None:
            workspace = self.workspace
            text = self.tr("Mark {0} done") if done else self.tr("Mark {0} not done")
            self.perform_item_edit(
                self._prompter,
                text.format(key),
                lambda version: workspace.log.set_done(key, done, expected_version=version),
                entry.version,
            )

    def delete_entry(self, key: str) -> None:
        if self.workspace is not None:
            workspace = self.workspace
            self.perform_change(self._prompter, self.tr("Delete {0}").format(key), lambda: workspace.log.delete(key))
