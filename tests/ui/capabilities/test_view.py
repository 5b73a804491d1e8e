"""The Capabilities view: the catalogue table and form, inline and form edits, refusals, filters, undo."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QWidget

from align_desktop.store.rows import CapabilityRow
from align_desktop.ui.capabilities import model as columns
from align_desktop.ui.capabilities.view import CapabilitiesView
from align_desktop.ui.open_workspace import OpenWorkspace

CATALOGUE: list[dict[str, Any]] = [
    {
        "name": "Feature store",
        "category": "feature store",
        "owner": "ML Platform",
        "status": "building",
        "current_maturity": 2,
        "target_maturity": 4,
        "annual_run_cost": 210_000,
        "cost_owner": "CTO office",
        "sla_target": "99.9 % online",
    },
    {
        "name": "Batch ingestion",
        "category": "data ingestion",
        "owner": "Data Platform",
        "status": "operational",
        "current_maturity": 3,
        "target_maturity": 3,
        "annual_run_cost": 84_000,
    },
    {
        "name": "Model monitoring",
        "category": "monitoring",
        "owner": "ML Reliability",
        "status": "proposed",
        "current_maturity": 1,
        "target_maturity": 4,
        "annual_run_cost": 98_000,
    },
]


@pytest.fixture
def opened(qapp: Any, workspace: Any) -> Iterator[OpenWorkspace]:
    ws = OpenWorkspace(workspace)
    yield ws
    ws.undo_stack.clear()


@pytest.fixture
def seeded(opened: OpenWorkspace) -> OpenWorkspace:
    """Three capabilities, C-001 … C-003, created outside the undo history."""
    for fields in CATALOGUE:
        opened.capabilities.create(fields)
    return opened


def make_view(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> CapabilitiesView:
    view = CapabilitiesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(opened)
    view.resize(1400, 800)
    view.show()
    return view


@pytest.fixture
def view(qtbot: Any, prompter: Any, seeded: OpenWorkspace) -> CapabilitiesView:
    return make_view(qtbot, prompter, seeded)


def shown_keys(view: CapabilitiesView) -> list[str]:
    return [view.model.row_at(row).key for row in range(view.model.rowCount())]


def stored(opened: OpenWorkspace, key: str) -> CapabilityRow:
    return opened.capabilities.get(key)


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, then press Return (which finishes editing)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def open_editor(view: CapabilitiesView, key: str, column: int) -> QWidget:
    row = view.model.index_of_key(key)
    assert row is not None
    index = view.model.index(row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = view.table.indexWidget(index)
    assert editor is not None
    return editor


def press_return(qtbot: Any, editor: QWidget) -> None:
    """Finish a cell edit: the delegate commits and closes the editor in a queued call."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def edit_cell(qtbot: Any, view: CapabilitiesView, key: str, column: int, text: str) -> None:
    """Type `text` into the cell's editor and press Return."""
    editor = open_editor(view, key, column)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)  # the editor opens with its text selected
    press_return(qtbot, editor)


# looks


def test_names_title_and_accessibility(view: CapabilitiesView) -> None:
    widgets: list[QWidget] = [view.table, view.filter_edit, view.category_filter, view.status_filter]
    widgets += [view.form.description, *view.form.edits.values(), *view.form.combos.values()]
    widgets += view.form.spins.values()
    assert all(widget.accessibleName() for widget in widgets)
    assert view.new_button.toolTip()
    assert view.delete_button.toolTip()


def test_shows_the_catalogue_and_selects_the_first(view: CapabilitiesView) -> None:
    assert shown_keys(view) == ["C-001", "C-002", "C-003"]
    assert view.count_label.text() == "3 capabilities"
    assert view.selected_key() == "C-001"
    assert view.form.heading.text() == "C-001"
    assert view.form.edits["name"].text() == "Feature store"
    assert view.form.combos["category"].currentData() == "feature store"
    assert view.form.spins["target_maturity"].value() == 4
    assert view.form.edits["annual_run_cost"].text() == "210000"
    assert "(EUR)" in view.form.cost_label.text()
    assert view.form.gap_label.text() == "2 levels to go"
    assert view.model.data(view.model.index(0, columns.COST)) == "EUR 210,000"


def test_selecting_a_row_shows_it_in_the_form(view: CapabilitiesView) -> None:
    view.table.selectRow(1)
    assert view.form.heading.text() == "C-002"
    assert view.form.edits["name"].text() == "Batch ingestion"
    assert view.form.gap_label.text() == ""
    assert view.form.usage.text() == "Not needed by any initiative yet"


