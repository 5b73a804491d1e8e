"""Business cases in the store: every write undoes and redoes exactly; bad input stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from align_desktop.domain.roi import evaluate
from align_desktop.domain.validation import ValidationError
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.case_rows import BusinessCaseRow, CostLineRow
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.workspace import Workspace

NOTHING = (None,) * 11


@pytest.fixture
def initiatives(workspace: Workspace) -> InitiativeService:
    """I-001 and I-002 on the board, without business cases."""
    service = InitiativeService(workspace)
    service.create({"title": "Demand forecasting"})
    service.create({"title": "Fraud scoring"})
    return service


@pytest.fixture
def service(workspace: Workspace, initiatives: InitiativeService) -> BusinessCaseService:
    return BusinessCaseService(workspace)


def lines(service: BusinessCaseService, initiative_key: str) -> list[str]:
    """Keys of an initiative's cost lines in order, after asserting that positions are dense."""
    rows = service.case(initiative_key).cost_lines
    assert [row.position for row in rows] == list(range(len(rows)))
    return [row.key for row in rows]


def line(service: BusinessCaseService, key: str) -> CostLineRow:
    return next(row for case in service.portfolio().cases for row in case.cost_lines if row.key == key)


def amounts(*values: float | None) -> tuple[float | None, ...]:
    """Amounts for years 0, 1, … with the rest of the eleven years blank."""
    return (*values, *NOTHING[len(values) :])


def test_an_initiative_starts_without_a_case(service: BusinessCaseService) -> None:
    case = service.case("I-001")
    assert not case.exists
    assert (case.annual_benefit, case.benefit_unit, case.adoption, case.cost_lines) == (0, "", NOTHING, ())
    assert [c.initiative_key for c in service.portfolio().cases] == ["I-001", "I-002"]
    assert service.portfolio().settings.horizon == 3


def test_case_of_an_unknown_initiative(service: BusinessCaseService) -> None:
    with pytest.raises(NotFound):
        service.case("I-404")


def test_set_benefit_creates_the_case_and_undo_removes_it(service: BusinessCaseService) -> None:
    pristine = service.case("I-001")
    revert = service.set_benefit("I-001", {"annual_benefit": "250000"})
    case = service.case("I-001")
    assert case.exists
    assert case.annual_benefit == 250_000
    redo = revert()
    assert not service.case("I-001").exists
    assert service.case("I-001") == pristine
    undo = redo()
    assert service.case("I-001") == case
    undo()
    assert not service.case("I-001").exists


def test_set_benefit_on_an_existing_case_undoes_to_the_old_value(service: BusinessCaseService) -> None:
    service.set_benefit("I-001", {"annual_benefit": 100})
    service.set_adoption("I-001", {1: 0.5})
    before = service.case("I-001")
    revert = service.set_benefit("I-001", {"annual_benefit": 200, "benefit_unit": "orders"})
    after = service.case("I-001")
    assert (after.annual_benefit, after.benefit_unit, after.adoption) == (200, "orders", before.adoption)
    redo = revert()
    assert service.case("I-001") == before
    redo()
    assert service.case("I-001") == after


def test_benefit_working_and_typed_benefit(service: BusinessCaseService) -> None:
    service.set_benefit("I-001", {"benefit_baseline": "1,200,000", "benefit_uplift": 0.02})
    assert service.case("I-001").annual_benefit == 0, "the working is not complete yet"
    service.set_benefit("I-001", {"benefit_value_per_unit": 12})
    worked = service.case("I-001")
    # 1,200,000 × 0.02 × 12
    assert worked.annual_benefit == pytest.approx(288_000)
    assert (worked.benefit_baseline, worked.benefit_uplift, worked.benefit_value_per_unit) == (1_200_000, 0.02, 12)
    revert = service.set_benefit("I-001", {"annual_benefit": 300_000})
    typed = service.case("I-001")
    assert typed.annual_benefit == 300_000
    assert (typed.benefit_baseline, typed.benefit_uplift, typed.benefit_value_per_unit) == (None, None, None)
    revert()
    assert service.case("I-001") == worked


