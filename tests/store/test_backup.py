"""Backups: consistent copies of an open workspace, thinned by age; restore replaces the file whole."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from align_desktop.store import lock
from align_desktop.store.backup import backup_folder, copy_workspace, list_backups, restore, take_backup
from align_desktop.store.check import check_workspace
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.outcomes import OutcomeService
from align_desktop.store.workspace import Workspace

NOW = datetime(2026, 11, 26, 15, 0)


def _outcome_names(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return {name for (name,) in db.execute("SELECT name FROM outcome")}


def test_a_backup_of_an_open_workspace_holds_its_latest_saved_edit(sample_path: Path) -> None:
    workspace = Workspace.open(sample_path)
    try:
        OutcomeService(workspace).create({"name": "Saved a moment ago"})
        backup = take_backup(sample_path, "every 30 minutes", NOW)
    finally:
        workspace.close()
    assert backup.parent == backup_folder(sample_path) == sample_path.with_name("retail.backups")
    assert backup.name == "retail 2026-11-26 150000 every 30 minutes.align"
    assert "Saved a moment ago" in _outcome_names(backup)
    assert check_workspace(backup) == []


def test_two_backups_in_one_second_both_stay(sample_path: Path) -> None:
    first = take_backup(sample_path, "before import", NOW)
    second = take_backup(sample_path, "before import", NOW)
    assert first != second and first.exists() and second.exists()
    assert [b.reason for b in list_backups(sample_path)] == ["before import", "before import"]


def test_list_backups_is_newest_first_with_date_reason_and_size(sample_path: Path) -> None:
    take_backup(sample_path, "before import", NOW - timedelta(hours=2))
    take_backup(sample_path, "every 30 minutes", NOW)
    (backup_folder(sample_path) / "notes.txt").write_text("not a backup")
    (backup_folder(sample_path) / "other 2026-11-26 120000 before import.align").write_bytes(b"another workspace's")
    backups = list_backups(sample_path)
    assert [(b.taken, b.reason) for b in backups] == [
        (NOW, "every 30 minutes"),
        (NOW - timedelta(hours=2), "before import"),
    ]
    assert all(b.size == b.path.stat().st_size > 0 for b in backups)


def test_each_backup_thins_the_folder(sample_path: Path) -> None:
    ages = [timedelta(days=45), timedelta(days=1, hours=3), timedelta(days=1, hours=1), timedelta(hours=1)]
    for age in ages:  # oldest first, as they were taken
        take_backup(sample_path, "every 30 minutes", NOW - age)
    take_backup(sample_path, "before import", NOW)
    assert [b.taken for b in list_backups(sample_path)] == [
        NOW,
        NOW - timedelta(hours=1),
        NOW - timedelta(days=1, hours=1),  # the newest of yesterday; the older one and the 45-day-old are gone
    ]


def test_copy_workspace_refuses_to_overwrite(sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.align"
    target.write_bytes(b"keep me")
    with pytest.raises(WorkspaceError, match="already exists"):
        copy_workspace(sample_path, target)
    assert target.read_bytes() == b"keep me"


def test_restore_puts_the_backup_back_and_keeps_the_state_it_replaced(sample_path: Path) -> None:
    backup = take_backup(sample_path, "before import", NOW)
    workspace = Workspace.open(sample_path)
    try:
        OutcomeService(workspace).create({"name": "Added after the backup"})
    finally:
        workspace.close()
    before_restore = restore(sample_path, backup)
    assert "Added after the backup" not in _outcome_names(sample_path)
    assert "Added after the backup" in _outcome_names(before_restore)
    assert check_workspace(sample_path) == []
    assert not lock.lock_path(sample_path).exists()
    assert not Path(f"{sample_path}.restoring").exists()


def test_restore_removes_a_stale_journal_that_would_replay_over_the_backup(sample_path: Path) -> None:
    backup = take_backup(sample_path, "before import", NOW)
    wal = Path(f"{sample_path}-wal")
    wal.write_bytes(b"left by a crash")
    Path(f"{sample_path}-shm").write_bytes(b"left by a crash")
    restore(sample_path, backup)
    assert not wal.exists() and not Path(f"{sample_path}-shm").exists()
    assert _outcome_names(sample_path) == _outcome_names(backup)


def test_restore_is_refused_while_the_workspace_is_open(sample_path: Path) -> None:
    backup = take_backup(sample_path, "before import", NOW)
    workspace = Workspace.open(sample_path)
    try:
        OutcomeService(workspace).create({"name": "Still being edited"})
        with pytest.raises(lock.WorkspaceInUse):
            restore(sample_path, backup)
    finally:
        workspace.close()
    assert "Still being edited" in _outcome_names(sample_path)


def test_restoring_a_damaged_backup_leaves_the_workspace_as_it_was(sample_path: Path) -> None:
    damaged = backup_folder(sample_path) / "retail 2026-11-26 150000 before import.align"
    damaged.parent.mkdir()
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = sample_path.read_bytes()
    with pytest.raises(WorkspaceError, match="Could not copy"):
        restore(sample_path, damaged)
    assert sample_path.read_bytes() == before
    assert not lock.lock_path(sample_path).exists()
    assert sorted(p.name for p in sample_path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_workspace_sqlite_cannot_read_is_restored_and_kept_byte_for_byte(sample_path: Path) -> None:
    backup = take_backup(sample_path, "before import", NOW)
    damaged = b"SQLite format 3\x00" + b"\xee" * 8000
    sample_path.write_bytes(damaged)
    kept = restore(sample_path, backup)
    assert kept.read_bytes() == damaged
    assert "unreadable, before restore" in kept.name
    assert check_workspace(sample_path) == []
    assert _outcome_names(sample_path) == _outcome_names(backup)


def test_a_copy_killed_half_way_leaves_no_backup_and_is_swept_up(sample_path: Path) -> None:
    folder = backup_folder(sample_path)
    folder.mkdir()
    leftover = folder / ".retail 2026-11-26 140000 before import.align.partial"
    leftover.write_bytes(b"half a copy")
    assert list_backups(sample_path) == []
    take_backup(sample_path, "before import", NOW)
    assert not leftover.exists()
    assert len(list_backups(sample_path)) == 1
