"""A revealed vote's result: the items ranked by dots, ties sharing a rank, with who gave them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from align_desktop.store.vote_rows import VoteResult

DOT = "●"
BAR_DOTS = 30
"""Dots drawn in a result's bar; more are shown as "…" (the number beside it is exact)."""
WINNER_BACKGROUND = QBrush(QColor("#e3f2fd"))
WINNER_INK = QBrush(QColor("#0d47a1"))


class ResultList(QWidget):
    """Rank, item, dots (as a bar of dots and a number) and each participant's dots on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(4)
        self.table.setHeaderLabels([self.tr("Rank"), self.tr("Item"), self.tr("Dots"), self.tr("From")])
        self.table.setAccessibleName(self.tr("Vote result"))
        self.table.setToolTip(self.tr("Items ranked by their dots; items with as many dots share a rank"))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.header()
        header.setStretchLastSection(False)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 3):  # the item and who gave it dots share the width; the full text is in the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_result(self, result: VoteResult) -> None:
        self.table.clear()
        for ranked in result.ranking:
            item = QTreeWidgetItem(
                [
                    str(ranked.rank),
                    f"{ranked.key}  {ranked.title}",
                    f"{DOT * min(ranked.dots, BAR_DOTS)}{'…' if ranked.dots > BAR_DOTS else ''}  {ranked.dots}",
                    ", ".join(f"{name} {count}" for name, count in ranked.by_participant),
                ]
            )
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
            for column in (1, 3):
                item.setToolTip(column, item.text(column))
            if ranked.rank == 1:
                for column in range(4):
                    item.setBackground(column, WINNER_BACKGROUND)
                    item.setForeground(column, WINNER_INK)
                    font = QFont(item.font(column))
                    font.setBold(True)
                    item.setFont(column, font)
            self.table.addTopLevelItem(item)
        if not result.ranking:
            self.note.setText(self.tr("Nobody placed a dot."))
        elif result.without_dots:
            self.note.setText(
                self.tr("1 more item got no dot.")
                if result.without_dots == 1
                else self.tr("{0} more items got no dot.").format(result.without_dots)
            )
        else:
            self.note.setText("")
