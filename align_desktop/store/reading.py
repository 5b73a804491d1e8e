"""Read a workspace without opening it for editing, for commands that only report (`check`, `roi`).

The file is opened read-only: nothing in it or beside it changes, a read-only file can be
reported on, and an older schema is not upgraded behind the user's back. A team workspace is
read on one connection of its own, in transactions that see one state of the database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from align_desktop.store import case_queries, queries, schema
from align_desktop.store.case_rows import CaseSummaries
from align_desktop.store.connection import UNREADABLE, connect, error_text, transaction
from align_desktop.store.errors import NotAWorkspace, WorkspaceError, WorkspaceTooNew
from align_desktop.store.locations import Location
from align_desktop.store.server import ServerAddress

BUSINESS_CASES_SCHEMA = 2
"""The first schema with business cases (migration 0002)."""


@contextmanager
def read_only(location: Location) -> Iterator[tuple[sqlite3.Connection, int]]:
    """A read-only connection to the workspace at `location` and its schema version.

    SQLite errors while reading become `NotAWorkspace`, so a damaged file is one sentence.
    """
    if isinstance(location, ServerAddress):
        from align_desktop.store.server_workspace import read_server

        with read_server(location) as found:
            yield found
        return
    path = Path(location)
    schema.inspect_file(path, for_writing=False)
    connection = None
    try:
        connection = connect(path, read_only=True)
        # the header may lag behind a journal that a running app has not folded back yet
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            raise WorkspaceTooNew(schema.describe_version_too_new(path, version))
        yield connection, version
    except UNREADABLE as exc:
        raise NotAWorkspace(f"{path} cannot be read as a workspace ({error_text(exc)}).") from exc
    finally:
        if connection is not None:
            connection.close()


def read_case_summaries(location: Location) -> CaseSummaries:
    """Settings and every business case (cost lines summed per year) of the workspace at `location`, read-only."""
    with read_only(location) as (connection, version):
        if version < BUSINESS_CASES_SCHEMA:
            raise WorkspaceError(
                f"{location} is a workspace from before business cases (schema {version}); "
                "open it in Align Desktop once to upgrade it."
            )
        with transaction(connection) as db:
            settings = queries.settings(db)
            return CaseSummaries(
                settings,
                case_queries.case_summaries(db, settings.horizon),
                case_queries.keys_without_case(db),
            )
