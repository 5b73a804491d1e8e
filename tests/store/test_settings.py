"""Workspace settings and the lane list: validation, changes, and undo that restores ids and names."""

from __future__ import annotations

from typing import Any

import pytest

from align_desktop.domain.settings import validate_settings
from align_desktop.domain.validation import ValidationError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace


@pytest.fixture
def settings(workspace: Workspace) -> SettingsService:
    return SettingsService(workspace)


def lanes(settings: SettingsService) -> list[tuple[int, str]]:
    rows = settings.lanes()
    assert [row.position for row in rows] == list(range(len(rows)))
    return [(row.id, row.name) for row in rows]


def test_defaults(settings: SettingsService) -> None:
    row = settings.get()
    assert (row.currency, row.discount_rate, row.horizon, row.readiness_gate) == ("EUR", 0.10, 3, 2)
    assert [name for _, name in lanes(settings)] == ["Now", "Next", "Later"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"currency": " usd "}, {"currency": "USD"}),
        ({"discount_rate": "0,08"}, {"discount_rate": 0.08}),
        ({"discount_rate": -0.5}, {"discount_rate": -0.5}),
        ({"discount_rate": 0}, {"discount_rate": 0.0}),
        ({"horizon": "10"}, {"horizon": 10}),
        ({"horizon": 1}, {"horizon": 1}),
        ({"readiness_gate": 0}, {"readiness_gate": 0}),
        ({"readiness_gate": "4"}, {"readiness_gate": 4}),
        ({"name": " Q3 plan "}, {"name": "Q3 plan"}),
    ],
)
def test_valid_settings_are_cleaned(changes: dict[str, Any], expected: dict[str, Any]) -> None:
    assert validate_settings(changes) == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"currency": "EURO"}, "Currency"),
        ({"currency": "E1"}, "Currency"),
        ({"currency": "€"}, "Currency"),
        ({"currency": ""}, "Currency"),
        ({"readiness_gate": 5}, "Readiness gate"),
        ({"readiness_gate": -1}, "Readiness gate"),
        ({"horizon": 0}, "Horizon (years)"),
        ({"horizon": 11}, "Horizon (years)"),
        ({"discount_rate": -1}, "Discount rate"),
        ({"discount_rate": "-1,5"}, "Discount rate"),
        ({"discount_rate": ""}, "Discount rate"),
        ({"discount_rate": "ten"}, "Discount rate"),
        ({"name": ""}, "Workspace name"),
        ({"created_at": "2020"}, "created_at"),
    ],
)
def test_invalid_settings_are_refused(settings: SettingsService, changes: dict[str, Any], field: str) -> None:
    before = settings.get()
    with pytest.raises(ValidationError) as caught:
        settings.update(changes)
    assert caught.value.field == field
    assert settings.get() == before


def test_update_and_undo_redo(settings: SettingsService) -> None:
    before = settings.get()
    revert = settings.update({"currency": "gbp", "horizon": 5, "discount_rate": "0,12"})
    after = settings.get()
    assert (after.currency, after.horizon, after.discount_rate) == ("GBP", 5, 0.12)
    redo = revert()
    assert settings.get() == before
    redo()
    assert settings.get() == after


def test_rename_reorder_and_add_lanes_then_undo(settings: SettingsService) -> None:
    (now, _), (nxt, _), (later, _) = before = lanes(settings)
    revert = settings.set_lanes([(later, "Later"), (now, "Q1"), (None, "Q2"), (nxt, "Next")])
    after = lanes(settings)
    assert [name for _, name in after] == ["Later", "Q1", "Q2", "Next"]
    assert [lane_id for lane_id, _ in after][:2] == [later, now]
    redo = revert()
    assert lanes(settings) == before
    redo()
    assert lanes(settings) == after


def test_remove_an_empty_lane_and_undo_brings_back_its_id(workspace: Workspace, settings: SettingsService) -> None:
    (now, _), (nxt, _), (later, _) = before = lanes(settings)
    InitiativeService(workspace).create({"title": "stays"}, lane_id=now)
    revert = settings.set_lanes([(now, "Now"), (later, "Later")])
    assert lanes(settings) == [(now, "Now"), (later, "Later")]
    redo = revert()
    assert lanes(settings) == before
    InitiativeService(workspace).create({"title": "in Next again"}, lane_id=nxt)
    assert InitiativeService(workspace).get("I-002").lane_id == nxt
    with pytest.raises(ValidationError):
        redo()


def test_removing_a_lane_with_initiatives_is_refused_naming_it(workspace: Workspace, settings: SettingsService) -> None:
    (now, _), (nxt, _), (later, _) = before = lanes(settings)
    service = InitiativeService(workspace)
    service.create({"title": "a"}, lane_id=nxt)
    service.create({"title": "b"}, lane_id=nxt)
    with pytest.raises(ValidationError, match="still holds 2 initiative") as caught:
        settings.set_lanes([(now, "Now"), (later, "Later"), (None, "Icebox")])
    assert caught.value.field == "Lane 'Next'"
    assert lanes(settings) == before


@pytest.mark.parametrize(
    "names",
    [["Now", "Next", "now"], ["Q1", " Q1 "], ["Later", "LATER", "Now"]],
    ids=["case", "spaces", "upper"],
)
def test_duplicate_names_are_refused_ignoring_case(settings: SettingsService, names: list[str]) -> None:
    before = lanes(settings)
    ids: list[int | None] = [lane_id for lane_id, _ in before]
    with pytest.raises(ValidationError, match="appears twice"):
        settings.set_lanes(list(zip([*ids, None], names, strict=False)))
    assert lanes(settings) == before


@pytest.mark.parametrize("new", [[], [(None, "  ")], [(None, "x" * 61)]], ids=["none", "blank", "long"])
def test_the_board_needs_at_least_one_named_lane(settings: SettingsService, new: list[tuple[int | None, str]]) -> None:
    before = lanes(settings)
    with pytest.raises(ValidationError):
        settings.set_lanes(new)
    assert lanes(settings) == before


def test_swapping_two_names_works_and_undoes(workspace: Workspace, settings: SettingsService) -> None:
    (now, _), (nxt, _), (later, _) = before = lanes(settings)
    InitiativeService(workspace).create({"title": "pinned to its lane id"}, lane_id=now)
    revert = settings.set_lanes([(now, "Next"), (nxt, "Now"), (later, "Later")])
    assert lanes(settings) == [(now, "Next"), (nxt, "Now"), (later, "Later")]
    assert InitiativeService(workspace).get("I-001").lane_id == now
    redo = revert()
    assert lanes(settings) == before
    redo()
    assert lanes(settings) == [(now, "Next"), (nxt, "Now"), (later, "Later")]


def test_lane_names_are_stripped_and_cards_follow_their_lane(workspace: Workspace, settings: SettingsService) -> None:
    (now, _), (nxt, _), (later, _) = lanes(settings)
    service = InitiativeService(workspace)
    service.create({"title": "a"}, lane_id=later)
    settings.set_lanes([(later, "  2027 Q1 "), (now, "Now"), (nxt, "Next")])
    board = service.board()
    assert [lane.name for lane in board.lanes] == ["2027 Q1", "Now", "Next"]
    assert board.initiatives[0].lane_id == later
