"""ROI settings: discount rate, horizon and scenario multipliers, and what a shorter horizon drops.

Shortening the horizon clears the amounts and adoption entered for the years it drops, in one
transaction; `horizon_cut` says beforehand what that will be, and the revert puts it all back.
"""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.roi import Scenario
from align_desktop.domain.settings import validate_settings
from align_desktop.domain.validation import ValidationError
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.case_queries import HorizonCut
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace


@pytest.fixture
def settings(workspace: Workspace) -> SettingsService:
    return SettingsService(workspace)


@pytest.fixture
def cases(workspace: Workspace, settings: SettingsService) -> BusinessCaseService:
    """A five-year horizon; I-001 with adoption in years 1–5 and two cost lines, I-002 with one."""
    initiatives = InitiativeService(workspace)
    for title in ("Demand forecasting", "Fraud scoring", "No case yet"):
        initiatives.create({"title": title})
    settings.update({"horizon": 5})
    service = BusinessCaseService(workspace)
    service.set_benefit("I-001", {"annual_benefit": 100_000})
    service.set_adoption("I-001", {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1})
    service.add_cost_line("I-001", {"category": "data engineering"}, {0: 50_000, 1: 5_000})
    service.add_cost_line("I-001", {"category": "monitoring"}, dict.fromkeys(range(1, 6), 1_000))
    service.set_adoption("I-002", {3: 0.5})
    service.add_cost_line("I-002", {"category": "deployment"}, {2: 200, 4: 400.5})
    return service


def test_defaults(settings: SettingsService) -> None:
    row = settings.get()
    assert (row.discount_rate, row.horizon) == (0.10, 3)
    assert (row.pessimistic_benefit, row.pessimistic_cost) == (0.7, 1.2)
    assert (row.optimistic_benefit, row.optimistic_cost) == (1.2, 0.9)
    assert row.scenarios == {
        "pessimistic": Scenario("pessimistic", 0.7, 1.2),
        "base": Scenario("base", 1.0, 1.0),
        "optimistic": Scenario("optimistic", 1.2, 0.9),
    }


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"discount_rate": -0.5}, {"discount_rate": -0.5}),
        ({"discount_rate": "-0,99"}, {"discount_rate": -0.99}),
        ({"discount_rate": 0.25}, {"discount_rate": 0.25}),
        ({"horizon": 1}, {"horizon": 1}),
        ({"horizon": " 10 "}, {"horizon": 10}),
        ({"horizon": 4.0}, {"horizon": 4}),
        ({"pessimistic_benefit": 0}, {"pessimistic_benefit": 0.0}),
        ({"pessimistic_cost": "1,5"}, {"pessimistic_cost": 1.5}),
        ({"optimistic_benefit": "2"}, {"optimistic_benefit": 2.0}),
        ({"optimistic_cost": 0.85}, {"optimistic_cost": 0.85}),
    ],
)
def test_valid_roi_settings(changes: dict[str, Any], expected: dict[str, Any]) -> None:
    assert validate_settings(changes) == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"discount_rate": -1}, "Discount rate"),
        ({"discount_rate": "-100"}, "Discount rate"),
        ({"discount_rate": -1.0000001}, "Discount rate"),
        ({"discount_rate": None}, "Discount rate"),
        ({"discount_rate": "10 %"}, "Discount rate"),
        ({"discount_rate": float("nan")}, "Discount rate"),
        ({"horizon": 0}, "Horizon (years)"),
        ({"horizon": 11}, "Horizon (years)"),
        ({"horizon": -3}, "Horizon (years)"),
        ({"horizon": 2.5}, "Horizon (years)"),
        ({"horizon": "three"}, "Horizon (years)"),
        ({"horizon": True}, "Horizon (years)"),
        ({"pessimistic_benefit": -0.1}, "Pessimistic benefits ×"),
        ({"pessimistic_cost": ""}, "Pessimistic costs ×"),
        ({"optimistic_benefit": "much"}, "Optimistic benefits ×"),
        ({"optimistic_cost": -1}, "Optimistic costs ×"),
        ({"horizon": 2, "discount_rate": -1}, "Discount rate"),
    ],
)
def test_bad_roi_settings_are_refused_and_nothing_is_stored(
    settings: SettingsService, cases: BusinessCaseService, changes: dict[str, Any], field: str
) -> None:
    before = cases.portfolio()
    with pytest.raises(ValidationError) as caught:
        settings.update(changes)
    assert caught.value.field == field
    assert caught.value.message
    assert cases.portfolio() == before, "a refused change clears no year either"


def test_multipliers_change_and_undo(settings: SettingsService) -> None:
    before = settings.get()
    revert = settings.update({"pessimistic_benefit": "0,5", "optimistic_cost": 0.8, "discount_rate": 0.07})
    after = settings.get()
    assert after.scenarios["pessimistic"] == Scenario("pessimistic", 0.5, 1.2)
    assert after.scenarios["optimistic"] == Scenario("optimistic", 1.2, 0.8)
    assert after.discount_rate == 0.07
    redo = revert()
    assert settings.get() == before
    redo()
    assert settings.get() == after


