"""Reads of snapshots: the list the "What changed" view picks from, and a snapshot's state."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from align_desktop.domain.workspace_state import WorkspaceState
from align_desktop.store.snapshot_content import read_content
from align_desktop.store.snapshot_reading import snapshot_content
from align_desktop.store.snapshot_states import workspace_state

_SNAPSHOTS = """
SELECT s.id, s.label, s.reason, s.taken_at, s.taken_by, s.session_id, w.title, length(s.payload)
FROM snapshot s LEFT JOIN workshop_session w ON w.id = s.session_id
ORDER BY s.id
"""


@dataclass(frozen=True)
class SnapshotRow:
    """A snapshot as listed: `taken_at` in UTC; `stored_size` the bytes its payload takes in the file."""

    id: int
    label: str
    reason: str
    taken_at: datetime
    taken_by: str
    session_id: int | None
    session_title: str | None
    stored_size: int


def snapshots(db: sqlite3.Connection) -> list[SnapshotRow]:
    """Every snapshot, oldest first."""
    return [
        SnapshotRow(row[0], row[1], row[2], datetime.fromisoformat(row[3]), *row[4:]) for row in db.execute(_SNAPSHOTS)
    ]


def snapshot_state(db: sqlite3.Connection, snapshot_id: int) -> WorkspaceState:
    """The workspace as snapshot `snapshot_id` holds it."""
    return workspace_state(snapshot_content(db, snapshot_id))


def current_state(db: sqlite3.Connection) -> WorkspaceState:
    """The workspace as it is now."""
    return workspace_state(read_content(db))
