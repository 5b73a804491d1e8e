"""Move a workspace between a file and a server: publish a file as a team workspace, download one into a file.

Either way every row of every table is copied as it is, ids included, so keys, links, key counters,
snapshots and the audit trail are the same on both sides; and either way it is all or nothing.
Publishing fills an empty database in one transaction (`ServerWorkspace.create_on_server`, which then
moves the id sequences past the copied ids); downloading builds a new file under a temporary name and
renames it into place (`Workspace.create`). The workspace read is one consistent state of it: a
read transaction of the file, a REPEATABLE READ transaction on the server.

Rows are read as the sqlite3 driver returns them, from either engine (`ServerReader` reads a server
that way): dates and times as text, booleans as 0 and 1. Each column's type in the models turns them
into Python values, as SQLAlchemy reads them from a file, and `insert_rows` writes those as SQLAlchemy
writes to the destination, so one path serves both directions. The audit triggers record nothing:
`audit_context` is emptied first and filled last (`app_tables`), as when a workspace is restored.
Undoing an import into a team workspace puts its backup back onto the server with the same copy
(`copy_rows`, keeping the snapshots taken since: `store.team_imports`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from align_desktop.store import schema
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.imports import ORIGIN_TABLE, app_tables
from align_desktop.store.server import ServerAddress
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy import Column, Dialect, Table
    from sqlalchemy.orm import Session


class RowSource(Protocol):
    """A workspace's reading connection: a file's sqlite3 connection, or a team workspace's `ServerReader`."""

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Iterable[Sequence[Any]]: ...


def publish(source: Path, address: ServerAddress) -> None:
    """Copy the workspace file at `source` into the empty database at `address`, as a team workspace.

    The file is only read, and must be at this build's schema. `WorkspaceExists` when the database is not
    empty; when anything fails, the database is left as empty as it was.
    """
    from align_desktop.store.server_workspace import ServerWorkspace

    source = Path(source)
    workspace = Workspace.open(source, read_only=True)
    try:
        with workspace.read() as db:
            published = ServerWorkspace.create_on_server(address, source.stem, lambda session: copy_rows(db, session))
        published.close()
    finally:
        workspace.close()


def download(address: ServerAddress, target: Path, *, who: str | None = None, as_copy: bool = True) -> None:
    """Copy the team workspace at `address` into a new workspace file at `target`.

    The team workspace is only read, and must be at this build's schema. `WorkspaceExists` when `target`
    exists; the new file appears whole or not at all. As a copy (for an offline workshop), the file also
    records where it came from and what it held, downloaded by `who` (the OS user by default), so that its
    changes can be pushed back (`store.push`); a backup does not.
    """
    from align_desktop.store.lock import current_user
    from align_desktop.store.push import remember_origin
    from align_desktop.store.server_workspace import check_tables, open_reader, schema_version
    from align_desktop.store.session_reader import session_reader

    reader = open_reader(address)
    try:
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")  # closing the connection ends it
        if schema_version(reader, address) < schema.SCHEMA_VERSION:
            raise WorkspaceError(
                f"{address} is a team workspace of an older Align Desktop; "
                "open it in Align Desktop once to upgrade it, then download it."
            )
        check_tables(reader, address)

        def populate(session: Session) -> None:
            copy_rows(reader, session)
            if as_copy:
                remember_origin(session, address, session_reader(session), who or current_user())

        Workspace.create(Path(target), populate=populate).close()
    finally:
        reader.close()


def copy_rows(source: RowSource, session: Session, kept: Collection[str] = ()) -> None:
    """Make every table of the workspace `session` writes hold exactly the rows `source` reads, but the tables
    named in `kept`, left as they are, and `team_origin`, which belongs to one file (a downloaded copy).

    What the destination held (a new workspace's default settings and lanes) is removed first.
    """
    from sqlalchemy import delete

    from align_desktop.store.models import Base

    tables = [Base.metadata.tables[name] for name in app_tables() if name not in kept and name != ORIGIN_TABLE]
    for table in reversed(tables):
        session.execute(delete(table))
    for table in tables:
        _copy_table(source, session, table)


def _copy_table(source: RowSource, session: Session, table: Table) -> None:
    """Copy every row of `table`, in the order of its primary key (a snapshot's base before the snapshot)."""
    from align_desktop.store.bulk_insert import insert_rows

    names = [column.name for column in table.columns]
    readers = [value_reader(column) for column in table.columns]
    listed = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
    rows = [
        {name: value if read is None else read(value) for name, read, value in zip(names, readers, row, strict=True)}
        for row in source.execute(f"SELECT {listed} FROM {table.name} ORDER BY {order}")  # names from the models
    ]
    if session.get_bind().dialect.name == "postgresql":
        for row in rows:
            who = f"{table.name.replace('_', ' ')} {row['key']}" if "key" in row else f"a row of {table.name}"
            refuse_nul(row, who, "remove it in the file, then publish it again")
    insert_rows(session, table, rows)


def refuse_nul(values: Mapping[str, object], who: str, then: str) -> None:
    """Refuse values bound for a server with a NUL character in a text: PostgreSQL cannot store one, and would
    refuse the whole transaction with a message that names no row. This one names the field and `who` has it (the
    item as people call it); `then` says what to do about it."""
    for name, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            raise WorkspaceError(
                f"The {name.replace('_', ' ')} of {who} holds a NUL character (\\0), which a PostgreSQL server "
                f"cannot store; {then}."
            )


def value_reader(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How SQLAlchemy turns the column's value as stored in a file into Python's (text into a date, say)."""
    dialect = _sqlite_dialect()
    reader: Callable[[Any], Any] | None = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return reader


@cache
def _sqlite_dialect() -> Dialect:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()
