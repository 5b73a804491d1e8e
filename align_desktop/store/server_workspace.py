"""A team workspace open on a PostgreSQL server: create, open (with checks and migration), read, write, close.

It offers what a workspace file does (`Workspace`), so every service runs on it unchanged:
reads on one connection in REPEATABLE READ transactions (everything read at once comes from
one state of the database, as in a file), writes through SQLAlchemy in one transaction each.
There is no lock file: many people may have a team workspace open at once. Each write
transaction ends with a notification (PostgreSQL's LISTEN/NOTIFY, sent on commit) naming the
workspace it came from; `listen()` gives the app a `ChangeListener` that tells it when someone
else changed the workspace, so that it shows their changes without a restart.

The schema is the file's, made by the same Alembic migrations; its version is the
`alembic_version` row (a file keeps it in its header as well). Upgrading takes a transaction-level
advisory lock, so two people opening an older workspace at once upgrade it once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from align_desktop.store import schema
from align_desktop.store.errors import NotAWorkspace, WorkspaceError, WorkspaceExists, WorkspaceTooNew
from align_desktop.store.server import ServerAddress, ServerReader, connect
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

UPGRADE_LOCK = 0x414C474E
"""The advisory lock key upgrades take ("ALGN", as a file's application id)."""
CHANNEL = "align_desktop_changes"
"""The notification channel every write transaction notifies on commit."""


class ServerWorkspace(Workspace):
    """A team workspace: one database on a PostgreSQL server."""

    _SET_AUTHOR_SQL = (
        "INSERT INTO audit_context (id, who) VALUES (1, :who) "
        "ON CONFLICT (id) DO UPDATE SET who = excluded.who WHERE audit_context.who IS DISTINCT FROM excluded.who"
    )

    def __init__(self, address: ServerAddress, reader: ServerReader, *, read_only: bool = False) -> None:
        super().__init__(Path(), reader, read_only=read_only)  # type: ignore[arg-type]  # a reader of its own kind
        self.address = address
        """Where it is, with the password the user typed if the server asked for one (kept in memory only)."""
        import uuid

        self.token = uuid.uuid4().hex
        """Names this open workspace in its notifications, so that it does not reload for its own writes."""

    @property
    def where(self) -> str:
        return f"the team workspace {self.address}"

    @property
    def location(self) -> ServerAddress:
        return self.address

    @property
    def path(self) -> NoReturn:  # a team workspace has no file
        raise WorkspaceError(
            f"{self.address} is a team workspace on a server, not a file: backups beside the file, restoring "
            "one and rescue work on workspace files only."
        )

    @path.setter
    def path(self, _: Path) -> None:
        """The file workspace's constructor sets a path; a team workspace keeps its address instead."""

    @classmethod
    def create_on_server(
        cls,
        address: ServerAddress,
        name: str,
        populate: Callable[[Session], None] | None = None,
    ) -> ServerWorkspace:
        """Make a workspace in the empty database at `address`, filled by `populate`: all of it or nothing."""
        from sqlalchemy import text
        from sqlalchemy.orm import Session

        from align_desktop.store.creation import fill_workspace
        from align_desktop.store.migrate import upgrade_to_head

        reader = open_reader(address)
        try:
            tables = reader.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            ).fetchone()
        finally:
            reader.close()
        if tables is not None and tables[0]:
            raise WorkspaceExists(f"The database {address} is not empty; make a new database for the workspace.")
        engine = server_engine(address)
        try:
            with engine.begin() as connection:  # the schema and the contents: one transaction
                upgrade_to_head(connection)
                with Session(bind=connection) as session:
                    fill_workspace(session, name, populate)
                    session.flush()
                    session.execute(text(_realign_sequences_sql()))
        finally:
            engine.dispose()
        return cls.open_on_server(address)

    @classmethod
    def open_on_server(cls, address: ServerAddress) -> ServerWorkspace:
        """Open the team workspace at `address`, upgrading an older schema first; refuse anything else.

        A role that may read the tables but not change them (docs/team-roles.sql: a viewer) opens it read-only.
        """
        reader = open_reader(address)
        try:
            version = schema_version(reader, address)
            if version < schema.SCHEMA_VERSION:
                _upgrade(address, version)
            check_tables(reader, address)
            may_edit = reader.execute("SELECT has_table_privilege('initiative', 'UPDATE')").fetchone()
        except BaseException:
            reader.close()
            raise
        return cls(address, reader, read_only=not (may_edit and may_edit[0]))

    def close(self) -> None:
        self._reader.close()
        if self._engine is not None:
            self._engine.dispose()

    @contextmanager
    def read(self) -> Iterator[ServerReader]:  # type: ignore[override]
        """The reading connection in one REPEATABLE READ transaction: everything read is consistent."""
        reader: ServerReader = self._reader  # type: ignore[assignment]
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield reader
        except BaseException:
            reader.execute("ROLLBACK")
            raise
        reader.execute("COMMIT")

    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = server_engine(self.address)
        return self._engine

    def _before_commit(self, session: Session) -> None:
        """Move each id sequence past rows written with ids of their own (undo and restores put rows back
        under their old ids; SQLite hands out the next id after the largest, a sequence does not look)."""
        from sqlalchemy import text

        session.execute(text(_realign_sequences_sql()))
        session.execute(text("SELECT pg_notify(:channel, :token)"), {"channel": CHANNEL, "token": self.token})

    def data_version(self, db: sqlite3.Connection) -> object:
        """The read transaction's snapshot (the transactions finished, and those still running when it began):
        two reads with equal snapshots see the same committed data."""
        return str(db.execute("SELECT pg_current_snapshot()").fetchone()[0])

    def listen(self) -> ChangeListener:
        """A listener told of every write others commit to this team workspace."""
        return ChangeListener(self.address, self.token)


