"""Comparing two workspace states: a known pair gives exactly the changes and movement expected."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.compare import (
    BandChange,
    FieldChange,
    ItemChange,
    LaneMove,
    NpvChange,
    ScoreChange,
    compare,
    portfolio_npv,
)
from align_desktop.domain.workspace_state import Item, WorkspaceState, field_label

SETTINGS: dict[str, Any] = {
    "name": "Northwind",
    "currency": "EUR",
    "discount_rate": 0.1,
    "horizon": 3,
    "readiness_gate": 2,
    "risk_appetite": 9,
    "pessimistic_benefit": 0.7,
    "pessimistic_cost": 1.2,
    "optimistic_benefit": 1.2,
    "optimistic_cost": 0.9,
}
INITIATIVE: dict[str, Any] = {
    "title": "Search ranking",
    "lane": "Now",
    "outcome_key": "O-001",
    "decision_point": "ranking",
    "status": "discovery",
    "team": "Search",
    "owner": "Ana",
    "readiness_data": 2,
    "readiness_model_risk": 2,
    "readiness_monitoring": 1,
    "readiness_compliance": 2,
    "success_criteria": "",
    "acceptable_failure_modes": "",
    "assumptions": "",
    "confidence": 80,
}
RISK: dict[str, Any] = {
    "title": "Ranking hides new brands",
    "likelihood": 4,
    "impact": 4,
    "residual_likelihood": 3,
    "residual_impact": 4,
    "status": "open",
    "initiatives": "I-001",
    "capabilities": "",
}
WORKED_EXAMPLE_BENEFIT: dict[str, Any] = {
    "annual_benefit": 250_000.0,
    "adoption_0": None,
    "adoption_1": 0.25,
    "adoption_2": 0.75,
    "adoption_3": 1.0,
}


def state(**kinds: dict[str, Item]) -> WorkspaceState:
    return WorkspaceState({"settings": {"settings 1": Item("", "Northwind", SETTINGS)}, **kinds})


def line(key: str, category: str, amounts: dict[int, float]) -> Item:
    fields = {"initiative_key": "I-001", "category": category, "description": category.capitalize()}
    return Item(key, category.capitalize(), fields | {f"amount_{year}": amounts.get(year) for year in range(11)})


BEFORE = state(
    lane={"lane 1": Item("", "Now", {"name": "Now", "position": 1}), "lane 3": Item("", "Later", {"name": "Later"})},
    outcome={"O-001": Item("O-001", "Convert more visits", {"name": "Convert more visits", "target": 2.6})},
    initiative={"I-001": Item("I-001", "Search ranking", INITIATIVE)},
    capability={"C-001": Item("C-001", "Feature store", {"name": "Feature store", "current_maturity": 2})},
    risk={"R-001": Item("R-001", "Ranking hides new brands", RISK)},
)
AFTER = state(
    lane={
        "lane 1": Item("", "Now", {"name": "Now", "position": 1}),
        "lane 3": Item("", "Later (2028)", {"name": "Later (2028)"}),
    },
    outcome={"O-002": Item("O-002", "Keep first-time buyers", {"name": "Keep first-time buyers"})},
    initiative={
        "I-001": Item(
            "I-001", "Search ranking", INITIATIVE | {"lane": "Later (2028)", "readiness_data": 3, "need:C-001": 3}
        )
    },
    **{
        "business case": {"I-001": Item("I-001", "Search ranking", WORKED_EXAMPLE_BENEFIT)},
        "cost line": {
            "L-001": line("L-001", "data engineering", {0: 120_000.0}),
            "L-002": line("L-002", "model training", dict.fromkeys((1, 2, 3), 60_000.0)),
        },
    },
    capability={"C-001": Item("C-001", "Feature store", {"name": "Feature store", "current_maturity": 3})},
    risk={
        "R-001": Item("R-001", "Ranking hides new brands", RISK | {"residual_likelihood": 2, "capabilities": "C-001"})
    },
)


def test_every_added_removed_and_changed_item_and_field_is_listed_in_kind_and_key_order() -> None:
    comparison = compare(BEFORE, AFTER)

    assert comparison.changes == (
        ItemChange("lane", "", "Later (2028)", "changed", (FieldChange("name", "Name", "Later", "Later (2028)"),)),
        ItemChange("outcome", "O-001", "Convert more visits", "removed"),
        ItemChange("outcome", "O-002", "Keep first-time buyers", "added"),
        ItemChange(
            "initiative",
            "I-001",
            "Search ranking",
            "changed",
            (
                FieldChange("lane", "Lane", "Now", "Later (2028)"),
                FieldChange("readiness_data", "Readiness: data", 2, 3),
                FieldChange("need:C-001", "Needs C-001", None, 3),
            ),
        ),
        ItemChange("business case", "I-001", "Search ranking", "added"),
        ItemChange("cost line", "L-001", "Data engineering", "added"),
        ItemChange("cost line", "L-002", "Model training", "added"),
        ItemChange(
            "capability",
            "C-001",
            "Feature store",
            "changed",
            (FieldChange("current_maturity", "Current maturity", 2, 3),),
        ),
        ItemChange(
            "risk",
            "R-001",
            "Ranking hides new brands",
            "changed",
            (
                FieldChange("residual_likelihood", "Residual likelihood", 3, 2),
                FieldChange("capabilities", "Threatened capabilities", "", "C-001"),
            ),
        ),
    )
    assert (comparison.count("added"), comparison.count("removed"), comparison.count("changed")) == (4, 1, 4)
    assert comparison.currency == "EUR"


def test_movement_lanes_scores_and_risk_bands() -> None:
    comparison = compare(BEFORE, AFTER)

    assert comparison.lane_moves == (LaneMove("I-001", "Search ranking", "Now", "Later (2028)"),)
    assert comparison.score_changes == (
        ScoreChange("initiative", "I-001", "Search ranking", "readiness_data", "Readiness: data", 2, 3),
        ScoreChange("capability", "C-001", "Feature store", "current_maturity", "Current maturity", 2, 3),
        ScoreChange("risk", "R-001", "Ranking hides new brands", "residual_likelihood", "Residual likelihood", 3, 2),
    )
    # inherent 4 × 4 = 16 stays critical; residual 3 × 4 = 12 (high) becomes 2 × 4 = 8 (medium)
    assert comparison.band_changes == (
        BandChange("R-001", "Ranking hides new brands", "residual", 12, 8, "high", "medium"),
    )


def test_portfolio_npv_per_scenario_is_the_roi_arithmetic_of_design_worked_example() -> None:
    comparison = compare(BEFORE, AFTER)

    # DESIGN.md's worked example: CF −120,000; 2,500; 127,500; 190,000 at 10 % → 130,394.44 (base).
    # Pessimistic (benefits × 0.7, costs × 1.2): −144,000; −28,250; 59,250; 103,000.
    # Optimistic (benefits × 1.2, costs × 0.9): −108,000; 21,000; 171,000; 246,000.
    # Risk-adjusted (base): benefits 62,500; 187,500; 250,000 weighted by confidence 80 %, costs
    # 120,000 then 60,000 a year (1/1.1 + 1/1.21 + 1/1.331 = 2.486852).
    assert [change.scenario for change in comparison.npv] == ["pessimistic", "base", "optimistic", "risk-adjusted"]
    assert [change.before for change in comparison.npv] == [0.0, 0.0, 0.0, 0.0]
    assert [change.after for change in comparison.npv] == [
        pytest.approx(-144_000 - 28_250 / 1.1 + 59_250 / 1.21 + 103_000 / 1.331),
        pytest.approx(130_394.44, abs=0.005),
        pytest.approx(-108_000 + 21_000 / 1.1 + 171_000 / 1.21 + 246_000 / 1.331),
        pytest.approx(0.8 * (62_500 / 1.1 + 187_500 / 1.21 + 250_000 / 1.331) - 120_000 - 60_000 * 2.486852),
    ]
    assert comparison.npv[1] == NpvChange("base", 0.0, pytest.approx(130_394.44, abs=0.005))


def test_an_initiative_with_cost_lines_but_no_benefit_row_still_counts_and_blanks_count_as_zero() -> None:
    costs_only = state(
        initiative={"I-001": Item("I-001", "Search ranking", INITIATIVE)},
        **{"cost line": {"L-001": line("L-001", "data engineering", {0: 1_000.0, 2: 121.0})}},
    )

    assert portfolio_npv(costs_only)["base"] == pytest.approx(-1_100.0)


def test_identical_states_have_no_changes_and_equal_npv() -> None:
    comparison = compare(AFTER, AFTER)

    assert (comparison.changes, comparison.lane_moves, comparison.score_changes, comparison.band_changes) == (
        (),
        (),
        (),
        (),
    )
    assert all(change.before == change.after for change in comparison.npv)


def test_a_state_without_settings_has_no_portfolio_value() -> None:
    names = ("pessimistic", "base", "optimistic", "risk-adjusted")
    assert portfolio_npv(WorkspaceState({})) == dict.fromkeys(names, 0.0)


@pytest.mark.parametrize(
    ("kind", "field", "label"),
    [
        ("initiative", "readiness_model_risk", "Readiness: model risk"),
        ("initiative", "need:C-012", "Needs C-012"),
        ("business case", "adoption_2", "Adoption year 2"),
        ("cost line", "amount_0", "Year 0"),
        ("risk", "impact_area", "Business impact area"),
        ("settings", "pessimistic_cost", "Pessimistic costs ×"),
    ],
)
def test_fields_are_labelled_as_their_forms_label_them(kind: str, field: str, label: str) -> None:
    assert field_label(kind, field) == label
