"""The catalogue table model: Qt's model contract, display values, filtering and sorting in Python."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from align_desktop.store.rows import CapabilityRow
from align_desktop.ui.capabilities import model as columns
from align_desktop.ui.capabilities.model import GAP_BACKGROUND, CapabilityTableModel

ASCENDING = Qt.SortOrder.AscendingOrder
DESCENDING = Qt.SortOrder.DescendingOrder
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def capability(key: str, **fields: Any) -> CapabilityRow:
    values: dict[str, Any] = {
        "name": f"Capability {key}",
        "category": "other",
        "description": "",
        "owner": "",
        "sla_target": "",
        "performance_metric": "",
        "annual_run_cost": 0.0,
        "cost_owner": "",
        "current_maturity": 1,
        "target_maturity": 3,
        "status": "proposed",
        "reuse": 0,
    }
    return CapabilityRow(key=key, **(values | fields))


ROWS = [
    capability(
        "C-010",
        name="feature store",
        category="feature store",
        owner="ML Platform",
        status="building",
        current_maturity=2,
        target_maturity=4,
        annual_run_cost=210_000.0,
        cost_owner="CTO office",
        sla_target="99.9 %",
        reuse=7,
        description="Shared features, online and offline",
    ),
    capability(
        "C-009",
        name="Batch ingestion",
        category="data ingestion",
        owner="data platform",
        status="operational",
        current_maturity=3,
        target_maturity=3,
        annual_run_cost=84_000.0,
        reuse=12,
    ),
    capability(
        "C-002",
        name="Model monitoring",
        category="monitoring",
        owner="",
        status="proposed",
        current_maturity=1,
        target_maturity=4,
        annual_run_cost=9_500.0,
        cost_owner="",
        reuse=0,
    ),
    capability(
        "C-100",
        name="A/B testing",
        category="experimentation",
        owner="Growth",
        status="operational",
        current_maturity=4,
        target_maturity=4,
        annual_run_cost=118_000.5,
        cost_owner="CMO office",
        sla_target="2 days",
        reuse=1,
    ),
]


@pytest.fixture
def model(qapp: Any) -> CapabilityTableModel:
    table = CapabilityTableModel()
    table.set_rows(ROWS, "EUR")
    return table


def keys(model: CapabilityTableModel) -> list[str]:
    return [model.row_at(row).key for row in range(model.rowCount())]


def cell(model: CapabilityTableModel, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    row = model.index_of_key(key)
    assert row is not None
    return model.data(model.index(row, column), role)


def test_model_contract_with_rows(qtmodeltester: Any, model: CapabilityTableModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_model_contract_in_python_when_filtered_and_sorted(qtmodeltester: Any, model: CapabilityTableModel) -> None:
    model.sort(columns.REUSE, DESCENDING)
    model.set_status("operational")
    qtmodeltester.check(model, force_py=True)


def test_model_contract_filtered_sorted_and_empty(qtmodeltester: Any, model: CapabilityTableModel) -> None:
    model.set_filter("c-01")
    qtmodeltester.check(model)
    model.set_filter("")
    model.sort(columns.COST, DESCENDING)
    qtmodeltester.check(model)
    model.set_category("monitoring")
    qtmodeltester.check(model)
    model.set_status("retiring")
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    model.set_rows([], "EUR")
    qtmodeltester.check(model)


def test_rows_start_in_natural_key_order(model: CapabilityTableModel) -> None:
    assert keys(model) == ["C-002", "C-009", "C-010", "C-100"]


def test_headers(model: CapabilityTableModel) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Key",
        "Name",
        "Category",
        "Owner",
        "Status",
        "Current",
        "Target",
        "Annual run cost",
        "Cost owner",
        "SLA target",
        "Reuse",
    ]
    for column in (columns.REUSE, columns.CURRENT, columns.TARGET):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "initiatives" in model.headerData(columns.REUSE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_display_values(model: CapabilityTableModel) -> None:
    assert cell(model, "C-010", columns.CATEGORY) == "Feature store"
    assert cell(model, "C-010", columns.STATUS) == "Building"
    assert cell(model, "C-010", columns.COST) == "EUR 210,000"
    assert cell(model, "C-100", columns.COST) == "EUR 118,000"
    assert cell(model, "C-010", columns.CURRENT) == "2"
    assert cell(model, "C-010", columns.TARGET) == "4"
    assert cell(model, "C-009", columns.REUSE) == "12"
    assert cell(model, "C-010", columns.SLA) == "99.9 %"
    assert cell(model, "C-010", columns.COST, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(model, "C-010", columns.REUSE, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(model, "C-010", columns.NAME, Qt.ItemDataRole.TextAlignmentRole) is None
    tip = cell(model, "C-010", columns.NAME, Qt.ItemDataRole.ToolTipRole)
    assert tip == "feature store\n\nShared features, online and offline"
    assert cell(model, "C-009", columns.NAME, Qt.ItemDataRole.ToolTipRole) == "Batch ingestion"
    assert cell(model, "C-010", columns.REUSE, Qt.ItemDataRole.ToolTipRole) == "Needed by 7 initiatives"
    assert cell(model, "C-100", columns.REUSE, Qt.ItemDataRole.ToolTipRole) == "Needed by 1 initiative"


def test_edit_values_are_the_stored_ones(model: CapabilityTableModel) -> None:
    edit = Qt.ItemDataRole.EditRole
    assert cell(model, "C-010", columns.CATEGORY, edit) == "feature store"
    assert cell(model, "C-010", columns.CURRENT, edit) == 2
    assert cell(model, "C-010", columns.COST, edit) == "210000"
    assert cell(model, "C-100", columns.COST, edit) == "118000.5"


def test_a_maturity_gap_is_amber(model: CapabilityTableModel) -> None:
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(model, "C-010", columns.CURRENT, background) == GAP_BACKGROUND
    assert cell(model, "C-002", columns.CURRENT, background) == GAP_BACKGROUND
    assert cell(model, "C-009", columns.CURRENT, background) is None  # at target
    assert cell(model, "C-010", columns.TARGET, background) is None
    tip = cell(model, "C-010", columns.CURRENT, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Current maturity 2 is below the target 4: 2 levels to go"


def test_the_currency_comes_with_the_rows(model: CapabilityTableModel) -> None:
    model.set_rows(ROWS, "USD")
    assert cell(model, "C-010", columns.COST) == "USD 210,000"


def test_only_key_and_reuse_are_read_only(model: CapabilityTableModel) -> None:
    editable = [
        column
        for column in range(model.columnCount())
        if model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    ]
    assert columns.KEY not in editable
    assert columns.REUSE not in editable
    assert len(editable) == model.columnCount() - 2


def test_set_data_hands_the_value_to_commit(model: CapabilityTableModel) -> None:
    committed: list[tuple[str, str, object]] = []

    def commit(key: str, field: str, value: object) -> bool:
        committed.append((key, field, value))
        return True

    model.commit = commit
    index = model.index(model.index_of_key("C-010") or 0, columns.TARGET)
    assert model.setData(index, 5)
    assert not model.setData(model.index(0, columns.KEY), "C-999")
    assert not model.setData(index, 5, Qt.ItemDataRole.DisplayRole)
    assert committed == [("C-010", "target_maturity", 5)]


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        (columns.KEY, ["C-002", "C-009", "C-010", "C-100"]),
        (columns.NAME, ["C-100", "C-009", "C-010", "C-002"]),
        (columns.CATEGORY, ["C-009", "C-100", "C-010", "C-002"]),
        (columns.OWNER, ["C-009", "C-100", "C-010", "C-002"]),
        (columns.STATUS, ["C-010", "C-009", "C-100", "C-002"]),
        (columns.CURRENT, ["C-002", "C-010", "C-009", "C-100"]),
        (columns.TARGET, ["C-009", "C-002", "C-010", "C-100"]),
        (columns.COST, ["C-002", "C-009", "C-100", "C-010"]),
        (columns.COST_OWNER, ["C-100", "C-010", "C-002", "C-009"]),
        (columns.SLA, ["C-100", "C-010", "C-002", "C-009"]),
        (columns.REUSE, ["C-002", "C-100", "C-010", "C-009"]),
    ],
)
def test_sort_each_column(model: CapabilityTableModel, column: int, ascending: list[str]) -> None:
    model.sort(column, ASCENDING)
    assert keys(model) == ascending
    model.sort(column, DESCENDING)
    field = columns.COLUMNS[column].field
    blanks = [key for key in ascending if getattr(next(r for r in ROWS if r.key == key), field) == ""]
    # blank texts stay last in both orders; ties keep key order; the rest reverse
    if column in (columns.CURRENT, columns.TARGET, columns.STATUS, columns.CATEGORY):
        return  # ties: checked below
    assert keys(model) == [key for key in reversed(ascending) if key not in blanks] + blanks


def test_ties_keep_key_order_in_both_directions(model: CapabilityTableModel) -> None:
    model.sort(columns.TARGET, DESCENDING)
    assert keys(model) == ["C-002", "C-010", "C-100", "C-009"]
    model.sort(columns.STATUS, DESCENDING)
    assert keys(model) == ["C-002", "C-009", "C-100", "C-010"]


def test_keys_sort_naturally(qapp: Any) -> None:
    model = CapabilityTableModel()
    model.set_rows([capability(key) for key in ("C-1000", "C-010", "C-009", "C-999")], "EUR")
    assert keys(model) == ["C-009", "C-010", "C-999", "C-1000"]
    model.sort(columns.KEY, DESCENDING)
    assert keys(model) == ["C-1000", "C-999", "C-010", "C-009"]


def test_costs_sort_as_numbers_not_text(qapp: Any) -> None:
    model = CapabilityTableModel()
    costs = {"C-001": 9_000.0, "C-002": 10_000.0, "C-003": 950.0, "C-004": 1_000_000.0}
    model.set_rows([capability(key, annual_run_cost=cost) for key, cost in costs.items()], "EUR")
    model.sort(columns.COST, ASCENDING)
    assert keys(model) == ["C-003", "C-001", "C-002", "C-004"]


def test_filter_matches_key_name_category_owner_status(model: CapabilityTableModel) -> None:
    model.set_filter("FEATURE")
    assert keys(model) == ["C-010"]
    model.set_filter("c-10")
    assert keys(model) == ["C-100"]
    model.set_filter("experimentation")
    assert keys(model) == ["C-100"]
    model.set_filter("growth")
    assert keys(model) == ["C-100"]
    model.set_filter("operational")
    assert keys(model) == ["C-009", "C-100"]
    model.set_filter("cto office")  # cost owner is not searched
    assert keys(model) == []
    model.set_filter("  ")
    assert len(keys(model)) == 4
    assert not model.is_filtered()


def test_filter_words_must_all_match(model: CapabilityTableModel) -> None:
    model.set_filter("operational growth")
    assert keys(model) == ["C-100"]
    model.set_filter("operational monitoring")
    assert keys(model) == []


def test_category_and_status_filters_combine_with_the_words(model: CapabilityTableModel) -> None:
    model.set_status("operational")
    assert keys(model) == ["C-009", "C-100"]
    model.set_category("data ingestion")
    assert keys(model) == ["C-009"]
    model.set_filter("growth")
    assert keys(model) == []
    assert model.is_filtered()
    model.set_filter("")
    model.set_category(None)
    model.set_status(None)
    assert model.rowCount() == 4
    assert model.total_count() == 4


def test_filter_and_sort_survive_a_reload(model: CapabilityTableModel) -> None:
    model.sort(columns.REUSE, DESCENDING)
    model.set_status("operational")
    model.set_rows([*ROWS, capability("C-011", status="operational", reuse=5)], "EUR")
    assert keys(model) == ["C-009", "C-011", "C-100"]
    assert model.total_count() == 5


def test_a_reload_in_the_same_order_updates_in_place(qtbot: Any, model: CapabilityTableModel) -> None:
    changed = [*ROWS[:3], capability("C-100", name="Experiments", reuse=1)]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_rows(changed, "EUR")
    assert cell(model, "C-100", columns.NAME) == "Experiments"
    model.sort(columns.NAME, ASCENDING)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.set_rows(ROWS, "EUR")  # "A/B testing" moves back to the top: a layout change
    assert keys(model)[0] == "C-100"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:3], "EUR")  # one fewer: a reset
    assert model.rowCount() == 3


def test_sorting_moves_persistent_indexes_with_their_rows(model: CapabilityTableModel) -> None:
    kept = QPersistentModelIndex(model.index(model.index_of_key("C-010") or 0, columns.NAME))
    model.sort(columns.COST, DESCENDING)
    assert keys(model)[0] == "C-010"
    assert (kept.row(), kept.column()) == (0, columns.NAME)


def test_names_and_index_of_key(model: CapabilityTableModel) -> None:
    assert sorted(model.names()) == sorted(row.name for row in ROWS)
    assert model.index_of_key("C-009") == 1
    model.set_filter("growth")
    assert model.index_of_key("C-009") is None
    assert model.index_of_key("C-100") == 0
    assert model.row_at(model.index(0, 3)).key == "C-100"
