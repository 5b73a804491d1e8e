"""The ranking panel: "which platform investment first?", read off one screen.

Top: capabilities ranked by weighted gap (default), value unlocked or reuse, with their figures.
Middle: what the selected capability would unblock if raised, initiative by initiative. Bottom:
the chart of value unlocked. Picking a capability or one of its initiatives asks the matrix to
show it (`picked`, `initiative_picked`).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from align_desktop.reports.formatting import money, money_short
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.chart import ValueChart
from align_desktop.ui.matrix.grid import MatrixGrid
from align_desktop.ui.matrix.ranking_model import CAPABILITY, RANK, RANK_ORDERS, WEIGHTED_GAP, RankingModel

DETAIL_LIMIT = 100
"""The most initiatives listed as unblocked by the selected capability (most valuable first)."""
CAPABILITY_MIN_WIDTH = 150
"""Pixels the ranking's capability column keeps ("C-003 Feature store"), however narrow the panel."""
_ORDER_LABELS = {
    "weighted gap": "weighted gap",
    "value unlocked": "value unlocked",
    "reuse": "reuse",
}
_ORDER_TIPS = {
    "weighted gap": "Levels missing × value blocked: the capabilities whose gaps hold back the most value first",
    "value unlocked": "Risk-adjusted NPV of the initiatives that need the capability",
    "reuse": "How many initiatives need the capability",
}


