"""The read-only "History" list on the initiative, capability and risk forms: the item's audit trail.

Each entry takes two lines, so that it reads in a narrow side panel: what changed in bold
("Readiness: data  0 → 3"), then, in grey, when (local time), who, and the session it happened
in. A line too long for the panel is cut short with "…"; its tooltip holds it whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from align_desktop.store.audit import HistoryEntry

ROWS_SHOWN = 4
"""Entries visible without scrolling."""
PADDING = 4
"""Pixels above and below an entry."""


class HistoryList(QWidget):
    """A heading and the item's recorded changes, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("History"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Item history"))
        self.entries.setToolTip(
            self.tr(
                "Every change to the scores, lane, status, business case and ratings: "
                "what, when, who (Workshop > Your Name…) and in which session"
            )
        )
        self.entries.setItemDelegate(_EntryDelegate(self.entries))
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.entries.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        line = self.entries.fontMetrics().lineSpacing()
        self.entries.setMinimumHeight((line * 2 + 2 * PADDING) * ROWS_SHOWN + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.entries, 1)

    def show_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.entries.clear()
        if len(entries) > 1:
            self.heading.setText(self.tr("History ({0} changes)").format(len(entries)))
        else:
            self.heading.setText(self.tr("History (1 change)") if entries else self.tr("History"))
        for entry in entries:
            item = QListWidgetItem(f"{self.change_text(entry)}\n{self.context_text(entry)}")
            item.setToolTip(item.text())
            self.entries.addItem(item)
        if not entries:
            empty = QListWidgetItem(self.tr("No change recorded yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(empty)

    def change_text(self, entry: HistoryEntry) -> str:
        """The field and its values: "Confidence  50 % → 70 %"; a business case or cost line added or removed."""
        if entry.event == "added":
            said = self.tr("added")
            return f"{entry.field}  {said} ({entry.new})" if entry.new else f"{entry.field}  {said}"
        if entry.event == "removed":
            said = self.tr("removed")
            return f"{entry.field}  {said} ({entry.old})" if entry.old else f"{entry.field}  {said}"
        return f"{entry.field}  {entry.old or '—'} → {entry.new or '—'}"

    def context_text(self, entry: HistoryEntry) -> str:
        """When (local time), who, and the session: "2026-11-26 09:14 · Dana · Q3 planning"."""
        parts = [f"{entry.when.astimezone():%Y-%m-%d %H:%M}", entry.who or self.tr("unknown")]
        if entry.session_title:
            parts.append(self.tr("session: {0}").format(entry.session_title))
        return " · ".join(parts)


class _EntryDelegate(QStyledItemDelegate):
    """Paints an entry's first line in bold and its second in the palette's muted colour."""

    def sizeHint(  # noqa: N802 - Qt API
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(0, line * 2 + 2 * PADDING)  # as wide as the list: long lines are cut short

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        change, _, context = str(index.data()).partition("\n")
        painter.save()
        box = QRect(option.rect).adjusted(6, PADDING, -6, -PADDING)
        line = QFontMetrics(option.font).lineSpacing()
        palette: QPalette = option.palette
        strong = QFont(option.font)
        strong.setBold(bool(context))
        painter.setFont(strong)
        painter.setPen(palette.color(QPalette.ColorRole.Text if context else QPalette.ColorRole.PlaceholderText))
        first = QRect(box.left(), box.top(), box.width(), line)
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(change, Qt.TextElideMode.ElideRight, box.width()),
        )
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        second = first.translated(0, line)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(context, Qt.TextElideMode.ElideRight, box.width()),
        )
        painter.restore()
