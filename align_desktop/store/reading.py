"""Read a workspace without opening it for editing, for commands that only report (`check`, `roi`).

The file is opened read-only: nothing in it or beside it changes, a read-only file can be
reported on, and an older schema is not upgraded behind the user's back.
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

BUSINESS_CASES_SCHEMA = 2
"""The first schema with business cases (migration 0002)."""


@contextmanager
def read_only(path: Path) -> Iterator[tuple[sqlite3.Connection, int]]:
    """A read-only connection to the workspace at `path` and its schema version.

    SQLite errors while reading become `NotAWorkspace`, so a damaged file is one sentence.
    """
    path = Path(path)
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


def read_case_summaries(path: Path) -> CaseSummaries:
    """Settings and every business case (cost lines summed per year) of the workspace at `path`, read-only."""
    with read_only(path) as (connection, version):
        if version < BUSINESS_CASES_SCHEMA:
            raise WorkspaceError(
                f"{path} is a workspace from before business cases (schema {version}); "
                "open it in Align Desktop once to upgrade it."
            )
        with transaction(connection) as db:
            settings = queries.settings(db)
            return CaseSummaries(
                settings,
                case_queries.case_summaries(db, settings.horizon),
                case_queries.keys_without_case(db),
            )
