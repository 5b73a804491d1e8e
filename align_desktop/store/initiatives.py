"""Initiatives on the board: read the board, create, edit, move, delete, each undoable."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.initiative import NEW_INITIATIVE, validate_initiative
from align_desktop.store import board_queries, queries
from align_desktop.store.board_rows import BoardRows, InitiativeRow
from align_desktop.store.changes import Revert
from align_desktop.store.workspace import Workspace


class InitiativeService:
    """Everything the board and the initiative form ask of initiatives."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def board(self) -> BoardRows:
        """Settings, lanes, initiatives and outcomes, read in one transaction."""
        with self._workspace.read() as db:
            return board_queries.board(db)

    def get(self, key: str) -> InitiativeRow:
        with self._workspace.read() as db:
            return queries.initiative(db, key)

    def create(
        self, fields: dict[str, Any], lane_id: int | None = None, override_reason: str = ""
    ) -> tuple[str, Revert]:
        """Add an initiative at the end of a lane (the first lane by default)."""
        from align_desktop.store import initiative_writes

        clean = NEW_INITIATIVE | validate_initiative(NEW_INITIATIVE | fields)
        with self._workspace.write() as session:
            key = initiative_writes.create_initiative(session, clean, lane_id, override_reason)
        return key, lambda: self.delete(key)

    def update(
        self, key: str, changes: dict[str, Any], override_reason: str = "", *, expected_version: int | None = None
    ) -> Revert:
        """Change fields of one initiative; refused with a `StaleEdit` if it is no longer at `expected_version`.

        Moving it to scaling or live needs every readiness score at the workspace's gate, or an
        `override_reason`, which is stored with who and when.
        """
        from align_desktop.store import initiative_writes

        clean = validate_initiative(changes)
        with self._workspace.write() as session:
            old, added = initiative_writes.update_initiative(
                session, key, clean, override_reason, expected_version=expected_version
            )
        return lambda: self._set_fields(key, old, add_override=None, drop_override=added)

    def _set_fields(
        self,
        key: str,
        values: dict[str, Any],
        *,
        add_override: dict[str, Any] | None,
        drop_override: dict[str, Any] | None,
    ) -> Revert:
        """Undo or redo an update: put `values` back and add or drop its gate override."""
        from align_desktop.store import initiative_writes as writes

        with self._workspace.write() as session:
            old = writes.assign(session, writes.find_initiative(session, key), values)
            if drop_override is not None:
                writes.drop_override(session, drop_override)
            if add_override is not None:
                writes.insert_override(session, add_override)
        return lambda: self._set_fields(key, old, add_override=drop_override, drop_override=add_override)

    def move(self, key: str, lane_id: int, index: int) -> Revert:
        """Put an initiative at `index` of a lane (clamped to the lane's end)."""
        from align_desktop.store import initiative_writes

        with self._workspace.write() as session:
            old_lane, old_position = initiative_writes.move_initiative(session, key, lane_id, index)
        return lambda: self.move(key, old_lane, old_position)

    def delete(self, key: str) -> Revert:
        """Remove an initiative; its revert brings it back with the same key and place."""
        from align_desktop.store import initiative_writes

        with self._workspace.write() as session:
            snapshot, dependents = initiative_writes.delete_initiative(session, key)
        return lambda: self._restore(snapshot, dependents)

    def _restore(self, snapshot: dict[str, Any], dependents: dict[str, list[dict[str, Any]]]) -> Revert:
        from align_desktop.store import initiative_writes

        with self._workspace.write() as session:
            initiative_writes.restore_initiative(session, snapshot, dependents)
        key = snapshot["key"]
        return lambda: self.delete(key)
