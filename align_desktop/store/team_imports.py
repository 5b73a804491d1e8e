"""Importing a workbook into a team workspace: backed up by a download, undone only if nobody changed it since.

A workspace file is backed up beside itself before an import, and the import's undo puts that backup
back. A team workspace has no file beside it, and others edit it at the same time, so:

- **Backup.** `take_team_backup` downloads the team workspace (`transfer.download`) into a file in a
  folder of the user's: `<data folder>/team backups/<host>-<port>-<database>/`, named and thinned as a
  file's backups are (`store.backup`). The store takes the data folder as a parameter: the app passes
  its Qt data folder, the command line `user_data_folder()`.
- **Apply.** `apply_after_backup` applies the import in one write transaction that first locks every
  table of the workspace (`LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE`: others go on reading, nobody else
  writes until it commits) and checks that the team workspace still holds what the backup holds;
  someone's change saved between the download and the import refuses it (nothing is imported: import
  again). Its last step is the digest of what it leaves (`contents_digest`).
- **Undo.** `restore_unless_changed` takes the same lock and puts the backup back (every table but the
  snapshots, which are kept, as in a file) only if the digest is still the one the import left: nobody
  changed the team workspace since. Otherwise putting the backup back would wipe out their changes, so
  it refuses, naming the backup, and changes nothing. Redo applies the import again, which checks in
  turn that nobody changed the team workspace since the undo.

Why a digest and a table lock: the digest compares the contents themselves (every row of every table
the undo puts back, read as the file's driver reads them, so that a backup file and the server are
compared alike), whoever wrote them and however (the app, another version of it, `psql`); the lock,
taken before the digest is read, makes the check and the restore one: no write can come between them,
and none is lost. Every write transaction of the store already waits for the one before (each starts
by naming its author in the one `audit_context` row, which locks that row), so the lock makes no one
wait longer; it guards against writers outside the store as well. An advisory lock would only hold off
writers that take it too.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import sys
import time
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.store import schema
from align_desktop.store.backup import new_backup_path, thin_backups
from align_desktop.store.collector import collector_paused
from align_desktop.store.connection import connect
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.imports import BACKUP_REASON, KEPT_THROUGH_RESTORE, ImportChanges, app_tables
from align_desktop.store.server import ServerAddress
from align_desktop.store.session_reader import session_reader
from align_desktop.store.transfer import RowSource, copy_rows, download
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

APP_NAME = "Align Desktop"
TEAM_BACKUPS = "team backups"
"""The folder, in the user's data folder, that holds a folder of backups per team workspace."""
LEFTOVER_AGE_S = 60 * 60
"""A hidden file a download left in a backup folder is removed once untouched this long (the download was killed)."""
_UNSAFE = re.compile(r"[^\w.-]+")


def user_data_folder(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ, home: Path | None = None
) -> Path:
    """The user's folder for Align Desktop's data, as the command line finds it (the app asks Qt instead).

    `$XDG_DATA_HOME/align-desktop` (else `~/.local/share/align-desktop`) on Linux and other Unixes,
    `%LOCALAPPDATA%/Align Desktop` on Windows, `~/Library/Application Support/Align Desktop` on macOS.
    """
    home = Path.home() if home is None else home
    if platform == "win32":
        local = environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / APP_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    xdg = environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share") / "align-desktop"


def team_backup_folder(data_folder: Path, address: ServerAddress) -> Path:
    """Where the backups of the team workspace at `address` go: `team backups/<host>-<port>-<database>`."""
    return data_folder / TEAM_BACKUPS / _safe(f"{address.host}-{address.port}-{address.database}")


def _safe(name: str) -> str:
    """`name` with every character a file name may not hold on some system (`:` of an IPv6 host…) as `_`."""
    return _UNSAFE.sub("_", name)


def take_team_backup(address: ServerAddress, data_folder: Path, now: datetime | None = None) -> Path:
    """Download the team workspace at `address` into a new backup in its folder under `data_folder`; its path.

    The file appears whole or not at all; the folder is then thinned as a workspace file's backups are.
    """
    moment = now or datetime.now()
    folder = team_backup_folder(data_folder, address)
    stem = _safe(address.database)
    target = new_backup_path(folder, stem, BACKUP_REASON, moment, address)
    _remove_leftovers(folder)
    download(address, target, as_copy=False)
    thin_backups(folder, stem, moment)
    return target


def _remove_leftovers(folder: Path) -> None:
    """Remove what killed downloads left (`Workspace.create` builds a file under a hidden `.tmp` name)."""
    for leftover in folder.glob(".*.tmp*"):
        try:
            if time.time() - leftover.stat().st_mtime > LEFTOVER_AGE_S:
                leftover.unlink()
        except OSError:  # gone meanwhile, or not ours to remove: tidying up is no reason to refuse the backup
            continue


