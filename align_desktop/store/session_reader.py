"""The store's hand-written queries inside a write transaction: on the session's own connection.

A workspace file's driver connection runs them as it is; a team workspace's is wrapped in a
`ServerReader`, which translates them and reads values as the file's driver returns them.
"""

from __future__ import annotations

import sqlite3
from typing import cast

from sqlalchemy.orm import Session


def session_reader(session: Session) -> sqlite3.Connection:
    """The connection of `session`'s transaction, for the queries written for `Workspace.read()`."""
    connection = session.connection()
    driver = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        from align_desktop.store.server import ServerReader

        return cast(sqlite3.Connection, ServerReader(driver))  # type: ignore[arg-type]
    return cast(sqlite3.Connection, driver)