def test_set_adoption_and_undo(service: BusinessCaseService) -> None:
    revert = service.set_adoption("I-001", {1: "0,25", 2: 0.75, 3: 1})
    case = service.case("I-001")
    assert case.exists
    assert case.adoption == amounts(None, 0.25, 0.75, 1.0)
    assert case.annual_benefit == 0
    redo = revert()
    assert not service.case("I-001").exists
    redo()
    service.set_benefit("I-001", {"annual_benefit": 10})
    before = service.case("I-001")
    revert = service.set_adoption("I-001", {2: None, 0: 0.1})
    assert service.case("I-001").adoption == amounts(0.1, 0.25, None, 1.0)
    assert service.case("I-001").annual_benefit == 10
    revert()
    assert service.case("I-001") == before


def test_add_cost_lines_keys_and_positions(service: BusinessCaseService) -> None:
    first, _ = service.add_cost_line(
        "I-001", {"category": "Data engineering", "description": "Lakehouse"}, {0: 120_000}
    )
    other, _ = service.add_cost_line("I-002", {})
    second, _ = service.add_cost_line("I-001", {"category": "model training"}, {1: "30,000.00", 2: 30_000})
    assert (first, other, second) == ("L-001", "L-002", "L-003")
    assert lines(service, "I-001") == ["L-001", "L-003"]
    assert lines(service, "I-002") == ["L-002"]
    assert line(service, "L-001") == CostLineRow(
        "L-001", "I-001", 0, "data engineering", "Lakehouse", amounts(120_000.0)
    )
    assert line(service, "L-002") == CostLineRow("L-002", "I-002", 0, "other", "", NOTHING)
    assert line(service, "L-003").amounts == amounts(None, 30_000.0, 30_000.0)
    assert service.case("I-002").exists, "cost lines alone make a case"


def test_add_cost_line_undo_and_redo(service: BusinessCaseService) -> None:
    service.add_cost_line("I-001", {"category": "deployment"}, {0: 1})
    before = service.portfolio()
    key, revert = service.add_cost_line("I-001", {"category": "monitoring", "description": "Drift"}, {1: 10})
    after = service.portfolio()
    redo = revert()
    assert service.portfolio() == before
    undo = redo()
    assert service.portfolio() == after
    assert lines(service, "I-001") == ["L-001", key]
    undo()
    assert service.portfolio() == before


def test_keys_are_never_reused(service: BusinessCaseService) -> None:
    service.add_cost_line("I-001", {})
    service.delete_cost_line(service.add_cost_line("I-001", {})[0])
    assert service.add_cost_line("I-001", {})[0] == "L-003"
    assert lines(service, "I-001") == ["L-001", "L-003"]


def test_redo_after_another_edit_keeps_keys_and_places(service: BusinessCaseService) -> None:
    """A line added after an undo takes the undone line's row id in SQLite; redo must still work."""
    service.add_cost_line("I-001", {"category": "deployment"})
    key, revert = service.add_cost_line("I-001", {"category": "monitoring"}, {1: 10})
    added = line(service, key)
    redo = revert()
    assert lines(service, "I-001") == ["L-001"]
    assert service.add_cost_line("I-001", {})[0] == "L-003", "an undone key is not handed out again"
    undo = redo()
    # the line comes back under its own key and at its own place, before the newer L-003
    assert lines(service, "I-001") == ["L-001", "L-002", "L-003"]
    assert line(service, key) == added
    undo()
    assert lines(service, "I-001") == ["L-001", "L-003"]


def test_undo_of_the_first_line_leaves_no_case(service: BusinessCaseService) -> None:
    _, revert = service.add_cost_line("I-001", {})
    revert()
    assert not service.case("I-001").exists


def test_update_cost_line_and_undo(service: BusinessCaseService) -> None:
    key, _ = service.add_cost_line("I-001", {"category": "monitoring", "description": "Drift"}, {0: 5, 1: 10, 2: 10})
    before = line(service, key)
    revert = service.update_cost_line(
        key, {"category": "incident response", "description": "On-call"}, {1: None, 3: "12.5"}
    )
    after = line(service, key)
    assert (after.category, after.description) == ("incident response", "On-call")
    assert after.amounts == amounts(5.0, None, 10.0, 12.5), "None clears a year"
    redo = revert()
    assert line(service, key) == before
    redo()
    assert line(service, key) == after


def test_update_cost_line_with_nothing_changes_nothing(service: BusinessCaseService) -> None:
    key, _ = service.add_cost_line("I-001", {}, {0: 1})
    before = service.portfolio()
    revert = service.update_cost_line(key)
    service.update_cost_line(key, {}, {})
    assert service.portfolio() == before
    revert()
    assert service.portfolio() == before


