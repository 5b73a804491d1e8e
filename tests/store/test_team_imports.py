"""Importing into a team workspace: backed up by a download, applied in one transaction, undone only if nobody
changed the team workspace since, and a client killed mid-import leaves the server before or after."""

from __future__ import annotations

import itertools
import os
import pickle
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from align_desktop.domain.validation import ValidationError
from align_desktop.store.check import check_workspace
from align_desktop.store.connection import connect
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.imports import (
    ImportChanges,
    ImportService,
    ItemEdit,
    WorkspaceContents,
    app_tables,
    read_contents,
)
from align_desktop.store.initiatives import InitiativeService
from align_desktop.store.models import Base
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.samples import create_from_sample
from align_desktop.store.server import ServerAddress
from align_desktop.store.server_workspace import ServerWorkspace, open_reader
from align_desktop.store.snapshots import SnapshotService
from align_desktop.store.team_imports import (
    LEFTOVER_AGE_S,
    take_team_backup,
    team_backup_folder,
    user_data_folder,
)
from align_desktop.store.transfer import RowSource
from tests.killing import Child, kill_at_random
from tests.postgres import Cluster, grant_team_roles, login_in
from tests.store.test_imports import _changes

KILLS = 10
Dump = dict[str, list[tuple[Any, ...]]]


def dump_rows(db: RowSource) -> Dump:
    """Every row of every table, sorted, read as the file's driver reads them: equal dumps, equal workspaces.

    As `tests.store.test_imports.dump`: without clock times (`changed_at`, when audit entries were recorded) and
    without who last wrote (`audit_context`); the columns are the models', so a file and a server dump alike.
    """
    found = {}
    for name in app_tables():
        if name == "audit_context":
            continue
        columns = [
            f'"{column.name}"'
            for column in Base.metadata.tables[name].columns
            if column.name not in ("changed_at", "recorded_at")
        ]
        found[name] = sorted((tuple(row) for row in db.execute(f"SELECT {', '.join(columns)} FROM {name}")), key=repr)
    return found


def server_dump(address: ServerAddress) -> Dump:
    reader = open_reader(address)
    try:
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")  # one state of the database
        return dump_rows(reader)
    finally:
        reader.close()


def file_dump(path: Path) -> Dump:
    with closing(connect(path, read_only=True)) as db:
        return dump_rows(db)


@pytest.fixture
def address(_server_templates: Any) -> ServerAddress:
    """A team workspace holding the realistic sample."""
    found: ServerAddress = _server_templates.copy("retail")
    return found


@pytest.fixture
def team(address: ServerAddress) -> Iterator[ServerWorkspace]:
    workspace = ServerWorkspace.open_on_server(address)
    yield workspace
    workspace.close()


@pytest.fixture
def colleague(address: ServerAddress) -> Iterator[ServerWorkspace]:
    """The same team workspace, open in someone else's Align Desktop."""
    workspace = ServerWorkspace.open_on_server(address)
    yield workspace
    workspace.close()


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {}, "/home/ann/.local/share/align-desktop"),
        ("linux", {"XDG_DATA_HOME": "/data/ann"}, "/data/ann/align-desktop"),
        ("linux", {"XDG_DATA_HOME": "relative/ignored"}, "/home/ann/.local/share/align-desktop"),
        ("freebsd14", {}, "/home/ann/.local/share/align-desktop"),
        ("win32", {"LOCALAPPDATA": "/users/ann/AppData/Local"}, "/users/ann/AppData/Local/Align Desktop"),
        ("win32", {}, "/home/ann/AppData/Local/Align Desktop"),
        ("darwin", {"XDG_DATA_HOME": "/data/ann"}, "/home/ann/Library/Application Support/Align Desktop"),
    ],
)
def test_the_user_data_folder_on_each_system(platform: str, environ: dict[str, str], expected: str) -> None:
    assert user_data_folder(platform, environ, Path("/home/ann")) == Path(expected)


def test_each_team_workspace_has_a_backup_folder_of_its_own(tmp_path: Path) -> None:
    address = ServerAddress.parse("postgresql://ann@plan.example.org/road map")
    assert team_backup_folder(tmp_path, address) == tmp_path / "team backups" / "plan.example.org-5432-road_map"
    ipv6 = ServerAddress.parse("postgresql://ann@[::1]:5433/plan")
    assert team_backup_folder(tmp_path, ipv6).name == "_1-5433-plan"


