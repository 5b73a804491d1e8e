"""Publishing a workspace file as a team workspace and downloading one into a file: lossless, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import psycopg
import pytest

from align_desktop.domain.keys import format_key
from align_desktop.store import transfer
from align_desktop.store.connection import connect
from align_desktop.store.errors import WorkspaceError, WorkspaceExists
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.push_content import decode_base, read_pushed_content
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace
from align_desktop.store.transfer import download, publish
from align_desktop.store.workspace import Workspace
from tests.mock_session import run_mock_session
from tests.postgres import Cluster, migrate_to
from tests.store.test_imports import dump

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def address(postgres: Cluster) -> ServerAddress:
    return ServerAddress.parse(postgres.database())


def everything(path: Path) -> dict[str, Any]:
    """`dump`, and what it leaves out: the audit trail's clock times and who last wrote (`audit_context`); but
    not `team_origin`, which a download adds (where the copy came from: `test_a_download_records_its_origin`)."""
    connection = connect(path, read_only=True)
    try:
        left_out = {
            "audit_entry times": connection.execute("SELECT id, recorded_at FROM audit_entry ORDER BY id").fetchall(),
            "audit_context": connection.execute("SELECT * FROM audit_context").fetchall(),
        }
    finally:
        connection.close()
    return {**{table: rows for table, rows in dump(path).items() if table != "team_origin"}, **left_out}


def _tables(address: ServerAddress) -> list[str]:
    with psycopg.connect(**address.connection_options()) as connection:
        found = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return sorted(row[0] for row in found)


def _fail_on(monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """Make copying the table `failing` raise, after the tables before it were copied."""
    copy_table = transfer._copy_table

    def copy_or_fail(source: Any, session: Any, table: Any) -> None:
        if table.name == failing:
            raise RuntimeError(f"failed while copying {failing}")
        copy_table(source, session, table)

    monkeypatch.setattr(transfer, "_copy_table", copy_or_fail)


@pytest.mark.parametrize("sample", ["sample_path", "stress_path"])
def test_a_round_trip_through_the_server_changes_nothing(
    sample: str, address: ServerAddress, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source: Path = request.getfixturevalue(sample)
    publish(source, address)
    back = tmp_path / "back.align"
    download(address, back)
    assert everything(back) == everything(source)


def test_a_download_records_its_origin_and_a_publish_leaves_it_behind(
    sample_path: Path, address: ServerAddress, tmp_path: Path, postgres: Cluster
) -> None:
    publish(sample_path, address)
    back = tmp_path / "back.align"
    download(address, back, who="priya")
    copy = Workspace.open(back)
    try:
        with copy.read() as db:
            found, by, base = db.execute("SELECT address, downloaded_by, base FROM team_origin").fetchone()
            assert decode_base(base, "the copy") == read_pushed_content(db)
    finally:
        copy.close()
    assert (found, by) == (str(address), "priya")

    elsewhere = ServerAddress.parse(postgres.database())
    publish(back, elsewhere)
    with psycopg.connect(**elsewhere.connection_options()) as connection:
        assert connection.execute("SELECT count(*) FROM team_origin").fetchone() == (0,)
    again = tmp_path / "again.align"
    download(elsewhere, again, as_copy=False)
    assert dump(again)["team_origin"] == []


def test_a_round_trip_after_a_workshop_keeps_its_snapshots_and_audit_trail(
    sample_path: Path, address: ServerAddress, tmp_path: Path
) -> None:
    workspace = Workspace.open(sample_path)
    try:
        run_mock_session(workspace)
    finally:
        workspace.close()
    publish(sample_path, address)
    back = tmp_path / "back.align"
    download(address, back)
    before = everything(sample_path)
    assert before["snapshot"] and before["audit_entry"] and before["vote_dot"] and before["audit_context"]
    assert everything(back) == before


def test_the_team_workspace_reads_as_the_file_it_was_published_from(sample_path: Path, address: ServerAddress) -> None:
    publish(sample_path, address)
    file, team = Workspace.open(sample_path, read_only=True), ServerWorkspace.open_on_server(address)
    try:
        assert InitiativeService(team).board() == InitiativeService(file).board()
    finally:
        file.close()
        team.close()


def test_publishing_into_a_database_that_is_not_empty_is_refused_and_changes_nothing(
    sample_path: Path, address: ServerAddress, tmp_path: Path
) -> None:
    ServerWorkspace.create_on_server(address, "Team plan").close()
    download(address, tmp_path / "before.align")
    with pytest.raises(WorkspaceExists, match="is not empty"):
        publish(sample_path, address)
    download(address, tmp_path / "after.align")
    assert everything(tmp_path / "after.align") == everything(tmp_path / "before.align")


def test_publishing_a_file_of_an_older_schema_is_refused(address: ServerAddress, tmp_path: Path) -> None:
    older = tmp_path / "old.align"
    shutil.copyfile(FIXTURES / "schema-5-retail.align", older)
    with pytest.raises(WorkspaceError, match="older Align Desktop; open it"):
        publish(older, address)
    assert older.read_bytes() == (FIXTURES / "schema-5-retail.align").read_bytes()
    assert _tables(address) == []


def test_a_publish_that_fails_midway_leaves_the_database_empty(
    sample_path: Path, address: ServerAddress, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fail_on(monkeypatch, "cost_line")
    with pytest.raises(RuntimeError, match="cost_line"):
        publish(sample_path, address)
    assert _tables(address) == []
    monkeypatch.undo()
    publish(sample_path, address)  # the database is as it was: empty, and accepted
    download(address, tmp_path / "back.align")
    assert everything(tmp_path / "back.align") == everything(sample_path)


def test_a_download_that_fails_midway_leaves_no_file(
    sample_path: Path, address: ServerAddress, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    publish(sample_path, address)
    folder = tmp_path / "downloads"
    folder.mkdir()
    _fail_on(monkeypatch, "cost_line")
    with pytest.raises(RuntimeError, match="cost_line"):
        download(address, folder / "plan.align")
    assert list(folder.iterdir()) == []


def test_downloading_onto_an_existing_file_is_refused(
    sample_path: Path, address: ServerAddress, tmp_path: Path
) -> None:
    publish(sample_path, address)
    target = tmp_path / "plan.align"
    target.write_text("my notes")
    with pytest.raises(WorkspaceExists, match="already exists"):
        download(address, target)
    assert target.read_text() == "my notes"


def test_downloading_a_team_workspace_of_an_older_schema_is_refused(address: ServerAddress, tmp_path: Path) -> None:
    migrate_to(address, "0005")
    with pytest.raises(WorkspaceError, match="older Align Desktop; open it"):
        download(address, tmp_path / "plan.align")
    assert not (tmp_path / "plan.align").exists()


def test_after_publishing_new_items_get_fresh_ids_and_keys_as_in_the_file(
    sample_path: Path, address: ServerAddress
) -> None:
    publish(sample_path, address)
    connection = connect(sample_path, read_only=True)
    try:
        counters = dict(connection.execute("SELECT prefix, last FROM key_counter").fetchall())
        largest = [
            connection.execute(f"SELECT max(id) FROM {table}").fetchone()[0] for table in ("initiative", "outcome")
        ]
    finally:
        connection.close()
    made = {}
    for workspace in (ServerWorkspace.open_on_server(address), Workspace.open(sample_path)):
        try:
            initiative, _ = InitiativeService(workspace).create({"title": "Fresh initiative"})
            outcome, _ = OutcomeService(workspace).create({"name": "Fresh outcome"})
            with workspace.read() as db:
                ids = [
                    db.execute(f"SELECT id FROM {table} WHERE key = ?", (key,)).fetchone()[0]
                    for table, key in (("initiative", initiative), ("outcome", outcome))
                ]
        finally:
            workspace.close()
        made[workspace.where] = (initiative, outcome, ids)
    assert (
        list(made.values())
        == [(format_key("I", counters["I"] + 1), format_key("O", counters["O"] + 1), [largest[0] + 1, largest[1] + 1])]
        * 2
    )


def test_a_file_with_a_nul_character_is_refused_by_name_and_the_database_stays_empty(
    sample_path: Path, address: ServerAddress
) -> None:
    db = connect(sample_path)
    try:
        db.execute("UPDATE initiative SET description = 'a' || char(0) || 'b' WHERE key = 'I-007'")
        db.commit()
    finally:
        db.close()
    with pytest.raises(WorkspaceError, match=r"The description of initiative I-007 holds a NUL character"):
        publish(sample_path, address)
    assert _tables(address) == []
