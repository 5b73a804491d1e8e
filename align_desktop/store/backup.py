"""Online-safe copies of a workspace (SQLite's `VACUUM INTO`, never a raw copy of an open file).

Backups live next to the workspace, in a folder named after it: `Plan.align` keeps its copies in
`Plan.backups/`, each named with its time and the reason it was taken.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

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
    return target