def test_empty_catalogue_shows_the_hint(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> None:
    view = make_view(qtbot, prompter, opened)
    assert view.empty_state.isVisible()
    assert "No capabilities yet" in view.empty_state.title.text()
    assert view.empty_state.button.text() == "New capability"
    assert not view.form.isVisible()
    assert not view.delete_button.isEnabled()
    assert view.count_label.text() == "0 capabilities"


# new


def test_new_capability_is_one_undo_step_with_a_free_name(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace
) -> None:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert shown_keys(view) == ["C-001", "C-002", "C-003", "C-004"]
    assert stored(seeded, "C-004").name == "New capability"
    assert view.selected_key() == "C-004"
    assert view.focusWidget() is view.form.edits["name"]
    assert view.form.edits["name"].selectedText() == "New capability"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "New capability"

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert [stored(seeded, key).name for key in ("C-005", "C-006")] == ["New capability 2", "New capability 3"]

    seeded.undo_stack.undo()
    seeded.undo_stack.undo()
    seeded.undo_stack.undo()
    assert [row.key for row in seeded.capabilities.catalogue()] == ["C-001", "C-002", "C-003"]
    assert shown_keys(view) == ["C-001", "C-002", "C-003"]


def test_new_capability_clears_filters_that_would_hide_it(qtbot: Any, view: CapabilitiesView) -> None:
    view.filter_edit.setText("monitoring")
    view.status_filter.setCurrentIndex(view.status_filter.findData("proposed"))
    assert shown_keys(view) == ["C-003"]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.filter_edit.text() == ""
    assert view.status_filter.currentData() is None
    assert view.selected_key() == "C-004"


def test_the_first_capability_replaces_the_hint(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> None:
    view = make_view(qtbot, prompter, opened)
    qtbot.mouseClick(view.empty_state.button, Qt.MouseButton.LeftButton)
    assert not view.empty_state.isVisible()
    assert view.form.isVisible()
    assert view.selected_key() == "C-001"
    assert view.count_label.text() == "1 capability"


# inline edits


def test_inline_name_edit_is_one_undo_step(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "C-002", columns.NAME, "Batch data ingestion")
    assert stored(seeded, "C-002").name == "Batch data ingestion"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit C-002 Name"
    assert view.model.data(view.model.index(1, columns.NAME)) == "Batch data ingestion"
    assert view.selected_key() == "C-002"
    assert view.form.edits["name"].text() == "Batch data ingestion"

    seeded.undo_stack.undo()
    assert stored(seeded, "C-002").name == "Batch ingestion"
    assert view.model.data(view.model.index(1, columns.NAME)) == "Batch ingestion"


def test_inline_edit_of_every_text_and_number_column(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "C-003", columns.OWNER, "Reliability guild")
    edit_cell(qtbot, view, "C-003", columns.COST, "120,500")
    edit_cell(qtbot, view, "C-003", columns.COST_OWNER, "CFO")
    edit_cell(qtbot, view, "C-003", columns.SLA, "Alert within 1 h")
    row = stored(seeded, "C-003")
    assert (row.owner, row.annual_run_cost, row.cost_owner, row.sla_target) == (
        "Reliability guild",
        120_500.0,
        "CFO",
        "Alert within 1 h",
    )
    assert seeded.undo_stack.count() == 4


def test_inline_choice_is_stored_when_picked(view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    editor = open_editor(view, "C-002", columns.STATUS)
    assert isinstance(editor, QComboBox)
    assert editor.currentData() == "operational"
    choice = editor.findData("retiring")
    editor.setCurrentIndex(choice)
    editor.activated.emit(choice)
    assert stored(seeded, "C-002").status == "retiring"
    assert seeded.undo_stack.text(0) == "Edit C-002 Status"
    assert view.model.data(view.model.index(1, columns.STATUS)) == "Retiring"

    editor = open_editor(view, "C-002", columns.CATEGORY)
    assert isinstance(editor, QComboBox)
    choice = editor.findData("training")
    editor.setCurrentIndex(choice)
    editor.activated.emit(choice)
    assert stored(seeded, "C-002").category == "training"
    assert seeded.undo_stack.count() == 2


def test_inline_maturity_uses_a_spin_box_of_one_to_five(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace
) -> None:
    editor = open_editor(view, "C-001", columns.CURRENT)
    assert isinstance(editor, QSpinBox)
    assert (editor.minimum(), editor.maximum(), editor.value()) == (1, 5, 2)
    editor.setValue(4)
    press_return(qtbot, editor)
    assert stored(seeded, "C-001").current_maturity == 4
    assert seeded.undo_stack.text(0) == "Edit C-001 Current maturity"
    background = view.model.data(view.model.index(0, columns.CURRENT), Qt.ItemDataRole.BackgroundRole)
    assert background is None  # the gap is closed


def test_an_unchanged_cell_stores_nothing(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "C-001", columns.COST, "210000.00")
    press_return(qtbot, open_editor(view, "C-001", columns.NAME))
    assert seeded.undo_stack.count() == 0


def test_inline_duplicate_name_is_refused_above_the_table(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace
) -> None:
    edit_cell(qtbot, view, "C-002", columns.NAME, "feature STORE")
    assert stored(seeded, "C-002").name == "Batch ingestion"
    assert seeded.undo_stack.count() == 0
    assert view.table_message.isVisible()
    message = view.table_message.text()
    assert "C-002" in message
    assert "Name" in message
    assert "already the name of C-001" in message
    assert view.model.data(view.model.index(1, columns.NAME)) == "Batch ingestion"

    edit_cell(qtbot, view, "C-002", columns.NAME, "Batch data ingestion")  # the next change clears it
    assert not view.table_message.isVisible()
    edit_cell(qtbot, view, "C-002", columns.NAME, "Feature store")
    assert view.table_message.isVisible()
    view.filter_edit.setText("batch")  # so does filtering
    assert not view.table_message.isVisible()


def test_inline_negative_cost_is_refused(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    edit_cell(qtbot, view, "C-003", columns.COST, "-5")
    assert stored(seeded, "C-003").annual_run_cost == 98_000
    assert seeded.undo_stack.count() == 0
    assert "C-003" in view.table_message.text()
    assert "Annual run cost" in view.table_message.text()
    assert "0 or more" in view.table_message.text()


def test_a_level_outside_one_to_five_is_refused(view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    index = view.model.index(0, columns.TARGET)
    assert not view.model.setData(index, 6)
    assert not view.model.setData(index, 0)
    assert stored(seeded, "C-001").target_maturity == 4
    assert seeded.undo_stack.count() == 0
    assert "Target maturity" in view.table_message.text()
    assert "C-001" in view.table_message.text()


# form edits


def test_form_name_edit_is_one_undo_step(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    type_into(qtbot, view.form.edits["name"], "Online feature store")
    assert stored(seeded, "C-001").name == "Online feature store"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit C-001 Name"
    assert view.model.data(view.model.index(0, columns.NAME)) == "Online feature store"

    seeded.undo_stack.undo()
    assert stored(seeded, "C-001").name == "Feature store"
    assert view.form.edits["name"].text() == "Feature store"
    assert view.selected_key() == "C-001"


def test_form_saves_every_kind_of_field(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    form = view.form
    type_into(qtbot, form.edits["performance_metric"], "p95 read latency")
    type_into(qtbot, form.edits["annual_run_cost"], "250000")
    status = form.combos["status"]
    status.setCurrentIndex(status.findData("operational"))
    status.activated.emit(status.currentIndex())
    level = form.spins["current_maturity"]
    level.setValue(3)
    qtbot.keyClick(level, Qt.Key.Key_Return)
    form.description.setPlainText("Online and offline features")
    QApplication.sendEvent(form.description, QFocusEvent(QEvent.Type.FocusOut))
    row = stored(seeded, "C-001")
    assert row.performance_metric == "p95 read latency"
    assert row.annual_run_cost == 250_000
    assert row.status == "operational"
    assert row.current_maturity == 3
    assert row.description == "Online and offline features"
    assert seeded.undo_stack.count() == 5
    assert form.gap_label.text() == "1 level to go"


def test_finishing_an_unchanged_field_stores_nothing(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    qtbot.keyClick(view.form.edits["name"], Qt.Key.Key_Return)
    type_into(qtbot, view.form.edits["annual_run_cost"], "210000.0")
    qtbot.keyClick(view.form.spins["target_maturity"], Qt.Key.Key_Return)
    assert seeded.undo_stack.count() == 0
    assert view.form.edits["annual_run_cost"].text() == "210000"


def test_form_duplicate_name_is_refused_at_the_field(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    name = view.form.edits["name"]
    type_into(qtbot, name, "Model Monitoring")
    assert stored(seeded, "C-001").name == "Feature store"
    assert seeded.undo_stack.count() == 0
    assert view.form.error_label.isVisible()
    assert "already the name of C-003" in view.form.error_label.text()
    assert name.text() == "Model Monitoring"
    assert name.property("invalid") is True

    seeded.changed.emit()  # a reload keeps the refused text and its message
    assert name.text() == "Model Monitoring"
    assert view.form.error_label.isVisible()

    type_into(qtbot, name, "Feature platform")
    assert stored(seeded, "C-001").name == "Feature platform"
    assert not view.form.error_label.isVisible()
    assert name.property("invalid") is False


def test_form_negative_cost_is_refused_at_the_field(qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    type_into(qtbot, view.form.edits["annual_run_cost"], "-1")
    assert stored(seeded, "C-001").annual_run_cost == 210_000
    assert "Annual run cost" in view.form.error_label.text()
    type_into(qtbot, view.form.edits["annual_run_cost"], "lots")
    assert "not a number" in view.form.error_label.text()
    assert seeded.undo_stack.count() == 0


def test_form_error_clears_when_another_capability_is_selected(qtbot: Any, view: CapabilitiesView) -> None:
    type_into(qtbot, view.form.edits["annual_run_cost"], "-1")
    view.table.selectRow(1)
    assert not view.form.error_label.isVisible()
    assert view.form.edits["annual_run_cost"].text() == "84000"


def test_clicking_another_row_saves_the_field_being_typed(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace
) -> None:
    view.activateWindow()
    qtbot.waitActive(view)
    owner = view.form.edits["owner"]
    owner.setFocus()
    owner.selectAll()
    qtbot.keyClicks(owner, "Feature team")
    target = view.table.visualRect(view.model.index(2, columns.KEY)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert stored(seeded, "C-001").owner == "Feature team"
    assert seeded.undo_stack.count() == 1
    assert view.selected_key() == "C-003"
    assert owner.text() == "ML Reliability"


# filter and sort


def test_filter_and_choice_filters_narrow_the_table(view: CapabilitiesView) -> None:
    view.filter_edit.setText("ml")
    assert shown_keys(view) == ["C-001", "C-003"]
    assert view.count_label.text() == "2 of 3 shown"
    view.category_filter.setCurrentIndex(view.category_filter.findData("monitoring"))
    assert shown_keys(view) == ["C-003"]
    assert view.selected_key() == "C-003"
    view.status_filter.setCurrentIndex(view.status_filter.findData("operational"))
    assert shown_keys(view) == []
    assert not view.delete_button.isEnabled()
    assert "matches" in view.hint.text()
    view.filter_edit.clear()
    view.category_filter.setCurrentIndex(0)
    assert shown_keys(view) == ["C-002"]
    view.status_filter.setCurrentIndex(0)
    assert view.count_label.text() == "3 capabilities"


def test_sorting_by_header_keeps_the_selection(view: CapabilitiesView) -> None:
    view.table.selectRow(0)
    view.table.sortByColumn(columns.COST, Qt.SortOrder.AscendingOrder)
    assert shown_keys(view) == ["C-002", "C-003", "C-001"]
    assert view.selected_key() == "C-001"
    assert view.table.selectionModel().currentIndex().row() == 2
    view.table.sortByColumn(columns.NAME, Qt.SortOrder.DescendingOrder)
    assert shown_keys(view) == ["C-003", "C-001", "C-002"]


def test_a_rename_that_moves_the_row_keeps_it_selected(
    qtbot: Any, view: CapabilitiesView, seeded: OpenWorkspace
) -> None:
    view.table.sortByColumn(columns.NAME, Qt.SortOrder.AscendingOrder)
    assert shown_keys(view) == ["C-002", "C-001", "C-003"]
    edit_cell(qtbot, view, "C-002", columns.NAME, "Streaming ingestion")
    assert shown_keys(view) == ["C-001", "C-003", "C-002"]
    assert view.selected_key() == "C-002"
    assert view.form.edits["name"].text() == "Streaming ingestion"


def test_hidden_view_reloads_when_shown(view: CapabilitiesView, seeded: OpenWorkspace) -> None:
    view.hide()
    seeded.perform("New", lambda: seeded.capabilities.create({"name": "Later"})[1])
    assert len(shown_keys(view)) == 3
    view.show()
    assert len(shown_keys(view)) == 4


def test_focus_find_selects_the_filter_text(view: CapabilitiesView) -> None:
    view.filter_edit.setText("store")
    view.focus_find()
    assert view.focusWidget() is view.filter_edit
    assert view.filter_edit.selectedText() == "store"
