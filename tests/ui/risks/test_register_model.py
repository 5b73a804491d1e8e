"""The register's table model: Qt's model contract, texts, band and mark roles, sorting and filtering in Python."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from align_desktop.store.board_rows import SettingsRow
from align_desktop.store.rows import RegisterRows, RiskRow
from align_desktop.ui.risks import display
from align_desktop.ui.risks.filters import NO_OWNER, HeatCell, RegisterFilter
from align_desktop.ui.risks.model import ABOVE_APPETITE_ROLE, BAND_ROLE, OVERDUE_ROLE, RegisterModel
from align_desktop.ui.risks.style import ABOVE_APPETITE_BACKGROUND, BAND_BACKGROUNDS

ASCENDING = Qt.SortOrder.AscendingOrder
DESCENDING = Qt.SortOrder.DescendingOrder
TODAY = date(2026, 6, 1)
SETTINGS = SettingsRow("Test", "EUR", 0.1, 3, 2, 0.7, 1.2, 1.2, 0.9, risk_appetite=9)


def risk(key: str, **fields: Any) -> RiskRow:
    values: dict[str, Any] = {
        "title": f"Risk {key}",
        "description": "",
        "category": "model risk",
        "impact_area": "revenue",
        "likelihood": 3,
        "impact": 3,
        "residual_likelihood": 2,
        "residual_impact": 2,
        "treatment": "mitigate",
        "mitigation_plan": "",
        "trigger": "",
        "owner": "",
        "status": "open",
        "review_date": None,
        "acceptance_rationale": "",
        "acceptance_expiry": None,
        "initiative_keys": (),
        "capability_keys": (),
    }
    return RiskRow(key=key, **(values | fields))


RISKS = [
    risk(
        "R-009",
        title="Bias in credit-style scoring",
        description="If thin-file customers are declined, then trust suffers",
        category="data bias",
        likelihood=4,
        impact=5,
        residual_likelihood=2,
        residual_impact=2,
        owner="Katarzyna Nowak",
        status="mitigating",
        review_date=date(2026, 5, 31),
        initiative_keys=("I-001", "I-002"),
        capability_keys=("C-003",),
    ),
    risk(
        "R-010",
        title="Privacy in personalisation",
        category="privacy",
        likelihood=2,
        impact=2,
        residual_likelihood=3,
        residual_impact=4,
        owner="miriam adler",
        review_date=date(2026, 6, 1),
        initiative_keys=("I-003",),
    ),
    risk(
        "R-1000",
        title="drift in forecasting",
        likelihood=5,
        impact=5,
        residual_likelihood=4,
        residual_impact=4,
        owner="Miriam Adler",
        status="closed",
        review_date=date(2025, 1, 1),
    ),
    risk("R-002", title="Assistant invents policies", category="reputational", likelihood=1, impact=4),
]
VALUES = {"R-009": 1_250_000.0, "R-010": 80_000.0, "R-1000": 0.0, "R-002": 0.0}


@pytest.fixture
def model(qapp: Any) -> RegisterModel:
    model = RegisterModel()
    model.set_register(RegisterRows(SETTINGS, RISKS, VALUES, [], []), TODAY)
    return model


def keys(model: RegisterModel) -> list[str]:
    return [model.row_at(row).key for row in range(model.rowCount())]


def data(model: RegisterModel, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    row = model.index_of_key(key)
    assert row is not None
    return model.data(model.index(row, column), role)


def test_model_contract(qtmodeltester: Any, model: RegisterModel) -> None:
    qtmodeltester.check(model)
    model.set_filter(RegisterFilter(words=("privacy",)))
    qtmodeltester.check(model)


def test_empty_model_keeps_the_contract(qtmodeltester: Any, qapp: Any) -> None:
    qtmodeltester.check(RegisterModel())


def test_texts(model: RegisterModel) -> None:
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 9, 12, 13)] == [
        "Key",
        "Inherent",
        "Residual",
        "Value at risk",
    ]
    assert data(model, "R-009", display.CATEGORY) == "Data bias"
    assert data(model, "R-009", display.INHERENT) == "20 critical"
    assert data(model, "R-009", display.RESIDUAL) == "4 low"
    assert data(model, "R-009", display.VALUE_AT_RISK) == "EUR 1.25M"
    assert data(model, "R-009", display.LINKS) == "2 · 1"
    assert data(model, "R-002", display.LINKS) == ""
    assert data(model, "R-009", display.REVIEW) == "2026-05-31 overdue"
    assert data(model, "R-010", display.REVIEW) == "2026-06-01"  # due today is not overdue
    assert data(model, "R-002", display.REVIEW) == ""
    assert data(model, "R-010", display.RESIDUAL) == "⚠ 12 high"
    assert data(model, "R-009", display.LIKELIHOOD, Qt.ItemDataRole.EditRole) == 4
    assert data(model, "R-009", display.REVIEW, Qt.ItemDataRole.EditRole) == "2026-05-31"


def test_band_role_and_colours(model: RegisterModel) -> None:
    assert data(model, "R-009", display.INHERENT, BAND_ROLE) == "critical"
    assert data(model, "R-009", display.RESIDUAL, BAND_ROLE) == "low"
    assert data(model, "R-002", display.INHERENT, BAND_ROLE) == "low"
    assert data(model, "R-010", display.RESIDUAL, BAND_ROLE) == "high"
    assert data(model, "R-009", display.TITLE, BAND_ROLE) is None
    background = Qt.ItemDataRole.BackgroundRole
    assert data(model, "R-009", display.INHERENT, background) == BAND_BACKGROUNDS["critical"]
    assert data(model, "R-009", display.RESIDUAL, background) == BAND_BACKGROUNDS["low"]
    assert data(model, "R-010", display.RESIDUAL, background) == ABOVE_APPETITE_BACKGROUND


def test_above_appetite_role_leaves_closed_risks_unmarked(model: RegisterModel) -> None:
    assert data(model, "R-010", display.RESIDUAL, ABOVE_APPETITE_ROLE) is True  # 12 > 9
    assert data(model, "R-009", display.RESIDUAL, ABOVE_APPETITE_ROLE) is False
    assert data(model, "R-1000", display.RESIDUAL, ABOVE_APPETITE_ROLE) is False  # 16, but closed
    assert data(model, "R-1000", display.RESIDUAL) == "16 critical"
    assert data(model, "R-010", display.RESIDUAL, Qt.ItemDataRole.FontRole).bold()
    assert "Above the risk appetite of 9" in data(model, "R-010", display.RESIDUAL, Qt.ItemDataRole.ToolTipRole)


def test_overdue_role_uses_the_given_today(model: RegisterModel) -> None:
    assert data(model, "R-009", display.REVIEW, OVERDUE_ROLE) is True
    assert data(model, "R-010", display.REVIEW, OVERDUE_ROLE) is False
    assert data(model, "R-1000", display.REVIEW, OVERDUE_ROLE) is False  # closed
    assert data(model, "R-002", display.REVIEW, OVERDUE_ROLE) is False  # no date
    assert data(model, "R-009", display.REVIEW, Qt.ItemDataRole.FontRole).bold()
    later = RegisterModel()
    later.set_register(RegisterRows(SETTINGS, RISKS, VALUES, [], []), date(2026, 6, 2))
    assert data(later, "R-010", display.REVIEW, OVERDUE_ROLE) is True


def test_opens_ordered_by_value_at_risk_then_residual_score(model: RegisterModel) -> None:
    assert keys(model) == ["R-009", "R-010", "R-1000", "R-002"]
    model.sort(display.VALUE_AT_RISK, ASCENDING)
    assert keys(model) == ["R-002", "R-1000", "R-010", "R-009"]


def test_keys_sort_naturally(model: RegisterModel) -> None:
    model.sort(display.KEY, ASCENDING)
    assert keys(model) == ["R-002", "R-009", "R-010", "R-1000"]
    model.sort(display.KEY, DESCENDING)
    assert keys(model) == ["R-1000", "R-010", "R-009", "R-002"]


def test_scores_sort_as_numbers(model: RegisterModel) -> None:
    model.sort(display.INHERENT, ASCENDING)  # 4, 4, 20, 25 (as text, "20" < "4"); ties in key order
    assert keys(model) == ["R-002", "R-010", "R-009", "R-1000"]
    model.sort(display.RESIDUAL, DESCENDING)
    assert keys(model) == ["R-1000", "R-010", "R-002", "R-009"]
    model.sort(display.LIKELIHOOD, ASCENDING)
    assert keys(model) == ["R-002", "R-010", "R-009", "R-1000"]
    model.sort(display.LINKS, DESCENDING)
    assert keys(model)[:2] == ["R-009", "R-010"]


def test_dates_sort_by_the_calendar_with_blanks_last(model: RegisterModel) -> None:
    model.sort(display.REVIEW, ASCENDING)
    assert keys(model) == ["R-1000", "R-009", "R-010", "R-002"]
    model.sort(display.REVIEW, DESCENDING)
    assert keys(model) == ["R-010", "R-009", "R-1000", "R-002"]


def test_text_sorts_ignore_case_and_blank_owners_go_last(model: RegisterModel) -> None:
    model.sort(display.TITLE, ASCENDING)
    assert keys(model) == ["R-002", "R-009", "R-1000", "R-010"]
    model.sort(display.OWNER, DESCENDING)
    assert keys(model) == ["R-010", "R-1000", "R-009", "R-002"]


def test_sorting_keeps_persistent_indexes_on_their_risk(model: RegisterModel) -> None:
    index = QPersistentModelIndex(model.index(model.index_of_key("R-010") or 0, display.TITLE))
    model.sort(display.KEY, DESCENDING)
    assert model.row_at(index.row()).key == "R-010"


@pytest.mark.parametrize(
    ("register_filter", "expected"),
    [
        (RegisterFilter(words=("miriam",)), ["R-010", "R-1000"]),
        (RegisterFilter(words=("thin-file",)), ["R-009"]),  # description
        (RegisterFilter(words=("r-00",)), ["R-009", "R-002"]),  # key
        (RegisterFilter(words=("drift", "forecasting")), ["R-1000"]),
        (RegisterFilter(category="privacy"), ["R-010"]),
        (RegisterFilter(band="low"), ["R-009", "R-002"]),  # residual band
        (RegisterFilter(band="critical"), ["R-1000"]),
        (RegisterFilter(owner="MIRIAM ADLER"), ["R-010", "R-1000"]),
        (RegisterFilter(owner=NO_OWNER), ["R-002"]),
        (RegisterFilter(status="closed"), ["R-1000"]),
        (RegisterFilter(overdue=True), ["R-009"]),
        (RegisterFilter(above_appetite=True), ["R-010"]),
        (RegisterFilter(cell=HeatCell(False, 4, 5)), ["R-009"]),
        (RegisterFilter(cell=HeatCell(True, 2, 2)), ["R-009", "R-002"]),
        (RegisterFilter(cell=HeatCell(True, 4, 4)), []),  # R-1000 is closed: not on the maps
        (RegisterFilter(owner="Miriam Adler", band="high"), ["R-010"]),
    ],
)
def test_filters(model: RegisterModel, register_filter: RegisterFilter, expected: list[str]) -> None:
    model.set_filter(register_filter)
    assert keys(model) == expected
    assert model.total_count() == 4
    model.set_filter(RegisterFilter())
    assert model.rowCount() == 4


def test_reload_in_the_same_order_updates_in_place(model: RegisterModel, qtbot: Any) -> None:
    changed = [risk("R-009", title="Renamed", likelihood=4, impact=5), *RISKS[1:]]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_register(RegisterRows(SETTINGS, changed, VALUES, [], []), TODAY)
    assert data(model, "R-009", display.TITLE) == "Renamed"


def test_only_simple_fields_are_editable(model: RegisterModel) -> None:
    editable = [c for c in range(model.columnCount()) if model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable]
    assert [display.COLUMNS[c].field for c in editable] == [
        "title",
        "category",
        "impact_area",
        "owner",
        "status",
        "treatment",
        "likelihood",
        "impact",
        "residual_likelihood",
        "residual_impact",
        "review_date",
    ]
    assert not model.setData(model.index(0, display.INHERENT), 12)  # no committer, not editable
