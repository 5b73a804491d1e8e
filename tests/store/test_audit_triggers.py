"""The audit trail kept by the workspace's triggers: who changed which watched field, when, in which session."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from align_desktop.store.backup import copy_workspace
from align_desktop.store.business_case_writes import move_line
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.imports import restore_from_backup
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.models import Initiative
from align_desktop.store.workspace import Workspace


def _entries(workspace: Workspace) -> list[tuple[object, ...]]:
    with workspace.read() as db:
        columns = "who, session_id, item_kind, item_key, field, detail, old_value, new_value"
        return db.execute(f"SELECT {columns} FROM audit_entry ORDER BY id").fetchall()


def test_a_lane_move_and_a_status_change_are_recorded_with_the_author(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    lanes = service.board().lanes
    key, _ = service.create({"title": "Churn"}, lane_id=lanes[0].id)
    workspace.author = "Dana"
    revert = service.move(key, lanes[1].id, 0)
    service.update(key, {"status": "discovery", "confidence": 70})
    revert()
    first, *one_update, last = _entries(workspace)
    assert first == ("Dana", None, "initiative", key, "lane", None, lanes[0].name, lanes[1].name)
    assert sorted(one_update) == [  # one UPDATE: its triggers fire in no promised order
        ("Dana", None, "initiative", key, "confidence", None, "50", "70"),
        ("Dana", None, "initiative", key, "status", None, "idea", "discovery"),
    ]
    assert last == ("Dana", None, "initiative", key, "lane", None, lanes[1].name, lanes[0].name)


def test_edits_outside_the_watched_fields_record_nothing(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    service.update(key, {"title": "Churn prediction", "owner": "Sam"})
    assert _entries(workspace) == []


def test_business_case_inputs_are_recorded_field_by_field(workspace: Workspace) -> None:
    key, _ = InitiativeService(workspace).create({"title": "Churn"})
    cases = BusinessCaseService(workspace)
    cases.set_benefit(key, {"annual_benefit": 1000})
    cases.set_benefit(key, {"annual_benefit": 1500})
    recorded = _entries(workspace)
    assert recorded[0][4:] == ("business_case", None, None, "1000.0")
    assert recorded[-1][4:] == ("annual_benefit", None, "1000.0", "1500.0")


def test_the_running_session_is_named(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    with workspace.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO workshop_session (key, title, held_on, started_at, notes) "
            "VALUES ('W-001', 'Q3 planning', '2026-11-26', '2026-11-26 09:00:00', '')"
        )
    service.update(key, {"confidence": 80})
    assert _entries(workspace)[-1][1] == 1


@pytest.mark.file_only  # a copy of the file, restored over it
def test_putting_rows_back_from_a_copy_records_nothing(workspace: Workspace, tmp_path: Path) -> None:
    key, _ = InitiativeService(workspace).create({"title": "Churn"})
    BusinessCaseService(workspace).set_benefit(key, {"annual_benefit": 1000})
    copy = tmp_path / "copy.align"
    copy_workspace(workspace.path, copy)
    BusinessCaseService(workspace).set_benefit(key, {"annual_benefit": 2000})
    before = _entries(workspace)
    path = workspace.path
    workspace.close()
    restore_from_backup(path, copy)
    with closing(sqlite3.connect(path)) as db:
        restored = db.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    assert restored == len(before) - 1  # the copy's trail, without the change made after it


def test_deleting_an_initiative_and_undoing_it_records_nothing(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    key, _ = service.create({"title": "Churn"})
    cases = BusinessCaseService(workspace)
    cases.set_benefit(key, {"annual_benefit": 1000})
    cases.add_cost_line(key, {"category": "model training", "description": "GPU hours"})
    recorded = _entries(workspace)
    service.delete(key)()
    assert _entries(workspace) == recorded
    with workspace.read() as db:
        assert db.execute("SELECT who FROM audit_context").fetchall() == [(workspace.author,)]


def test_a_cost_line_moved_to_another_initiative_leaves_one_and_joins_the_other(workspace: Workspace) -> None:
    service = InitiativeService(workspace)
    first, _ = service.create({"title": "Churn"})
    second, _ = service.create({"title": "Fraud"})
    cases = BusinessCaseService(workspace)
    line, _ = cases.add_cost_line(first, {"category": "model training", "description": "GPU hours"})
    with workspace.write() as session:
        move_line(session, line, session.scalar(select(Initiative.id).where(Initiative.key == second)))
    assert _entries(workspace)[-2:] == [
        (workspace.author, None, "initiative", first, "cost_line", line, "GPU hours", None),
        (workspace.author, None, "initiative", second, "cost_line", line, None, "GPU hours"),
    ]
