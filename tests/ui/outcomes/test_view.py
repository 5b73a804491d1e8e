"""The Outcomes view: create, edit, validate, delete, filter and reload, each change one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from align_desktop.store.initiatives import InitiativeService
from align_desktop.ui.open_workspace import OpenWorkspace
from align_desktop.ui.outcomes import model as columns
from align_desktop.ui.outcomes.view import OutcomesView


@pytest.fixture
def opened(qapp: Any, workspace: Any) -> Iterator[OpenWorkspace]:
    ws = OpenWorkspace(workspace)
    yield ws
    ws.undo_stack.clear()


@pytest.fixture
def seeded(opened: OpenWorkspace) -> OpenWorkspace:
    """Three outcomes, O-001 … O-003, created outside the undo history."""
    for fields in (
        {
            "name": "Grow conversion",
            "metric": "Conversion rate",
            "baseline": 2.1,
            "target": 2.6,
            "unit": "%",
            "owner": "Dana",
        },
        {
            "name": "Cut stock-outs",
            "metric": "Out-of-stock rate",
            "baseline": 7.5,
            "target": 4,
            "unit": "%",
            "owner": "Eli",
        },
        {
            "name": "Reduce fraud",
            "metric": "Chargebacks",
            "baseline": 1200,
            "target": 800,
            "unit": "EUR",
            "owner": "Dana",
        },
    ):
        opened.outcomes.create(fields)
    return opened


def make_view(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> OutcomesView:
    view = OutcomesView(prompter)
    qtbot.addWidget(view)
    view.set_workspace(opened)
    view.resize(1200, 700)
    view.show()
    return view


@pytest.fixture
def view(qtbot: Any, prompter: Any, seeded: OpenWorkspace) -> OutcomesView:
    return make_view(qtbot, prompter, seeded)


def shown_keys(view: OutcomesView) -> list[str]:
    return [view.model.row_at(row).key for row in range(view.model.rowCount())]


def stored(opened: OpenWorkspace, key: str) -> Any:
    return next(row for row in opened.outcomes.list() if row.key == key)


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, then press Return (which finishes editing)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_names_and_title(view: OutcomesView) -> None:
    assert view.table.accessibleName()
    assert view.filter_edit.accessibleName()
    assert view.new_button.toolTip()
    assert view.delete_button.toolTip()


def test_shows_outcomes_and_selects_the_first(view: OutcomesView) -> None:
    assert shown_keys(view) == ["O-001", "O-002", "O-003"]
    assert view.selected_key() == "O-001"
    assert view.form.heading.text() == "O-001"
    assert view.form.edits["name"].text() == "Grow conversion"
    assert view.form.edits["baseline"].text() == "2.1"
    assert view.form.edits["target"].text() == "2.6"


def test_selecting_a_row_shows_it_in_the_form(view: OutcomesView) -> None:
    view.table.selectRow(2)
    assert view.form.edits["name"].text() == "Reduce fraud"
    assert view.form.edits["baseline"].text() == "1200"
    assert view.form.heading.text() == "O-003"


def test_new_outcome_is_one_undo_step(qtbot: Any, view: OutcomesView, seeded: OpenWorkspace) -> None:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert shown_keys(view) == ["O-001", "O-002", "O-003", "O-004"]
    assert stored(seeded, "O-004").name == "New outcome"
    assert seeded.undo_stack.count() == 1
    assert view.selected_key() == "O-004"
    assert view.focusWidget() is view.form.edits["name"]
    assert view.form.edits["name"].selectedText() == "New outcome"

    seeded.undo_stack.undo()
    assert shown_keys(view) == ["O-001", "O-002", "O-003"]
    assert [row.key for row in seeded.outcomes.list()] == ["O-001", "O-002", "O-003"]


def test_new_outcome_clears_a_filter_that_would_hide_it(qtbot: Any, view: OutcomesView) -> None:
    view.filter_edit.setText("fraud")
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.filter_edit.text() == ""
    assert view.selected_key() == "O-004"


def test_editing_name_stores_it_and_undo_restores_it(qtbot: Any, view: OutcomesView, seeded: OpenWorkspace) -> None:
    type_into(qtbot, view.form.edits["name"], "Grow online conversion")
    assert stored(seeded, "O-001").name == "Grow online conversion"
    assert seeded.undo_stack.count() == 1
    assert seeded.undo_stack.text(0) == "Edit O-001 Name"
    assert view.model.row_at(0).name == "Grow online conversion"

    seeded.undo_stack.undo()
    assert stored(seeded, "O-001").name == "Grow conversion"
    assert view.form.edits["name"].text() == "Grow conversion"
    assert view.selected_key() == "O-001"


def test_finishing_an_unchanged_field_stores_nothing(qtbot: Any, view: OutcomesView, seeded: OpenWorkspace) -> None:
    qtbot.keyClick(view.form.edits["name"], Qt.Key.Key_Return)
    type_into(qtbot, view.form.edits["baseline"], "2.10")  # the same number
    assert seeded.undo_stack.count() == 0
    assert view.form.edits["baseline"].text() == "2.1"


def test_numbers_are_stored_as_numbers(qtbot: Any, view: OutcomesView, seeded: OpenWorkspace) -> None:
    type_into(qtbot, view.form.edits["target"], "3")
    type_into(qtbot, view.form.edits["baseline"], "")
    assert stored(seeded, "O-001").target == 3.0
    assert stored(seeded, "O-001").baseline is None
    assert seeded.undo_stack.count() == 2


def test_description_is_saved_when_focus_leaves_it(view: OutcomesView, seeded: OpenWorkspace) -> None:
    view.form.description.setPlainText("Orders per session")
    QApplication.sendEvent(view.form.description, QFocusEvent(QEvent.Type.FocusOut))
    assert stored(seeded, "O-001").description == "Orders per session"
    assert seeded.undo_stack.text(0) == "Edit O-001 Description"


def test_invalid_baseline_shows_message_and_stores_nothing(
    qtbot: Any, view: OutcomesView, seeded: OpenWorkspace
) -> None:
    baseline = view.form.edits["baseline"]
    type_into(qtbot, baseline, "abc")
    assert stored(seeded, "O-001").baseline == 2.1
    assert seeded.undo_stack.count() == 0
    assert view.form.error_label.isVisible()
    assert "Baseline" in view.form.error_label.text()
    assert baseline.text() == "abc"
    assert baseline.property("invalid") is True
    assert baseline.styleSheet()

    # another change reloads the view; the invalid text and the message stay
    seeded.changed.emit()
    assert baseline.text() == "abc"
    assert view.form.error_label.isVisible()

    type_into(qtbot, baseline, "2.4")
    assert stored(seeded, "O-001").baseline == 2.4
    assert not view.form.error_label.isVisible()
    assert baseline.property("invalid") is False
    assert baseline.styleSheet() == ""


def test_empty_name_is_refused(qtbot: Any, view: OutcomesView, seeded: OpenWorkspace) -> None:
    type_into(qtbot, view.form.edits["name"], "")
    assert "Name" in view.form.error_label.text()
    assert stored(seeded, "O-001").name == "Grow conversion"


def test_error_clears_when_another_outcome_is_selected(qtbot: Any, view: OutcomesView) -> None:
    type_into(qtbot, view.form.edits["baseline"], "abc")
    view.table.selectRow(1)
    assert not view.form.error_label.isVisible()
    assert view.form.edits["baseline"].text() == "7.5"
    assert view.form.edits["baseline"].property("invalid") is False


def test_delete_asks_and_is_undoable(view: OutcomesView, seeded: OpenWorkspace, prompter: Any) -> None:
    view.table.selectRow(2)
    prompter.confirm_answers.append(True)
    view.delete_button.click()
    assert prompter.confirmations == ["Delete O-003 'Reduce fraud'? You can undo this with Ctrl+Z."]
    assert shown_keys(view) == ["O-001", "O-002"]
    assert view.selected_key() == "O-002"
    seeded.undo_stack.undo()
    assert shown_keys(view) == ["O-001", "O-002", "O-003"]
    assert stored(seeded, "O-003").name == "Reduce fraud"


def test_delete_cancelled_keeps_it(view: OutcomesView, seeded: OpenWorkspace, prompter: Any) -> None:
    prompter.confirm_answers.append(False)
    view.delete_button.click()
    assert len(seeded.outcomes.list()) == 3
    assert seeded.undo_stack.count() == 0


def test_delete_refused_when_an_initiative_uses_it(view: OutcomesView, seeded: OpenWorkspace, prompter: Any) -> None:
    InitiativeService(seeded.workspace).create({"title": "x", "outcome_key": "O-001"})
    seeded.changed.emit()
    prompter.confirm_answers.append(True)
    view.delete_button.click()
    assert len(prompter.errors) == 1
    assert "O-001" in prompter.errors[0][1]
    assert len(seeded.outcomes.list()) == 3
    assert seeded.undo_stack.count() == 0
    assert view.selected_key() == "O-001"
    assert view.model.row_at(0).initiative_count == 1


def test_filter_narrows_the_table(view: OutcomesView) -> None:
    view.filter_edit.setText("dana")
    assert shown_keys(view) == ["O-001", "O-003"]
    view.filter_edit.setText("STOCK")
    assert shown_keys(view) == ["O-002"]
    assert view.selected_key() == "O-002"
    assert "1 of 3" in view.count_label.text()
    view.filter_edit.setText("nothing like this")
    assert shown_keys(view) == []
    assert not view.delete_button.isEnabled()
    assert "matches" in view.hint.text()
    view.filter_edit.clear()
    assert len(shown_keys(view)) == 3


def test_sorting_by_header_keeps_the_selection(view: OutcomesView) -> None:
    view.table.selectRow(0)
    view.table.sortByColumn(columns.BASELINE, Qt.SortOrder.DescendingOrder)
    assert shown_keys(view) == ["O-003", "O-002", "O-001"]
    assert view.selected_key() == "O-001"
    assert view.table.selectionModel().currentIndex().row() == 2


def test_reload_after_external_change_keeps_the_selection(view: OutcomesView, seeded: OpenWorkspace) -> None:
    view.table.selectRow(2)
    service = seeded.outcomes
    seeded.perform("Delete O-001", lambda: service.delete("O-001"))
    assert shown_keys(view) == ["O-002", "O-003"]
    assert view.selected_key() == "O-003"
    service.update("O-003", {"owner": "Fay"})
    seeded.changed.emit()
    assert view.form.edits["owner"].text() == "Fay"
    assert view.selected_key() == "O-003"


def test_hidden_view_reloads_when_shown(view: OutcomesView, seeded: OpenWorkspace) -> None:
    view.hide()
    seeded.perform("New", lambda: seeded.outcomes.create({"name": "Later"})[1])
    assert len(shown_keys(view)) == 3
    view.show()
    assert len(shown_keys(view)) == 4


def test_empty_workspace_shows_the_hint(qtbot: Any, prompter: Any, opened: OpenWorkspace) -> None:
    view = make_view(qtbot, prompter, opened)
    assert view.empty_state.isVisible()
    assert "No outcomes yet" in view.empty_state.title.text()
    assert view.empty_state.button.text() == "New outcome"
    assert not view.form.isVisible()
    assert not view.delete_button.isEnabled()
    qtbot.mouseClick(view.empty_state.button, Qt.MouseButton.LeftButton)
    assert not view.empty_state.isVisible()
    assert view.form.isVisible()
    assert view.selected_key() == "O-001"


def test_focus_find_selects_the_filter_text(view: OutcomesView) -> None:
    view.filter_edit.setText("conv")
    view.focus_find()
    assert view.focusWidget() is view.filter_edit
    assert view.filter_edit.selectedText() == "conv"


def test_clicking_another_row_saves_the_field_being_typed(
    qtbot: Any, view: OutcomesView, seeded: OpenWorkspace
) -> None:
    view.activateWindow()
    qtbot.waitActive(view)
    name = view.form.edits["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Typed, not yet finished")
    target = view.table.visualRect(view.model.index(2, columns.NAME)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert stored(seeded, "O-001").name == "Typed, not yet finished"
    assert seeded.undo_stack.count() == 1
    assert view.selected_key() == "O-003"
    assert name.text() == "Reduce fraud"
