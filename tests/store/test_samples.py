"""Bundled samples: the realistic `retail` portfolio, the deterministic `stress` one, bad documents."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.readiness import ReadinessLevel, gate_failures, readiness_level
from align_desktop.domain.vocabulary import GATED_STATUSES
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.sample_loader import load_document
from align_desktop.store.samples import create_from_sample, list_samples, sample_document
from align_desktop.store.stress import generate
from align_desktop.store.workspace import Workspace


def test_list_samples_has_retail_and_stress_with_descriptions() -> None:
    samples = {sample.name: sample.description for sample in list_samples()}
    assert {"retail", "stress"} <= set(samples)
    assert all(len(description) > 10 for description in samples.values())
    assert "2,000" in samples["stress"]
    assert list_samples()[-1].name == "stress"


def test_unknown_sample_is_refused_listing_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"no sample called 'bank'.*retail.*stress"):
        create_from_sample(tmp_path / "x.align", "bank")
    assert list(tmp_path.iterdir()) == []


def test_retail_is_a_realistic_portfolio(sample_workspace: Workspace) -> None:
    board = InitiativeService(sample_workspace).board()
    assert len(board.outcomes) >= 5
    assert len(board.initiatives) >= 25
    assert {row.lane_id for row in board.initiatives} == {lane.id for lane in board.lanes}
    assert len(board.lanes) == 3
    assert len({row.status for row in board.initiatives}) >= 5
    assert len({row.decision_point for row in board.initiatives}) >= 5
    assert all(row.outcome_key is not None for row in board.initiatives)
    assert all(row.title and row.team and row.owner for row in board.initiatives)
    levels = Counter(readiness_level(row.readiness, board.settings.readiness_gate) for row in board.initiatives)
    assert set(levels) == set(ReadinessLevel)


def test_every_scaling_or_live_retail_initiative_passes_the_gate(sample_workspace: Workspace) -> None:
    board = InitiativeService(sample_workspace).board()
    gated = [row for row in board.initiatives if row.status in GATED_STATUSES]
    assert gated
    for row in gated:
        assert gate_failures(row.readiness, board.settings.readiness_gate) == [], row.key


def test_sample_keys_are_reserved_so_new_items_continue_after_them(sample_workspace: Workspace) -> None:
    initiatives = InitiativeService(sample_workspace)
    outcomes = OutcomeService(sample_workspace)
    highest = max(int(row.key[2:]) for row in initiatives.board().initiatives)
    key, _ = initiatives.create({"title": "Next idea"})
    assert key == f"I-{highest + 1:03d}"
    assert outcomes.create({"name": "Next outcome"})[0] == f"O-{len(outcomes.list()):03d}"


def test_retail_positions_are_dense_per_lane(sample_workspace: Workspace) -> None:
    positions: dict[int, list[int]] = {}
    for row in InitiativeService(sample_workspace).board().initiatives:
        positions.setdefault(row.lane_id, []).append(row.position)
    assert all(p == list(range(len(p))) for p in positions.values())


def test_stress_has_2000_initiatives_and_is_deterministic(stress_path: Path, tmp_path: Path) -> None:
    assert sample_document("stress") == generate(_recipe()) == generate(_recipe())
    again = tmp_path / "again.align"
    create_from_sample(again, "stress").close()
    boards = []
    for path in (stress_path, again):
        workspace = Workspace.open(path)
        try:
            boards.append(InitiativeService(workspace).board())
        finally:
            workspace.close()
    assert len(boards[0].initiatives) == 2000
    assert len(boards[0].outcomes) == 20
    assert boards[0] == boards[1]


def _recipe() -> dict[str, Any]:
    import json
    from importlib import resources

    text = resources.files("align_desktop.sample_workspaces").joinpath("stress.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _document() -> dict[str, Any]:
    return {
        "name": "Tiny",
        "description": "two outcomes, three initiatives",
        "settings": {"currency": "USD", "readiness_gate": 3},
        "lanes": ["Now", "Later"],
        "outcomes": [{"key": "O-001", "name": "Grow"}, {"key": "O-004", "name": "Save"}],
        "initiatives": [
            {"key": "I-001", "title": "A", "outcome": "O-001", "lane": "Now"},
            {"key": "I-002", "title": "B", "outcome": "O-004", "lane": "later", "readiness": {"data": 4}},
            {"key": "I-009", "title": "C", "lane": "Now", "status": "Pilot"},
        ],
    }


def _build(path: Path, document: dict[str, Any]) -> Workspace:
    return Workspace.create(path, document["name"], lambda session: load_document(session, document))


def test_a_good_document_loads(tmp_path: Path) -> None:
    workspace = _build(tmp_path / "tiny.align", _document())
    try:
        board = InitiativeService(workspace).board()
        assert (board.settings.currency, board.settings.readiness_gate) == ("USD", 3)
        assert [lane.name for lane in board.lanes] == ["Now", "Later"]
        assert [(r.key, r.position) for r in board.initiatives] == [("I-001", 0), ("I-009", 1), ("I-002", 0)]
        assert board.initiatives[2].readiness_data == 4
        assert board.initiatives[1].status == "pilot"
        assert InitiativeService(workspace).create({"title": "D"})[0] == "I-010"
        assert OutcomeService(workspace).create({"name": "E"})[0] == "O-005"
    finally:
        workspace.close()


def _set(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("initiatives.1.lane", "Someday"), "I-002: lane 'Someday' is not one of the sample's lanes"),
        (_set("initiatives.0.outcome", "O-002"), "I-001: outcome O-002 does not exist"),
        (_set("initiatives.2.key", "I-001"), "I-001: the key appears twice"),
        (_set("outcomes.1.key", "O-001"), "O-001: the key appears twice"),
        (_set("initiatives.1.readiness", {"data": 7}), "I-002: Data availability: .*0 to 4"),
        (_set("initiatives.0.status", "shipped"), "I-001: Status: 'shipped' is not one of"),
        (_set("initiatives.2.key", "X-3"), "initiatives item 3: key 'X-3' is not of the form I-001"),
        (_set("outcomes.0.baseline", "1,2,3"), "O-001: Baseline: .*not a number"),
        (_set("settings.horizon", 40), "settings: Horizon"),
        (_set("lanes", ["Now", "NOW"]), "a lane name appears twice"),
    ],
)
def test_a_bad_document_is_refused_naming_the_item_and_leaves_no_file(
    tmp_path: Path, change: Any, message: str
) -> None:
    document = copy.deepcopy(_document())
    change(document)
    with pytest.raises(WorkspaceError, match=message):
        _build(tmp_path / "bad.align", document)
    assert list(tmp_path.iterdir()) == []
