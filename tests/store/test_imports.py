"""ImportService: an import's changes in one transaction, undone exactly from the backup, redone again."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from align_desktop.domain.readiness import GateBlocked
from align_desktop.domain.validation import ValidationError
from align_desktop.store.backup import take_backup
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.capabilities import CapabilityService
from align_desktop.store.connection import connect
from align_desktop.store.errors import NotFound, WorkspaceError
from align_desktop.store.imports import ImportChanges, ImportService, ItemEdit, app_tables, read_contents
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.workspace import Workspace

pytestmark = pytest.mark.file_only  # an import's undo restores the backup file taken before it


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the workspace, sorted: equal dumps mean equal workspaces.

    The audit trail and the items' versions are compared without their clock times, so that one change
    made twice dumps alike, and who last wrote (`audit_context`, bookkeeping for the trail) is left out.
    """
    connection = connect(path, read_only=True)  # leaves no journal files beside it
    try:
        return {
            table: sorted(connection.execute(f"SELECT {_columns(connection, table)} FROM {table}").fetchall(), key=repr)
            for table in app_tables()
            if table != "audit_context"
        }
    finally:
        connection.close()


def _columns(connection: sqlite3.Connection, table: str) -> str:
    if table == "audit_entry":
        return "id, who, session_id, item_kind, item_key, field, detail, old_value, new_value"
    return ", ".join(row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[1] != "changed_at")


def _changes() -> ImportChanges:
    changes = ImportChanges()
    changes.settings = {"discount_rate": 0.08, "horizon": 4}
    changes.lanes = ["Now", "Next", "Later", "Someday"]
    changes.outcomes = [
        ItemEdit(
            "O-050",
            {
                "name": "Grow basket size",
                "metric": "",
                "baseline": None,
                "target": None,
                "unit": "",
                "owner": "",
                "description": "",
            },
            new=True,
        ),
        ItemEdit("O-001", {"owner": "New owner"}, new=False),
    ]
    new_initiative = {
        "title": "Imported idea",
        "description": "",
        "outcome_key": "O-050",
        "decision_point": "ranking",
        "status": "idea",
        "team": "",
        "owner": "",
        "readiness_data": 1,
        "readiness_model_risk": 1,
        "readiness_monitoring": 1,
        "readiness_compliance": 1,
        "success_criteria": "",
        "acceptable_failure_modes": "",
        "assumptions": "",
        "confidence": 70,
        "lane": "Someday",
    }
    changes.initiatives = [
        ItemEdit("I-100", new_initiative, new=True),
        ItemEdit("I-001", {"title": "Renamed by import", "lane": "Later"}, new=False),
    ]
    changes.needs = [("I-100", "C-001", 3), ("I-001", "C-001", None)]
    changes.cost_lines = [
        ItemEdit("L-500", {"initiative_key": "I-100", "category": "other", "description": "x", "amount_4": 10.0}, True)
    ]
    return changes


def test_apply_makes_every_change_in_one_step_and_undo_restores_exactly(sample_workspace: Workspace) -> None:
    path = sample_workspace.path
    before = dump(path)
    backup = take_backup(path, "before import")

    revert = ImportService(sample_workspace).apply(_changes(), backup)

    contents = read_contents(path)
    assert contents.settings.discount_rate == 0.08
    assert contents.settings.horizon == 4
    assert [lane.name for lane in contents.lanes] == ["Now", "Next", "Later", "Someday"]
    added = next(i for i in contents.initiatives if i.key == "I-100")
    assert added.outcome_key == "O-050"
    assert contents.lanes[-1].id == added.lane_id
    moved = next(i for i in contents.initiatives if i.key == "I-001")
    later = [i for i in contents.initiatives if i.lane_id == contents.lanes[2].id]
    assert later[-1] == moved
    assert moved.title == "Renamed by import"
    assert ("I-001", "C-001") not in {(n.initiative_key, n.capability_key) for n in contents.needs}
    line = next(line for case in contents.cases for line in case.cost_lines if line.key == "L-500")
    assert line.amounts[4] == 10.0
    assert contents.counters["I"] >= 100
    assert contents.counters["L"] >= 500
    assert contents.counters["O"] >= 50

    redo = revert()
    assert dump(path) == before

    redo()
    assert read_contents(path).settings.horizon == 4
    assert next(i for i in read_contents(path).initiatives if i.key == "I-001").title == "Renamed by import"