@cache
def _restored_tables() -> list[Table]:
    """The tables an undo puts back and the digest covers: all but the snapshots (kept) and `audit_context`
    (who wrote last: bookkeeping for the audit triggers)."""
    from align_desktop.store.models import Base

    return [Base.metadata.tables[name] for name in app_tables() if name not in (KEPT_THROUGH_RESTORE, "audit_context")]


def contents_digest(db: RowSource) -> str:
    """A digest of every row of every table an undo puts back, read as the file's driver reads them: equal for a
    team workspace and a file (its download) that hold the same rows."""
    digest = hashlib.sha256()
    for table in _restored_tables():
        listed = ", ".join(f'"{column.name}"' for column in table.columns)
        rows = sorted(repr(tuple(row)) for row in db.execute(f"SELECT {listed} FROM {table.name}"))  # model names
        digest.update(f"{table.name} {len(rows)}\n".encode())
        digest.update("".join(f"{row}\n" for row in rows).encode())
    return digest.hexdigest()


def backup_digest(backup: Path) -> str:
    """`contents_digest` of the backup file; a `WorkspaceError` when it is gone, unreadable or of another schema."""
    db = _open_backup(backup)
    try:
        return contents_digest(db)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"The backup taken before the import ({backup}) cannot be read: {exc}") from exc
    finally:
        db.close()


def _open_backup(backup: Path) -> sqlite3.Connection:
    """A read-only connection to the backup file, after checking that it is there and of this schema."""
    if not backup.is_file():
        raise WorkspaceError(
            f"The backup taken before the import ({backup}) is gone; the import cannot be undone or redone without it."
        )
    try:
        db = connect(backup, read_only=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"The backup taken before the import ({backup}) cannot be read: {exc}") from exc
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        db.close()
        raise WorkspaceError(f"The backup taken before the import ({backup}) cannot be read: {exc}") from exc
    if version != schema.SCHEMA_VERSION:
        db.close()
        raise WorkspaceError(
            f"The backup taken before the import ({backup}) is of workspace schema {version}, "
            f"not this Align Desktop's ({schema.SCHEMA_VERSION})."
        )
    return db


def lock_workspace(session: Session) -> None:
    """Lock every table of the team workspace against others' writes until `session` commits (they may still
    read)."""
    from sqlalchemy import text

    tables = ", ".join(f'"{name}"' for name in app_tables())  # the models' names, never user text
    session.execute(text(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE"))


def _hold(session: Session) -> str:
    """`lock_workspace`, and the digest of what the team workspace holds then."""
    lock_workspace(session)
    return contents_digest(session_reader(session))


def apply_after_backup(workspace: Workspace, changes: ImportChanges, backup: Path) -> str:
    """Apply `changes` to the team workspace in one transaction, if it still holds what `backup` holds; the
    digest of what the import leaves, for its undo."""
    from align_desktop.store import import_writes

    expected = backup_digest(backup)
    with collector_paused(), workspace.write() as session:
        if _hold(session) != expected:
            raise WorkspaceError(
                f"Someone saved a change to {workspace.where} after the backup before the import was taken "
                f"({backup}), so that backup no longer holds the workspace as it is. Nothing was imported; "
                "import the workbook again."
            )
        import_writes.apply_changes(session, changes)
        session.flush()
        return contents_digest(session_reader(session))


def restore_unless_changed(workspace: Workspace, backup: Path, applied: str) -> None:
    """Put `backup` back onto the team workspace in one transaction, keeping the snapshots taken since, if it
    still holds what the import left (digest `applied`); otherwise refuse, changing nothing."""
    from sqlalchemy import text

    source = _open_backup(backup)
    try:
        with collector_paused(), workspace.write() as session:
            if _hold(session) != applied:
                raise WorkspaceError(
                    f"The import cannot be undone: others changed {workspace.where} since it was applied, and "
                    "putting back the backup taken before it would wipe out their changes. Nothing was changed. "
                    f"The workspace as it was before the import is kept in {backup}; download a copy of the "
                    "team workspace to compare them."
                )
            sessions_of_snapshots = session.execute(
                text("SELECT session_id, id FROM snapshot WHERE session_id IS NOT NULL")
            ).all()
            copy_rows(source, session, kept=(KEPT_THROUGH_RESTORE,))
            if sessions_of_snapshots:  # deleting the sessions cleared these; sessions the backup has are named again
                session.execute(
                    text(
                        "UPDATE snapshot SET session_id = :session WHERE id = :id "
                        "AND EXISTS (SELECT 1 FROM workshop_session WHERE id = :session)"
                    ),
                    [{"session": session_id, "id": snapshot_id} for session_id, snapshot_id in sessions_of_snapshots],
                )
    except sqlite3.Error as exc:
        raise WorkspaceError(f"The backup taken before the import ({backup}) cannot be read: {exc}") from exc
    finally:
        source.close()