def test_update_or_delete_an_unknown_line(service: BusinessCaseService) -> None:
    with pytest.raises(NotFound):
        service.update_cost_line("L-404", amounts={0: 1})
    with pytest.raises(NotFound):
        service.update_cost_line("L-404")
    with pytest.raises(NotFound):
        service.delete_cost_line("L-404")


def test_delete_cost_line_closes_the_gap_and_undo_puts_it_back(service: BusinessCaseService) -> None:
    for category in ("data engineering", "model training", "deployment", "monitoring"):
        service.add_cost_line("I-001", {"category": category}, {0: 1})
    service.add_cost_line("I-002", {}, {1: 2})
    before = service.portfolio()
    revert = service.delete_cost_line("L-002")
    assert lines(service, "I-001") == ["L-001", "L-003", "L-004"]
    assert lines(service, "I-002") == ["L-005"]
    redo = revert()
    assert service.portfolio() == before
    redo()
    assert lines(service, "I-001") == ["L-001", "L-003", "L-004"]
    assert service.add_cost_line("I-001", {})[0] == "L-006"


def test_fill_recurring_from_year_k(service: BusinessCaseService) -> None:
    key, _ = service.add_cost_line("I-001", {"category": "model training"}, {0: 7, 1: 99})
    before = line(service, key)
    revert = service.fill_recurring(key, 2, "30000")
    assert line(service, key).amounts == amounts(7.0, 99.0, 30_000.0, 30_000.0), "years 2 to H = 3"
    redo = revert()
    assert line(service, key) == before
    redo()
    service.fill_recurring(key, 0, 1)
    assert line(service, key).amounts == amounts(1.0, 1.0, 1.0, 1.0)


def test_the_service_case_feeds_the_calculator(workspace: Workspace, service: BusinessCaseService) -> None:
    """The design's worked example, typed in through the services, gives its figures to the cent."""
    InitiativeService(workspace).update("I-001", {"confidence": 80})
    service.set_benefit("I-001", {"annual_benefit": 250_000})
    service.set_adoption("I-001", {1: 0.25, 2: 0.75, 3: 1})
    service.add_cost_line("I-001", {"category": "data engineering"}, {0: 120_000})
    for category, amount in (
        ("model training", 30_000),
        ("deployment", 15_000),
        ("monitoring", 10_000),
        ("incident response", 5_000),
    ):
        key, _ = service.add_cost_line("I-001", {"category": category})
        service.fill_recurring(key, 1, amount)
    portfolio = service.portfolio()
    row = portfolio.cases[0]
    case = row.case(portfolio.settings.horizon)
    assert case.confidence == 0.8
    assert case.adoption == (0.0, 0.25, 0.75, 1.0), "a blank year counts as no adoption"
    figures = evaluate(case, portfolio.settings.horizon, portfolio.settings.discount_rate)
    assert figures.flows.cash_flows == (-120_000.0, 2_500.0, 127_500.0, 190_000.0)
    assert abs(figures.npv - 130_394.44) < 0.005
    assert abs(figures.risk_adjusted_npv - 50_473.33) < 0.005
    assert figures.irr is not None and round(figures.irr * 100, 2) == 47.26
    assert figures.payback is not None and round(figures.payback, 2) == 1.92


def test_row_case_ignores_years_past_the_horizon(service: BusinessCaseService) -> None:
    row = BusinessCaseRow(
        "I-009", "t", 1, "idea", 50, True, 10.0, None, None, None, "", amounts(None, 1.0, 1.0, 1.0, 1.0), ()
    )
    assert row.case(2).adoption == (0.0, 1.0, 1.0)
    assert row.case(2).confidence == 0.5


# --- bad input: refused at the field, nothing stored -------------------------------------------------

Call = Callable[[BusinessCaseService], Any]

