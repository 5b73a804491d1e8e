"""Identity of a workspace file: SQLite header checks done on raw bytes, before any connection."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceMissing,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)

APPLICATION_ID = 0x414C474E  # "ALGN": marks an SQLite file as an Align Desktop workspace
SCHEMA_VERSION = 4
"""Number of the newest migration this build knows; stored in `PRAGMA user_version`."""
HEAD_REVISION = "0004"
"""Alembic revision id of that migration."""

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_USER_VERSION_OFFSET = 60
_APPLICATION_ID_OFFSET = 68


def describe_version_too_new(path: Path, version: int) -> str:
    return (
        f"{path} was written by a newer Align Desktop (workspace schema {version}; "
        f"this version reads up to {SCHEMA_VERSION}). Update Align Desktop to open it."
    )


def inspect_file(path: Path, *, for_writing: bool) -> int:
    """Check that `path` is an Align Desktop workspace this build may open; return its schema.

    Only the first 100 bytes are read, so a refused file is never touched.
    """
    if not path.exists():
        raise WorkspaceMissing(f"There is no workspace at {path}.")
    if path.is_dir():
        raise NotAWorkspace(f"{path} is a folder, not a workspace file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise WorkspaceReadOnly(f"{path} cannot be read: permission denied.") from exc
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(f"{path} is not an Align Desktop workspace (not an SQLite database).")
    application_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if application_id != APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database of another program, not an Align Desktop workspace.")
    version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNew(describe_version_too_new(path, version))
    if for_writing:
        ensure_writable(path)
    return version


def ensure_writable(path: Path) -> None:
    """Refuse a file whose write permission bits are all cleared, or that this user cannot write.

    The bits are checked too because root may write any file: a file marked read-only is
    treated as read-only whoever runs the app.
    """
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WorkspaceReadOnly(f"{path} is read-only. Make it writable, or copy it to a folder you can write to.")
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkspaceReadOnly(f"The folder {folder} is read-only; a workspace needs to write its journal beside it.")