def test_an_import_is_applied_after_a_backup_holding_the_workspace_as_it_was(
    team: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    before = server_dump(address)
    backup = take_team_backup(address, tmp_path, datetime(2026, 11, 26, 9, 30))
    assert backup == (
        tmp_path
        / "team backups"
        / f"127.0.0.1-{address.port}-{address.database}"
        / f"{address.database} 2026-11-26 093000 before import.align"
    )
    assert file_dump(backup) == before
    assert check_workspace(backup) == []

    ImportService(team).apply(_changes(), backup)

    contents = read_contents(address)
    assert contents.settings.horizon == 4
    assert [lane.name for lane in contents.lanes] == ["Now", "Next", "Later", "Someday"]
    assert next(i for i in contents.initiatives if i.key == "I-001").title == "Renamed by import"
    assert file_dump(backup) == before
    assert check_workspace(address) == []


def test_undo_restores_exactly_and_redo_applies_again(
    team: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    before = server_dump(address)
    revert = ImportService(team).apply(_changes(), take_team_backup(address, tmp_path))
    applied = read_contents(address)

    redo = revert()
    assert server_dump(address) == before

    redo()
    again = read_contents(address)
    assert again.settings == applied.settings and again.counters == applied.counters
    assert _board(again) == _board(applied)  # the import's new items again, under new ids
    InitiativeService(team).create({"title": "Typed after the redo"})  # the id sequences are past every row


def _board(contents: WorkspaceContents) -> list[tuple[str, str, str]]:
    lanes = {lane.id: lane.name for lane in contents.lanes}
    return [(i.key, i.title, lanes[i.lane_id]) for i in contents.initiatives]


def test_undo_keeps_the_snapshots_taken_since_with_their_sessions(
    team: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    from tests import mock_session as mock

    mock.run_mock_session(team, end=False)
    revert = ImportService(team).apply(_changes(), take_team_backup(address, tmp_path))
    SnapshotService(team).take("After the import")
    snapshots = server_dump(address)["snapshot"]

    revert()

    assert server_dump(address)["snapshot"] == snapshots
    assert [(s.label, s.session_title) for s in SnapshotService(team).list()][-2:] == [
        (f"Start of W-001 {mock.TITLE}", mock.TITLE),
        ("After the import", None),
    ]
    assert check_workspace(address) == []


def test_undo_is_refused_after_a_colleagues_edit_and_changes_nothing(
    team: ServerWorkspace, colleague: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    backup = take_team_backup(address, tmp_path)
    revert = ImportService(team).apply(_changes(), backup)
    OutcomeService(colleague).create({"name": "Added by a colleague"})
    edited = server_dump(address)

    with pytest.raises(WorkspaceError, match="others changed") as refused:
        revert()

    assert str(backup) in str(refused.value)
    assert server_dump(address) == edited


def test_the_undo_waits_for_a_colleagues_save_in_progress_then_sees_it(
    team: ServerWorkspace, colleague: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    from sqlalchemy import text

    revert = ImportService(team).apply(_changes(), take_team_backup(address, tmp_path))
    outcome: list[BaseException | None] = []

    def undo() -> None:
        try:
            revert()
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)
        else:
            outcome.append(None)

    with colleague.write() as session:
        session.execute(text("UPDATE initiative SET title = 'Saved meanwhile' WHERE key = 'I-002'"))
        undoing = threading.Thread(target=undo)
        undoing.start()
        time.sleep(0.5)
        assert undoing.is_alive()  # the colleague's transaction is still open: the undo waits
    undoing.join(timeout=30)
    assert isinstance(outcome[0], WorkspaceError) and "others changed" in str(outcome[0])
    assert next(i for i in read_contents(address).initiatives if i.key == "I-002").title == "Saved meanwhile"
    assert next(i for i in read_contents(address).initiatives if i.key == "I-001").title == "Renamed by import"


def test_a_change_saved_between_the_backup_and_the_import_refuses_the_import(
    team: ServerWorkspace, colleague: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    backup = take_team_backup(address, tmp_path)
    OutcomeService(colleague).create({"name": "Saved while the backup was made"})
    edited = server_dump(address)

    with pytest.raises(WorkspaceError, match="after the backup before the import was taken"):
        ImportService(team).apply(_changes(), backup)

    assert server_dump(address) == edited


def test_redo_is_refused_after_a_colleagues_edit_since_the_undo(
    team: ServerWorkspace, colleague: ServerWorkspace, address: ServerAddress, tmp_path: Path
) -> None:
    redo = ImportService(team).apply(_changes(), take_team_backup(address, tmp_path))()
    OutcomeService(colleague).create({"name": "Added after the undo"})
    edited = server_dump(address)

    with pytest.raises(WorkspaceError, match="Nothing was imported"):
        redo()

    assert server_dump(address) == edited


def test_a_refused_import_changes_nothing(team: ServerWorkspace, address: ServerAddress, tmp_path: Path) -> None:
    before = server_dump(address)
    changes = ImportChanges(settings={"risk_appetite": 3}, outcomes=[ItemEdit("O-001", {"name": "Taken"}, new=True)])
    with pytest.raises(ValidationError):
        ImportService(team).apply(changes, take_team_backup(address, tmp_path))
    assert server_dump(address) == before


def test_an_import_into_a_team_workspace_needs_its_backup(team: ServerWorkspace, address: ServerAddress) -> None:
    before = server_dump(address)
    with pytest.raises(WorkspaceError, match="needs its backup downloaded first"):
        ImportService(team).apply(ImportChanges(settings={"risk_appetite": 3}))
    assert server_dump(address) == before


def test_undo_needs_the_backup(team: ServerWorkspace, address: ServerAddress, tmp_path: Path) -> None:
    backup = take_team_backup(address, tmp_path)
    revert = ImportService(team).apply(ImportChanges(settings={"risk_appetite": 4}), backup)
    backup.unlink()
    with pytest.raises(WorkspaceError, match="is gone"):
        revert()
    assert read_contents(address).settings.risk_appetite == 4


def test_an_editor_may_import_and_undo(postgres: Cluster, address: ServerAddress, tmp_path: Path) -> None:
    grant_team_roles(address)
    editor = login_in(postgres, address, "align_editor")
    before = server_dump(address)
    workspace = ServerWorkspace.open_on_server(editor)
    try:
        revert = ImportService(workspace).apply(_changes(), take_team_backup(editor, tmp_path))
        revert()
    finally:
        workspace.close()
    assert server_dump(address) == before


def test_what_a_killed_download_left_is_removed_once_stale(address: ServerAddress, tmp_path: Path) -> None:
    folder = team_backup_folder(tmp_path, address)
    folder.mkdir(parents=True)
    stale, fresh = folder / ".old.align.1f2e.tmp", folder / ".new.align.3c4d.tmp-journal"
    stale.write_bytes(b"half a workspace")
    fresh.write_bytes(b"being written")
    long_ago = time.time() - LEFTOVER_AGE_S - 60
    os.utime(stale, (long_ago, long_ago))
    take_team_backup(address, tmp_path)
    assert not stale.exists() and fresh.exists()


# killing a client mid-import

PREPARE = """
import pickle
from pathlib import Path
from align_desktop.exchange.importer import apply_plan
from align_desktop.store import import_writes, models, team_imports, transfer  # loaded before the clock starts
from align_desktop.store.server import ServerAddress
address = ServerAddress.parse(sys.argv[1])
plan = pickle.loads(Path(sys.argv[2]).read_bytes())
"""
IMPORT = "apply_plan(address, plan, Path(sys.argv[3]))"


@pytest.fixture(scope="module")
def stress_scenario(postgres: Cluster, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A database holding `stress` (copied for each run), and the pickled plan of an import renaming every fourth of
    its 2,000 initiatives: its workbook, exported and edited (each change is a few statements on the server)."""
    from align_desktop.exchange.exports import export
    from align_desktop.exchange.importer import plan_import

    folder = tmp_path_factory.mktemp("team-kill")
    template = ServerAddress.parse(postgres.database())
    create_from_sample(template, "stress").close()
    workbook = folder / "stress.xlsx"
    export("workbook", template, workbook)
    book = openpyxl.load_workbook(workbook)
    rows = book["Initiatives"].iter_rows()
    title = [cell.value for cell in next(rows)].index("Title")
    for row in itertools.islice(rows, 0, None, 4):
        row[title].value = f"{row[title].value} (revised)"
    book.save(workbook)
    plan = plan_import(template, workbook)
    assert not plan.errors and plan.counts["changed"] == 500
    pickled = folder / "plan.pickle"
    pickled.write_bytes(pickle.dumps(plan))
    return template.database, pickled


def _gone(address: ServerAddress) -> None:
    """Wait until the server has ended the killed client's sessions (rolling back what it had not committed)."""
    reader = open_reader(address)
    try:
        for _ in range(300):
            (left,) = reader.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
            if not left:
                return
            time.sleep(0.1)
    finally:
        reader.close()
    raise AssertionError("the killed client's sessions are still running")


def test_a_client_killed_mid_import_leaves_the_server_before_or_after(
    postgres: Cluster, stress_scenario: tuple[str, Path], tmp_path: Path
) -> None:
    """`align-desktop import`'s work (open, download the backup, apply in one transaction, close) in a child process,
    warmed up, SIGKILLed at KILLS moments drawn one in each KILLS-th of one and a half times its measured length;
    each run on its own copy of the team workspace. After each kill (and once the server has ended the dead client's
    sessions) the team workspace holds exactly the rows from before or from after, passes `check`, opens, and any
    backup the child left is whole and holds the rows from before."""
    from align_desktop.exchange.importer import apply_plan

    template, plan = stress_scenario
    pristine = ServerAddress.parse(postgres.database(template=template))
    before = server_dump(pristine)
    apply_plan(pristine, pickle.loads(plan.read_bytes()), tmp_path / "calibration")
    after = server_dump(pristine)
    assert after != before
    addresses: list[ServerAddress] = []

    def start(number: int) -> Child:
        addresses.append(ServerAddress.parse(postgres.database(template=template)))
        return Child(PREPARE, IMPORT, addresses[-1].url, str(plan), str(tmp_path / str(number)))

    def check(number: int) -> str:
        address = addresses[number]
        _gone(address)
        contents = server_dump(address)
        assert contents in (before, after), "the team workspace holds a state between before and after"
        assert check_workspace(address) == []
        ServerWorkspace.open_on_server(address).close()
        for backup in (tmp_path / str(number)).rglob("*.align"):
            assert check_workspace(backup) == [], backup.name  # a backup is whole, or not there
            assert file_dump(backup) == before
        return "after" if contents == after else "before"

    assert kill_at_random(start, check, KILLS) <= {"before", "after"}