class RankingPanel(QWidget):
    """Capabilities ranked, what the selected one unblocks, and the value chart."""

    picked = Signal(int)
    """A capability (index in the grid) was picked in the ranking."""
    initiative_picked = Signal(int, int)
    """An initiative (index) that the selected capability (index) blocks was picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RankingModel(self)
        self.selected: int | None = None
        """The capability (index in the grid) whose detail is shown."""
        self._quiet = False

        self.order = QComboBox()
        for key in RANK_ORDERS:
            self.order.addItem(self.tr(_ORDER_LABELS[key]), key)
            self.order.setItemData(self.order.count() - 1, self.tr(_ORDER_TIPS[key]), Qt.ItemDataRole.ToolTipRole)
        self.order.setAccessibleName(self.tr("Rank capabilities by"))
        self.order.setToolTip(
            self.tr("What to rank the capabilities by, highest first (weighted gap: levels missing × value blocked)")
        )
        self.order.currentIndexChanged.connect(lambda _n: self.set_by(self.order.currentData()))
        title = QLabel(self.tr("Which platform investment first?"))
        title.setFont(style.font(12, bold=True))
        title.setWordWrap(True)  # two lines rather than a narrower grid on a small screen
        by_label = QLabel(self.tr("Rank &by"))
        by_label.setBuddy(self.order)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Capability ranking"))
        self.table.setToolTip(self.tr("Click a capability to see what it unblocks and to find its column"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(64)
        header.setSectionResizeMode(CAPABILITY, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(RANK, 30)
        header.resizeSection(WEIGHTED_GAP, 76)
        header.setMinimumSectionSize(28)
        figures = sum(header.sectionSize(column) for column in range(header.count()) if column != CAPABILITY)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(figures + CAPABILITY_MIN_WIDTH + scroll_bar + 2 * self.table.frameWidth())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(self._clicked)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.unblocks = QListWidget()
        self.unblocks.setAccessibleName(self.tr("Initiatives the selected capability unblocks"))
        self.unblocks.setToolTip(self.tr("Click an initiative to find its cell in the matrix"))
        self.unblocks.itemClicked.connect(self._initiative_clicked)
        self.chart = ValueChart()

        top = QHBoxLayout()
        top.addWidget(title, 1)  # one line where there is room: the title takes the room left
        top.addWidget(by_label)
        top.addWidget(self.order)
        ranking = QWidget()
        ranking_layout = QVBoxLayout(ranking)
        ranking_layout.setContentsMargins(0, 0, 0, 0)
        ranking_layout.addLayout(top)
        ranking_layout.addWidget(self.table, 1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.unblocks, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for part, stretch in ((ranking, 0), (detail, 0), (self.chart, 1)):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self._sized = False
        self.splitter.splitterMoved.connect(self._divider_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._sized:  # until the user drags a divider
            self.fit_parts()

    def _divider_moved(self, _position: int, _index: int) -> None:
        self._sized = True

    def fit_parts(self) -> None:
        """Give the ranking the height of its rows (up to half), the detail a few lines, the chart the rest."""
        total = self.height()
        rows = max(5, self.model.rowCount())
        chrome = self.order.sizeHint().height() + self.table.horizontalHeader().sizeHint().height() + 16
        ranking = min(chrome + rows * self.table.verticalHeader().defaultSectionSize(), total // 2)
        detail = min(150, total // 6)
        self.splitter.setSizes([ranking, detail, max(220, total - ranking - detail)])

    # showing

    def show_grid(self, grid: MatrixGrid) -> None:
        """Rank a freshly read matrix, keeping the selected capability if it is still there."""
        key = self._selected_key()
        self.model.set_grid(grid)
        self.selected = grid.capability_index.get(key) if key is not None else None
        if self.selected is None and self.model.order:
            self.selected = self.model.order[0]
        self._select_row()
        self._show_detail()
        self.chart.show_grid(grid)
        if not self._sized:
            self.fit_parts()

    def capability_changed(self, c: int) -> None:
        """One capability's figures changed: rank again; its detail if it is the selected one; the chart soon."""
        self.model.rank()
        self._select_row()
        if c == self.selected:
            self._show_detail()
        self.chart.show_grid(self.model.grid)

    def set_by(self, by: str) -> None:
        self.model.set_by(by)
        self._select_row()

    def select(self, c: int) -> None:
        """Show capability `c` as selected without asking the matrix to move."""
        if c != self.selected:
            self.selected = c
            self._select_row()
            self._show_detail()

    def _selected_key(self) -> str | None:
        if self.selected is None or self.selected >= len(self.model.grid.capabilities):
            return None
        return self.model.grid.capabilities[self.selected].key

    def _select_row(self) -> None:
        if self.selected is None:
            return
        self._quiet = True
        try:
            index = self.model.index(self.model.row_of(self.selected), CAPABILITY)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._quiet = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.selected = self.model.order[current.row()]
        self._show_detail()
        self.picked.emit(self.selected)

    def _clicked(self, index: QModelIndex) -> None:
        """A click on the selected row again: show its column again (the matrix may have scrolled)."""
        if index.isValid() and self.model.order[index.row()] == self.selected:
            self.picked.emit(self.selected)

    def _show_detail(self) -> None:
        self.unblocks.clear()
        grid, c = self.model.grid, self.selected
        if c is None:
            self.detail.setText(self.tr("No capabilities yet: add them in the catalogue, then set needs here."))
            return
        capability, metrics = grid.capabilities[c], grid.metrics[c]
        blocked = grid.blocked(c)
        if blocked:
            raise_to = max(grid.level(i, c) or 0 for i in blocked)
            text = self.tr("{0} {1} is at {2}. Raising it to {3} unblocks {4} worth {5}:").format(
                capability.key,
                capability.name,
                capability.current_maturity,
                raise_to,
                style.counted(len(blocked), self.tr("initiative"), self.tr("initiatives")),
                money_short(metrics.value_blocked, grid.currency),
            )
        else:
            text = self.tr("{0} {1} is at {2} and blocks nothing: what {3} need of it is met.").format(
                capability.key,
                capability.name,
                capability.current_maturity,
                style.counted(metrics.reuse, self.tr("initiative"), self.tr("initiatives")),
            )
        self.detail.setText(text)
        for i in blocked[:DETAIL_LIMIT]:
            initiative = grid.initiatives[i]
            item = QListWidgetItem(
                self.tr("{0} {1} · needs {2} · {3}").format(
                    initiative.key, initiative.title, grid.level(i, c), money_short(initiative.value, grid.currency)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(
                self.tr("{0} {1}\nlane {2} · risk-adjusted NPV {3}").format(
                    initiative.key, initiative.title, initiative.lane, money(initiative.value, grid.currency)
                )
            )
            self.unblocks.addItem(item)
        if len(blocked) > DETAIL_LIMIT:
            self.unblocks.addItem(
                self.tr("… and {0} more: see the capability's column").format(len(blocked) - DETAIL_LIMIT)
            )

    def _initiative_clicked(self, item: QListWidgetItem) -> None:
        if self.selected is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.initiative_picked.emit(item.data(Qt.ItemDataRole.UserRole), self.selected)
