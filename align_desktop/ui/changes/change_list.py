"""The list of every change, grouped by kind: each item added, removed or changed, and under a
changed item each field with its value before and after."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from align_desktop.domain.compare import Comparison, ItemChange
from align_desktop.domain.workspace_state import KINDS
from align_desktop.ui.changes.text import change_word, item_title, kind_title, short, tr, value_text

LIST_SCALE = 1.25
"""Type size of the list against the application's, for a projector."""
FIELD, BEFORE, AFTER = range(3)
_SHARES = (0.4, 0.3)
"""Shares of the width for the item-and-field and Before columns; After takes the rest."""
_INKS = {"added": QBrush(QColor("#1b5e20")), "removed": QBrush(QColor("#b71c1c"))}
"""Added and removed say so in words; the colour only helps the eye."""


class ChangeList(QTreeWidget):
    """Every change of a comparison, kind by kind, all open: a row per item, under it a row per field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * LIST_SCALE)
        self.setFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Item and field"), tr("Before"), tr("After")])
        self.setAccessibleName(tr("Changes"))
        self.setToolTip(tr("Every item added, removed or changed, and each changed field before → after"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header().setStretchLastSection(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width = self.viewport().width()
        for column, share in enumerate(_SHARES):
            self.header().resizeSection(column, int(width * share))

    def show_comparison(self, comparison: Comparison) -> None:
        self.clear()
        groups: list[QTreeWidgetItem] = []
        items: list[QTreeWidgetItem] = []
        for kind in KINDS:
            changes = [change for change in comparison.changes if change.kind == kind]
            if changes:
                group = QTreeWidgetItem([f"{kind_title(kind)} ({len(changes):,})"])
                group.setFont(FIELD, self._bold)
                members = [self._item(change, comparison.currency) for change in changes]
                group.addChildren(members)
                groups.append(group)
                items.extend(members)
        if not groups:
            groups.append(QTreeWidgetItem([tr("Nothing changed between these two moments.")]))
        self.addTopLevelItems(groups)
        for row in groups + items:
            row.setFirstColumnSpanned(True)
        self.expandAll()

    def _item(self, change: ItemChange, currency: str) -> QTreeWidgetItem:
        title = item_title(change.key, change.name)
        if change.change != "changed":
            title = f"{title}   ({change_word(change.change).lower()})"
        item = QTreeWidgetItem([title])
        item.setToolTip(FIELD, f"{change.key} {change.name} ({change_word(change.change).lower()})".strip())
        item.setFont(FIELD, self._bold)
        if change.change in _INKS:
            item.setForeground(FIELD, _INKS[change.change])
        for field in change.fields:
            before = value_text(field.field, field.old, currency)
            after = value_text(field.field, field.new, currency)
            row = QTreeWidgetItem([field.label, short(before), short(after)])
            row.setToolTip(BEFORE, before)
            row.setToolTip(AFTER, after)
            row.setFont(AFTER, self._bold)
            item.addChild(row)
        return item
