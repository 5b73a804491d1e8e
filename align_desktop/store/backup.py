"""Online-safe copies of a workspace (SQLite's `VACUUM INTO`, never a raw copy of an open file).

Backups live next to the workspace, in a folder named after it: `Plan.align` keeps its copies in
`Plan.backups/`, each named with its time and the reason it was taken (before an import, an
upgrade or a restore, and every 30 minutes of editing). After each backup the folder is thinned:
all of today's are kept, one a day for a week, one a week for a month. A team workspace's backups
(downloads taken before an import, `store.team_imports`) are named and thinned the same way, in a
folder of the user's.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from align_desktop.domain.retention import backups_to_keep
from align_desktop.store import lock
from align_desktop.store.connection import connect
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.faults import write_failure

PARTIAL_SUFFIX = ".partial"
"""A copy being written is named `.<name>.partial` until it is complete."""


def backup_folder(workspace_path: Path) -> Path:
    return workspace_path.with_name(f"{workspace_path.stem}.backups")


def copy_workspace(workspace_path: Path, target: Path) -> None:
    """Write a consistent copy of the workspace to `target` (which must not exist yet)."""
    if target.exists():
        raise WorkspaceError(f"{target} already exists; choose another name.")
    _vacuum_into(workspace_path, target)


def _vacuum_into(workspace_path: Path, target: Path) -> None:
    """A consistent copy of a workspace, open or not, by SQLite itself."""

    def vacuum(partial: Path) -> None:
        connection = connect(workspace_path, read_only=True)
        try:
            connection.execute("VACUUM INTO ?", (str(partial),))
        finally:
            connection.close()

    _write_whole(workspace_path, target, vacuum)


def _write_whole(source: Path, target: Path, write: Callable[[Path], object]) -> None:
    """Write under a hidden name, flush it to disk, then rename: `target` is whole or absent."""
    partial = target.with_name(f".{target.name}{PARTIAL_SUFFIX}")
    try:
        partial.unlink(missing_ok=True)  # left by a copy that was killed
        write(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error, UnicodeDecodeError) as exc:  # the last: SQLite quoting a damaged schema
        raise WorkspaceError(f"Could not copy {source} to {target}: {write_failure(exc)}") from exc
    finally:
        partial.unlink(missing_ok=True)


def take_backup(workspace_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the workspace consistently, even while it is open, and return the copy's path."""
    moment = now or datetime.now()
    target = _new_backup_path(workspace_path, reason, moment)
    _vacuum_into(workspace_path, target)
    thin(workspace_path, moment)
    return target


def _new_backup_path(workspace_path: Path, reason: str, moment: datetime) -> Path:
    return new_backup_path(backup_folder(workspace_path), workspace_path.stem, reason, moment, workspace_path)


def new_backup_path(folder: Path, stem: str, reason: str, moment: datetime, workspace: object) -> Path:
    """A name in `folder` (created if need be) that no backup has yet, for a backup of `workspace` (as messages
    name it) named after `stem`."""
    name = f"{stem} {moment:%Y-%m-%d %H%M%S} {reason}"
    target = folder / f"{name}.align"
    number = 1
    while target.exists():  # two backups in one second
        number += 1
        target = folder / f"{name} ({number}).align"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"Could not back up {workspace}: cannot create {folder} ({write_failure(exc)}).") from exc
    return target


_NAME = re.compile(r"^(?P<stem>.+) (?P<when>\d{4}-\d{2}-\d{2} \d{6}) (?P<reason>.+?)(?: \(\d+\))?\.align$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int


def list_backups(workspace_path: Path) -> list[Backup]:
    """The workspace's backups, newest first."""
    return backups_in(backup_folder(workspace_path), workspace_path.stem)


def backups_in(folder: Path, stem: str) -> list[Backup]:
    """The backups in `folder` named after `stem`, newest first."""
    found = []
    for path in folder.glob("*.align") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != stem:
            continue
        taken = datetime.strptime(match["when"], "%Y-%m-%d %H%M%S")
        found.append(Backup(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def thin(workspace_path: Path, now: datetime) -> list[Path]:
    """Delete the backups that thinning no longer keeps, and copies a killed process left half
    written; return the backups deleted."""
    for partial in backup_folder(workspace_path).glob(f".*{PARTIAL_SUFFIX}"):
        partial.unlink(missing_ok=True)
    return thin_backups(backup_folder(workspace_path), workspace_path.stem, now)


def thin_backups(folder: Path, stem: str, now: datetime) -> list[Path]:
    """Delete the backups in `folder` named after `stem` that thinning no longer keeps; return them."""
    backups = backups_in(folder, stem)
    keep = backups_to_keep((b.taken for b in backups), now)
    removed = []
    for backup in backups:
        if backup.taken not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def restore(workspace_path: Path, backup: Path) -> Path:
    """Replace the workspace (which must be closed) by a backup, atomically; return the backup of
    the workspace as it was.

    The current state is set aside first; the backup is copied beside the workspace, flushed to
    disk and renamed into place after the journal files (`-wal`, `-shm`) are removed, so that the
    file is either the old workspace or the backup, never a mixture.
    """
    lock.acquire(workspace_path)
    try:
        before = _set_aside(workspace_path)
        staging = workspace_path.with_name(f".{workspace_path.name}.restoring")
        staging.unlink(missing_ok=True)
        _vacuum_into(backup, staging)
        try:
            for suffix in ("-wal", "-shm"):
                Path(f"{workspace_path}{suffix}").unlink(missing_ok=True)
            os.replace(staging, workspace_path)
        finally:
            staging.unlink(missing_ok=True)
        return before
    finally:
        lock.release(workspace_path)


def _set_aside(workspace_path: Path) -> Path:
    """Back up the workspace before it is replaced, its journal folded in first; a file SQLite
    cannot read (the reason to restore, often) is kept byte for byte instead."""
    try:
        connection = connect(workspace_path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        return take_backup(workspace_path, "before restore")
    except (sqlite3.Error, WorkspaceError):
        target = _new_backup_path(workspace_path, "unreadable, before restore", datetime.now())
        _write_whole(workspace_path, target, lambda partial: shutil.copyfile(workspace_path, partial))
        return target
