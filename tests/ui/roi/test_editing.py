"""Editing a business case in the ROI view: preview while typing, one undo step per edit, refusals at the field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from align_desktop.ui.roi.delegates import CellEdit
from align_desktop.ui.roi.year_model import ADOPTION_ROW
from tests.ui.roi import Roi, cost_index, finish_cell, make_roi, type_in_cell, type_text


@pytest.fixture
def roi(qtbot: Any, qapp: Any, workspace: Any, prompter: Any) -> Iterator[Roi]:
    shown = make_roi(qtbot, workspace, prompter)
    yield shown
    shown.opened.undo_stack.clear()


def test_the_worked_example_typed_into_the_view(qtbot: Any, roi: Roi) -> None:
    view, cases = roi.view, roi.cases
    view.pick(roi.keys["search"])
    assert view.headline.texts()["npv"] == "—"
    assert "no business case" in view.case_note.text()
    type_text(qtbot, view.editor.edit("annual_benefit"), "250000")
    type_text(qtbot, view.editor.edit("confidence"), "80")
    years = view.editor.year_model
    for year, share in ((1, "25"), (2, "75"), (3, "100 %")):
        editor = type_in_cell(qtbot, view.editor.year_table, years.index(ADOPTION_ROW, year), share)
        finish_cell(qtbot, editor)
    for number, (amounts, description) in enumerate(
        (({0: "120000"}, "Data"), ({1: "60000", 2: "60000", 3: "60000"}, "Run costs"))
    ):
        qtbot.mouseClick(view.costs.add_button, Qt.MouseButton.LeftButton)
        description_editor = view.costs.table.indexWidget(view.costs.table.currentIndex())
        assert isinstance(description_editor, CellEdit)  # typing the description straight away
        qtbot.keyClicks(description_editor, description)
        finish_cell(qtbot, description_editor)
        for year, text in amounts.items():
            editor = type_in_cell(qtbot, view.costs.table, cost_index(view, number, year), text)
            finish_cell(qtbot, editor)
    assert view.headline.texts()["npv"] == "EUR 130,394"
    assert view.headline.texts()["risk_adjusted_npv"] == "EUR 50,473"
    assert view.headline.texts()["irr"] == "47.26 %"
    assert view.headline.texts()["payback"] == "1.92 years"
    assert view.headline.texts()["roi"] == "66.67 %"
    stored = cases.case(roi.keys["search"])
    assert [line.description for line in stored.cost_lines] == ["Data", "Run costs"]
    assert stored.confidence == 80
    assert roi.opened.undo_stack.count() == 2 + 3 + 2 * 2 + 4  # benefit, confidence, adoption, lines, amounts


def test_editing_a_cost_cell_updates_npv_and_undo_restores_it(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    line = view.costs.model.line_at(1)  # model training, 30,000 in years 1-3
    editor = type_in_cell(qtbot, view.costs.table, cost_index(view, 1, 1), "40000")
    finish_cell(qtbot, editor)
    assert roi.cases.case(key).cost_lines[1].amounts[1] == 40_000
    assert round(view.figures["base"].npv, 2) == round(130_394.44 - 10_000 / 1.1, 2)
    assert view.headline.texts()["npv"] == "EUR 121,304"
    assert view.costs.model.data(cost_index(view, 1, 1)) == "40,000"
    assert roi.opened.undo_stack.count() == 1
    assert roi.opened.undo_stack.undoText() == f"Edit cost line {line.key} year 1"
    roi.opened.undo_stack.undo()
    assert roi.cases.case(key).cost_lines[1].amounts[1] == 30_000
    assert view.headline.texts()["npv"] == "EUR 130,394"
    assert view.costs.model.data(cost_index(view, 1, 1)) == "30,000"


def test_typing_updates_the_figures_before_anything_is_stored(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    draws = view.charts.draw_count
    type_text(qtbot, view.editor.edit("annual_benefit"), "300000", finish=False)
    assert view.figures["base"].flows.benefits[3] == 300_000
    assert view.headline.texts()["npv"] != "EUR 130,394"
    assert roi.cases.case(key).annual_benefit == 250_000  # nothing stored while typing
    assert roi.opened.undo_stack.count() == 0
    assert view.charts.pending() and view.charts.draw_count == draws  # charts wait for a pause
    view.charts.flush()
    assert view.charts.draw_count == draws + 1
    qtbot.keyClick(view.editor.edit("annual_benefit"), Qt.Key.Key_Return)
    assert roi.cases.case(key).annual_benefit == 300_000
    assert roi.opened.undo_stack.count() == 1


def test_typing_in_a_cost_cell_previews_and_escape_abandons_it(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    editor = type_in_cell(qtbot, view.costs.table, cost_index(view, 0, 0), "60000")
    assert view.headline.texts()["npv"] == "EUR 190,394"
    assert editor.text() == "60000"  # the model's update did not retype the cell under the cursor
    assert roi.cases.case(key).cost_lines[0].amounts[0] == 120_000
    finish_cell(qtbot, editor, Qt.Key.Key_Escape)
    assert view.headline.texts()["npv"] == "EUR 130,394"
    assert roi.opened.undo_stack.count() == 0


def test_working_sets_the_benefit_and_shows_how(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    for name, text in (
        ("benefit_baseline", "1200000"),
        ("benefit_unit", "orders"),
        ("benefit_uplift", "2"),
        ("benefit_value_per_unit", "12"),
    ):
        type_text(qtbot, view.editor.edit(name), text)
    assert roi.cases.case(key).annual_benefit == pytest.approx(288_000)
    assert view.editor.edit("annual_benefit").text() == "288000"
    assert view.editor.working.text() == "1,200,000 orders × 2.0 % × EUR 12.00 = EUR 288,000"
    assert roi.opened.undo_stack.count() == 4


def test_confidence_is_stored_on_the_initiative(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    type_text(qtbot, view.editor.edit("confidence"), "100")
    assert roi.opened.initiatives.get(key).confidence == 100
    assert view.headline.texts()["risk_adjusted_npv"] == "EUR 130,394"
    roi.opened.undo_stack.undo()
    assert view.editor.edit("confidence").text() == "80"
    assert view.headline.texts()["risk_adjusted_npv"] == "EUR 50,473"


@pytest.mark.parametrize(
    ("field", "text", "named"),
    [
        ("annual_benefit", "lots", "Annual benefit at full adoption"),
        ("annual_benefit", "-5", "must not be negative"),
        ("benefit_uplift", "-2", "Uplift"),
        ("confidence", "120", "Confidence"),
    ],
)
def test_bad_input_in_a_field_is_refused_there(qtbot: Any, roi: Roi, field: str, text: str, named: str) -> None:
    view, key = roi.view, roi.keys["worked"]
    before = roi.cases.case(key)
    edit: QLineEdit = view.editor.edit(field)
    type_text(qtbot, edit, text)
    assert view.editor.error_label.isVisible()
    assert named in view.editor.error_label.text()
    assert "border" in edit.styleSheet()
    assert edit.text() == text  # kept for correcting
    assert roi.cases.case(key) == before
    assert roi.opened.undo_stack.count() == 0
    assert view.headline.texts()["npv"] == "EUR 130,394"  # the figures ignore the refused text
    type_text(qtbot, edit, edit.text() if field == "benefit_unit" else {"confidence": "80"}.get(field, "250000"))
    assert not view.editor.error_label.isVisible()
    assert edit.styleSheet() == ""


@pytest.mark.parametrize(("table", "text", "named"), [("years", "150", "Adoption year 2"), ("costs", "-10", "Year 2")])
def test_bad_input_in_a_cell_is_refused_there(qtbot: Any, roi: Roi, table: str, text: str, named: str) -> None:
    view, key = roi.view, roi.keys["worked"]
    before = roi.cases.case(key)
    if table == "years":
        view_table, index, label = view.editor.year_table, view.editor.year_model.index(ADOPTION_ROW, 2), view.editor
    else:
        view_table, index, label = view.costs.table, cost_index(view, 1, 2), view.costs
    editor = type_in_cell(qtbot, view_table, index, text)
    assert "border" in editor.styleSheet()  # marked while typing
    assert label.error_label.isVisible()
    finish_cell(qtbot, editor)
    assert named in label.error_label.text()
    assert label.error_label.isVisible()
    assert index.model().data(index, Qt.ItemDataRole.BackgroundRole) is not None  # the cell stays marked
    assert named in index.model().data(index, Qt.ItemDataRole.ToolTipRole)
    assert roi.cases.case(key) == before
    assert roi.opened.undo_stack.count() == 0


def test_fill_recurring_amount_from_a_year(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    view.costs.select(view.costs.model.line_at(0).key)  # data engineering: 120,000 in year 0 only
    qtbot.mouseClick(view.costs.fill_button, Qt.MouseButton.LeftButton)
    assert view.costs.fill_row.isVisible()
    view.costs.fill_year.setValue(2)
    type_text(qtbot, view.costs.fill_amount, "-1", finish=False)
    qtbot.mouseClick(view.costs.fill_go, Qt.MouseButton.LeftButton)
    assert "negative" in view.costs.error_label.text()
    assert "border" in view.costs.fill_amount.styleSheet()
    assert roi.opened.undo_stack.count() == 0
    type_text(qtbot, view.costs.fill_amount, "8000")  # Return fills
    assert roi.cases.case(key).cost_lines[0].amounts[:4] == (120_000, None, 8_000, 8_000)
    assert roi.opened.undo_stack.count() == 1
    assert not view.costs.fill_row.isVisible()
    assert not view.costs.error_label.isVisible()
    roi.opened.undo_stack.undo()
    assert roi.cases.case(key).cost_lines[0].amounts[:4] == (120_000, None, None, None)


def test_add_and_remove_a_cost_line_each_one_undo_step(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    qtbot.mouseClick(view.costs.add_button, Qt.MouseButton.LeftButton)
    lines = roi.cases.case(key).cost_lines
    assert len(lines) == 6
    assert lines[-1].category == "other"  # every category is in use already
    assert view.costs.selected_key() == lines[-1].key
    assert roi.opened.undo_stack.count() == 1
    view.costs.select(lines[1].key)
    qtbot.mouseClick(view.costs.remove_button, Qt.MouseButton.LeftButton)
    assert [line.key for line in roi.cases.case(key).cost_lines] == [
        line.key for number, line in enumerate(lines) if number != 1
    ]
    assert view.headline.texts()["npv"] != "EUR 130,394"
    assert roi.opened.undo_stack.count() == 2
    roi.opened.undo_stack.undo()
    roi.opened.undo_stack.undo()
    assert [line.key for line in roi.cases.case(key).cost_lines] == [line.key for line in lines[:5]]
    assert view.costs.model.rowCount() == 5
    assert view.headline.texts()["npv"] == "EUR 130,394"


def test_a_category_is_chosen_from_the_list(qtbot: Any, roi: Roi) -> None:
    view, key = roi.view, roi.keys["worked"]
    index = view.costs.model.index(4, 0)
    assert view.costs.model.setData(index, "monitoring")  # what the combo box commits
    assert roi.cases.case(key).cost_lines[4].category == "monitoring"
    assert view.costs.model.data(view.costs.model.index(4, 0)) == "Monitoring"
    assert not view.costs.model.setData(index, "catering")
    assert "catering" in view.costs.error_label.text()
    assert roi.opened.undo_stack.count() == 1


def test_undo_of_a_benefit_shows_the_previous_value(qtbot: Any, roi: Roi) -> None:
    view = roi.view
    type_text(qtbot, view.editor.edit("annual_benefit"), "500000")
    assert view.editor.edit("annual_benefit").text() == "500000"
    roi.opened.undo_stack.undo()
    assert view.editor.edit("annual_benefit").text() == "250000"
    assert view.headline.texts()["npv"] == "EUR 130,394"
    roi.opened.undo_stack.redo()
    assert view.editor.edit("annual_benefit").text() == "500000"
