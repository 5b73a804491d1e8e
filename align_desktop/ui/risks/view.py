"""The Risks view: inherent and residual heat maps on top, the register below, the selected risk's form last.

Every change (a cell, a form field, the links, a risk dragged to another heat-map cell, a new
or deleted risk) is one `OpenWorkspace.perform` call, one undo step; the view then reloads from
the `changed` signal like every other view, keeping the selection by key. A refused cell is
explained above the table, a refused form field right under the field. An edit of a cell, a
field or the ratings is made against the version of the risk the view showed: if someone else
changed it since, the user reapplies or discards it (`ItemRegisterView`). Clicking
a heat-map cell filters the register to the risks in it; clicking it again (or its chip) clears
that filter.

The register opens ordered by value at risk, highest first (ties by residual score); the
"Order by value at risk" button, or a click on that header, gets that order back. "Today",
which decides what is overdue, can be injected for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.risk import RISK_FIELDS, validate_risk
from align_desktop.store.changes import Revert
from align_desktop.store.risks import RiskService
from align_desktop.store.rows import RiskRow
from align_desktop.ui.capabilities.naming import unused_name
from align_desktop.ui.dashboard import targets
from align_desktop.ui.dashboard.targets import Target
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.item_register import ItemRegisterView
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.risks.filter_bar import FilterBar
from align_desktop.ui.risks.filters import HeatCell
from align_desktop.ui.risks.form import RiskForm
from align_desktop.ui.risks.maps import HeatMaps
from align_desktop.ui.risks.model import DEFAULT_SORT, RegisterModel
from align_desktop.ui.risks.table import RegisterTable


class RisksView(ItemRegisterView):
    """The risk register in business terms: what could go wrong, what it would cost, who acts."""

    FIELD_LABELS = RISK_FIELDS

    vote_requested = Signal(str)
    """Start a dot vote on the risks ("Dot vote…"); the main window opens it."""

    def __init__(
        self, prompter: Prompter, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(prompter, parent)
        self._today = today
        self._appetite = 0
        self._marked = (0, 0, 0)
        """How many risks are above appetite, overdue for review, closed."""
        self._reloading = False
        self.model = RegisterModel(self)
        self.model.commit = self._save_cell

        self.maps = HeatMaps()
        self.maps.inherent.cell_clicked.connect(self.inherent_cell_clicked)
        self.maps.residual.cell_clicked.connect(self.residual_cell_clicked)
        self.maps.inherent.risk_dropped.connect(self.inherent_risk_dropped)
        self.maps.residual.risk_dropped.connect(self.residual_risk_dropped)

        self.filters = FilterBar()
        self.filters.changed.connect(self._filter_changed)
        self.filters.text.returnPressed.connect(self._focus_table)
        self.table = RegisterTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(self._double_clicked)
        self._add_delete_key(self.tr("Delete risk"), self.delete_selected)

        self.order_button = self._button(
            self.tr("Order by value at risk"),
            self.tr("Highest value at risk first: the risks that threaten the most NPV"),
            self.order_by_value_at_risk,
        )
        self.vote_button = self._button(
            self.tr("Dot vote…"),
            self.tr("Let the room vote on the risks with dots, in the running session"),
            lambda: self.vote_requested.emit("risk"),
        )
        buttons = self._make_button_row(
            (self.tr("New risk"), self.tr("Add a risk to the register and start typing its title"), self.new_risk),
            (
                self.tr("Delete risk…"),
                self.tr("Delete the selected risk and its links (Del); asks first"),
                self.delete_selected,
            ),
            self.vote_button,
        )

        register = QWidget()
        register_layout = QVBoxLayout(register)
        register_layout.setContentsMargins(0, 6, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filters, 1)
        filter_row.addWidget(self.order_button)
        register_layout.addLayout(filter_row)
        register_layout.addWidget(self._make_table_message())
        register_layout.addWidget(self.table, 1)
        register_layout.addLayout(buttons)

        self.form = RiskForm()
        self.form.field_edited.connect(self._save_field)
        self.form.links_edited.connect(self._save_links)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.hint = self._make_hint()
        self._bottom = QStackedWidget()
        self._bottom.addWidget(scroll)
        self._bottom.addWidget(self.hint)
        self._form_page = scroll

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.maps)
        splitter.addWidget(register)
        splitter.addWidget(self._bottom)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([270, 420, 240])
        self.empty_state = EmptyState()
        self.empty_state.show_message(
            self.tr("No risks yet"),
            self.tr(
                "A risk says, in business terms, what could go wrong and what it would cost: customer trust, "
                "conversion, retention, revenue, fines. Rate its likelihood and impact from 1 to 5 before treatment "
                "and after, give it an owner and a review date, and link it to the initiatives and capabilities it "
                "threatens: the register then shows the value at risk, and the heat maps where risks sit."
            ),
            self.tr(
                "Add the first risk; it is flagged when its residual score is above the workspace's risk appetite."
            ),
            self.tr("New risk"),
        )
        self.empty_state.action_clicked.connect(self.new_risk)
        self.pages = EmptyStateStack(splitter, self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._follow_model()
        self._show_selected()

    @property
    def _service(self) -> RiskService:
        assert self.workspace is not None
        return self.workspace.risks

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        return validate_risk(changes)

    def refresh(self) -> None:
        register = self._service.register()
        self._appetite = register.settings.risk_appetite
        self._clear_table_message()
        self.filters.set_owners([risk.owner for risk in register.risks])
        self.form.links.model.set_options(register.initiatives, register.capabilities)
        self._reloading = True  # the form and the maps follow the selection once, below
        try:
            self.model.set_register(register, self._today())
        finally:
            self._reloading = False
        rows = self.model.all_rows()
        self._marked = (
            sum(shown.above_appetite for shown in rows),
            sum(shown.overdue for shown in rows),
            sum(shown.risk.status == "closed" for shown in rows),
        )
        self.maps.show_risks(register.risks, self._appetite, self.selected_key())
        self._show_selected()

    def focus_find(self) -> None:
        self.filters.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.text.selectAll()

    def apply_target(self, target: Target) -> None:
        """Show what a dashboard element stands for, other filters cleared: the risks in one residual
        heat-map cell, the risks above appetite, or one risk selected."""
        if self._stale and self.workspace is not None:
            self.reload()
        self.filters.clear()
        if target.kind == targets.CELL and isinstance(target.value, tuple):
            likelihood, impact = target.value
            self.filters.set_cell(HeatCell(True, likelihood, impact))
        elif target.kind == targets.ABOVE_APPETITE:
            self.filters.above.setChecked(True)
        elif target.kind == targets.RISK:
            self.select_key(str(target.value))

    # heat maps

    def inherent_cell_clicked(self, likelihood: int, impact: int) -> None:
        self._cell_clicked(HeatCell(False, likelihood, impact))

    def residual_cell_clicked(self, likelihood: int, impact: int) -> None:
        self._cell_clicked(HeatCell(True, likelihood, impact))

    def _cell_clicked(self, cell: HeatCell) -> None:
        """Filter the register to one cell; the same cell again clears that filter."""
        self.filters.set_cell(None if cell == self.filters.cell else cell)

    def inherent_risk_dropped(self, key: str, likelihood: int, impact: int) -> None:
        self._rescore(key, {"likelihood": likelihood, "impact": impact})

    def residual_risk_dropped(self, key: str, likelihood: int, impact: int) -> None:
        self._rescore(key, {"residual_likelihood": likelihood, "residual_impact": impact})

    def _rescore(self, key: str, ratings: dict[str, int]) -> None:
        """A risk dragged to another cell: both ratings change as one undo step, against the version the maps show."""
        shown = self._shown(key)
        if self.workspace is None or shown is None:
            return
        if all(getattr(shown, field) == value for field, value in ratings.items()):
            return
        service = self._service
        likelihood, impact = ratings.values()
        which = self.tr("residual") if "residual_impact" in ratings else self.tr("inherent")
        action = self.tr("Move {0} to {1} likelihood {2} × impact {3}").format(key, which, likelihood, impact)
        if self._edit(action, lambda version: service.update(key, ratings, expected_version=version), shown.version):
            self.select_key(key)

    def _shown(self, key: str) -> RiskRow | None:
        """Risk `key` as the register and the maps show it, filtered out or not."""
        return next((shown.risk for shown in self.model.all_rows() if shown.key == key), None)

    # actions

    def order_by_value_at_risk(self) -> None:
        """Highest value at risk first (ties by residual score), as the register opens."""
        self.table.sortByColumn(*DEFAULT_SORT)

    def new_risk(self) -> None:
        if self.workspace is None:
            return
        service = self._service
        title = unused_name(self.tr("New risk"), (shown.risk.title for shown in self.model.all_rows()))
        created: list[str] = []

        def create() -> Revert:
            key, revert = service.create({"title": title})
            created.append(key)
            return revert

        if not self._perform(self.tr("New risk"), create):
            return
        if self.model.index_of_key(created[0]) is None:
            self.filters.clear()
        if self.select_key(created[0]):
            self.form.focus_title()

    def delete_selected(self) -> None:
        key = self.selected_key()
        if self.workspace is None or key is None:
            return
        if not self._prompter.confirm(self.tr("Delete risk"), self.delete_question(key), self.tr("Delete")):
            return
        service = self._service
        self._perform(self.tr("Delete {0}").format(key), lambda: service.delete(key))

    def delete_question(self, key: str) -> str:
        row = self.model.index_of_key(key)
        assert row is not None
        risk = self.model.row_at(row)
        question = self.tr("Delete {0} {1}?").format(risk.key, risk.title)
        if risk.initiative_keys or risk.capability_keys:
            question += " " + self.tr("Its links to {0} initiatives and {1} capabilities go with it.").format(
                len(risk.initiative_keys), len(risk.capability_keys)
            )
        return question + " " + self.tr("You can undo this with Ctrl+Z.")

    def _save_links(self, initiatives: list[str], capabilities: list[str]) -> None:
        row = self.form.row
        if self.workspace is None or row is None:
            return
        service = self._service
        shown = (list(row.initiative_keys), list(row.capability_keys))
        self._perform(
            self.tr("Edit {0} links").format(row.key),
            lambda: service.set_links(row.key, initiatives, capabilities, shown=shown),
        )

    # selection and filters

    def _filter_changed(self) -> None:
        self.model.set_filter(self.filters.current())
        self.maps.set_filter_cell(self.filters.cell)

    def _show_selected(self, _current: QModelIndex | None = None) -> None:
        if self._reloading:
            return
        index = self.table.selectionModel().currentIndex()
        total = self.model.total_count()
        self.pages.show_hint(total == 0)
        self.count_label.setText(self._count_text(self.model.rowCount(), total))
        self.delete_button.setEnabled(index.isValid())
        self.maps.select(self.model.row_at(index).key if index.isValid() else None)
        if index.isValid():
            self.form.show_risk(self.model.shown_at(index), self._appetite)
            if self.workspace is not None:
                self.form.history.show_entries(self.workspace.audit.history(self.model.row_at(index).key))
                self.form.log.show_entries(self.workspace.log.about(self.model.row_at(index).key))
            self._bottom.setCurrentWidget(self._form_page)
            return
        self.form.clear()
        self.hint.setText(
            self.tr("<h3>No risk matches the filters.</h3><p>Clear the filters to see all {0} risks.</p>").format(total)
        )
        self._bottom.setCurrentWidget(self.hint)

    def _count_text(self, shown: int, total: int) -> str:
        if shown != total:
            parts = [self.tr("{0} of {1} risks shown").format(shown, total)]
        else:
            parts = [self.tr("1 risk") if total == 1 else self.tr("{0} risks").format(total)]
        above, overdue, closed = self._marked
        if above:
            parts.append(self.tr("⚠ {0} above the appetite of {1}").format(above, self._appetite))
        if overdue:
            parts.append(
                self.tr("1 review overdue") if overdue == 1 else self.tr("{0} reviews overdue").format(overdue)
            )
        if closed:
            parts.append(self.tr("{0} closed (not on the heat maps)").format(closed))
        return " · ".join(parts)

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.form.focus_title()
