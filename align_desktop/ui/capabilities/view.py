"""The Capabilities view: the catalogue of platform building blocks as a table beside the selected one's form.

Every change, in a cell or in the form, is one `OpenWorkspace.perform` call (one undo step);
deleting several capabilities at once is one step too. The view then reloads from the
`changed` signal like every other view, keeping the selection by key. A refused cell is
explained in a line above the table; a refused form field at the field. An edit is made against
the version of the capability the table or form showed: if someone else changed it since, the
user reapplies or discards it (`ItemRegisterView`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.capability import (
    CAPABILITY_CATEGORIES,
    CAPABILITY_FIELDS,
    CAPABILITY_STATUSES,
    validate_capability,
)
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.changes import Revert
from align_desktop.store.rows import CapabilityRow
from align_desktop.ui.capabilities.form import CapabilityForm
from align_desktop.ui.capabilities.model import CapabilityTableModel, choice_text
from align_desktop.ui.capabilities.naming import unused_name
from align_desktop.ui.capabilities.table import CapabilityTable
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.item_register import ItemRegisterView
from align_desktop.ui.prompts import Prompter

_NAMES_LISTED = 8
"""A delete question names this many capabilities, then says how many more."""


class CapabilitiesView(ItemRegisterView):
    """Keep the catalogue of platform capabilities: owners, SLAs, maturity and run cost."""

    FIELD_LABELS = CAPABILITY_FIELDS

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(prompter, parent)
        self.model = CapabilityTableModel(self)
        self.model.commit = self._save_cell

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter capabilities…"))
        self.filter_edit.setAccessibleName(self.tr("Filter capabilities"))
        self.filter_edit.setToolTip(
            self.tr("Show capabilities whose key, name, category, owner or status contains every word typed")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.category_filter = self._choice_filter(
            self.tr("All categories"), CAPABILITY_CATEGORIES, self.model.set_category
        )
        self.category_filter.setAccessibleName(self.tr("Category filter"))
        self.category_filter.setToolTip(self.tr("Show only capabilities of this category"))
        self.status_filter = self._choice_filter(self.tr("All statuses"), CAPABILITY_STATUSES, self.model.set_status)
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.status_filter.setToolTip(self.tr("Show only capabilities with this status"))
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.status_filter)

        self.table = CapabilityTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self._add_delete_key(self.tr("Delete capabilities"), self.delete_selected)
        buttons = self._make_button_row(
            (
                self.tr("New capability"),
                self.tr("Add a capability to the catalogue and start typing its name"),
                self.new_capability,
            ),
            (
                self.tr("Delete…"),
                self.tr("Delete the selected capabilities and what initiatives need of them (Del); asks first"),
                self.delete_selected,
            ),
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self._make_table_message())
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)

        self.form = CapabilityForm()
        self.form.field_edited.connect(self._save_field)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = self._make_hint()
        self._right = QStackedWidget()
        self._right.addWidget(scroll)
        self._right.addWidget(self.hint)
        self._right.setMinimumWidth(300)
        self._form_page = scroll

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1130, 320])
        self.empty_state = EmptyState()
        self.empty_state.show_message(
            self.tr("No capabilities yet"),
            self.tr(
                "A capability is a reusable platform building block: data ingestion, a feature store, training, "
                "model serving, monitoring, governance, experimentation. Each has an owner, an SLA, a yearly run "
                "cost and a maturity from 1 to 5, current and target. Initiatives say which capabilities they need "
                "and at what maturity, so each platform investment is argued from the initiatives it unblocks."
            ),
            self.tr("Add the first capability, or import the architects' workbook (File > Import Workbook…)."),
            self.tr("New capability"),
        )
        self.empty_state.action_clicked.connect(self.new_capability)
        self.pages = EmptyStateStack(splitter, self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._follow_model()
        self._show_selected()

    @staticmethod
    def _choice_filter(everything: str, choices: tuple[str, ...], apply: Callable[[str | None], None]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for choice in choices:
            combo.addItem(choice_text(choice), choice)
        combo.currentIndexChanged.connect(lambda _row: apply(combo.currentData()))
        return combo

    @property
    def _service(self) -> CapabilityService:
        assert self.workspace is not None
        return self.workspace.capabilities

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        return validate_capability(changes)

    def refresh(self) -> None:
        assert self.workspace is not None
        currency = self.workspace.settings.get().currency
        self._clear_table_message()
        self.form.set_currency(currency)
        self.model.set_rows(self._service.catalogue(), currency)

    def focus_find(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # actions

    def new_capability(self) -> None:
        if self.workspace is None:
            return
        service = self._service
        name = unused_name(self.tr("New capability"), self.model.names())
        created: list[str] = []

        def create() -> Revert:
            key, revert = service.create({"name": name})
            created.append(key)
            return revert

        if not self._perform(self.tr("New capability"), create):
            return
        if self.model.index_of_key(created[0]) is None:
            self._clear_filters()
        if self.select_key(created[0]):
            self.form.focus_name()

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if self.workspace is None or not rows:
            return
        keys = [row.key for row in rows]
        title = self.tr("Delete capability") if len(rows) == 1 else self.tr("Delete capabilities")
        if not self._prompter.confirm(title, self.delete_question(rows), self.tr("Delete")):
            return
        service = self._service
        action = self.tr("Delete {0}").format(keys[0]) if len(keys) == 1 else self.tr("Delete {0} capabilities")
        self._perform(action.format(len(keys)), lambda: service.delete(*keys))

    def delete_question(self, rows: list[CapabilityRow]) -> str:
        """What deleting `rows` asks: which capabilities, and which initiatives lose a need."""
        needed = [row for row in rows if row.reuse]
        if len(rows) == 1:
            row = rows[0]
            if not row.reuse:
                return self.tr("Delete {0} {1}? You can undo this with Ctrl+Z.").format(row.key, row.name)
            return self.tr(
                "{0} {1} is needed by {2}; deleting it removes those needs too. You can undo this with Ctrl+Z."
            ).format(row.key, row.name, self._initiatives(row.reuse))
        names = ", ".join(f"{row.key} {row.name}" for row in rows[:_NAMES_LISTED])
        if len(rows) > _NAMES_LISTED:
            names = self.tr("{0} and {1} more").format(names, len(rows) - _NAMES_LISTED)
        parts = [self.tr("Delete {0} capabilities: {1}?").format(len(rows), names)]
        if needed:
            needs = "; ".join(
                self.tr("{0} {1} is needed by {2}").format(row.key, row.name, self._initiatives(row.reuse))
                for row in needed[:_NAMES_LISTED]
            )
            if len(needed) > _NAMES_LISTED:
                needs = self.tr("{0}; and {1} more are needed").format(needs, len(needed) - _NAMES_LISTED)
            parts.append(self.tr("{0}. Deleting them removes those needs too.").format(needs))
        parts.append(self.tr("You can undo this with Ctrl+Z."))
        return "\n\n".join(parts)

    def _initiatives(self, count: int) -> str:
        return self.tr("1 initiative") if count == 1 else self.tr("{0} initiatives").format(count)

    # selection

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection())

    def _show_selected(self, current: QModelIndex | None = None) -> None:
        index = self.table.selectionModel().currentIndex()
        total = self.model.total_count()
        self.pages.show_hint(total == 0)
        self.count_label.setText(self._count_text(self.model.rowCount(), total))
        self._selection_changed()
        if index.isValid():
            self.form.show_capability(self.model.row_at(index))
            if self.workspace is not None:
                self.form.history.show_entries(self.workspace.audit.history(self.model.row_at(index).key))
                self.form.log.show_entries(self.workspace.log.about(self.model.row_at(index).key))
            self._right.setCurrentWidget(self._form_page)
            return
        self.form.clear()
        self.hint.setText(
            self.tr(
                "<h3>No capability matches the filter.</h3><p>Clear the filter to see all {0} capabilities.</p>"
            ).format(total)
        )
        self._right.setCurrentWidget(self.hint)

    def _count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{0} of {1} shown").format(shown, total)
        if total == 1:
            return self.tr("1 capability")
        return self.tr("{0} capabilities").format(total)

    def _clear_filters(self) -> None:
        self.filter_edit.clear()
        self.category_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.form.focus_name()
