"""Outcomes: create, edit, delete (refused while an initiative uses one), each undoable."""

from __future__ import annotations

import pytest

from align_desktop.domain.outcome import validate_outcome
from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import NotFound
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.workspace import Workspace


@pytest.fixture
def outcomes(workspace: Workspace) -> OutcomeService:
    return OutcomeService(workspace)


CONVERSION = {
    "name": "Convert more visits",
    "metric": "Conversion rate",
    "baseline": "2,1",
    "target": 2.6,
    "unit": "%",
    "owner": "Hannah",
}


def test_create_assigns_keys_and_cleans_fields(outcomes: OutcomeService) -> None:
    first, _ = outcomes.create(CONVERSION)
    second, _ = outcomes.create({"name": " Fewer returns "})
    assert (first, second) == ("O-001", "O-002")
    rows = {row.key: row for row in outcomes.list()}
    assert rows["O-001"].baseline == 2.1
    assert rows["O-001"].target == 2.6
    assert rows["O-002"].name == "Fewer returns"
    assert (rows["O-002"].baseline, rows["O-002"].metric, rows["O-002"].initiative_count) == (None, "", 0)


def test_create_refuses_bad_fields_and_spends_no_key(outcomes: OutcomeService) -> None:
    for fields in ({"metric": "no name"}, {"name": "x", "baseline": "1.2.3"}, {"name": "x", "colour": "red"}):
        with pytest.raises(ValidationError):
            outcomes.create(fields)
    assert outcomes.list() == []
    assert outcomes.create({"name": "ok"})[0] == "O-001"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "Name"),
        ({"name": "n" * 201}, "Name"),
        ({"unit": "u" * 41}, "Unit"),
        ({"target": "lots"}, "Target"),
        ({"baseline": float("nan")}, "Baseline"),
        ({"key": "O-009"}, "key"),
    ],
)
def test_validate_outcome_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_outcome(changes)
    assert caught.value.field == field


def test_list_is_in_key_order_and_counts_initiatives(workspace: Workspace, outcomes: OutcomeService) -> None:
    for n in range(12):
        outcomes.create({"name": f"Outcome {n}"})
    initiatives = InitiativeService(workspace)
    initiatives.create({"title": "a", "outcome_key": "O-010"})
    initiatives.create({"title": "b", "outcome_key": "O-010"})
    initiatives.create({"title": "c", "outcome_key": "O-002"})
    rows = outcomes.list()
    assert [row.key for row in rows][8:] == ["O-009", "O-010", "O-011", "O-012"]
    assert {row.key: row.initiative_count for row in rows if row.initiative_count} == {"O-010": 2, "O-002": 1}


def test_update_and_undo_redo(outcomes: OutcomeService) -> None:
    key, _ = outcomes.create(CONVERSION)
    revert = outcomes.update(key, {"target": "2,8", "owner": "Rasmus", "baseline": ""})
    row = outcomes.list()[0]
    assert (row.target, row.owner, row.baseline) == (2.8, "Rasmus", None)
    redo = revert()
    row = outcomes.list()[0]
    assert (row.target, row.owner, row.baseline) == (2.6, "Hannah", 2.1)
    redo()
    assert outcomes.list()[0].target == 2.8


def test_update_refuses_a_missing_key_and_bad_values(outcomes: OutcomeService) -> None:
    key, _ = outcomes.create(CONVERSION)
    with pytest.raises(NotFound):
        outcomes.update("O-404", {"name": "x"})
    with pytest.raises(ValidationError):
        outcomes.update(key, {"name": "  "})
    assert outcomes.list()[0].name == "Convert more visits"


def test_delete_and_undo_restore_the_same_outcome(outcomes: OutcomeService) -> None:
    key, _ = outcomes.create(CONVERSION)
    before = outcomes.list()
    revert = outcomes.delete(key)
    assert outcomes.list() == []
    redo = revert()
    assert outcomes.list() == before
    redo()
    assert outcomes.list() == []
    assert outcomes.create({"name": "next"})[0] == "O-002"


def test_create_undo_and_redo(outcomes: OutcomeService) -> None:
    key, revert = outcomes.create(CONVERSION)
    before = outcomes.list()
    redo = revert()
    assert outcomes.list() == []
    redo()
    assert outcomes.list() == before
    assert outcomes.list()[0].key == key


def test_delete_is_refused_while_an_initiative_uses_it(workspace: Workspace, outcomes: OutcomeService) -> None:
    key, _ = outcomes.create(CONVERSION)
    initiatives = InitiativeService(workspace)
    initiatives.create({"title": "Search ranking", "outcome_key": key})
    with pytest.raises(ValidationError, match="outcome of 1 initiative") as caught:
        outcomes.delete(key)
    assert caught.value.field == key
    assert [row.key for row in outcomes.list()] == [key]
    initiatives.update("I-001", {"outcome_key": None})
    outcomes.delete(key)
    assert outcomes.list() == []


def test_restored_outcome_keeps_initiatives_tied_to_it_after_undo_chain(
    workspace: Workspace, outcomes: OutcomeService
) -> None:
    key, _ = outcomes.create(CONVERSION)
    initiatives = InitiativeService(workspace)
    initiatives.create({"title": "Search ranking", "outcome_key": key})
    untie = initiatives.update("I-001", {"outcome_key": None})
    restore = outcomes.delete(key)
    restore()
    untie()
    assert initiatives.get("I-001").outcome_name == "Convert more visits"