def test_horizon_cut_counts_what_a_shorter_horizon_drops(settings: SettingsService, cases: BusinessCaseService) -> None:
    # to 2 years: I-001 monitoring years 3–5 (3 × 1,000), I-002 year 4 (400.5);
    # adoption I-001 years 3–5 and I-002 year 3
    assert settings.horizon_cut(2) == HorizonCut(amounts=4, total=3_400.5, adoption_values=4)
    # to 4 years: monitoring year 5; adoption I-001 year 5
    assert settings.horizon_cut(4) == HorizonCut(amounts=1, total=1_000.0, adoption_values=1)
    # to 1 year: also monitoring year 2 and I-002's 200, and I-001's adoption in year 2
    assert settings.horizon_cut(1) == HorizonCut(amounts=6, total=4_600.5, adoption_values=5)
    assert settings.horizon_cut(2).drops_anything


@pytest.mark.parametrize("horizon", [5, 6, 10])
def test_horizon_cut_at_or_past_the_horizon_drops_nothing(
    settings: SettingsService, cases: BusinessCaseService, horizon: int
) -> None:
    cut = settings.horizon_cut(horizon)
    assert cut == HorizonCut(0, 0.0, 0)
    assert not cut.drops_anything


def test_horizon_cut_of_an_empty_workspace(settings: SettingsService) -> None:
    assert settings.horizon_cut(1) == HorizonCut(0, 0.0, 0)


def later_values(cases: BusinessCaseService, horizon: int) -> list[float]:
    """Every amount and adoption value stored for years after `horizon`."""
    values: list[float] = []
    for case in cases.portfolio().cases:
        values += [a for a in case.adoption[horizon + 1 :] if a is not None]
        for line in case.cost_lines:
            values += [a for a in line.amounts[horizon + 1 :] if a is not None]
    return values


def test_shortening_the_horizon_clears_later_years_and_undo_restores_them(
    settings: SettingsService, cases: BusinessCaseService
) -> None:
    before = cases.portfolio()
    revert = settings.update({"horizon": 2})
    after = cases.portfolio()
    assert after.settings.horizon == 2
    assert later_values(cases, 2) == []
    assert settings.horizon_cut(2) == HorizonCut(0, 0.0, 0)
    first = after.cases[0]
    # years 0–2 are untouched
    assert first.adoption[:3] == (None, 0.2, 0.4)
    assert [line.amounts[:3] for line in first.cost_lines] == [(50_000, 5_000, None), (None, 1_000, 1_000)]
    assert after.cases[1].cost_lines[0].amounts[:3] == (None, None, 200)
    assert (after.cases[0].annual_benefit, after.cases[1].exists, after.cases[2].exists) == (100_000, True, False)

    redo = revert()
    assert cases.portfolio() == before, "values and horizon come back exactly"
    undo = redo()
    assert cases.portfolio() == after, "redo clears them again"
    undo()
    assert cases.portfolio() == before


def test_lengthening_the_horizon_drops_nothing(settings: SettingsService, cases: BusinessCaseService) -> None:
    before = cases.portfolio()
    revert = settings.update({"horizon": 10})
    after = cases.portfolio()
    assert after.settings.horizon == 10
    assert after.cases == before.cases
    revert()
    assert cases.portfolio() == before


def test_the_same_horizon_drops_nothing(settings: SettingsService, cases: BusinessCaseService) -> None:
    before = cases.portfolio()
    settings.update({"horizon": 5, "discount_rate": 0.2})
    assert cases.portfolio().cases == before.cases


def test_shortening_with_other_settings_undoes_as_one_step(
    settings: SettingsService, cases: BusinessCaseService
) -> None:
    before = cases.portfolio()
    revert = settings.update({"horizon": 1, "discount_rate": 0.05, "currency": "usd"})
    after = cases.portfolio()
    assert (after.settings.horizon, after.settings.discount_rate, after.settings.currency) == (1, 0.05, "USD")
    assert later_values(cases, 1) == []
    revert()
    assert cases.portfolio() == before


def test_undo_through_later_edits_restores_the_dropped_years(
    settings: SettingsService, cases: BusinessCaseService
) -> None:
    """Shorten, then edit and delete lines; undoing everything in turn gives back the original case."""
    before = cases.portfolio()
    undo = [settings.update({"horizon": 3})]
    undo.append(cases.add_cost_line("I-002", {"category": "other"}, {3: 9})[1])
    undo.append(cases.update_cost_line("L-002", amounts={1: 2_000}))
    undo.append(cases.delete_cost_line("L-002"))
    undo.append(cases.set_adoption("I-001", {3: 0.9}))
    for revert in reversed(undo):
        revert()
    assert cases.portfolio() == before


def test_a_shorter_horizon_then_refuses_later_years(settings: SettingsService, cases: BusinessCaseService) -> None:
    settings.update({"horizon": 2})
    with pytest.raises(ValidationError) as caught:
        cases.set_adoption("I-001", {3: 0.5})
    assert caught.value.field == "Adoption year 3"
    with pytest.raises(ValidationError) as caught:
        cases.update_cost_line("L-001", amounts={3: 1})
    assert caught.value.field == "Year 3"
    cases.fill_recurring("L-001", 1, 7)
    assert cases.case("I-001").cost_lines[0].amounts[:4] == (50_000, 7, 7, None)
