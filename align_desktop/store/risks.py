"""The risk register: risks in business terms, their links, and each change undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align_desktop.domain.risk import NEW_RISK, validate_risk
from align_desktop.store import risk_queries
from align_desktop.store.changes import Revert
from align_desktop.store.rows import RegisterRows, RiskRow
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from align_desktop.store.risk_writes import Links


class RiskService:
    """Everything the register, the heat maps and the board ask of risks."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def register(self) -> RegisterRows:
        with self._workspace.read() as db:
            return risk_queries.register(db)

    def get(self, key: str) -> RiskRow:
        with self._workspace.read() as db:
            return risk_queries.risks(db, key)[0]

    def create(self, fields: dict[str, Any]) -> tuple[str, Revert]:
        """Add a risk; an accepted one needs a rationale."""
        from align_desktop.store import risk_writes

        clean = NEW_RISK | validate_risk(NEW_RISK | fields)
        with self._workspace.write() as session:
            key = risk_writes.create_risk(session, clean)
        return key, lambda: self.delete(key)

    def update(self, key: str, changes: dict[str, Any], *, expected_version: int | None = None) -> Revert:
        """Change fields, such as the ratings (dragging a risk on the heat map is one such change); refused with a
        `StaleEdit` if the risk is no longer at `expected_version`."""
        from align_desktop.store import risk_writes

        clean = validate_risk(changes)
        with self._workspace.write() as session:
            previous = risk_writes.update_risk(session, key, clean, expected_version=expected_version)
        return lambda: self.update(key, previous)

    def set_links(
        self, key: str, initiatives: list[str], capabilities: list[str], *, shown: Links | None = None
    ) -> Revert:
        """Make a risk threaten these initiatives and capabilities (by key). Given the links the user was `shown`,
        only what the user changed of those is changed: links a colleague made or removed meanwhile stay so (and
        undoing changes back only what this call changed)."""
        from align_desktop.store import risk_writes

        with self._workspace.write() as session:
            before, after = risk_writes.set_links(session, key, initiatives, capabilities, shown)
        return lambda: self.set_links(key, *before, shown=after)

    def delete(self, key: str) -> Revert:
        from align_desktop.store import risk_writes

        with self._workspace.write() as session:
            row, linked = risk_writes.delete_risk(session, key)
        return lambda: self._restore(row, linked)

    def _restore(self, row: dict[str, Any], linked: tuple[list[str], list[str]]) -> Revert:
        from align_desktop.store import risk_writes

        with self._workspace.write() as session:
            risk_writes.restore_risk(session, row, linked)
        key = row["key"]
        return lambda: self.delete(key)
