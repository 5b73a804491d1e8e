"""The cost lines of the picked case: an editable table, add and remove, and "fill recurring".

"Fill recurring…" opens a row under the table: an amount and a first year; Fill puts that
amount in every year from there to the end of the horizon on the selected line. The panel
only asks (`add_requested`, `remove_requested`, `fill_requested`); the view stores.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from align_desktop.store.case_rows import CostLineRow
from align_desktop.ui.roi.case_editor import EDIT_TRIGGERS, error_label, heading
from align_desktop.ui.roi.cost_model import CATEGORY_COLUMN, DESCRIPTION_COLUMN, CostLineModel
from align_desktop.ui.roi.delegates import INVALID_STYLE, CaseDelegate
from align_desktop.ui.roi.draft import Field


class CostLinesPanel(QWidget):
    """Table of cost lines with its buttons and the fill-recurring row."""

    add_requested = Signal()
    remove_requested = Signal(str)
    """(line key)"""
    fill_requested = Signal(str, int, str)
    """(line key, first year, amount as typed)"""

    def __init__(self, delegate: CaseDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CostLineModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(delegate)
        self.table.setAccessibleName(self.tr("Cost lines"))
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        row_height = self.table.fontMetrics().height() + 9
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(row_height * 5 + 8)
        self.table.horizontalHeader().setMinimumSectionSize(84)
        self.model.modelReset.connect(self._fit_columns)
        remove = QAction(self.tr("Remove cost line"), self.table)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove)
        self.table.addAction(remove)

        self.add_button = QPushButton(self.tr("Add cost line"))
        self.add_button.setToolTip(self.tr("Add a cost line to this business case and type its description"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("Remove cost line"))
        self.remove_button.setToolTip(self.tr("Remove the selected cost line (Del); Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(self._remove)
        self.fill_button = QPushButton(self.tr("Fill recurring…"))
        self.fill_button.setCheckable(True)
        self.fill_button.setToolTip(
            self.tr("Repeat one amount on the selected line every year from a given year to the end of the horizon")
        )
        self.fill_button.toggled.connect(self._show_fill)

        self.fill_amount = QLineEdit()
        self.fill_amount.setPlaceholderText("30000")
        self.fill_amount.setAccessibleName(self.tr("Amount each year"))
        self.fill_amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fill_amount.setMaximumWidth(self.fill_amount.fontMetrics().averageCharWidth() * 14 + 16)
        self.fill_amount.returnPressed.connect(self._fill)
        self.fill_year = QSpinBox()
        self.fill_year.setAccessibleName(self.tr("From year"))
        self.fill_year.setToolTip(self.tr("First year that gets the amount; every later year to the horizon does too"))
        self.fill_go = QPushButton(self.tr("Fill"))
        self.fill_go.setToolTip(self.tr("Put the amount in those years of the selected line (one undo step)"))
        self.fill_go.clicked.connect(self._fill)
        self.fill_until = QLabel()
        self.fill_row = QWidget()
        fill = QHBoxLayout(self.fill_row)
        fill.setContentsMargins(0, 0, 0, 0)
        amount_label, year_label = QLabel(self.tr("Amount each year")), QLabel(self.tr("from year"))
        amount_label.setBuddy(self.fill_amount)
        year_label.setBuddy(self.fill_year)
        for widget in (amount_label, self.fill_amount, year_label, self.fill_year):
            fill.addWidget(widget)
        fill.addWidget(self.fill_until)
        fill.addWidget(self.fill_go)
        fill.addStretch()
        self.fill_row.hide()

        self.error_label = error_label()
        self.error_label.setAccessibleName(self.tr("Cost line error"))
        buttons = QHBoxLayout()
        buttons.addWidget(heading(self.tr("Cost lines")))
        buttons.addStretch()
        for button in (self.add_button, self.remove_button, self.fill_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fill_row)
        layout.addWidget(self.error_label)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def show_lines(self, lines: tuple[CostLineRow, ...], horizon: int, errors: Mapping[Field, str]) -> None:
        """Show the stored lines, keeping the selected line selected; mark refused cells."""
        current = self.selected_key()
        column = max(self.table.currentIndex().column(), 0)
        self.model.set_lines(lines, horizon)
        self.fill_year.setRange(0, horizon)
        self.fill_until.setText(self.tr("to year {0}").format(horizon))
        if current is not None:
            self.select(current, column)
        self.show_errors(errors)
        self._update_buttons()

    def show_errors(self, errors: Mapping[Field, str]) -> None:
        """Mark refused cells and the fill amount, and list their messages under the table."""
        self.model.set_errors(errors)
        messages = [message for field, message in errors.items() if self.model.row_of_key(field.name) is not None]
        fill_message = errors.get(Field("fill"))
        if fill_message:
            messages.append(fill_message)
        self.fill_amount.setStyleSheet(INVALID_STYLE if fill_message else "")
        self.error_label.setText("\n".join(messages))
        self.error_label.setVisible(bool(messages))

    def selected_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.line_at(index.row()).key if index.isValid() else None

    def select(self, key: str, column: int = DESCRIPTION_COLUMN) -> bool:
        row = self.model.row_of_key(key)
        if row is None:
            return False
        index = self.model.index(row, min(column, self.model.columnCount() - 1))
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)
        return True

    def edit_description(self, key: str) -> None:
        """Select line `key` and open its description for typing."""
        if self.select(key, DESCRIPTION_COLUMN):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.edit(self.table.currentIndex())

    def _remove(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.remove_requested.emit(key)

    def _show_fill(self, shown: bool) -> None:
        self.fill_row.setVisible(shown)
        if shown:
            index = self.table.currentIndex()
            first = max(index.column() - DESCRIPTION_COLUMN - 1, 1) if index.isValid() else 1
            self.fill_year.setValue(min(first, self.fill_year.maximum()))
            self.fill_amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.fill_requested.emit(key, self.fill_year.value(), self.fill_amount.text())

    def fill_done(self) -> None:
        """Close the fill row (after a fill was stored, or when another case is shown)."""
        self.fill_amount.clear()
        self.fill_button.setChecked(False)

    def _update_buttons(self) -> None:
        selected = self.selected_key() is not None
        self.remove_button.setEnabled(selected)
        self.fill_button.setEnabled(selected or self.fill_button.isChecked())
        self.fill_go.setEnabled(selected)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        character = self.table.fontMetrics().averageCharWidth()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CATEGORY_COLUMN, character * 20 + 24)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in range(DESCRIPTION_COLUMN + 1, self.model.columnCount()):
            header.resizeSection(column, character * 10 + 16)
