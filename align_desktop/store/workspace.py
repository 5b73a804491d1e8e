"""One open workspace file: create, open (with checks and migration), transactions, close.

Reads use a plain sqlite3 connection; writes use an SQLAlchemy session, and SQLAlchemy is only
imported when the first write (or `prepare_writes`) needs it, so a workspace opens and shows
without waiting for it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.store import lock, schema
from align_desktop.store.connection import UNREADABLE, connect, error_text, transaction
from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from align_desktop.store.server import ServerAddress
    from align_desktop.store.server_workspace import ChangeListener

WORKSPACE_SUFFIX = ".align"
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class Workspace:
    """An open workspace: the connection reads run on, and the engine writes run in."""

    _SET_AUTHOR_SQL = (
        "INSERT INTO audit_context (id, who) VALUES (1, :who) "
        "ON CONFLICT (id) DO UPDATE SET who = excluded.who WHERE who IS NOT excluded.who"
    )
    """Names the author for the audit triggers; writes nothing when the author is already named."""

    def __init__(self, path: Path, reader: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        """Opened without the lock: everything can be read, every write is refused."""
        self._reader = reader
        self._engine: Engine | None = None
        self.author = lock.current_user()
        """Who the audit trail names for this workspace's writes: the OS user unless set."""

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
        import uuid  # only when a workspace is created: opening one stays light

        staging = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            build_workspace(staging, name or path.stem, populate)
        except BaseException:
            _remove_with_journal(staging)
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
        try:
            # look first without writing: a damaged file must not gain a journal beside it
            probe = connect(path, read_only=True)
            try:
                version = _verified(probe, path)
            finally:
                probe.close()
            if version < schema.SCHEMA_VERSION:
                _upgrade(path, version)
            reader = connect(path)
        except UNREADABLE as exc:
            lock.release(path)
            raise WorkspaceDamaged(_damaged(path, error_text(exc))) from exc
        except BaseException:
            lock.release(path)
            raise
        return cls(path, reader)

    @classmethod
    def _open_read_only(cls, path: Path) -> Workspace:
        version = schema.inspect_file(path, for_writing=False)
        if version < schema.SCHEMA_VERSION:
            raise WorkspaceError(
                f"{path} was written by an older Align Desktop; open it for editing once to upgrade it."
            )
        try:
            reader = connect(path, read_only=True)
        except UNREADABLE as exc:
            raise WorkspaceDamaged(_damaged(path, error_text(exc))) from exc
        try:
            _verified(reader, path)
        except BaseException as exc:
            reader.close()
            if isinstance(exc, UNREADABLE):
                raise WorkspaceDamaged(_damaged(path, error_text(exc))) from exc
            raise
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
        """The reading connection in one transaction, so that everything read is consistent.

        Damage that the checks on opening did not see (or that came later) is a `WorkspaceDamaged`
        naming the file, not an SQLite error.
        """
        try:
            with transaction(self._reader) as db:
                yield db
        except UNREADABLE as exc:
            code = getattr(exc, "sqlite_errorcode", None)  # none when the module refused (a connection's thread)
            if isinstance(exc, sqlite3.DatabaseError) and (code is None or code & 0xFF not in _DAMAGE_CODES):
                raise  # a mistake in the query or its use, not damage
            raise WorkspaceDamaged(_damaged(self.path, error_text(exc))) from exc

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
            raise WorkspaceReadOnly(f"{self.where} is open read-only; nothing can be changed.")
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine(), expire_on_commit=False) as session, session.begin():
                session.execute(text(self._SET_AUTHOR_SQL), {"who": self.author})
                yield session
                self._before_commit(session)
        except OperationalError as exc:
            from align_desktop.store.faults import write_failure

            why = write_failure(exc.orig or exc)
            raise WorkspaceError(f"The change could not be saved to {self.where}: {why}.") from exc

    @property
    def where(self) -> str:
        """The workspace as messages name it."""
        return str(self.path)

    def _before_commit(self, session: Session) -> None:
        """What a write transaction does last, before its commit: nothing more in a file."""

    def data_version(self, db: sqlite3.Connection) -> object:
        """What the read transaction `db` sees, as a value that changes whenever anything is committed:
        SQLite's `data_version` (moved by other connections' commits, the write engine's included)."""
        return int(db.execute("PRAGMA data_version").fetchone()[0])

    def listen(self) -> ChangeListener | None:
        """Who tells the app of changes others make: nobody for a file, which one Align Desktop edits at a time."""
        return None

    @property
    def location(self) -> Path | ServerAddress:
        """Where the workspace is, as the app reopens it: the file's path, or the team workspace's address."""
        return self.path


