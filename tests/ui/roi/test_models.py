"""The ROI view's Qt models: consistent for Qt's model tester, sorted in Python, never writing themselves."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.domain.roi import BusinessCase, CostLine, evaluate
from align_desktop.store.case_rows import CostLineRow
from align_desktop.ui.roi import portfolio_model as columns
from align_desktop.ui.roi.cost_model import CATEGORY_COLUMN, DESCRIPTION_COLUMN, FIRST_YEAR_COLUMN, CostLineModel
from align_desktop.ui.roi.draft import ADOPTION, AMOUNT, CATEGORY, Field
from align_desktop.ui.roi.picker import PickerEntry, PickerModel
from align_desktop.ui.roi.portfolio_model import PortfolioEntry, PortfolioModel
from align_desktop.ui.roi.year_model import ADOPTION_ROW, CUMULATIVE_ROW, YearModel

BLANKS = (None,) * 7


def lines() -> tuple[CostLineRow, ...]:
    return (
        CostLineRow("L-001", "I-001", 0, "data engineering", "Pipelines", (120_000.0, None, None, None, *BLANKS)),
        CostLineRow("L-002", "I-001", 1, "model training", "", (None, 30_000.0, 30_000.0, 30_000.0, *BLANKS)),
    )


def entry(key: str, npv: float, roi: float | None, payback: float | None) -> PortfolioEntry:
    return PortfolioEntry(key, f"Initiative {key}", npv, npv * 0.5, roi, npv / 1000, payback)


@pytest.fixture
def cost_model(qapp: Any) -> CostLineModel:
    model = CostLineModel()
    model.set_lines(lines(), 3)
    return model


def test_cost_model_is_consistent(qtmodeltester: Any, cost_model: CostLineModel) -> None:
    cost_model.set_errors({Field(AMOUNT, "L-002", 2): "Year 2: must not be negative (-1)"})
    qtmodeltester.check(cost_model, force_py=True)


def test_cost_model_shows_amounts_and_totals(cost_model: CostLineModel) -> None:
    model = cost_model
    assert model.columnCount() == 2 + 4 + 1
    assert model.headerData(FIRST_YEAR_COLUMN, Qt.Orientation.Horizontal) == "Year 0"
    assert model.headerData(model.total_column, Qt.Orientation.Horizontal) == "Total"
    assert model.data(model.index(0, CATEGORY_COLUMN)) == "Data engineering"
    assert model.data(model.index(0, CATEGORY_COLUMN), Qt.ItemDataRole.EditRole) == "data engineering"
    assert model.data(model.index(0, FIRST_YEAR_COLUMN)) == "120,000"
    assert model.data(model.index(0, FIRST_YEAR_COLUMN), Qt.ItemDataRole.EditRole) == "120000"
    assert model.data(model.index(0, FIRST_YEAR_COLUMN + 1)) == ""
    assert model.data(model.index(1, model.total_column)) == "90,000"
    assert not model.flags(model.index(1, model.total_column)) & Qt.ItemFlag.ItemIsEditable
    assert model.field_at(model.index(1, FIRST_YEAR_COLUMN + 2)) == Field(AMOUNT, "L-002", 2)
    assert model.field_at(model.index(1, CATEGORY_COLUMN)) == Field(CATEGORY, "L-002")
    assert model.choices(model.index(0, CATEGORY_COLUMN))
    assert not model.choices(model.index(0, DESCRIPTION_COLUMN))


def test_cost_model_hands_edits_to_its_committer(cost_model: CostLineModel) -> None:
    received: list[tuple[Field, str]] = []
    assert not cost_model.setData(cost_model.index(0, FIRST_YEAR_COLUMN), "5")  # no committer: nothing
    cost_model.commit = lambda field, text: received.append((field, text)) is None
    assert cost_model.setData(cost_model.index(0, FIRST_YEAR_COLUMN + 1), "5")
    assert received == [(Field(AMOUNT, "L-001", 1), "5")]
    assert cost_model.data(cost_model.index(0, FIRST_YEAR_COLUMN + 1)) == ""  # shows the store, not the text


def test_same_lines_update_in_place_and_new_lines_reset(qtbot: Any, cost_model: CostLineModel) -> None:
    changed = replace(lines()[0], amounts=(99.0, *(None,) * 10))
    with qtbot.assertNotEmitted(cost_model.modelReset), qtbot.waitSignal(cost_model.dataChanged):
        cost_model.set_lines((changed, lines()[1]), 3)
    assert cost_model.data(cost_model.index(0, FIRST_YEAR_COLUMN)) == "99"
    with qtbot.waitSignal(cost_model.modelReset):
        cost_model.set_lines(lines()[:1], 3)
    with qtbot.waitSignal(cost_model.modelReset):
        cost_model.set_lines(lines()[:1], 5)
    assert cost_model.columnCount() == 2 + 6 + 1


def test_year_model_is_consistent(qtmodeltester: Any, qapp: Any) -> None:
    model = YearModel()
    case = BusinessCase(250_000, (0.0, 0.25, 0.75, 1.0), (CostLine("other", (120_000, 60_000, 60_000, 60_000)),))
    flows = evaluate(case, 3, 0.1).flows
    model.set_values([None, 0.25, 0.75, 1.0], flows, {Field(ADOPTION, year=2): "Adoption year 2: too high"})
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(ADOPTION_ROW, 1)) == "25 %"
    assert model.data(model.index(ADOPTION_ROW, 1), Qt.ItemDataRole.EditRole) == "25"
    assert model.data(model.index(CUMULATIVE_ROW, 0)) == "−120,000"
    assert model.data(model.index(CUMULATIVE_ROW, 3)) == "200,000"
    assert model.flags(model.index(ADOPTION_ROW, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(CUMULATIVE_ROW, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.headerData(ADOPTION_ROW, Qt.Orientation.Vertical) == "Adoption %"


def test_portfolio_model_is_consistent(qtmodeltester: Any, qapp: Any) -> None:
    model = PortfolioModel()
    model.set_entries([entry("I-002", 100.0, 0.5, 1.5), entry("I-001", -50.0, None, None)], "EUR")
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(columns.NPV, Qt.Orientation.Horizontal) == "NPV (EUR)"
    assert model.data(model.index(1, columns.NPV)) == "−50"
    assert model.data(model.index(1, columns.ROI)) == "—"


def test_portfolio_sorts_in_python_with_blanks_last(qapp: Any) -> None:
    model = PortfolioModel()
    model.set_entries(
        [entry("I-003", 10.0, None, 2.0), entry("I-001", 30.0, 0.2, None), entry("I-002", 20.0, 0.9, 1.0)], "EUR"
    )
    assert model.keys() == ["I-001", "I-002", "I-003"]  # NPV, highest first, by default
    model.sort(columns.ROI, Qt.SortOrder.DescendingOrder)
    assert model.keys() == ["I-002", "I-001", "I-003"]
    model.sort(columns.ROI, Qt.SortOrder.AscendingOrder)
    assert model.keys() == ["I-001", "I-002", "I-003"]  # no ROI goes last either way
    model.sort(columns.PAYBACK, Qt.SortOrder.AscendingOrder)
    assert model.keys() == ["I-002", "I-003", "I-001"]
    model.sort(columns.KEY, Qt.SortOrder.DescendingOrder)
    assert model.keys() == ["I-003", "I-002", "I-001"]
    model.set_entries([entry("I-004", 5.0, 1.0, 1.0), entry("I-001", 30.0, 0.2, None)], "EUR")
    assert model.keys() == ["I-004", "I-001"]  # a new set of rows keeps the ranking
    assert model.row_of_key("I-001") == 1


def test_picker_model_is_consistent(qtmodeltester: Any, qapp: Any) -> None:
    model = PickerModel()
    model.set_entries(
        [PickerEntry("I-001", "I-001 · One — NPV EUR 5", True), PickerEntry("I-002", "I-002 · Two", False)]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1), Qt.ItemDataRole.UserRole) == "I-002"
    assert model.row_of_key("I-002") == 1
