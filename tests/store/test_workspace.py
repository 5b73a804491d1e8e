"""Creating and reopening a workspace file: identity, pragmas, migrations, atomic creation."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from align_desktop.store import migrate, schema
from align_desktop.store.errors import WorkspaceError, WorkspaceExists
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.models import Base
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.settings import SettingsService
from align_desktop.store.workspace import Workspace


def _pragma(path: Path, name: str) -> Any:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def test_create_marks_the_file_as_a_workspace_of_this_schema(tmp_path: Path) -> None:
    path = tmp_path / "plan.align"
    Workspace.create(path).close()
    assert path.read_bytes().startswith(schema.SQLITE_MAGIC)
    assert _pragma(path, "application_id") == 0x414C474E == schema.APPLICATION_ID
    assert _pragma(path, "user_version") == schema.SCHEMA_VERSION
    assert _pragma(path, "journal_mode") == "wal"
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(schema.HEAD_REVISION,)]
    finally:
        connection.close()


def test_schema_constants_name_the_newest_migration() -> None:
    assert migrate.alembic_head() == schema.HEAD_REVISION
    assert int(schema.HEAD_REVISION) == schema.SCHEMA_VERSION


@pytest.mark.file_only
def test_every_connection_enforces_foreign_keys_and_waits_when_busy(workspace: Workspace) -> None:
    with workspace.read() as db:
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with workspace.write() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_models_match_the_migrations(workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_name_defaults_to_the_file_stem_and_settings_to_the_vocabulary(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "Q3 planning.align")
    try:
        settings = SettingsService(workspace)
        assert settings.get().name == "Q3 planning"
        assert settings.get().readiness_gate == 2
        assert [lane.name for lane in settings.lanes()] == ["Now", "Next", "Later"]
    finally:
        workspace.close()


def test_create_refuses_an_existing_path_and_leaves_it_intact(tmp_path: Path) -> None:
    path = tmp_path / "taken.align"
    path.write_bytes(b"somebody's notes")
    with pytest.raises(WorkspaceExists, match="already exists"):
        Workspace.create(path)
    assert path.read_bytes() == b"somebody's notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.align"]


def test_create_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.create(tmp_path / "nowhere" / "plan.align")
    assert list(tmp_path.iterdir()) == []


def test_create_leaves_only_the_workspace_file(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "plan.align").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.align"]


def test_create_leaves_nothing_when_populate_raises(tmp_path: Path) -> None:
    def populate(session: Any) -> None:
        session.execute(text("CREATE TABLE scratch (x)"))
        raise RuntimeError("disk gremlins")

    with pytest.raises(RuntimeError, match="disk gremlins"):
        Workspace.create(tmp_path / "plan.align", populate=populate)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["what?.align", "50%.align", "a#b.align", "with space.align"])
def test_file_names_with_url_characters_work(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    Workspace.create(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    reopened = Workspace.open(path)
    try:
        assert SettingsService(reopened).get().name == path.stem
    finally:
        reopened.close()


def test_edits_persist_across_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "plan.align"
    workspace = Workspace.create(path)
    outcome_key, _ = OutcomeService(workspace).create({"name": "Fewer stock-outs", "baseline": "6,8"})
    initiatives = InitiativeService(workspace)
    key, _ = initiatives.create({"title": "Demand forecast", "outcome_key": outcome_key})
    later = initiatives.board().lanes[2].id
    initiatives.move(key, later, 0)
    SettingsService(workspace).update({"currency": "usd"})
    before = initiatives.board()
    workspace.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.align"]

    reopened = Workspace.open(path)
    try:
        after = InitiativeService(reopened).board()
        assert after == before
        assert after.settings.currency == "USD"
        assert after.initiatives[0].lane_id == later
        assert after.outcomes[0].baseline == 6.8
    finally:
        reopened.close()


def test_a_failed_write_rolls_back_the_whole_transaction(workspace: Workspace) -> None:
    class Boom(Exception):
        pass

    def change_then_fail() -> None:
        with workspace.write() as session:
            session.execute(text("UPDATE workspace SET name = 'changed'"))
            raise Boom

    with pytest.raises(Boom):
        change_then_fail()
    assert SettingsService(workspace).get().name == "Test workspace"


@pytest.mark.file_only
def test_reading_on_another_thread_is_the_drivers_error_not_damage(workspace: Workspace) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def read() -> None:
        with workspace.read() as db:
            db.execute("SELECT 1")

    with ThreadPoolExecutor(1) as pool, pytest.raises(sqlite3.ProgrammingError, match="thread"):
        pool.submit(read).result()
