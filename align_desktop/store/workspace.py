"""One open workspace file: create, open (with checks and migration), transactions, close.

Reads use a plain sqlite3 connection; writes use an SQLAlchemy session, and SQLAlchemy is only
imported when the first write (or `prepare_writes`) needs it, so a workspace opens and shows
without waiting for it.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.store import lock, schema
from align_desktop.store.connection import connect, transaction
from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

WORKSPACE_SUFFIX = ".align"


class Workspace:
    """An open workspace: the connection reads run on, and the engine writes run in."""

    def __init__(self, path: Path, reader: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        """Opened without the lock: everything can be read, every write is refused."""
        self._reader = reader
        self._engine: Engine | None = None

    @classmethod
    def create(
        cls, path: Path, name: str | None = None, populate: Callable[[Session], None] | None = None
    ) -> Workspace:
        """Create a workspace at `path`, filled by `populate` (empty by default).

        The file is built under a temporary name and renamed into place, so it appears
        complete or not at all.
        """
        from align_desktop.store.creation import build_workspace

        path = Path(path)
        if path.exists():
            owner = lock.read_owner(path)
            if owner is not None and not lock.is_stale(owner):
                raise lock.WorkspaceInUse(path, owner)
            raise WorkspaceExists(f"{path} already exists; choose another name.")
        if not path.parent.is_dir():
            raise WorkspaceError(f"The folder {path.parent} does not exist.")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise WorkspaceReadOnly(f"The folder {path.parent} is read-only.")
        staging = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            build_workspace(staging, name or path.stem, populate)
        except BaseException:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{staging}{suffix}").unlink(missing_ok=True)
            raise
        os.replace(staging, path)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, break_lock: bool = False) -> Workspace:
        """Open an existing workspace for editing (taking its lock), migrating an older schema first.

        Refuses (with a `WorkspaceError`) anything that is not a workspace this build can write,
        before any byte of it is changed; `WorkspaceInUse` when another Align Desktop has it open
        (`break_lock` takes the lock anyway, after the user confirmed that program has gone).
        `read_only` opens it without the lock, refusing every write.
        """
        path = Path(path).resolve()
        if read_only:
            return cls._open_read_only(path)
        schema.inspect_file(path, for_writing=True)
        lock.acquire(path, break_foreign=break_lock)
        reader = None
        try:
            # look first without writing: a damaged file must not gain a journal beside it
            probe = connect(path, read_only=True)
            try:
                version = _checked_version(probe, path)
            finally:
                probe.close()
            reader = connect(path)
            workspace = cls(path, reader)
            if version < schema.SCHEMA_VERSION:
                from align_desktop.store.backup import take_backup
                from align_desktop.store.migrate import upgrade_to_head

                take_backup(path, f"before upgrade from schema {version}")
                upgrade_to_head(workspace.engine())
        except sqlite3.DatabaseError as exc:
            if reader is not None:
                reader.close()
            lock.release(path)
            raise NotAWorkspace(f"{path} cannot be read as a workspace ({exc}).") from exc
        except BaseException:
            if reader is not None:
                reader.close()
            lock.release(path)
            raise
        return workspace

    @classmethod
    def _open_read_only(cls, path: Path) -> Workspace:
        version = schema.inspect_file(path, for_writing=False)
        if version < schema.SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path} was written by an older Align Desktop; open it for editing once to upgrade it."
            )
        try:
            reader = connect(path, read_only=True)
            _checked_version(reader, path)
        except sqlite3.DatabaseError as exc:
            raise NotAWorkspace(f"{path} cannot be read as a workspace ({exc}).") from exc
        return cls(path, reader, read_only=True)

    def close(self) -> None:
        """Close every connection (SQLite folds the journal back into the file) and give up the lock."""
        self._reader.close()
        if self._engine is not None:
            self._engine.dispose()
        if not self.read_only:
            lock.release(self.path)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The reading connection in one transaction, so that everything read is consistent."""
        with transaction(self._reader) as db:
            yield db

    def engine(self) -> Engine:
        """The SQLAlchemy engine writes use, created (and SQLAlchemy imported) on first need."""
        if self._engine is None:
            from align_desktop.store.engine import make_engine

            self._engine = make_engine(self.path)
        return self._engine

    def prepare_writes(self) -> None:
        """Import and set up what writing needs now, so that the first edit does not wait."""
        if self.read_only:
            return
        from align_desktop.store import models  # noqa: F401 - imported for its cost, ahead of need

        self.engine()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed whole on success, rolled back on error."""
        if self.read_only:
            raise WorkspaceReadOnly(f"{self.path} is open read-only; nothing can be changed.")
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine(), expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise WorkspaceError(f"The change could not be saved to {self.path}: {exc.orig}") from exc


def _checked_version(db: sqlite3.Connection, path: Path) -> int:
    """The schema version as SQLite reports it (the journal may hold a newer header)."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if application_id != schema.APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database of another program.")
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceTooNew(schema.describe_version_too_new(path, version))
    return version
