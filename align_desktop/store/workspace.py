"""One open workspace file: create, open (with checks and migration), transactions, close."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from align_desktop.domain.vocabulary import (
    DEFAULT_CURRENCY,
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_HORIZON,
    DEFAULT_LANES,
    DEFAULT_READINESS_GATE,
)
from align_desktop.store import models, schema
from align_desktop.store.engine import make_engine, writer
from align_desktop.store.errors import (
    NotAWorkspace,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceReadOnly,
    WorkspaceTooNew,
)

WORKSPACE_SUFFIX = ".align"


class Workspace:
    """An open workspace: the engine over its file and the transactions services run in."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._writer = writer(engine)

    @classmethod
    def create(
        cls, path: Path, name: str | None = None, populate: Callable[[Session], None] | None = None
    ) -> Workspace:
        """Create a workspace at `path`, filled by `populate` (empty by default).

        The file is built under a temporary name and renamed into place, so it appears
        complete or not at all.
        """
        path = Path(path)
        if path.exists():
            raise WorkspaceExists(f"{path} already exists; choose another name.")
        if not path.parent.is_dir():
            raise WorkspaceError(f"The folder {path.parent} does not exist.")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise WorkspaceReadOnly(f"The folder {path.parent} is read-only.")
        staging = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        engine = make_engine(staging)
        try:
            from align_desktop.store.migrate import upgrade_to_head

            upgrade_to_head(engine)
            with Session(writer(engine)) as session, session.begin():
                _seed(session, name or path.stem)
                if populate is not None:
                    populate(session)
        except BaseException:
            engine.dispose()
            _remove_with_journal(staging)
            raise
        engine.dispose()
        os.replace(staging, path)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> Workspace:
        """Open an existing workspace for editing, migrating an older schema first.

        Refuses (with a `WorkspaceError`) anything that is not a workspace this build can write,
        before any byte of it is changed.
        """
        path = Path(path).resolve()
        schema.inspect_file(path, for_writing=True)
        engine = make_engine(path)
        try:
            version = _checked_version(engine, path)
            if version < schema.SCHEMA_VERSION:
                from align_desktop.store.migrate import upgrade_to_head

                upgrade_to_head(engine)
        except DatabaseError as exc:
            engine.dispose()
            raise NotAWorkspace(f"{path} cannot be read as a workspace ({exc.orig}).") from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(path, engine)

    def close(self) -> None:
        """Close every connection; SQLite folds the journal back into the file."""
        self._engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session in one read transaction, so that everything it sees is consistent."""
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed whole on success, rolled back on error."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise WorkspaceError(f"The change could not be saved to {self.path}: {exc.orig}") from exc


def _checked_version(engine: Engine, path: Path) -> int:
    """The schema version as SQLite reports it (the journal may hold a newer header)."""
    with engine.connect() as connection:
        application_id = connection.exec_driver_sql("PRAGMA application_id").scalar_one()
        version = int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())
    if application_id != schema.APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database of another program.")
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceTooNew(schema.describe_version_too_new(path, version))
    return version


def _seed(session: Session, name: str) -> None:
    session.execute(
        insert(models.WorkspaceSettings),
        [
            {
                "id": 1,
                "name": name,
                "currency": DEFAULT_CURRENCY,
                "discount_rate": DEFAULT_DISCOUNT_RATE,
                "horizon": DEFAULT_HORIZON,
                "readiness_gate": DEFAULT_READINESS_GATE,
                "created_at": datetime.now(UTC).replace(tzinfo=None),
            }
        ],
    )
    session.execute(
        insert(models.Lane), [{"name": lane, "position": i} for i, lane in enumerate(DEFAULT_LANES)]
    )


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
