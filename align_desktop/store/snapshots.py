"""Snapshots of the whole workspace, and what changed between two of them (or one and now).

Taking a snapshot is a record, like a backup: it is not a change to the portfolio, so it
returns no `Revert` and is not on the undo stack. Workshop sessions take theirs at start and
end through `snapshot_writes.take_snapshot`, inside their own transaction.
"""

from __future__ import annotations

from align_desktop.domain.compare import Comparison, compare
from align_desktop.store import snapshot_queries
from align_desktop.store.snapshot_queries import SnapshotRow
from align_desktop.store.workspace import Workspace


class SnapshotService:
    """Everything the "What changed" view and the minutes ask of snapshots."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def take(self, label: str, reason: str = "manual", session_id: int | None = None) -> int:
        """Snapshot the workspace now, in one transaction; the new snapshot's id."""
        from align_desktop.store.snapshot_writes import take_snapshot

        with self._workspace.write() as session:
            return take_snapshot(
                session, label=label, reason=reason, session_id=session_id, taken_by=self._workspace.author
            )

    def list(self) -> list[SnapshotRow]:
        """Every snapshot, oldest first, with its session's title and the bytes it takes."""
        with self._workspace.read() as db:
            return snapshot_queries.snapshots(db)

    def compare(self, before_id: int, after_id: int) -> Comparison:
        """What changed from snapshot `before_id` to snapshot `after_id`."""
        with self._workspace.read() as db:
            before = snapshot_queries.snapshot_state(db, before_id)
            after = snapshot_queries.snapshot_state(db, after_id)
        return compare(before, after)

    def compare_with_now(self, before_id: int) -> Comparison:
        """What changed from snapshot `before_id` to the workspace as it is now."""
        with self._workspace.read() as db:
            before = snapshot_queries.snapshot_state(db, before_id)
            after = snapshot_queries.current_state(db)
        return compare(before, after)