def test_keys_continue_after_keys_added_by_an_import(sample_workspace: Workspace) -> None:
    ImportService(sample_workspace).apply(_changes(), take_backup(sample_workspace.path, "before import"))
    key, _ = InitiativeService(sample_workspace).create({"title": "Typed in the app"})
    assert key == "I-101"
    line, _ = BusinessCaseService(sample_workspace).add_cost_line("I-001", {"category": "other"})
    assert line == "L-501"


def test_apply_takes_a_backup_when_given_none(sample_workspace: Workspace) -> None:
    revert = ImportService(sample_workspace).apply(ImportChanges(settings={"risk_appetite": 12}))
    backups = list(sample_workspace.path.parent.glob("*.backups/*before import.align"))
    assert len(backups) == 1
    revert()
    assert read_contents(sample_workspace.path).settings.risk_appetite == 9


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        (ImportChanges(outcomes=[ItemEdit("O-001", {"name": "Taken"}, new=True)]), ValidationError),
        (ImportChanges(lanes=["Now"]), ValidationError),
        (
            ImportChanges(initiatives=[ItemEdit("I-001", {"status": "live", "readiness_data": 0}, new=False)]),
            GateBlocked,
        ),
        (
            ImportChanges(risks=[ItemEdit("R-001", {"status": "accepted", "acceptance_rationale": ""}, new=False)]),
            ValidationError,
        ),
        (ImportChanges(capabilities=[ItemEdit("C-002", {"name": "feature STORE"}, new=False)]), ValidationError),
        (ImportChanges(cost_lines=[ItemEdit("L-9999", {"description": "Gone meanwhile"}, new=False)]), NotFound),
    ],
    ids=["key taken", "lane still used", "readiness gate", "accepted risk", "capability name", "cost line gone"],
)
def test_a_refused_change_rolls_back_everything(
    sample_workspace: Workspace, changes: ImportChanges, error: type[Exception]
) -> None:
    names = {c.key: c.name for c in CapabilityService(sample_workspace).catalogue()}
    if "C-002" in str(changes.capabilities):
        changes.capabilities[0].fields["name"] = names["C-001"].upper()
    changes.settings = {"risk_appetite": 3}
    before = dump(sample_workspace.path)
    with pytest.raises(error):
        ImportService(sample_workspace).apply(changes, take_backup(sample_workspace.path, "before import"))
    assert dump(sample_workspace.path) == before


def test_a_business_case_gone_since_the_preview_is_refused_by_its_initiative(sample_workspace: Workspace) -> None:
    with closing(connect(sample_workspace.path)) as connection:  # another window removed it meanwhile
        connection.execute(
            "DELETE FROM business_case WHERE initiative_id = (SELECT id FROM initiative WHERE key = 'I-002')"
        )
    changes = ImportChanges(
        settings={"risk_appetite": 3},
        cases=[ItemEdit("I-001", {"confidence": 0.5}, new=False), ItemEdit("I-002", {"confidence": 0.5}, new=False)],
    )
    before = dump(sample_workspace.path)
    with pytest.raises(NotFound, match="The business case of I-002 does not exist"):
        ImportService(sample_workspace).apply(changes, take_backup(sample_workspace.path, "before import"))
    assert dump(sample_workspace.path) == before


def test_capability_names_may_swap_within_one_import(sample_workspace: Workspace) -> None:
    catalogue = {c.key: c.name for c in CapabilityService(sample_workspace).catalogue()}
    changes = ImportChanges(
        capabilities=[
            ItemEdit("C-001", {"name": catalogue["C-002"]}, new=False),
            ItemEdit("C-002", {"name": catalogue["C-001"]}, new=False),
        ]
    )
    ImportService(sample_workspace).apply(changes, take_backup(sample_workspace.path, "before import"))
    after = {c.key: c.name for c in CapabilityService(sample_workspace).catalogue()}
    assert (after["C-001"], after["C-002"]) == (catalogue["C-002"], catalogue["C-001"])


