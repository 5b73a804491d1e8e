"""Capabilities in the store: catalogue and needs undo and redo exactly; bad input stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from align_desktop.domain.matrix import Need
from align_desktop.domain.validation import ValidationError
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.rows import CapabilityRow
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace


@pytest.fixture
def initiatives(workspace: Workspace) -> InitiativeService:
    """I-001 in Next; I-002 and I-003 in Now (board order: I-002, I-003, I-001)."""
    service = InitiativeService(workspace)
    now, next_, _ = (lane.id for lane in SettingsService(workspace).lanes())
    service.create({"title": "Churn score"}, lane_id=next_)
    service.create({"title": "Fraud scoring", "confidence": 80}, lane_id=now)
    service.create({"title": "Size advice"}, lane_id=now)
    return service


@pytest.fixture
def service(workspace: Workspace, initiatives: InitiativeService) -> CapabilityService:
    return CapabilityService(workspace)


def keys(service: CapabilityService) -> list[str]:
    return [row.key for row in service.catalogue()]


def needs(service: CapabilityService) -> set[Need]:
    return set(service.matrix().needs)


def snapshot(service: CapabilityService) -> tuple[list[CapabilityRow], set[Need]]:
    return service.catalogue(), needs(service)


def test_create_fills_defaults_and_counts_no_reuse(service: CapabilityService) -> None:
    key, _ = service.create({"name": " Feature store ", "category": "Feature Store", "annual_run_cost": "210,000"})
    assert key == "C-001"
    row = service.get(key)
    assert (row.name, row.category, row.annual_run_cost) == ("Feature store", "feature store", 210_000)
    assert (row.current_maturity, row.target_maturity, row.status, row.owner, row.reuse) == (1, 3, "proposed", "", 0)


def test_create_undo_and_redo_keep_the_key(service: CapabilityService) -> None:
    service.create({"name": "Batch scoring"})
    before = service.catalogue()
    key, revert = service.create({"name": "Online serving", "current_maturity": 4, "owner": "ML Platform"})
    after = service.catalogue()
    redo = revert()
    assert service.catalogue() == before
    undo = redo()
    assert service.catalogue() == after
    assert service.get(key).owner == "ML Platform"
    undo()
    assert service.catalogue() == before


def test_update_undo_and_redo(service: CapabilityService) -> None:
    key, _ = service.create({"name": "Monitoring", "current_maturity": 2})
    before = service.get(key)
    revert = service.update(key, {"name": "Drift monitoring", "current_maturity": "3", "status": "Building"})
    after = service.get(key)
    assert (after.name, after.current_maturity, after.status) == ("Drift monitoring", 3, "building")
    redo = revert()
    assert service.get(key) == before
    undo = redo()
    assert service.get(key) == after
    undo()
    assert service.get(key) == before


def test_update_of_an_unknown_capability(service: CapabilityService) -> None:
    with pytest.raises(NotFound):
        service.update("C-404", {"owner": "x"})
    with pytest.raises(NotFound):
        service.get("C-404")


@pytest.mark.parametrize("name", ["feature store", "FEATURE STORE", "  Feature Store  "])
def test_a_duplicate_name_in_any_case_is_refused_naming_the_other_key(service: CapabilityService, name: str) -> None:
    service.create({"name": "Batch scoring"})
    service.create({"name": "Feature store"})
    before = service.catalogue()
    with pytest.raises(ValidationError, match=r"Name: '.*' is already the name of C-002"):
        service.create({"name": name})
    with pytest.raises(ValidationError, match=r"is already the name of C-002"):
        service.update("C-001", {"name": name})
    assert service.catalogue() == before
    assert service.create({"name": "Labelling"})[0] == "C-003", "a refused create hands out no key"


def test_names_differing_in_case_beyond_a_to_z_are_duplicates(service: CapabilityService) -> None:
    """SQLite folds only A–Z; the refusal must still be a clear message, not a database error."""
    service.create({"name": "ÜBERSETZUNG"})
    service.create({"name": "Ärger"})
    with pytest.raises(ValidationError, match="already the name of C-001"):
        service.create({"name": "Übersetzung"})
    with pytest.raises(ValidationError, match="already the name of C-002"):
        service.create({"name": "ärger"})
    assert [row.name for row in service.catalogue()] == ["ÜBERSETZUNG", "Ärger"]


def test_renaming_to_its_own_name_in_another_case_is_allowed(service: CapabilityService) -> None:
    key, _ = service.create({"name": "feature store"})
    service.update(key, {"name": "Feature Store"})
    assert service.get(key).name == "Feature Store"


def test_keys_are_never_reused(service: CapabilityService) -> None:
    service.create({"name": "A"})
    _, revert = service.create({"name": "B"})
    revert()
    service.delete("C-001")
    assert service.create({"name": "C"})[0] == "C-003"
    assert keys(service) == ["C-003"]


def test_set_need_set_change_and_clear_with_undo_and_redo(service: CapabilityService) -> None:
    service.create({"name": "Feature store"})
    set_revert = service.set_need("I-001", "C-001", "3")
    assert needs(service) == {Need("I-001", "C-001", 3)}
    assert service.get("C-001").reuse == 1
    change_revert = service.set_need("I-001", "C-001", 5)
    assert needs(service) == {Need("I-001", "C-001", 5)}
    clear_revert = service.set_need("I-001", "C-001", None)
    assert needs(service) == set()
    assert service.get("C-001").reuse == 0

    redo_clear = clear_revert()
    assert needs(service) == {Need("I-001", "C-001", 5)}
    redo_change = change_revert()
    assert needs(service) == {Need("I-001", "C-001", 3)}
    redo_set = set_revert()
    assert needs(service) == set()
    redo_set()
    redo_change()
    assert needs(service) == {Need("I-001", "C-001", 5)}
    redo_clear()
    assert needs(service) == set()


def test_clearing_a_need_that_is_not_there_changes_nothing(service: CapabilityService) -> None:
    service.create({"name": "Feature store"})
    revert = service.set_need("I-002", "C-001", None)
    assert needs(service) == set()
    revert()
    assert needs(service) == set()


def _with_needs(service: CapabilityService) -> None:
    service.create({"name": "Feature store", "current_maturity": 2})
    service.create({"name": "Online serving", "current_maturity": 4})
    service.set_need("I-001", "C-001", 4)
    service.set_need("I-002", "C-001", 2)
    service.set_need("I-002", "C-002", 5)
    service.set_need("I-003", "C-002", 3)


def test_delete_a_capability_takes_its_needs_and_undo_brings_both_back(service: CapabilityService) -> None:
    _with_needs(service)
    before = snapshot(service)
    assert service.get("C-001").reuse == 2, "what the confirmation tells the user"
    revert = service.delete("C-001")
    assert keys(service) == ["C-002"]
    assert needs(service) == {Need("I-002", "C-002", 5), Need("I-003", "C-002", 3)}
    redo = revert()
    assert snapshot(service) == before
    undo = redo()
    assert keys(service) == ["C-002"]
    undo()
    assert snapshot(service) == before


def test_undo_of_a_delete_after_its_row_id_was_taken_keeps_the_key_and_needs(service: CapabilityService) -> None:
    """SQLite hands a deleted row's id to the next capability added, as cost lines know too."""
    service.create({"name": "Batch scoring"})
    service.create({"name": "Feature store"})
    service.set_need("I-001", "C-002", 4)
    revert = service.delete("C-002")
    service.create({"name": "Labelling"})  # C-003 takes C-002's row id
    redo = revert()
    assert keys(service) == ["C-001", "C-002", "C-003"]
    assert needs(service) == {Need("I-001", "C-002", 4)}
    assert [(row.name, row.reuse) for row in service.catalogue()] == [
        ("Batch scoring", 0),
        ("Feature store", 1),
        ("Labelling", 0),
    ]
    redo()
    assert keys(service) == ["C-001", "C-003"]
    assert needs(service) == set()