class ChangeListener:
    """A connection of its own, listening for the notifications write transactions send on commit.

    The app watches `fileno()` for input (a socket notifier) and asks `others_changed()`, which
    reads what arrived without waiting.
    """

    def __init__(self, address: ServerAddress, own_token: str) -> None:
        self._address = address
        self._connection = connect(address)
        self._connection.execute(f"LISTEN {CHANNEL}")
        self._own = own_token

    def fileno(self) -> int:
        return self._connection.fileno()

    def others_changed(self) -> bool:
        """Whether anyone else committed a change since last asked (this workspace's own writes do not count).

        A lost connection is a `WorkspaceError` saying so.
        """
        import psycopg

        try:
            notices = list(self._connection.notifies(timeout=0))
        except psycopg.Error as exc:
            raise WorkspaceError(
                f"The connection to {self._address} was lost ({_first_line(exc)}); "
                "changes others make no longer show until you open the team workspace again."
            ) from exc
        return any(notice.payload != self._own for notice in notices)

    def close(self) -> None:
        self._connection.close()


@cache
def _realign_sequences_sql() -> str:
    """One statement setting every table's id sequence to its largest id, where that id is past it."""
    from align_desktop.store.models import Base

    tables = [
        table.name
        for table in Base.metadata.sorted_tables
        if [column.name for column in table.primary_key.columns] == ["id"] and table.name != "audit_context"
    ]
    largest = " UNION ALL ".join(
        f"SELECT pg_get_serial_sequence('{name}', 'id') AS sequence, (SELECT max(id) FROM {name}) AS largest"
        for name in tables
    )
    return (
        f"SELECT setval(found.sequence, found.largest) FROM ({largest}) AS found "
        "JOIN pg_sequences ON pg_sequences.schemaname || '.' || pg_sequences.sequencename = found.sequence "
        "WHERE found.largest > COALESCE(pg_sequences.last_value, 0)"
    )


@contextmanager
def read_server(address: ServerAddress) -> Iterator[tuple[sqlite3.Connection, int]]:
    """A connection reading the team workspace at `address`, and its schema version, for reports.

    The connection is a `ServerReader`; it stands in for the file's connection in the queries.
    """
    reader = open_reader(address)
    try:
        yield cast(sqlite3.Connection, reader), schema_version(reader, address)
    finally:
        reader.close()


def open_reader(address: ServerAddress) -> ServerReader:
    """A reading connection to the team workspace; a server that cannot be reached is one sentence."""
    import psycopg

    try:
        return ServerReader(connect(address))
    except psycopg.OperationalError as exc:
        raise WorkspaceError(f"Cannot connect to {address}: {_first_line(exc)}.") from exc


def server_engine(address: ServerAddress) -> Engine:
    """The SQLAlchemy engine writes (and migrations) use on the team workspace's database."""
    from sqlalchemy import create_engine

    return create_engine("postgresql+psycopg://", creator=lambda: connect(address, autocommit=False))


def schema_version(reader: ServerReader, address: ServerAddress) -> int:
    """The schema version the database holds; `NotAWorkspace` when it holds no workspace."""
    found = reader.execute("SELECT to_regclass('alembic_version') IS NOT NULL").fetchone()
    row = reader.execute("SELECT version_num FROM alembic_version").fetchone() if found and found[0] else None
    if row is None or not str(row[0]).isdigit():
        raise NotAWorkspace(f"The database {address} holds no Align Desktop workspace.")
    version = int(row[0])
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceTooNew(
            f"{address} was written by a newer Align Desktop (schema {version}, this one knows "
            f"{schema.SCHEMA_VERSION}); update Align Desktop to open it."
        )
    return version


def check_tables(reader: ServerReader, address: ServerAddress) -> None:
    """Refuse a database whose tables are not those of this build's schema (`schema.TABLES`)."""
    found: dict[str, set[str]] = {}
    for table, column in reader.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
    ):
        found.setdefault(table, set()).add(column)
    for table, expected in schema.TABLES.items():
        if found.get(table, set()) != expected:
            raise NotAWorkspace(
                f"The database {address} does not hold a workspace of this Align Desktop: its table {table} differs."
            )


def _upgrade(address: ServerAddress, version: int) -> None:
    """Every missing migration, in one transaction holding the upgrade lock: all of them or none.

    Only a role that may change the schema (the database's owner) can; anyone else is told so.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import ProgrammingError

    from align_desktop.store.migrate import upgrade_to_head

    engine = server_engine(address)
    try:
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
            upgrade_to_head(connection)  # a no-op when someone else upgraded it while this waited
    except ProgrammingError as exc:
        raise WorkspaceError(
            f"{address} holds a workspace of an older Align Desktop (schema {version}), and {address.user} may not "
            "upgrade it; the database's owner opens it once with this version of Align Desktop to upgrade it."
        ) from exc
    finally:
        engine.dispose()


def _first_line(exc: psycopg.Error) -> str:
    return " ".join(str(exc).splitlines()[:1]).rstrip(".")