def test_undoing_an_import_keeps_the_snapshots_taken_since_with_their_sessions(sample_workspace: Workspace) -> None:
    from tests import mock_session as mock

    mock.run_mock_session(sample_workspace, end=False)
    path = sample_workspace.path
    backup = take_backup(path, "before import")
    revert = ImportService(sample_workspace).apply(_changes(), backup)
    SnapshotService(sample_workspace).take("After the import")
    snapshots = dump(path)["snapshot"]
    revert()
    assert dump(path)["snapshot"] == snapshots
    assert [(s.label, s.session_title) for s in SnapshotService(sample_workspace).list()][-2:] == [
        (f"Start of W-001 {mock.TITLE}", mock.TITLE),
        ("After the import", None),
    ]


def test_the_history_records_changes_to_existing_items_not_what_new_ones_are_created_with(
    sample_workspace: Workspace,
) -> None:
    changes = _changes()
    changes.cost_lines.append(
        ItemEdit("L-501", {"initiative_key": "I-002", "category": "other", "description": "y", "amount_1": 5.0}, True)
    )
    ImportService(sample_workspace).apply(changes, take_backup(sample_workspace.path, "before import"))
    with sample_workspace.read() as db:
        recorded = db.execute("SELECT item_key, field, detail, new_value FROM audit_entry ORDER BY id").fetchall()
    assert recorded == [("I-001", "lane", None, "Later"), ("I-002", "cost_line", "L-501", "y")]


def test_undo_needs_the_backup(sample_workspace: Workspace, tmp_path: Path) -> None:
    backup = take_backup(sample_workspace.path, "before import")
    revert = ImportService(sample_workspace).apply(ImportChanges(settings={"risk_appetite": 4}), backup)
    backup.unlink()
    with pytest.raises(WorkspaceError, match="cannot be undone"):
        revert()
    assert read_contents(sample_workspace.path).settings.risk_appetite == 4


def test_contents_of_an_empty_workspace(workspace: Workspace) -> None:
    contents = read_contents(workspace.path)
    assert [lane.name for lane in contents.lanes] == ["Now", "Next", "Later"]
    assert contents.initiatives == [] and contents.benefits == {} and contents.counters == {}
    OutcomeService(workspace).create({"name": "One"})
    assert read_contents(workspace.path).counters == {"O": 1}


def test_cards_changed_and_moved_by_one_import_keep_their_changes_and_reach_the_lane_end_in_workbook_order(
    sample_workspace: Workspace,
) -> None:
    path = sample_workspace.path
    board = InitiativeService(sample_workspace).board()
    later = board.lanes[2]
    first, second = [row.key for row in board.initiatives if row.lane_id != later.id][:2]
    changes = ImportChanges(
        initiatives=[
            ItemEdit(second, {"confidence": 11, "lane": later.name}, new=False),
            ItemEdit(first, {"title": "Retitled by the import", "lane": later.name}, new=False),
        ],
        cases=[
            ItemEdit(first, {"annual_benefit": 123.0}, new=False),
            ItemEdit(second, {"annual_benefit": 7.0}, new=False),
        ],
    )
    ImportService(sample_workspace).apply(changes, take_backup(path, "before import"))

    contents = read_contents(path)
    lane = sorted((i for i in contents.initiatives if i.lane_id == later.id), key=lambda i: i.position)
    assert [i.key for i in lane[-2:]] == [second, first]
    assert [i.position for i in lane] == list(range(len(lane)))
    moved = {i.key: i for i in lane}
    assert (moved[second].confidence, moved[first].title) == (11, "Retitled by the import")
    assert {c.initiative_key: c.annual_benefit for c in contents.cases if c.initiative_key in (first, second)} == {
        first: 123.0,
        second: 7.0,
    }
