"""Outcomes: the business objectives initiatives are tied to. List, create, edit, delete, undo."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.outcome import NEW_OUTCOME, validate_outcome
from align_desktop.store import queries
from align_desktop.store.board_rows import OutcomeRow
from align_desktop.store.changes import Revert
from align_desktop.store.workspace import Workspace


class OutcomeService:
    """Everything the outcomes editor and the initiative form ask of outcomes."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def list(self) -> list[OutcomeRow]:
        with self._workspace.read() as db:
            return queries.outcomes(db)

    def create(self, fields: dict[str, Any]) -> tuple[str, Revert]:
        """Add an outcome; returns its new key and the revert that deletes it."""
        from align_desktop.store import outcome_writes

        clean = NEW_OUTCOME | validate_outcome(NEW_OUTCOME | fields)
        with self._workspace.write() as session:
            key = outcome_writes.create_outcome(session, clean)
        return key, lambda: self.delete(key)

    def update(self, key: str, changes: dict[str, Any], *, expected_version: int | None = None) -> Revert:
        """Change fields of one outcome; refused with a `StaleEdit` if it is no longer at `expected_version`."""
        from align_desktop.store import outcome_writes

        clean = validate_outcome(changes)
        with self._workspace.write() as session:
            previous = outcome_writes.update_outcome(session, key, clean, expected_version=expected_version)
        return lambda: self.update(key, previous)

    def delete(self, key: str) -> Revert:
        """Delete an outcome that no initiative is tied to."""
        from align_desktop.store import outcome_writes

        with self._workspace.write() as session:
            snapshot = outcome_writes.delete_outcome(session, key)
        return lambda: self._restore(snapshot)

    def _restore(self, snapshot: dict[str, Any]) -> Revert:
        from align_desktop.store import outcome_writes

        with self._workspace.write() as session:
            outcome_writes.restore_outcome(session, snapshot)
        key = snapshot["key"]
        return lambda: self.delete(key)
