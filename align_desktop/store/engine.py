"""SQLAlchemy engine for one workspace file: pragmas on every connection and real transactions.

pysqlite normally defers BEGIN until the first write and commits around DDL on its own. The
driver's transaction handling is switched off here and BEGIN is emitted explicitly, so a
transaction covers reads and writes alike; write transactions use BEGIN IMMEDIATE so that
they take the write lock up front instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import Connection

WRITE_OPTION = "align_write"
BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for `path` with foreign keys, WAL, FULL synchronous and a busy timeout.

    A read-only engine opens the file with SQLite's `mode=ro` and changes nothing in it or beside it.
    The URL is built from parts, never parsed, so `?`, `#` or `%` in a file name stay in it.
    """
    if read_only:
        query = {"mode": "ro", "uri": "true"}
        if not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
            # Nobody has the file open: read it as immutable, or SQLite would leave -wal and -shm
            # files beside it that a read-only connection cannot remove.
            query["immutable"] = "1"
        url = URL.create("sqlite", database=f"file:{quote(str(path))}", query=query)
    else:
        url = URL.create("sqlite", database=str(path))
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions begin with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})
