"""The Outcomes view: filter and table of outcomes on the left, the selected outcome's form on the right.

Every change is one `OpenWorkspace.perform` call (one undo step); the view then reloads from the
`changed` signal like every other view, keeping the selected outcome selected by key. An edit is
made against the version of the outcome the form showed: if someone else changed it since, the
user reapplies or discards it (`ItemRegisterView`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from align_desktop.domain.outcome import OUTCOME_FIELDS
from align_desktop.store.changes import Revert
from align_desktop.store.outcomes import OutcomeService
from align_desktop.ui.empty_state import EmptyState, EmptyStateStack
from align_desktop.ui.item_register import ItemRegisterView
from align_desktop.ui.outcomes import model as columns
from align_desktop.ui.outcomes.form import OutcomeForm
from align_desktop.ui.outcomes.model import OutcomeTableModel
from align_desktop.ui.prompts import Prompter

_COLUMN_WIDTHS = {  # in average character widths, at least the header's; Name and Metric share the rest
    columns.KEY: 6,
    columns.BASELINE: 9,
    columns.TARGET: 9,
    columns.UNIT: 6,
    columns.OWNER: 18,
    columns.INITIATIVES: 6,
}


class OutcomesView(ItemRegisterView):
    """Edit the workspace's outcomes: the business objectives that initiatives are tied to."""

    FIELD_LABELS = OUTCOME_FIELDS

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(prompter, parent)
        self.model = OutcomeTableModel(self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter outcomes…"))
        self.filter_edit.setAccessibleName(self.tr("Filter outcomes"))
        self.filter_edit.setToolTip(self.tr("Show outcomes whose key, name, metric or owner contains this"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.table = self._build_table()
        self._add_delete_key(self.tr("Delete outcome"), self.delete_outcome)
        buttons = self._make_button_row(
            (self.tr("New outcome"), self.tr("Add an outcome and start typing its name"), self.new_outcome),
            (
                self.tr("Delete outcome"),
                self.tr("Delete the selected outcome (Del); only outcomes no initiative is tied to"),
                self.delete_outcome,
            ),
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)

        self.form = OutcomeForm()
        self.form.field_edited.connect(self._save_field)
        self.hint = self._make_hint()
        self._right = QStackedWidget()
        self._right.addWidget(self.form)
        self._right.addWidget(self.hint)
        self._right.setMinimumWidth(320)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 400])
        self.empty_state = EmptyState()
        self.empty_state.show_message(
            self.tr("No outcomes yet"),
            self.tr(
                "An outcome is a business objective with a metric that should move from a baseline to a target, "
                "such as conversion rate from 2.1 % to 2.6 %, and an owner. Every initiative on the roadmap is "
                "tied to one outcome, so each piece of ML work is argued from the value it moves."
            ),
            self.tr("Add the first outcome, then tie initiatives to it on the board."),
            self.tr("New outcome"),
        )
        self.empty_state.action_clicked.connect(self.new_outcome)
        self.pages = EmptyStateStack(splitter, self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._follow_model()
        self._show_selected()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Outcomes"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSortIndicator(columns.KEY, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(columns.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(columns.METRIC, QHeaderView.ResizeMode.Stretch)
        character = table.fontMetrics().averageCharWidth()
        for column, width in _COLUMN_WIDTHS.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            title_width = header.fontMetrics().horizontalAdvance(title) + 28  # room for the sort arrow
            header.resizeSection(column, max(width * character + 16, title_width))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.selectionModel().currentRowChanged.connect(self._show_selected)
        table.activated.connect(lambda _index: self.form.focus_name())
        return table

    @property
    def _service(self) -> OutcomeService:
        assert self.workspace is not None
        return self.workspace.outcomes

    def refresh(self) -> None:
        self.model.set_rows(self._service.list())

    def focus_find(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # actions

    def new_outcome(self) -> None:
        if self.workspace is None:
            return
        service = self._service
        created: list[str] = []

        def create() -> Revert:
            key, revert = service.create({"name": self.tr("New outcome")})
            created.append(key)
            return revert

        if not self._perform(self.tr("New outcome"), create):
            return
        if self.model.index_of_key(created[0]) is None and self.filter_edit.text():
            self.filter_edit.clear()
        if self.select_key(created[0]):
            self.form.focus_name()

    def delete_outcome(self) -> None:
        row = self.form.row
        if self.workspace is None or row is None or self.selected_key() is None:
            return
        service = self._service
        question = self.tr("Delete {0} '{1}'? You can undo this with Ctrl+Z.").format(row.key, row.name)
        if self._prompter.confirm(self.tr("Delete outcome"), question, self.tr("Delete")):
            self._perform(self.tr("Delete {0}").format(row.key), lambda: service.delete(row.key))

    def _show_selected(self, current: QModelIndex | None = None) -> None:
        index = self.table.selectionModel().currentIndex()
        total = self.model.total_count()
        self.pages.show_hint(total == 0)
        self.count_label.setText(self._count_text(self.model.rowCount(), total))
        self.delete_button.setEnabled(index.isValid())
        if index.isValid():
            self.form.show_outcome(self.model.row_at(index))
            self._right.setCurrentWidget(self.form)
            return
        self.form.clear()
        self.hint.setText(
            self.tr("<h3>No outcome matches the filter.</h3><p>Clear the filter to see all {0} outcomes.</p>").format(
                total
            )
        )
        self._right.setCurrentWidget(self.hint)

    def _count_text(self, shown: int, total: int) -> str:
        if shown != total:
            return self.tr("{0} of {1} outcomes").format(shown, total)
        if total == 1:
            return self.tr("1 outcome")
        return self.tr("{0} outcomes").format(total)
