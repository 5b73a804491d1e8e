"""docs/team-roles.sql, run as it is: an editor changes a team workspace, a viewer only reads it, and only the
owner upgrades it."""

from __future__ import annotations

import pytest

from align_desktop.store.errors import WorkspaceError, WorkspaceReadOnly
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.samples import create_from_sample
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from tests.postgres import Cluster, grant_team_roles, login_in, migrate_to


@pytest.fixture
def team(postgres: Cluster) -> ServerAddress:
    address = ServerAddress.parse(postgres.database())
    create_from_sample(address, "retail").close()
    grant_team_roles(address)
    return address


def test_an_editor_changes_the_team_workspace_and_the_history_names_them(
    postgres: Cluster, team: ServerAddress
) -> None:
    editor = login_in(postgres, team, "align_editor")
    workspace = ServerWorkspace.open_on_server(editor)
    try:
        assert not workspace.read_only
        initiatives = InitiativeService(workspace)
        key, _ = initiatives.create({"title": "Forecast returns by store"})
        initiatives.update(key, {"status": "discovery"})
        with workspace.read() as db:
            found = db.execute("SELECT who FROM audit_entry WHERE item_key = ?", (key,)).fetchall()
        assert found == [(workspace.author,)]
    finally:
        workspace.close()


def test_a_viewer_reads_the_team_workspace_but_changes_nothing(postgres: Cluster, team: ServerAddress) -> None:
    viewer = login_in(postgres, team, "align_viewer")
    workspace = ServerWorkspace.open_on_server(viewer)
    try:
        assert workspace.read_only
        initiatives = InitiativeService(workspace)
        assert len(initiatives.board().initiatives) == 28
        with pytest.raises(WorkspaceReadOnly, match="is open read-only"):
            initiatives.create({"title": "Forecast returns by store"})
    finally:
        workspace.close()


def test_only_the_owner_upgrades_an_older_team_workspace(postgres: Cluster) -> None:
    address = ServerAddress.parse(postgres.database())
    migrate_to(address, "0005")
    grant_team_roles(address)
    editor = login_in(postgres, address, "align_editor")
    with pytest.raises(WorkspaceError, match=r"older Align Desktop \(schema 5\).*may not upgrade it"):
        ServerWorkspace.open_on_server(editor)
    ServerWorkspace.open_on_server(address).close()  # the owner upgrades it
    ServerWorkspace.open_on_server(editor).close()