def test_deleting_an_initiative_removes_its_needs_and_undo_restores_them(
    service: CapabilityService, initiatives: InitiativeService
) -> None:
    _with_needs(service)
    before = snapshot(service)
    revert = initiatives.delete("I-002")
    assert needs(service) == {Need("I-001", "C-001", 4), Need("I-003", "C-002", 3)}
    assert [row.reuse for row in service.catalogue()] == [1, 1]
    revert()
    assert snapshot(service) == before


def test_board_cards_list_exactly_the_shortfalls(service: CapabilityService, initiatives: InitiativeService) -> None:
    _with_needs(service)
    # C-001 at 2: I-001 needs 4 (short), I-002 needs 2 (met); C-002 at 4: I-002 needs 5 (short), I-003 3 (met)
    assert initiatives.board().capability_gaps == {
        "I-001": ["C-001 Feature store: needs level 4, is at 2"],
        "I-002": ["C-002 Online serving: needs level 5, is at 4"],
    }
    service.set_need("I-002", "C-001", 3)
    assert initiatives.board().capability_gaps["I-002"] == [
        "C-001 Feature store: needs level 3, is at 2",
        "C-002 Online serving: needs level 5, is at 4",
    ]
    service.update("C-001", {"current_maturity": 4})
    assert initiatives.board().capability_gaps == {"I-002": ["C-002 Online serving: needs level 5, is at 4"]}
    service.update("C-002", {"name": "Serving"})
    assert initiatives.board().capability_gaps == {"I-002": ["C-002 Serving: needs level 5, is at 4"]}
    service.update("C-002", {"current_maturity": 5})
    assert initiatives.board().capability_gaps == {}


