"""The capability matrix view: initiatives × capabilities with the required maturity, and the ranking.

Left: the matrix, rows grouped by lane or outcome, columns ordered by weighted gap, levels
missing, value unlocked or reuse. Right: the ranking panel. A cell edit is one
`OpenWorkspace.perform` (one undo step); the view then updates that cell, its two headers and
the ranking from its own arrays instead of reading the workspace again. Any other change (undo,
redo, another view) reloads the matrix. Columns stay where they are while the view is in use,
so an edited column does not jump away; "Re-sort" (or showing the view again) re-orders them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.rows import MatrixRows
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.matrix import style
from align_desktop.ui.matrix.grid import GROUPINGS, ORDERS, MatrixGrid
from align_desktop.ui.matrix.model import MatrixModel
from align_desktop.ui.matrix.ranking import RankingPanel
from align_desktop.ui.matrix.table import MatrixTable
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.view import WorkspaceView

_ORDER_LABELS: dict[str, object] = {
    "weighted gap": QT_TRANSLATE_NOOP("MatrixView", "weighted gap"),
    "gap": QT_TRANSLATE_NOOP("MatrixView", "levels missing"),
    "value unlocked": QT_TRANSLATE_NOOP("MatrixView", "value unlocked"),
    "reuse": QT_TRANSLATE_NOOP("MatrixView", "reuse"),
}
_GROUP_LABELS: dict[str, object] = {
    "lane": QT_TRANSLATE_NOOP("MatrixView", "lane"),
    "outcome": QT_TRANSLATE_NOOP("MatrixView", "outcome"),
}


class MatrixView(WorkspaceView):
    """Which capabilities each initiative needs, at what maturity, and what each capability is worth."""

    vote_requested = Signal(str)
    """Start a dot vote on the capabilities ("Dot vote…"); the main window opens it."""

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self._own_change = False
        self._resort_on_reload = True
        self.model = MatrixModel(self)
        self.model.commit = self.set_cell
        self.table = MatrixTable()
        self.table.setModel(self.model)
        self.table.current_moved.connect(self._current_moved)
        self.ranking = RankingPanel()
        self.ranking.picked.connect(self.show_capability)
        self.ranking.initiative_picked.connect(self.show_cell)

        self.order = self._combo(ORDERS, _ORDER_LABELS, self.tr("Order capability columns by"))
        self.order.currentIndexChanged.connect(lambda _n: self._set_order(self.order.currentData()))
        self.grouping = self._combo(GROUPINGS, _GROUP_LABELS, self.tr("Group initiative rows by"))
        self.grouping.currentIndexChanged.connect(lambda _n: self._set_grouping(self.grouping.currentData()))
        self.resort = QPushButton(self.tr("Re-sort"))
        self.resort.setToolTip(self.tr("Put the columns in order again: edits leave them where they are"))
        self.resort.setEnabled(False)
        self.resort.clicked.connect(lambda: self._set_order(self.model.order_by))
        self.vote_button = QPushButton(self.tr("Dot vote…"))
        self.vote_button.setToolTip(self.tr("Let the room vote on the capabilities with dots, in the running session"))
        self.vote_button.clicked.connect(lambda: self.vote_requested.emit("capability"))
        self.empty_state = EmptyState()
        self.empty_state.action_clicked.connect(self._first_step)
        self._say_what_is_missing(capabilities=False)
        self._build_layout()

    def _combo(self, keys: tuple[str, ...], labels: dict[str, object], name: str) -> QComboBox:
        combo = QComboBox()
        for key in keys:
            combo.addItem(self.tr(str(labels[key])), key)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        return combo

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for text, combo in ((self.tr("&Columns by"), self.order), (self.tr("&Rows by"), self.grouping)):
            label = QLabel(text)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
            bar.addSpacing(8)
        bar.addWidget(self.resort)
        bar.addWidget(self.vote_button)
        bar.addStretch()
        bar.addWidget(_legend())
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self.table)
        body.addWidget(self.ranking)
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 4)
        body.setSizes([860, 600])
        self.body = body
        hint = QLabel(
            self.tr(
                "Click a cell to pick the maturity level an initiative needs, or type 1–5; 0 or Delete clears it. "
                "Red cells need more than the capability's current maturity (▲ levels missing). "
                "Each change is one undo step."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(8, 8, 8, 4)
        content_layout.addLayout(bar)
        content_layout.addWidget(body, 1)
        content_layout.addWidget(hint)
        self.pages = EmptyStateStack(content, self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def set_workspace(self, workspace: OpenWorkspace | None) -> None:
        self._resort_on_reload = True
        if workspace is None:
            self._show(MatrixGrid(MatrixRows("", [], [], [])))
        super().set_workspace(workspace)

    def focus_find(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # reading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._resort_on_reload = True  # nobody is looking at a column yet: put them in order
        super().showEvent(event)
        self._resort_on_reload = False

    def reload(self) -> None:
        if self._own_change:  # the view already shows its own edit (see `set_cell`)
            self._stale = False
            return
        super().reload()

    def refresh(self) -> None:
        assert self.workspace is not None
        self._show(MatrixGrid(self.workspace.capabilities.matrix()))

    def _show(self, grid: MatrixGrid) -> None:
        where = self._current_keys()
        self.model.set_grid(grid, keep_order=not self._resort_on_reload)
        self.ranking.show_grid(grid)
        self._update_resort()
        self.pages.show_hint(not grid.capabilities or not grid.initiatives)
        if not grid.capabilities or not grid.initiatives:
            self._say_what_is_missing(capabilities=bool(grid.capabilities))
            return
        if where is not None:
            i, c = grid.initiative_index.get(where[0]), grid.capability_index.get(where[1])
            if i is not None and c is not None:
                self.table.setCurrentIndex(self.model.index(self.model.row_of(i), self.model.column_of(c)))

    def _say_what_is_missing(self, *, capabilities: bool) -> None:
        """The empty state: the capabilities are missing (or, `capabilities` there, the initiatives)."""
        purpose = self.tr(
            "The matrix shows which capabilities each initiative needs, and at what maturity from 1 to 5. A cell "
            "that needs more than the capability's current maturity is a gap; beside the matrix, the ranking "
            "answers which platform investment comes first, by weighted gap, value unlocked or reuse."
        )
        if not capabilities:
            self.empty_state.show_message(
                self.tr("No capabilities to map yet"),
                purpose,
                self.tr("Add capabilities to the catalogue first, then set here what each initiative needs."),
                self.tr("Open Capabilities"),
            )
        else:
            self.empty_state.show_message(
                self.tr("No initiatives to map yet"),
                purpose,
                self.tr("Add initiatives on the board first, then set here which capabilities each one needs."),
                self.tr("Open the board"),
            )

    def _first_step(self) -> None:
        """The empty state's button: the view where the missing capabilities or initiatives are added."""
        self.view_requested.emit("capabilities" if not self.model.grid.capabilities else "board")

    def selected_key(self) -> str | None:
        """The capability of the current cell: what a decision or action recorded here is linked to."""
        where = self._current_keys()
        return None if where is None else where[1]

    def _current_keys(self) -> tuple[str, str] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        initiative = self.model.initiative_at(index.row())
        return None if initiative is None else (initiative.key, self.model.capability_at(index.column()).key)

    def _set_order(self, by: str) -> None:
        where = self._current_keys()
        self.model.set_order(by)
        self._restore(where)
        self._update_resort()

    def _set_grouping(self, by: str) -> None:
        where = self._current_keys()
        self.model.set_grouping(by)
        self._restore(where)

    def _restore(self, where: tuple[str, str] | None) -> None:
        if where is not None:
            grid = self.model.grid
            self.show_cell(grid.initiative_index[where[0]], grid.capability_index[where[1]])

    def _update_resort(self) -> None:
        self.resort.setEnabled(not self.model.order_is_current())

    # moving around

    def show_capability(self, c: int) -> None:
        """Scroll the matrix to capability `c`'s column and make a cell of it current."""
        if not self.model.rowCount():
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else self._first_initiative_row()
        blocked = self.model.grid.blocked(c)
        if blocked and (not current.isValid() or self.model.initiative_at(row) is None):
            row = self.model.row_of(blocked[0])
        self._go(self.model.index(row, self.model.column_of(c)))

    def show_cell(self, i: int, c: int) -> None:
        """Make initiative `i` × capability `c` the current cell, scrolled into view."""
        self._go(self.model.index(self.model.row_of(i), self.model.column_of(c)))

    def _go(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_target(self, target: Target) -> None:
        """Show what a dashboard element stands for: a capability's column; an initiative's first shortfall;
        or (gaps) columns by weighted gap with the most valuable initiative the first one blocks."""
        if self._stale and self.workspace is not None:
            self.reload()
        grid = self.model.grid
        if target.kind == targets.CAPABILITY and target.value in grid.capability_index:
            self.show_capability(grid.capability_index[str(target.value)])
        elif target.kind == targets.INITIATIVE and target.value in grid.initiative_index and self.model.columns:
            i = grid.initiative_index[str(target.value)]
            short = [c for c in self.model.columns if grid.gap(i, c)]
            self.show_cell(i, short[0] if short else self.model.columns[0])
        elif target.kind == targets.GAPS and self.model.columns:
            self.order.setCurrentIndex(self.order.findData("weighted gap"))
            first = self.model.columns[0]
            blocked = grid.blocked(first)
            if blocked:
                self.show_cell(blocked[0], first)
            else:
                self.show_capability(first)

    def _first_initiative_row(self) -> int:
        return next((row for row in range(self.model.rowCount()) if self.model.initiative_at(row)), 0)

    def _current_moved(self, _row: int, column: int) -> None:
        self.ranking.select(self.model.columns[column])

    # editing

    def set_cell(self, row: int, column: int, level: int | None) -> bool:
        """Store one cell (one undo step) and show it; False when refused (the user is told why)."""
        i = self.model.initiative_index_at(row)
        if i < 0 or self.workspace is None:
            return False
        c = self.model.columns[column]
        grid = self.model.grid
        if grid.level(i, c) == level:
            return True
        initiative, capability = grid.initiatives[i], grid.capabilities[c]
        if level is None:
            text = self.tr("Clear what {0} needs of {1}").format(initiative.key, capability.key)
        else:
            text = self.tr("{0} needs {1} at level {2}").format(initiative.key, capability.key, level)
        service = self.workspace.capabilities
        self._own_change = True
        try:
            self.workspace.perform(text, lambda: service.set_need(initiative.key, capability.key, level))
        except ValidationError as error:
            self._prompter.error(self.tr("Not done: {0}").format(text), f"{error.field}: {error.message}")
            return False
        except (WorkspaceError, LookupError) as error:
            self._own_change = False
            self._prompter.error(self.tr("Not saved"), str(error))
            self.reload()
            return False
        finally:
            self._own_change = False
        self.model.cell_changed(i, c, level)
        self.ranking.capability_changed(c)
        self._update_resort()
        return True


def _legend() -> QWidget:
    """Swatches that say what the cell colours mean (the ▲ count says it without colour)."""
    legend = QWidget()
    layout = QHBoxLayout(legend)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for text, colour, ink in (
        (QCoreApplication.translate("MatrixView", "met"), style.MET_COLOUR, style.TEXT),
        (QCoreApplication.translate("MatrixView", "▲1 short"), style.GAP_COLOURS[0], style.TEXT),
        ("▲2", style.GAP_COLOURS[1], style.TEXT),
        ("▲3+", style.GAP_COLOURS[2], style.WHITE),
    ):
        swatch = QLabel(text)
        swatch.setStyleSheet(
            f"background: {colour.name()}; color: {ink.name()}; padding: 2px 8px; border: 1px solid #c5cad3;"
        )
        layout.addWidget(swatch)
    return legend
