"""Restore and upgrade killed (SIGKILL) at random moments: the workspace is always whole.

A restore leaves the workspace as it was or as the backup, nothing between. An upgrade runs one
transaction per schema step, so a killed upgrade leaves the file at a whole earlier schema with
every row, and the next open finishes it; the backup taken before it holds the original.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from align_desktop.store import schema
from align_desktop.store.backup import list_backups, take_backup
from align_desktop.store.check import check_workspace
from align_desktop.store.connection import connect
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.workspace import Workspace
from tests.killing import Child, kill_at_random
from tests.store.test_imports import dump

KILLS = 15
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_killed_restore_leaves_the_workspace_or_the_backup(sample_path: Path, tmp_path: Path) -> None:
    backup = take_backup(sample_path, "before import", datetime(2026, 11, 26, 9, 0))
    workspace = Workspace.open(sample_path)
    try:
        OutcomeService(workspace).create({"name": "Added after the backup"})
    finally:
        workspace.close()
    before, after = dump(sample_path), dump(backup)

    def start(number: int) -> Child:
        copy = tmp_path / str(number) / sample_path.name
        copy.parent.mkdir()
        shutil.copyfile(sample_path, copy)
        return Child(
            "from pathlib import Path\nfrom align_desktop.store.backup import restore",
            "restore(Path(sys.argv[1]), Path(sys.argv[2]))",
            str(copy),
            str(backup),
        )

    def check(number: int) -> str:
        copy = tmp_path / str(number) / sample_path.name
        assert check_workspace(copy) == []
        contents = dump(copy)
        assert contents in (before, after)
        for kept in list_backups(copy):
            assert check_workspace(kept.path) == []
        Workspace.open(copy).close()
        return "after" if contents == after else "before"

    assert kill_at_random(start, check, KILLS) <= {"before", "after"}


def test_a_killed_upgrade_stops_at_a_whole_schema_and_the_next_open_finishes(tmp_path: Path) -> None:
    oldest = FIXTURES / "schema-1-retail.align"
    original = dump_of_schema(oldest)
    finished = tmp_path / "finished.align"
    shutil.copyfile(oldest, finished)
    Workspace.open(finished).close()
    upgraded = dump(finished)

    def start(number: int) -> Child:
        copy = tmp_path / str(number) / "retail.align"
        copy.parent.mkdir()
        shutil.copyfile(oldest, copy)
        return Child(
            "from pathlib import Path\nfrom align_desktop.store.workspace import Workspace\n"
            "from align_desktop.store import migrate, models",
            "Workspace.open(Path(sys.argv[1])).close()",
            str(copy),
        )

    def check(number: int) -> str:
        copy = tmp_path / str(number) / "retail.align"
        with closing(sqlite3.connect(copy)) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        for kept in list_backups(copy):
            assert dump_of_schema(kept.path) == original
        Workspace.open(copy).close()
        assert dump(copy) == upgraded
        return "after" if version == schema.SCHEMA_VERSION else f"schema {version}"

    assert kill_at_random(start, check, KILLS) <= {"after"} | {f"schema {n}" for n in range(1, schema.SCHEMA_VERSION)}


def dump_of_schema(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table the file has, whatever its schema."""
    with closing(connect(path, read_only=True)) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
