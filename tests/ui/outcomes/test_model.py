"""The outcomes table model: Qt's model contract, display values, filtering and sorting in Python."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from align_desktop.store.board_rows import OutcomeRow
from align_desktop.ui.outcomes import model as columns
from align_desktop.ui.outcomes.model import OutcomeTableModel, format_number

ASCENDING = Qt.SortOrder.AscendingOrder
DESCENDING = Qt.SortOrder.DescendingOrder


def outcome(key: str, **fields: Any) -> OutcomeRow:
    values: dict[str, Any] = {
        "name": f"Outcome {key}",
        "metric": "",
        "baseline": None,
        "target": None,
        "unit": "",
        "owner": "",
        "description": "",
        "initiative_count": 0,
    }
    return OutcomeRow(key=key, **(values | fields))


ROWS = [
    outcome(
        "O-010",
        name="zebra crossings",
        metric="Crossings",
        baseline=10.0,
        target=2.5,
        unit="%",
        owner="Ann",
        initiative_count=3,
        description="Ten",
    ),
    outcome(
        "O-009",
        name="Apple sales",
        metric="Revenue",
        baseline=9.5,
        target=100.0,
        unit="EUR",
        owner="bob",
        initiative_count=12,
    ),
    outcome(
        "O-002",
        name="basket size",
        metric="Average order value",
        baseline=None,
        target=20.0,
        unit="",
        owner="",
        initiative_count=0,
    ),
    outcome(
        "O-100",
        name="Churn",
        metric="churn rate",
        baseline=1_250_000.0,
        target=None,
        unit="hours",
        owner="Carla",
        initiative_count=1,
    ),
]


@pytest.fixture
def model(qapp: Any) -> OutcomeTableModel:
    table = OutcomeTableModel()
    table.set_rows(ROWS)
    return table


def keys(model: OutcomeTableModel) -> list[str]:
    return [model.row_at(row).key for row in range(model.rowCount())]


def cell(model: OutcomeTableModel, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


def test_model_contract_with_rows(qtmodeltester: Any, model: OutcomeTableModel) -> None:
    qtmodeltester.check(model)


def test_model_contract_with_filter_and_when_empty(qtmodeltester: Any, model: OutcomeTableModel) -> None:
    model.set_filter("o-01")
    qtmodeltester.check(model)
    model.set_filter("nothing matches this")
    qtmodeltester.check(model)
    model.set_filter("")
    model.set_rows([])
    qtmodeltester.check(model)


def test_rows_start_in_natural_key_order(model: OutcomeTableModel) -> None:
    assert keys(model) == ["O-002", "O-009", "O-010", "O-100"]


def test_display_values_and_roles(model: OutcomeTableModel) -> None:
    row = model.index_of_key("O-100")
    assert row is not None
    assert cell(model, row, columns.BASELINE) == "1,250,000"
    assert cell(model, row, columns.TARGET) == ""
    assert cell(model, row, columns.INITIATIVES) == "1"
    assert cell(model, row, columns.NAME) == "Churn"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert cell(model, row, columns.BASELINE, Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell(model, row, columns.NAME, Qt.ItemDataRole.TextAlignmentRole) is None
    ten = model.index_of_key("O-010")
    assert ten is not None
    assert cell(model, ten, columns.TARGET) == "2.5"
    assert cell(model, ten, columns.NAME, Qt.ItemDataRole.ToolTipRole) == "Ten"
    assert cell(model, row, columns.NAME, Qt.ItemDataRole.ToolTipRole) is None


def test_headers(model: OutcomeTableModel) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == ["Key", "Name", "Metric", "Baseline", "Target", "Unit", "Owner", "Initiatives"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.1, "2.1"),
        (2.1000001, "2.1"),
        (4.0, "4"),
        (0.25, "0.25"),
        (0.0, "0"),
        (-3.25, "-3.25"),
        (1_250_000.0, "1,250,000"),
        (None, ""),
    ],
)
def test_format_number_drops_trailing_zeros(value: float | None, text: str) -> None:
    assert format_number(value) == text


def test_format_number_for_editing_is_exact_and_ungrouped() -> None:
    assert format_number(1_250_000.0, grouped=False) == "1250000"
    assert format_number(0.1234567, grouped=False) == "0.1234567"
    assert format_number(None, grouped=False) == ""


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        (columns.KEY, ["O-002", "O-009", "O-010", "O-100"]),
        (columns.NAME, ["O-009", "O-002", "O-100", "O-010"]),
        (columns.METRIC, ["O-002", "O-100", "O-010", "O-009"]),
        (columns.BASELINE, ["O-009", "O-010", "O-100", "O-002"]),
        (columns.TARGET, ["O-010", "O-002", "O-009", "O-100"]),
        (columns.UNIT, ["O-010", "O-009", "O-100", "O-002"]),
        (columns.OWNER, ["O-010", "O-009", "O-100", "O-002"]),
        (columns.INITIATIVES, ["O-002", "O-100", "O-010", "O-009"]),
    ],
)
def test_sort_each_column(model: OutcomeTableModel, column: int, ascending: list[str]) -> None:
    model.sort(column, ASCENDING)
    assert keys(model) == ascending
    model.sort(column, DESCENDING)
    descending = keys(model)
    blanks = [k for k in ascending if _blank(k, column)]
    # blank values stay last in both orders; the others reverse
    assert descending == [k for k in reversed(ascending) if k not in blanks] + blanks


def _blank(key: str, column: int) -> bool:
    row = next(r for r in ROWS if r.key == key)
    return columns.COLUMNS[column].value(row) in (None, "")


def test_keys_sort_naturally_beyond_three_digits(qapp: Any) -> None:
    model = OutcomeTableModel()
    model.set_rows([outcome(k) for k in ("O-1000", "O-010", "O-009", "O-999")])
    model.sort(columns.KEY, ASCENDING)
    assert keys(model) == ["O-009", "O-010", "O-999", "O-1000"]


def test_numbers_sort_numerically_not_as_text(qapp: Any) -> None:
    model = OutcomeTableModel()
    model.set_rows([outcome("O-001", target=9.0), outcome("O-002", target=10.0), outcome("O-003", target=-1.0)])
    model.sort(columns.TARGET, ASCENDING)
    assert keys(model) == ["O-003", "O-001", "O-002"]


def test_filter_matches_key_name_metric_owner_ignoring_case(model: OutcomeTableModel) -> None:
    model.set_filter("APPLE")
    assert keys(model) == ["O-009"]
    model.set_filter("o-10")
    assert keys(model) == ["O-100"]
    model.set_filter("revenue")
    assert keys(model) == ["O-009"]
    model.set_filter("carla")
    assert keys(model) == ["O-100"]
    model.set_filter("hours")  # units are not searched
    assert keys(model) == []
    model.set_filter("  ")
    assert len(keys(model)) == 4


def test_filter_words_must_all_match(model: OutcomeTableModel) -> None:
    model.set_filter("zebra ann")
    assert keys(model) == ["O-010"]
    model.set_filter("zebra bob")
    assert keys(model) == []


def test_filter_and_sort_survive_new_rows(model: OutcomeTableModel) -> None:
    model.sort(columns.NAME, DESCENDING)
    model.set_filter("o-")
    model.set_rows([*ROWS, outcome("O-011", name="Yield")])
    assert keys(model)[:2] == ["O-010", "O-011"]
    assert model.total_count() == 5


def test_index_of_key(model: OutcomeTableModel) -> None:
    assert model.index_of_key("O-009") == 1
    model.set_filter("churn")
    assert model.index_of_key("O-009") is None
    assert model.index_of_key("O-100") == 0
    assert model.row_at(model.index(0, 3)).key == "O-100"
