"""Online-safe copies of a workspace (SQLite's `VACUUM INTO`, never a raw copy of an open file).

Backups live next to the workspace, in a folder named after it: `Plan.align` keeps its copies in
`Plan.backups/`, each named with its time and the reason it was taken (before an import, an
upgrade or a restore, and every 30 minutes of editing). After each backup the folder is thinned:
all of today's are kept, one a day for a week, one a week for a month.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from align_desktop.domain.retention import backups_to_keep
from align_desktop.store import lock
from align_desktop.store.connection import connect
from align_desktop.store.errors import WorkspaceError


def backup_folder(workspace_path: Path) -> Path:
    return workspace_path.with_name(f"{workspace_path.stem}.backups")


def copy_workspace(workspace_path: Path, target: Path) -> None:
    """Write a consistent copy of the workspace to `target` (which must not exist yet)."""
    if target.exists():
        raise WorkspaceError(f"{target} already exists; choose another name.")
    _vacuum_into(workspace_path, target)


def _vacuum_into(workspace_path: Path, target: Path) -> None:
    try:
        connection = connect(workspace_path, read_only=True)
        try:
            connection.execute("VACUUM INTO ?", (str(target),))
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise WorkspaceError(f"Could not copy {workspace_path} to {target}: {exc}") from exc


def take_backup(workspace_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the workspace consistently, even while it is open, and return the copy's path."""
    moment = now or datetime.now()
    folder = backup_folder(workspace_path)
    name = f"{workspace_path.stem} {moment:%Y-%m-%d %H%M%S} {reason}"
    target = folder / f"{name}.align"
    number = 1
    while target.exists():  # two backups in one second
        number += 1
        target = folder / f"{name} ({number}).align"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"Could not back up {workspace_path}: cannot create {folder} ({exc.strerror}).") from exc
    _vacuum_into(workspace_path, target)
    thin(workspace_path, moment)
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
    folder = backup_folder(workspace_path)
    found = []
    for path in folder.glob("*.align") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != workspace_path.stem:
            continue
        taken = datetime.strptime(match["when"], "%Y-%m-%d %H%M%S")
        found.append(Backup(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def thin(workspace_path: Path, now: datetime) -> list[Path]:
    """Delete the backups that thinning no longer keeps; return them."""
    backups = list_backups(workspace_path)
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

    The current state is backed up first; the copy is written beside the workspace, flushed to
    disk and renamed into place, and stale `-wal` and `-shm` files are removed, so that the file
    is either the old workspace or the backup, never a mixture.
    """
    lock.acquire(workspace_path)
    try:
        before = take_backup(workspace_path, "before restore")
        staging = workspace_path.with_name(f".{workspace_path.name}.restoring")
        staging.unlink(missing_ok=True)
        try:
            _vacuum_into(backup, staging)
            with staging.open("rb+") as handle:
                os.fsync(handle.fileno())
            for suffix in ("-wal", "-shm"):
                Path(f"{workspace_path}{suffix}").unlink(missing_ok=True)
            os.replace(staging, workspace_path)
        finally:
            staging.unlink(missing_ok=True)
        return before
    finally:
        lock.release(workspace_path)
