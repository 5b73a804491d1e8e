"""The read-only "Decisions and actions" list on the initiative, capability and risk forms.

It lists every decision, action and parking-lot item linked to the item, two lines each: what
was recorded ("D-004 Decision: Build the feature store first"; an action with its owner, due
date and whether it is done), then the session and when.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from align_desktop.store.workshop_rows import LogEntryRow
from align_desktop.ui.workshop.log_panel import KIND_NAMES, translated

ROWS_SHOWN = 3
"""Entries visible without scrolling."""


class ItemLogList(QWidget):
    """A heading and the log entries about one item, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Decisions and actions"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Decisions and actions"))
        self.entries.setToolTip(
            self.tr("Decisions, actions and parking-lot items about this item, recorded in workshop sessions")
        )
        self.entries.setWordWrap(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.entries.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.entries.setMinimumHeight(self.entries.fontMetrics().lineSpacing() * 2 * ROWS_SHOWN + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.entries, 1)

    def show_entries(self, entries: Sequence[LogEntryRow]) -> None:
        self.entries.clear()
        self.heading.setText(self.tr("Decisions and actions ({0})").format(len(entries)))
        for entry in entries:
            item = QListWidgetItem(f"{self.entry_text(entry)}\n{self.context_text(entry)}")
            item.setToolTip(entry.text)
            self.entries.addItem(item)
        if not entries:
            empty = QListWidgetItem(self.tr("None recorded yet (Ctrl+D, Ctrl+K, Ctrl+P during a session)."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(empty)

    def entry_text(self, entry: LogEntryRow) -> str:
        """ "A-002 Action (Ann, due 2026-12-15, done): Size the GPU budget"."""
        details = []
        if entry.kind == "action":
            details.append(entry.owner)
            if entry.due_on is not None:
                details.append(self.tr("due {0}").format(entry.due_on.isoformat()))
            details.append(self.tr("done") if entry.done else self.tr("open"))
        kind = translated(KIND_NAMES[entry.kind])
        if details:
            kind += f" ({', '.join(details)})"
        return f"{entry.key} {kind}: {entry.text}"

    def context_text(self, entry: LogEntryRow) -> str:
        """ "W-001 Q3 workshop · 2026-12-01 10:42 · Dana"."""
        return f"{entry.session_key} {entry.session_title} · {entry.recorded_at:%Y-%m-%d %H:%M} · {entry.recorded_by}"
