"""The capability catalogue and the capability matrix: read, change, undo."""

from __future__ import annotations

from typing import Any

from align_desktop.domain.capability import NEW_CAPABILITY, validate_capability, validate_level
from align_desktop.store import capability_queries
from align_desktop.store.changes import Revert
from align_desktop.store.rows import CapabilityRow, MatrixRows
from align_desktop.store.workspace import Workspace


class CapabilityService:
    """Everything the catalogue, the matrix and the ranking ask of capabilities."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def catalogue(self) -> list[CapabilityRow]:
        """Every capability, by key, with its reuse count."""
        with self._workspace.read() as db:
            return capability_queries.capabilities(db)

    def get(self, key: str) -> CapabilityRow:
        with self._workspace.read() as db:
            return capability_queries.capability(db, key)

    def matrix(self) -> MatrixRows:
        with self._workspace.read() as db:
            return capability_queries.matrix(db)

    def create(self, fields: dict[str, Any]) -> tuple[str, Revert]:
        """Add a capability; its name must not be taken (ignoring case)."""
        from align_desktop.store import capability_writes

        clean = NEW_CAPABILITY | validate_capability(NEW_CAPABILITY | fields)
        with self._workspace.write() as session:
            key = capability_writes.create_capability(session, clean)
        return key, lambda: self.delete(key)

    def update(self, key: str, changes: dict[str, Any], *, expected_version: int | None = None) -> Revert:
        """Change fields of one capability; refused with a `StaleEdit` if it is no longer at `expected_version`."""
        from align_desktop.store import capability_writes

        clean = validate_capability(changes)
        with self._workspace.write() as session:
            previous = capability_writes.update_capability(session, key, clean, expected_version=expected_version)
        return lambda: self.update(key, previous)

    def delete(self, *keys: str) -> Revert:
        """Delete capabilities and every need of them, in one transaction (ask first when any is needed)."""
        from align_desktop.store import capability_writes

        with self._workspace.write() as session:
            deleted = [capability_writes.delete_capability(session, key) for key in keys]
        return lambda: self._restore(deleted)

    def _restore(self, deleted: list[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]) -> Revert:
        from align_desktop.store import capability_writes

        with self._workspace.write() as session:
            for row, kept in reversed(deleted):
                capability_writes.restore_capability(session, row, kept)
        keys = [row["key"] for row, _ in deleted]
        return lambda: self.delete(*keys)

    def set_need(self, initiative_key: str, capability_key: str, level: object) -> Revert:
        """Set the maturity level (1–5) an initiative needs of a capability; None clears the need."""
        from align_desktop.store import capability_writes

        clean = None if level is None else validate_level("Required level", level)
        with self._workspace.write() as session:
            before = capability_writes.set_need(session, initiative_key, capability_key, clean)
        return lambda: self.set_need(initiative_key, capability_key, before)