def _verified(db: sqlite3.Connection, path: Path) -> int:
    """The schema version of the workspace `db` reads, after refusing one this build cannot use.

    Its identity and version are checked as SQLite reports them (the journal may hold a newer
    header than the file), then SQLite's quick check reads every page once (15 ms for the
    `stress` sample) and, at this build's schema, its tables are compared with `schema.TABLES`:
    a damaged file is refused here rather than failing in the middle of a read, and before
    anything (such as an upgrade) writes to it.
    """
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if application_id != schema.APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database of another program.")
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceTooNew(schema.describe_version_too_new(path, version))
    (finding,) = db.execute("PRAGMA quick_check(1)").fetchone()
    if finding != "ok":
        raise WorkspaceDamaged(_damaged(path, finding))
    if version == schema.SCHEMA_VERSION:
        _check_tables(db, path)
    return version


def _check_tables(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a workspace whose tables are not those of this build's schema (`schema.TABLES`)."""
    for table, expected in schema.TABLES.items():
        found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}  # fixed names, no user text
        if not found:
            raise WorkspaceDamaged(_damaged(path, f"it has no table {table}"))
        if found != expected:
            different = ", ".join(sorted(found ^ expected))
            raise WorkspaceDamaged(_damaged(path, f"its table {table} differs in the columns {different}"))


def _damaged(path: Path, finding: str) -> str:
    return (
        f"{path} cannot be read as a workspace: it is damaged ({' '.join(finding.split())}). "
        "Nothing was changed; restore a backup of it, or rescue what can still be read into a new file "
        f"(align-desktop check {path} --rescue NEW.align)."
    )


def _upgrade(path: Path, version: int) -> None:
    """Bring the locked workspace at `path` from schema `version` to this build's, every step or none.

    It is backed up, then the upgrade is rehearsed on a copy beside it, which is checked as any
    workspace is on opening: only an upgrade that succeeded there runs on the file itself (in
    place, so that it keeps its permissions and identity), and one that fails leaves the file
    exactly as it was.
    """
    from align_desktop.store.backup import copy_workspace, take_backup

    take_backup(path, f"before upgrade from schema {version}")
    rehearsal = path.with_name(f".{path.name}.upgrading")
    _remove_with_journal(rehearsal)
    try:
        copy_workspace(path, rehearsal)
        _migrate(rehearsal, path, version, "nothing in it was changed")
        upgraded = connect(rehearsal, read_only=True)
        try:
            _verified(upgraded, path)
        finally:
            upgraded.close()
    finally:
        _remove_with_journal(rehearsal)
    _migrate(path, path, version, "restore the backup taken before the upgrade")


def _migrate(target: Path, path: Path, version: int, then: str) -> None:
    """Run every missing migration on the file `target`, the workspace at `path` or a copy of it.

    A step that fails is a refusal naming `path`, ending with `then` (what has become of it).
    """
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from align_desktop.store.engine import make_engine
    from align_desktop.store.migrate import upgrade_to_head

    engine = make_engine(target)
    try:
        upgrade_to_head(engine)
    except (SQLAlchemyError, CommandError) as exc:
        reason = " ".join(str(getattr(exc, "orig", None) or exc).splitlines()[:1])
        raise NotAWorkspace(f"{path} could not be upgraded from schema {version} ({reason}); {then}.") from exc
    finally:
        engine.dispose()


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
