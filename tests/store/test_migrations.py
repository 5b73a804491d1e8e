"""Workspaces of every released schema open in this build: backed by fixture files in tests/fixtures."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from align_desktop.store import schema
from align_desktop.store.backup import list_backups
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


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the app, by table, in a stable order."""
    with closing(sqlite3.connect(path)) as db:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if name != "alembic_version"
        ]
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in tables}


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.name for p in RELEASED])
def test_an_older_workspace_opens_upgraded_and_takes_edits(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    workspace = Workspace.open(path)
    try:
        key = InitiativeService(workspace).board().initiatives[0].key
        BusinessCaseService(workspace).set_benefit(key, {"annual_benefit": 1000})
        assert BusinessCaseService(workspace).case(key).annual_benefit == 1000
        assert SettingsService(workspace).get().pessimistic_benefit == 0.7
    finally:
        workspace.close()
    with closing(sqlite3.connect(path)) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert migrated.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.HEAD_REVISION
    assert check_workspace(path) == []


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.name for p in RELEASED])
def test_migration_keeps_every_row(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _contents(path)
    Workspace.open(path).close()
    after = _contents(path)
    for table, rows in before.items():
        width = len(rows[0]) if rows else 0  # a table may gain columns, with their defaults
        assert [row[:width] for row in after[table]] == rows, table
    assert all(not after[table] for table in after.keys() - before.keys())


def test_check_reads_the_schema_from_the_journal_not_the_stale_header(tmp_path: Path) -> None:
    path = tmp_path / "old.align"
    shutil.copyfile(RELEASED[0], path)
    with closing(sqlite3.connect(path)) as bystander:
        bystander.execute("SELECT count(*) FROM initiative").fetchone()
        Workspace.open(path).close()  # migrates; the bystander keeps the journal from being folded back
        assert schema.inspect_file(path, for_writing=False) < schema.SCHEMA_VERSION
        assert check_workspace(path) == []


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.name for p in RELEASED])
def test_an_upgrade_is_preceded_by_a_backup_of_the_old_schema(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _contents(path)
    old_version = int(re.match(r"schema-(\d+)", fixture.name)[1])  # type: ignore[index]
    Workspace.open(path).close()
    (backup,) = list_backups(path)
    assert backup.reason == f"before upgrade from schema {old_version}"
    with closing(sqlite3.connect(backup.path)) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert _contents(backup.path) == before
