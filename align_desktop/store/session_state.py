"""Whether a workshop session is running: the one read the window makes on opening a workspace.

Kept apart from `session_queries` (and its rows) so that opening a workspace costs one query, not
the workshop's modules.
"""

from __future__ import annotations

import sqlite3

from align_desktop.store.workspace import Workspace


def running_key(db: sqlite3.Connection) -> str | None:
    """The key of the session started and not yet ended, as the audit trail names it."""
    row = db.execute(
        "SELECT key FROM workshop_session WHERE started_at IS NOT NULL AND ended_at IS NULL"
        " ORDER BY started_at DESC, id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])


def running_session_key(workspace: Workspace) -> str | None:
    """The key of the running session, if any, in a read of its own."""
    with workspace.read() as db:
        return running_key(db)