def test_matrix_rows_in_board_order_valued_at_base_risk_adjusted_npv(
    workspace: Workspace, service: CapabilityService, initiatives: InitiativeService
) -> None:
    outcome, _ = OutcomeService(workspace).create({"name": "Cut fraud losses"})
    initiatives.update("I-002", {"outcome_key": outcome})
    cases = BusinessCaseService(workspace)
    # I-002 (confidence 80 %): 50,000 in year 0; 110,000 in year 1 only; r = 10 %
    # NPV = −50,000 + 110,000 / 1.1 = 50,000; risk-adjusted: −50,000 + 0.8 × 110,000 / 1.1 = 30,000
    cases.set_benefit("I-002", {"annual_benefit": 110_000})
    cases.set_adoption("I-002", {1: 1})
    cases.add_cost_line("I-002", {"category": "data engineering"}, {0: 50_000})
    # I-003 (confidence 50 %): costs only, 10,000 in year 0: −10,000 either way
    cases.add_cost_line("I-003", {"category": "other"}, {0: 10_000})
    _with_needs(service)

    matrix = service.matrix()
    assert matrix.currency == "EUR"
    assert [(row.key, row.title, row.lane, row.outcome) for row in matrix.initiatives] == [
        ("I-002", "Fraud scoring", "Now", "Cut fraud losses"),
        ("I-003", "Size advice", "Now", ""),
        ("I-001", "Churn score", "Next", ""),
    ]
    values = [row.value for row in matrix.initiatives]
    assert values == [pytest.approx(30_000), pytest.approx(-10_000), 0.0]
    assert [(row.key, row.reuse) for row in matrix.capabilities] == [("C-001", 2), ("C-002", 2)]
    assert sorted(matrix.needs, key=lambda n: (n.initiative_key, n.capability_key)) == [
        Need("I-001", "C-001", 4),
        Need("I-002", "C-001", 2),
        Need("I-002", "C-002", 5),
        Need("I-003", "C-002", 3),
    ]


def _refusals() -> list[tuple[Callable[[CapabilityService], Any], type[Exception], str]]:
    return [
        (lambda s: s.set_need("I-001", "C-001", 0), ValidationError, "Required level: must be a whole number from 1"),
        (lambda s: s.set_need("I-001", "C-001", 6), ValidationError, "from 1 to 5, not 6"),
        (lambda s: s.set_need("I-001", "C-001", "x"), ValidationError, "'x' is not a whole number"),
        (lambda s: s.set_need("I-001", "C-404", 3), NotFound, "C-404"),
        (lambda s: s.set_need("I-404", "C-001", 3), NotFound, "I-404"),
        (lambda s: s.create({"name": "Serving", "annual_run_cost": -1}), ValidationError, "Annual run cost"),
        (lambda s: s.create({"name": "Serving", "category": "magic"}), ValidationError, "'magic' is not one of"),
        (lambda s: s.create({"name": "Serving", "current_maturity": 6}), ValidationError, "Current maturity"),
        (lambda s: s.create({"name": ""}), ValidationError, "Name: must not be empty"),
        (lambda s: s.create({"name": "Serving", "level": 3}), ValidationError, "not a capability field"),
        (lambda s: s.update("C-001", {"annual_run_cost": "-1"}), ValidationError, "0 or more"),
        (lambda s: s.update("C-001", {"target_maturity": 0}), ValidationError, "Target maturity"),
        (lambda s: s.update("C-001", {"status": "live"}), ValidationError, "'live' is not one of"),
        (lambda s: s.update("C-001", {"name": "  "}), ValidationError, "Name: must not be empty"),
        (lambda s: s.delete("C-404"), NotFound, "C-404"),
    ]


@pytest.mark.parametrize(("action", "error", "message"), _refusals())
def test_bad_input_is_refused_with_nothing_stored(
    service: CapabilityService, action: Callable[[CapabilityService], Any], error: type[Exception], message: str
) -> None:
    service.create({"name": "Feature store", "annual_run_cost": 1000, "current_maturity": 2})
    service.set_need("I-001", "C-001", 4)
    before = snapshot(service)
    with pytest.raises(error, match=message):
        action(service)
    assert snapshot(service) == before
    assert service.create({"name": "Next one"})[0] == "C-002", "no key was used up"
