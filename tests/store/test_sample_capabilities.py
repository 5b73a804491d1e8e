"""Capabilities in the samples: a believable retail catalogue whose ranking tells a story, 12,000 stress needs."""

from __future__ import annotations

import copy
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.capability import CAPABILITY_STATUSES
from align_desktop.domain.matrix import CapabilityMetrics, capability_metrics, initiative_gaps, ranked
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.rows import MatrixRows
from align_desktop.store.sample_loader import load_document
from align_desktop.store.samples import sample_document
from align_desktop.store.stress import generate
from align_desktop.store.workspace import Workspace


@pytest.fixture
def retail(sample_workspace: Workspace) -> MatrixRows:
    return CapabilityService(sample_workspace).matrix()


def _metrics(matrix: MatrixRows) -> dict[str, CapabilityMetrics]:
    current = {row.key: row.current_maturity for row in matrix.capabilities}
    return capability_metrics(matrix.needs, current, {row.key: row.value for row in matrix.initiatives})


def _lanes(matrix: MatrixRows) -> dict[str, str]:
    return {row.key: row.lane for row in matrix.initiatives}


def test_retail_has_a_believable_catalogue(retail: MatrixRows) -> None:
    catalogue = retail.capabilities
    assert 12 <= len(catalogue) <= 14
    assert [row.key for row in catalogue] == [f"C-{n:03d}" for n in range(1, len(catalogue) + 1)]
    assert len({row.name.casefold() for row in catalogue}) == len(catalogue)
    assert {row.status for row in catalogue} == set(CAPABILITY_STATUSES)
    assert len({row.category for row in catalogue}) >= 7
    for row in catalogue:
        assert row.description and row.owner and row.sla_target and row.performance_metric and row.cost_owner, row.key
        assert 20_000 <= row.annual_run_cost <= 400_000, row.key
        if row.status == "retiring":
            assert row.target_maturity <= row.current_maturity, row.key
        else:
            assert row.target_maturity >= row.current_maturity, row.key
        if row.status == "proposed":
            assert row.current_maturity == 1, row.key
        if row.status == "operational":
            assert row.current_maturity >= 3, row.key


def test_every_retail_initiative_needs_two_to_six_capabilities(retail: MatrixRows) -> None:
    per_initiative = Counter(need.initiative_key for need in retail.needs)
    assert set(per_initiative) == {row.key for row in retail.initiatives}
    assert all(2 <= count <= 6 for count in per_initiative.values()), per_initiative
    reuse = Counter(need.capability_key for need in retail.needs)
    assert {row.key: row.reuse for row in retail.capabilities} == {
        row.key: reuse[row.key] for row in retail.capabilities
    }


def test_retail_gaps_sit_where_a_workshop_expects_them(sample_workspace: Workspace, retail: MatrixRows) -> None:
    current = {row.key: row.current_maturity for row in retail.capabilities}
    gaps = initiative_gaps(retail.needs, current)
    board = InitiativeService(sample_workspace).board()
    statuses = {row.key: row.status for row in board.initiatives}
    lanes = _lanes(retail)
    # what is live or scaling runs on what exists
    assert not [key for key in gaps if statuses[key] in ("live", "scaling")]
    # some Now initiatives need more than the platform has, and their cards say so
    now_gaps = [key for key in gaps if lanes[key] == "Now"]
    assert len(now_gaps) >= 3
    assert set(board.capability_gaps) == set(gaps)
    assert all(len(board.capability_gaps[key]) == len(gaps[key]) for key in gaps)
    # every Later initiative waits for something
    assert all(key in gaps for key, lane in lanes.items() if lane == "Later" and statuses[key] != "retired")