BAD_INPUT: list[tuple[str, Call, str]] = [
    ("benefit-text", lambda s: s.set_benefit("I-001", {"annual_benefit": "a lot"}), "Annual benefit at full adoption"),
    ("benefit-negative", lambda s: s.set_benefit("I-001", {"annual_benefit": -1}), "Annual benefit at full adoption"),
    ("benefit-blank", lambda s: s.set_benefit("I-001", {"annual_benefit": ""}), "Annual benefit at full adoption"),
    ("uplift-negative", lambda s: s.set_benefit("I-002", {"benefit_uplift": "-0,02"}), "Uplift"),
    ("unknown-field", lambda s: s.set_benefit("I-001", {"npv": 5}), "npv"),
    ("adoption-over", lambda s: s.set_adoption("I-001", {1: 1.01}), "Adoption year 1"),
    ("adoption-under", lambda s: s.set_adoption("I-001", {1: 0.5, 2: -0.25}), "Adoption year 2"),
    ("adoption-text", lambda s: s.set_adoption("I-002", {3: "most"}), "Adoption year 3"),
    ("adoption-late", lambda s: s.set_adoption("I-001", {4: 0.5}), "Adoption year 4"),
    ("category", lambda s: s.add_cost_line("I-001", {"category": "hardware"}, {0: 1}), "Category"),
    ("add-negative", lambda s: s.add_cost_line("I-001", {}, {0: 5, 1: -5}), "Year 1"),
    ("add-late", lambda s: s.add_cost_line("I-002", {}, {4: 5}), "Year 4"),
    ("add-text", lambda s: s.add_cost_line("I-002", {}, {2: "five"}), "Year 2"),
    ("update-text", lambda s: s.update_cost_line("L-001", amounts={0: "x"}), "Year 0"),
    ("update-negative", lambda s: s.update_cost_line("L-001", {"description": "ok"}, {2: -0.01}), "Year 2"),
    ("update-category", lambda s: s.update_cost_line("L-001", {"category": ""}), "Category"),
    ("update-late", lambda s: s.update_cost_line("L-001", amounts={10: 1}), "Year 10"),
    ("fill-negative", lambda s: s.fill_recurring("L-001", 1, -100), "Amount"),
    ("fill-text", lambda s: s.fill_recurring("L-001", 1, "monthly"), "Amount"),
    ("fill-blank", lambda s: s.fill_recurring("L-001", 1, ""), "Amount"),
    ("fill-year", lambda s: s.fill_recurring("L-001", 4, 100), "Fill from year"),
]


@pytest.mark.parametrize(("call", "field"), [(c, f) for _, c, f in BAD_INPUT], ids=[i for i, _, _ in BAD_INPUT])
def test_bad_input_is_refused_at_the_field_and_nothing_is_stored(
    service: BusinessCaseService, call: Call, field: str
) -> None:
    service.set_benefit("I-001", {"annual_benefit": 1_000})
    service.set_adoption("I-001", {1: 0.5})
    service.add_cost_line("I-001", {"category": "deployment"}, {0: 100, 1: 10})
    before = service.portfolio()
    with pytest.raises(ValidationError) as caught:
        call(service)
    assert caught.value.field == field
    assert caught.value.message
    assert service.portfolio() == before
    assert service.add_cost_line("I-002", {})[0] == "L-002", "a refused line used up no key"


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.set_benefit("I-404", {"annual_benefit": 1}),
        lambda s: s.set_adoption("I-404", {1: 0.5}),
        lambda s: s.add_cost_line("I-404", {}, {0: 1}),
    ],
    ids=["benefit", "adoption", "line"],
)
def test_an_unknown_initiative_stores_nothing(service: BusinessCaseService, call: Call) -> None:
    before = service.portfolio()
    with pytest.raises(NotFound):
        call(service)
    assert service.portfolio() == before
    assert service.add_cost_line("I-001", {})[0] == "L-001"


# --- deleting an initiative ------------------------------------------------------------------------


def test_deleting_an_initiative_removes_its_case_and_undo_restores_it(
    initiatives: InitiativeService, service: BusinessCaseService
) -> None:
    service.set_benefit("I-001", {"annual_benefit": 500, "benefit_unit": "orders"})
    service.set_adoption("I-001", {1: 0.5, 2: 1})
    service.add_cost_line("I-001", {"category": "deployment", "description": "Serving"}, {0: 100})
    service.add_cost_line("I-002", {}, {0: 1})
    service.add_cost_line("I-001", {"category": "monitoring"}, {1: 10, 2: 10})
    before = service.portfolio()
    revert = initiatives.delete("I-001")
    after = service.portfolio()
    assert [case.initiative_key for case in after.cases] == ["I-002"]
    assert lines(service, "I-002") == ["L-002"]
    redo = revert()
    assert service.portfolio() == before, "undoing the delete brings back the benefit, adoption and cost lines"
    assert lines(service, "I-001") == ["L-001", "L-003"]
    redo()
    assert service.portfolio() == after
    assert service.add_cost_line("I-002", {})[0] == "L-004"
