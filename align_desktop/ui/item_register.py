"""Base of the views that keep a register of keyed items, a table beside the selected item's form: the outcomes,
the capability catalogue and the risk register.

Every edit, in the form or in a table cell, is one undo step made against the version of the item the form or the
table showed: if someone else changed the item since, the user reapplies or discards the edit
(`WorkspaceView.perform_item_edit`). A refused form field is explained beside the field; a refused cell in the
line above the table. When the view reloads, the items that were selected stay selected, by key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QWidget

from align_desktop.domain.validation import ValidationError
from align_desktop.store.changes import Revert
from align_desktop.ui.emphasis import ERROR_COLOUR, strong_label
from align_desktop.ui.prompts import Prompter
from align_desktop.ui.roi.format import same
from align_desktop.ui.view import WorkspaceView


class ItemService(Protocol):
    """The service of one kind of item (`workspace.outcomes`, `.capabilities`, `.risks`)."""

    def update(self, key: str, changes: dict[str, Any], *, expected_version: int | None = None) -> Revert: ...


class ItemRegisterView(WorkspaceView):
    """A table of items beside the selected one's form. Subclasses build `model`, `table` and `form` and say
    which service keeps the items (`_service`), how to show the selection (`_show_selected`) and, where cells
    are edited in the table, how a field's value is checked (`_validate`)."""

    FIELD_LABELS: ClassVar[Mapping[str, str]]
    """Each editable field's label, naming an edit in Edit > Undo ("Edit R-004 Owner")."""

    model: Any
    """The table's model: `row_at(index or row number)`, `index_of_key(key)` (a row number or None)."""
    table: QTableView
    form: Any
    """The selected item's form: its `row`, `show_error(field, message)`, `clear_error()`."""

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self._kept: tuple[str | None, list[str], int] = (None, [], 0)
        self.table_message: QLabel | None = None
        """The line above the table that explains a refused cell, where cells are edited in the table."""

    @property
    def _service(self) -> ItemService:
        raise NotImplementedError

    def _show_selected(self, _current: QModelIndex | None = None) -> None:
        """Show the current item in the form (or why there is none), and the counts under the table."""
        raise NotImplementedError

    def _validate(self, changes: dict[str, object]) -> dict[str, Any]:
        """`changes` checked and converted as the service would (refused with a `ValidationError`)."""
        raise NotImplementedError

    # building

    def _make_table_message(self) -> QLabel:
        self.table_message = QLabel()
        self.table_message.setWordWrap(True)
        strong_label(self.table_message, ERROR_COLOUR)
        self.table_message.setAccessibleName(self.tr("Error"))
        self.table_message.hide()
        return self.table_message

    def _clear_table_message(self) -> None:
        if self.table_message is not None:
            self.table_message.hide()

    def _make_button_row(
        self, new: tuple[str, str, Callable[[], None]], delete: tuple[str, str, Callable[[], None]], *extra: QWidget
    ) -> QHBoxLayout:
        """The row under the table: the count on the left (`count_label`); on the right the `extra` buttons, then
        New and Delete (`new_button`, `delete_button`), each given as (text, tooltip, action)."""
        self.count_label = QLabel()
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.new_button = self._button(*new)
        self.delete_button = self._button(*delete)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch()
        for widget in (*extra, self.new_button, self.delete_button):
            row.addWidget(widget)
        return row

    @staticmethod
    def _button(text: str, tooltip: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(action)
        return button

    @staticmethod
    def _make_hint() -> QLabel:
        """The label shown in the form's place when no item is selected."""
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint.setContentsMargins(12, 0, 12, 0)
        return hint

    def _add_delete_key(self, text: str, delete: Callable[[], None]) -> None:
        """Del in the table runs `delete` (the view's Delete button)."""
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence.StandardKey.Delete)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(delete)
        self.table.addAction(action)

    def _follow_model(self) -> None:
        """Keep the selection, by key, through the model's reloads, edits and sorting."""
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(lambda *_args: self._show_selected())
        self.model.layoutChanged.connect(self._rows_moved)

    # selection

    def selected_key(self) -> str | None:
        """The key of the current item (the one the form shows)."""
        index = self.table.selectionModel().currentIndex()
        return str(self.model.row_at(index).key) if index.isValid() else None

    def selected_rows(self) -> list[Any]:
        """Every selected item, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def select_key(self, key: str) -> bool:
        """Make item `key` the only selected one if the table shows it."""
        row = self.model.index_of_key(key)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _remember_selection(self) -> None:
        self._kept = (
            self.selected_key() or (self.form.row.key if self.form.row else None),
            [row.key for row in self.selected_rows()],
            max(self.table.selectionModel().currentIndex().row(), 0),
        )

    def _restore_selection(self) -> None:
        self._clear_table_message()  # it spoke of a cell the table may no longer show
        current, selected, row = self._kept
        if current is not None and self.select_key(current):
            rows = QItemSelection()
            for key in selected:
                number = self.model.index_of_key(key)
                if number is not None:
                    rows.select(self.model.index(number, 0), self.model.index(number, self.model.columnCount() - 1))
            self.table.selectionModel().select(rows, QItemSelectionModel.SelectionFlag.Select)
        elif self.model.rowCount():
            self._select_row(min(row, self.model.rowCount() - 1))
        self._show_selected()

    def _rows_moved(self) -> None:
        """Sorted, or reloaded in a new order: the selection moved with its rows; keep the current one in sight."""
        self._clear_table_message()
        current = self.table.selectionModel().currentIndex()
        if current.isValid():
            self.table.scrollTo(current)
        self._show_selected()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # edits

    def _save_field(self, field: str, value: object) -> None:
        """Store a form field's value against the version the form shows; a refusal is shown beside the field."""
        row = self.form.row
        if self.workspace is None or row is None:
            return
        service = self._service
        action = self.tr("Edit {0} {1}").format(row.key, self.FIELD_LABELS[field])
        if self._edit(
            action,
            lambda version: service.update(row.key, {field: value}, expected_version=version),
            row.version,
            field,
        ):
            self.form.clear_error()

    def _save_cell(self, key: str, field: str, value: object) -> bool:
        """Store a table cell's value against the version the table shows; a refusal is explained above the table.
        True when the value is stored (or was already)."""
        if self.workspace is None:
            return False
        shown = self._shown(key)
        if shown is not None and self._unchanged(shown, field, value):
            return True
        service = self._service
        action = self.tr("Edit {0} {1}").format(key, self.FIELD_LABELS[field])

        def above_table(error: ValidationError) -> None:
            assert self.table_message is not None
            self.table_message.setText(
                self.tr("{0} not saved: {1}: {2}.").format(key, error.field, error.message.rstrip("."))
            )
            self.table_message.show()

        return self.perform_item_edit(
            self._prompter,
            action,
            lambda version: service.update(key, {field: value}, expected_version=version),
            None if shown is None else shown.version,
            above_table,
        )

    def _shown(self, key: str) -> Any:
        """Item `key` as the table shows it, or None when it does not."""
        number = self.model.index_of_key(key)
        return None if number is None else self.model.row_at(number)

    def _unchanged(self, shown: Any, field: str, value: object) -> bool:
        try:
            clean = self._validate({field: value})[field]
        except ValidationError:
            return False
        return same(clean, getattr(shown, field))

    def _perform(self, text: str, action: Callable[[], Revert], field: str | None = None) -> bool:
        """Run one undoable change; a refusal of `field` is shown beside it. True when it was stored."""
        return self._edit(text, lambda _version: action(), None, field)

    def _edit(
        self, text: str, edit: Callable[[int | None], Revert], version: int | None, field: str | None = None
    ) -> bool:
        """Run one undoable edit of an item shown at `version`; a refusal of `field` is shown beside it. True when
        it was stored."""

        def at_field(error: ValidationError) -> None:
            assert field is not None
            self.form.show_error(field, f"{error.field}: {error.message}")

        return self.perform_item_edit(self._prompter, text, edit, version, None if field is None else at_field)
