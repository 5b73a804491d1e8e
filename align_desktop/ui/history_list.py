"""The read-only "History" list on the initiative, capability and risk forms: the item's audit trail.

Each entry takes two lines, so that it reads in a narrow side panel: what changed in bold
("Readiness: data  0 → 3"), then, in grey, when (local time), who, and the session it happened
in. A line too long for the panel wraps (at a word, or anywhere in a word wider than the panel), so
every entry reads whole; the list keeps its height and scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
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
INSET = 6
"""Pixels left and right of an entry's text."""


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
        self.entries.setWordWrap(True)
        self.entries.setResizeMode(QListView.ResizeMode.Adjust)  # entries wrap anew as the list's width changes
        self.entries.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
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


def wrapped(text: str, font: QFont, width: int) -> QTextLayout:
    """`text` laid out in lines no wider than `width`, broken at words (or within a word wider than that)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += QFontMetrics(font).lineSpacing()
    layout.endLayout()
    return layout


def wrapped_height(text: str, font: QFont, width: int) -> int:
    """Pixels that `text` takes wrapped at `width`: one line spacing per line."""
    return wrapped(text, font, width).lineCount() * QFontMetrics(font).lineSpacing()


class _EntryDelegate(QStyledItemDelegate):
    """Paints an entry's first line in bold and its second in the palette's muted colour, each wrapped to the
    list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def text_width(self) -> int:
        """Pixels of the list's width that an entry's text may take."""
        return max(self._view.viewport().width() - 2 * INSET, 20)

    def _parts(self, option: QStyleOptionViewItem, text: str) -> list[tuple[str, QFont]]:
        change, _, context = text.partition("\n")
        strong = QFont(option.font)
        strong.setBold(bool(context))
        return [(change, strong), (context, option.font)] if context else [(change, strong)]

    def sizeHint(  # noqa: N802 - Qt API
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self.text_width()
        parts = self._parts(option, str(index.data()))
        height = sum(wrapped_height(text, font, width) for text, font in parts)
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(width + 2 * INSET, max(height, line * 2) + 2 * PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        palette: QPalette = option.palette
        width = self.text_width()
        top = float(option.rect.top() + PADDING)
        parts = self._parts(option, str(index.data()))
        for number, (text, font) in enumerate(parts):
            strong = number == 0 and len(parts) > 1
            painter.setPen(palette.color(QPalette.ColorRole.Text if strong else QPalette.ColorRole.PlaceholderText))
            layout = wrapped(text, font, width)
            layout.draw(painter, QPointF(option.rect.left() + INSET, top))
            top += layout.lineCount() * QFontMetrics(font).lineSpacing()
        painter.restore()
