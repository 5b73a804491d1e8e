"""Connections to a workspace file with the standard library's sqlite3, set up one way for all.

Reads go through these connections directly, so that opening a workspace and painting its
board never waits for SQLAlchemy to import (0.3 s here, as long as Python and Qt together);
the SQLAlchemy engine used for writes makes its connections here too.

The driver's own transaction handling is switched off (`isolation_level = None`); callers emit
BEGIN themselves, so a transaction covers reads and writes alike and DDL stays transactional.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

BUSY_TIMEOUT_MS = 5000
UNREADABLE = (sqlite3.DatabaseError, UnicodeDecodeError)
"""What reading a damaged file raises: SQLite's errors, and `UnicodeDecodeError` where the sqlite3
module decodes an SQLite message that quotes damaged bytes (from a damaged schema, say)."""


def error_text(exc: Exception) -> str:
    """What went wrong, on one line for a message: for a `UnicodeDecodeError`, the text it could not decode."""
    text = exc.object.decode("utf-8", errors="replace") if isinstance(exc, UnicodeDecodeError) else str(exc)
    return " ".join(text.split())


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on, a busy timeout, and (for writing) WAL with FULL sync.

    FULL synchronous makes every committed transaction durable before COMMIT returns, so an
    edit shown as saved survives a killed process or a power cut. A read-only connection
    changes nothing in the file or beside it.
    """
    if read_only:
        options = "mode=ro"
        if not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
            # Nobody has the file open: read it as immutable, or SQLite would leave -wal and -shm
            # files beside it that a read-only connection cannot remove.
            options += "&immutable=1"
        connection = sqlite3.connect(f"file:{quote(str(path))}?{options}", uri=True)
    else:
        connection = sqlite3.connect(str(path))
    try:
        connection.text_factory = _text
        connection.isolation_level = None
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
    except BaseException:
        # a damaged file fails here; closing now removes the -wal and -shm files just made beside it
        connection.close()
        raise
    return connection


def _text(data: bytes) -> str:
    """A text value as stored; bytes that are not UTF-8 (only a damaged or foreign file holds them)
    read as U+FFFD instead of making the whole read fail."""
    return data.decode("utf-8", errors="replace")


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: everything read inside it comes from one state of the file."""
    connection.execute("BEGIN")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
