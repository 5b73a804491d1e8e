"""Creating and opening team workspaces on the test server: what is refused, upgraded and shared."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from align_desktop.store import schema
from align_desktop.store.errors import NotAWorkspace, WorkspaceError, WorkspaceExists, WorkspaceTooNew
from align_desktop.store.imports import ImportChanges, ImportService
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from tests.postgres import Cluster, migrate_to


@pytest.fixture
def address(postgres: Cluster) -> ServerAddress:
    return ServerAddress.parse(postgres.database())


def _sql(address: ServerAddress, statement: str) -> None:
    with psycopg.connect(autocommit=True, **address.connection_options()) as connection:
        connection.execute(statement)  # type: ignore[arg-type]  # the test's own statement


def test_a_new_team_workspace_has_the_schema_and_the_default_lanes(address: ServerAddress) -> None:
    workspace = ServerWorkspace.create_on_server(address, "Team plan")
    try:
        with workspace.read() as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (schema.HEAD_REVISION,)
            assert db.execute("SELECT name FROM workspace").fetchone() == ("Team plan",)
            assert [row[0] for row in db.execute("SELECT name FROM lane ORDER BY position")] == ["Now", "Next", "Later"]
    finally:
        workspace.close()


def test_create_refuses_a_database_that_is_not_empty_and_leaves_it_as_it_was(address: ServerAddress) -> None:
    _sql(address, "CREATE TABLE notes (line text)")
    with pytest.raises(WorkspaceExists, match="is not empty"):
        ServerWorkspace.create_on_server(address, "Team plan")
    with psycopg.connect(**address.connection_options()) as connection:
        tables = connection.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        assert tables.fetchall() == [("notes",)]


def test_open_refuses_a_database_without_a_workspace(address: ServerAddress) -> None:
    with pytest.raises(NotAWorkspace, match="holds no Align Desktop workspace"):
        ServerWorkspace.open_on_server(address)


def test_open_refuses_a_workspace_of_a_newer_align_desktop(address: ServerAddress) -> None:
    ServerWorkspace.create_on_server(address, "Team plan").close()
    _sql(address, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(WorkspaceTooNew, match="schema 99"):
        ServerWorkspace.open_on_server(address)


def test_open_upgrades_an_older_workspace_to_this_schema(address: ServerAddress) -> None:
    migrate_to(address, "0005")
    workspace = ServerWorkspace.open_on_server(address)
    try:
        with workspace.read() as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (schema.HEAD_REVISION,)
            assert db.execute("SELECT count(*) FROM agenda_item WHERE current").fetchone() == (0,)
    finally:
        workspace.close()


def test_a_server_that_cannot_be_reached_is_one_sentence(postgres: Cluster) -> None:
    address = ServerAddress.parse(f"postgresql://align@127.0.0.1:{postgres.port}/no_such_database")
    with pytest.raises(
        WorkspaceError, match=r"^Cannot connect to postgresql://align@127\.0\.0\.1:\d+/no_such_database: "
    ):
        ServerWorkspace.open_on_server(address)


def test_two_people_with_one_workspace_open_see_each_others_changes(address: ServerAddress) -> None:
    ServerWorkspace.create_on_server(address, "Team plan").close()
    first, second = ServerWorkspace.open_on_server(address), ServerWorkspace.open_on_server(address)
    try:
        OutcomeService(first).create({"name": "Fewer stock-outs"})
        assert [outcome.name for outcome in OutcomeService(second).list()] == ["Fewer stock-outs"]
    finally:
        first.close()
        second.close()


def test_items_added_after_the_sample_get_ids_past_its_own(sample_workspace: Any, engine: str) -> None:
    initiatives = InitiativeService(sample_workspace)
    before = len(initiatives.board().initiatives)
    initiatives.create({"title": "Forecast returns"})
    assert len(initiatives.board().initiatives) == before + 1


def test_an_import_into_a_team_workspace_without_its_backup_is_refused_and_changes_nothing(
    address: ServerAddress,
) -> None:
    workspace = ServerWorkspace.create_on_server(address, "Team plan")
    try:
        with pytest.raises(WorkspaceError, match="needs its backup downloaded first"):
            ImportService(workspace).apply(ImportChanges(settings={"name": "Renamed"}))
        with workspace.read() as db:
            assert db.execute("SELECT name FROM workspace").fetchone() == ("Team plan",)
    finally:
        workspace.close()
