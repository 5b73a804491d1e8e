"""Workspaces of every released schema open in this build: backed by fixture files in tests/fixtures."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from align_desktop.store import schema
from align_desktop.store.business_cases import BusinessCaseService
from align_desktop.store.check import check_workspace
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-*-retail.align"))


def test_every_older_schema_has_a_fixture() -> None:
    versions = sorted(int(path.name.split("-")[1]) for path in RELEASED)
    assert versions == list(range(1, schema.SCHEMA_VERSION))


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.name for p in RELEASED])
def test_an_older_workspace_is_migrated_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with closing(sqlite3.connect(path)) as old:
        before = old.execute("SELECT key, title, lane_id, position, status FROM initiative ORDER BY key").fetchall()
    workspace = Workspace.open(path)
    try:
        board = InitiativeService(workspace).board()
        assert [(r.key, r.title, r.lane_id, r.position, r.status) for r in board.initiatives] == sorted(
            before, key=lambda row: (row[2], row[3])
        )
        settings = SettingsService(workspace).get()
        assert (settings.pessimistic_benefit, settings.pessimistic_cost) == (0.7, 1.2)
        assert (settings.optimistic_benefit, settings.optimistic_cost) == (1.2, 0.9)
        assert not any(case.exists for case in BusinessCaseService(workspace).portfolio().cases)
        BusinessCaseService(workspace).set_benefit(before[0][0], {"annual_benefit": 1000})
    finally:
        workspace.close()
    with closing(sqlite3.connect(path)) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert migrated.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.HEAD_REVISION
    assert check_workspace(path) == []


def test_check_reads_the_schema_from_the_journal_not_the_stale_header(tmp_path: Path) -> None:
    path = tmp_path / "old.align"
    shutil.copyfile(RELEASED[0], path)
    with closing(sqlite3.connect(path)) as bystander:
        bystander.execute("SELECT count(*) FROM initiative").fetchone()
        Workspace.open(path).close()  # migrates; the bystander keeps the journal from being folded back
        assert schema.inspect_file(path, for_writing=False) < schema.SCHEMA_VERSION
        assert check_workspace(path) == []