def test_retail_ranking_puts_feature_store_and_monitoring_first(retail: MatrixRows) -> None:
    names = {row.key: row.name for row in retail.capabilities}
    by_gap = ranked(_metrics(retail).values(), "weighted gap")
    assert by_gap[0].weighted_gap > by_gap[1].weighted_gap > by_gap[2].weighted_gap > 0
    assert [names[m.key] for m in by_gap[:2]] == ["Feature store", "Model monitoring and drift detection"]
    # the weighted gap outweighs the raw count of levels missing: vector search misses many, blocks no value
    vector = next(m for m in by_gap if names[m.key].startswith("Vector search"))
    assert vector.levels_missing >= 8
    assert vector.weighted_gap == 0
    by_value = ranked(_metrics(retail).values(), "value unlocked")
    assert names[by_value[0].key] == "Online model serving"
    assert by_value[0].value_unlocked > 4_000_000


def test_new_capabilities_continue_after_the_sample_keys(sample_workspace: Workspace, retail: MatrixRows) -> None:
    key, _ = CapabilityService(sample_workspace).create({"name": "LLM gateway"})
    assert key == f"C-{len(retail.capabilities) + 1:03d}"


def _stress_recipe() -> dict[str, Any]:
    text = resources.files("align_desktop.sample_workspaces").joinpath("stress.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def test_stress_has_300_capabilities_and_about_12000_needs(stress_path: Path) -> None:
    workspace = Workspace.open(stress_path)
    try:
        matrix = CapabilityService(workspace).matrix()
    finally:
        workspace.close()
    assert [row.key for row in matrix.capabilities] == [f"C-{n:03d}" for n in range(1, 301)]
    assert len({row.name.casefold() for row in matrix.capabilities}) == 300
    assert 11_000 <= len(matrix.needs) <= 13_000
    assert len({(n.initiative_key, n.capability_key) for n in matrix.needs}) == len(matrix.needs)
    assert {n.initiative_key for n in matrix.needs} == {row.key for row in matrix.initiatives}
    assert {n.level for n in matrix.needs} == {1, 2, 3, 4, 5}
    reuse = sorted((row.reuse for row in matrix.capabilities), reverse=True)
    assert reuse[0] > 200 > reuse[len(reuse) // 2] > 0, "a few capabilities are needed everywhere"
    assert all(20_000 <= row.annual_run_cost <= 400_000 for row in matrix.capabilities)
    metrics = _metrics(matrix)
    assert sum(m.weighted_gap > 0 for m in metrics.values()) > 100


def test_stress_capabilities_are_deterministic_and_leave_everything_else_alone() -> None:
    recipe = _stress_recipe()
    full = generate(recipe)
    assert full == generate(copy.deepcopy(recipe)) == sample_document("stress")
    without = copy.deepcopy(recipe)
    del without["generator"]["capabilities"], without["generator"]["needs"]
    plain = generate(without)
    assert "capabilities" not in plain
    assert all("needs" not in item for item in plain["initiatives"])
    # initiatives, business cases and cost lines are exactly those without the capabilities
    assert [{k: v for k, v in item.items() if k != "needs"} for item in full["initiatives"]] == plain["initiatives"]
    # (risks lose their capability links without a catalogue: tests/store/test_sample_risks.py)
    assert {k: v for k, v in full.items() if k not in ("capabilities", "initiatives", "risks")} == {
        k: v for k, v in plain.items() if k not in ("initiatives", "risks")
    }
    assert sum(len(item["needs"]) for item in full["initiatives"]) == recipe["generator"]["needs"]


def _document() -> dict[str, Any]:
    return {
        "name": "Capabilities",
        "description": "two capabilities, two initiatives",
        "capabilities": [
            {"key": "C-001", "name": "Feature store", "category": "Feature Store", "current_maturity": 2},
            {
                "key": "C-004",
                "name": "Online serving",
                "category": "model serving",
                "annual_run_cost": "260,000",
                "current_maturity": 4,
                "target_maturity": 5,
                "status": "Operational",
                "owner": "ML Platform",
            },
        ],
        "initiatives": [
            {"key": "I-001", "title": "A", "lane": "Now", "needs": {"C-001": 4, "C-004": "3"}},
            {"key": "I-002", "title": "B", "lane": "Next", "needs": {}},
            {"key": "I-003", "title": "C", "lane": "Later"},
        ],
    }


def _build(path: Path, document: dict[str, Any]) -> Workspace:
    return Workspace.create(path, document["name"], lambda session: load_document(session, document))


def test_a_document_with_capabilities_loads(tmp_path: Path) -> None:
    workspace = _build(tmp_path / "caps.align", _document())
    try:
        service = CapabilityService(workspace)
        catalogue = service.catalogue()
        matrix = service.matrix()
        gaps = InitiativeService(workspace).board().capability_gaps
        next_key, _ = service.create({"name": "Monitoring"})
    finally:
        workspace.close()
    first, second = catalogue
    assert (first.key, first.category, first.status, first.target_maturity, first.annual_run_cost, first.reuse) == (
        "C-001",
        "feature store",
        "proposed",
        3,
        0,
        1,
    )
    assert (second.key, second.annual_run_cost, second.status, second.owner) == (
        "C-004",
        260_000,
        "operational",
        "ML Platform",
    )
    assert sorted((n.initiative_key, n.capability_key, n.level) for n in matrix.needs) == [
        ("I-001", "C-001", 4),
        ("I-001", "C-004", 3),
    ]
    assert gaps == {"I-001": ["C-001 Feature store: needs level 4, is at 2"]}
    assert next_key == "C-005"


def test_gap_notes_go_by_key_number(tmp_path: Path) -> None:
    document = _document()
    document["capabilities"] = [
        {"key": "C-1000", "name": "Serving", "current_maturity": 1},
        {"key": "C-999", "name": "Store", "current_maturity": 1},
    ]
    document["initiatives"][0]["needs"] = {"C-1000": 2, "C-999": 3}
    workspace = _build(tmp_path / "keys.align", document)
    try:
        gaps = InitiativeService(workspace).board().capability_gaps
    finally:
        workspace.close()
    assert gaps == {"I-001": ["C-999 Store: needs level 3, is at 1", "C-1000 Serving: needs level 2, is at 1"]}


def _change(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if isinstance(target, list) else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_change("initiatives.0.needs.C-001", 6), r"I-001 need of C-001: Required level: .*from 1 to 5, not 6"),
        (_change("initiatives.0.needs.C-001", 0), r"I-001 need of C-001: Required level: .*from 1 to 5, not 0"),
        (_change("initiatives.0.needs.C-004", "high"), r"I-001 need of C-004: Required level: 'high' is not a whole"),
        (_change("initiatives.1.needs.C-002", 3), r"I-002: needs 'C-002', which is not one of the sample's capab"),
        (_change("initiatives.2.needs", [["C-001", 3]]), r"I-003: needs must be an object"),
        (_change("capabilities.1.name", "FEATURE STORE"), r"C-004: Name: 'FEATURE STORE' is already the name of C-001"),
        (_change("capabilities.1.annual_run_cost", -1), r"C-004: Annual run cost: must be an amount of 0 or more"),
        (_change("capabilities.1.category", "data lake"), r"C-004: Category: 'data lake' is not one of"),
        (_change("capabilities.0.current_maturity", 7), r"C-001: Current maturity: must be a whole number from 1 to 5"),
        (_change("capabilities.0.status", "live"), r"C-001: Status: 'live' is not one of"),
        (_change("capabilities.0.name", ""), r"C-001: Name: must not be empty"),
        (_change("capabilities.0.maturity", 3), r"C-001: maturity: is not a capability field"),
        (_change("capabilities.0.key", "X-001"), r"capabilities item 1: key 'X-001' is not of the form C-001"),
        (_change("capabilities.1.key", "C-001"), r"C-001: the key appears twice"),
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
