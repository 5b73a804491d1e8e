"""The decision log of workshop sessions: decisions, actions and parking-lot items, each undoable.

An entry is recorded in the running session (or a session named), links to initiatives,
capabilities and risks by key, and shows on their forms. Keys: `D-001` decisions, `A-001`
actions, `P-001` parking-lot items.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from align_desktop.domain.workshop import parse_links, validate_log_entry
from align_desktop.store import log_queries
from align_desktop.store.changes import Revert
from align_desktop.store.workshop_rows import LogEntryRow
from align_desktop.store.workspace import Workspace


class LogService:
    """What the Workshop view, the quick-entry dialogs and the items' forms ask of the log."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def session_log(self, session_key: str) -> list[LogEntryRow]:
        with self._workspace.read() as db:
            return log_queries.session_log(db, session_key)

    def about(self, item_key: str) -> list[LogEntryRow]:
        """Every entry about the initiative, capability or risk `item_key`."""
        with self._workspace.read() as db:
            return log_queries.about(db, item_key)

    def linkable(self) -> dict[str, str]:
        """Initiatives, capabilities and risks an entry can link to: key → title."""
        with self._workspace.read() as db:
            return log_queries.linkable(db)

    def record(
        self, kind: str, fields: dict[str, Any], links: Iterable[str] = (), session_key: str | None = None
    ) -> tuple[str, Revert]:
        """Record a decision, an action (it needs an owner) or a parking-lot item.

        In session `session_key`, or else the running one (refused when none runs)."""
        from align_desktop.store import log_writes

        clean = validate_log_entry(kind, {"text": ""} | fields)
        keys = parse_links(links)
        with self._workspace.write() as session:
            found = log_writes.session_for_entry(session, session_key)
            key = log_writes.create_entry(session, found, kind, clean, keys, self._workspace.author)
        return key, lambda: self.delete(key)

    def update(
        self,
        key: str,
        changes: dict[str, Any],
        links: Iterable[str] | None = None,
        *,
        expected_version: int | None = None,
    ) -> Revert:
        """Change an entry's text, owner, due date or done mark, and its links unless None; refused with a
        `StaleEdit` (the links as the field `links`) if the entry is no longer at `expected_version`."""
        return self._update(
            key,
            changes,
            None if links is None else parse_links(links),
            check_links=True,
            expected_version=expected_version,
        )

    def set_done(self, key: str, done: bool, *, expected_version: int | None = None) -> Revert:
        """Mark an action done (or not done again), checked against `expected_version` as `update`."""
        return self.update(key, {"done": done}, expected_version=expected_version)

    def _update(
        self,
        key: str,
        changes: dict[str, Any],
        links: list[str] | None,
        *,
        check_links: bool,
        expected_version: int | None = None,
    ) -> Revert:
        from align_desktop.store import log_writes

        with self._workspace.read() as db:
            kind = log_queries.kind_of(db, key)
        clean = validate_log_entry(kind, changes)
        with self._workspace.write() as session:
            previous, previous_links = log_writes.update_entry(
                session, key, clean, links, check_links=check_links, expected_version=expected_version
            )
        return lambda: self._update(key, previous, previous_links, check_links=False)

    def delete(self, key: str) -> Revert:
        from align_desktop.store import log_writes

        with self._workspace.write() as session:
            row, links = log_writes.delete_entry(session, key)
        return lambda: self._restore(row, links)

    def _restore(self, row: dict[str, Any], links: list[dict[str, Any]]) -> Revert:
        from align_desktop.store import log_writes

        with self._workspace.write() as session:
            log_writes.restore_entry(session, row, links)
        key = row["key"]
        return lambda: self.delete(key)
