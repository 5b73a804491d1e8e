"""Workshop sessions: plan one (title, date, participants, a time-boxed agenda), start it, end it; each change undoable.

Only one session runs at a time: the one started and not ended, which the audit trail names
for every change made meanwhile. Starting and ending take a snapshot of the workspace in the
same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from align_desktop.domain.workshop import validate_agenda, validate_participants, validate_session
from align_desktop.store import session_queries
from align_desktop.store.changes import Revert
from align_desktop.store.session_state import running_key
from align_desktop.store.workshop_rows import SessionRow
from align_desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from align_desktop.store.session_writes import Content
    from align_desktop.store.subtrees import Subtree

AgendaDraft = Sequence[tuple[int | None, object, object]]
"""Agenda items as edited, in order: (stored item id or None for a new one, title, time box in minutes)."""


class SessionService:
    """Everything the Workshop view and the presenter ask of sessions."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def sessions(self) -> list[SessionRow]:
        """Every session, newest first."""
        with self._workspace.read() as db:
            return session_queries.sessions(db)

    def get(self, key: str) -> SessionRow:
        with self._workspace.read() as db:
            return session_queries.sessions(db, key)[0]

    def running(self) -> SessionRow | None:
        """The session started and not yet ended, if any."""
        with self._workspace.read() as db:
            key = running_key(db)
            return None if key is None else session_queries.sessions(db, key)[0]

    def create(self, fields: dict[str, Any], participants: Sequence[object], agenda: AgendaDraft) -> tuple[str, Revert]:
        """Plan a session: a title and a date, participants by name in order, and its agenda."""
        from align_desktop.store import session_writes

        clean = validate_session({"title": "", "held_on": None, "notes": ""} | fields)
        names = validate_participants(participants)
        lines = validate_agenda(agenda)
        with self._workspace.write() as session:
            key = session_writes.create_session(session, clean)
            new = session_writes.Content({}, [(None, name) for name in names], [(line, None) for line in lines])
            session_writes.replace_content(session, key, new, None)
        return key, lambda: self.delete(key)

    def update(
        self,
        key: str,
        fields: dict[str, Any],
        participants: Sequence[object],
        agenda: AgendaDraft,
        *,
        expected_version: int | None = None,
    ) -> Revert:
        """Change a session's fields and make its participants and agenda exactly these; refused with a
        `StaleEdit` if the session is no longer at `expected_version` (its `participants` by name and `agenda` as
        (title, time box) among the fields it names).

        A participant keeps their place in votes while their name is listed (ignoring case); an
        agenda item keeps the time it took while its id is given."""
        from align_desktop.store import session_writes

        clean = validate_session(fields)
        names = validate_participants(participants)
        lines = validate_agenda(agenda)
        stored = {participant.name.casefold(): participant.id for participant in self.get(key).participants}
        new = session_writes.Content(
            clean, [(stored.get(name.casefold()), name) for name in names], [(line, None) for line in lines]
        )
        return self._replace(key, new, None, expected_version)

    def _replace(self, key: str, new: Content, put_back: Subtree | None, expected_version: int | None = None) -> Revert:
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            before, removed = session_writes.replace_content(
                session, key, new, put_back, expected_version=expected_version
            )
        return lambda: self._replace(key, before, removed)

    def delete(self, key: str) -> Revert:
        """Delete a session with its participants, agenda, votes and log (undo brings all of it back)."""
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            kept = session_writes.delete_session(session, key)
        return lambda: self._restore(key, kept)

    def _restore(self, key: str, kept: Subtree) -> Revert:
        from align_desktop.store import subtrees

        with self._workspace.write() as session:
            subtrees.put_back(session, kept)
        return lambda: self.delete(key)

    def start(self, key: str, at: datetime | None = None) -> Revert:
        """Start a planned session (none other running) and snapshot the workspace; `at` (a redo's original start)
        defaults to now."""
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            snapshot_id = session_writes.start_session(session, key, self._workspace.author, at)
        return lambda: self._unstart(key, snapshot_id)

    def _unstart(self, key: str, snapshot_id: int) -> Revert:
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            started = session_writes.unstart_session(session, key, snapshot_id)
        return lambda: self.start(key, started)

    def end(self, key: str, spent: dict[int, int] | None = None, at: datetime | None = None) -> Revert:
        """End the running session, storing the seconds its agenda items took, and snapshot the workspace; `at`
        (a redo's original end) defaults to now."""
        from align_desktop.store import session_writes

        taken = dict(spent or {})
        with self._workspace.write() as session:
            snapshot_id, before = session_writes.end_session(session, key, taken, self._workspace.author, at)
        return lambda: self._unend(key, snapshot_id, before, taken)

    def _unend(self, key: str, snapshot_id: int, before: dict[int, int], taken: dict[int, int]) -> Revert:
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            ended = session_writes.unend_session(session, key, snapshot_id, before)
        return lambda: self.end(key, taken, ended)

    def record_spent(self, key: str, item_id: int, seconds: int, current_item_id: int | None) -> Revert:
        """Store the seconds an agenda item of session `key` has taken and which item the room is on now
        (`current_item_id`, None for none): bookkeeping as the facilitator moves on or pauses, and now and then
        while an item runs, so that presenting a reopened workspace resumes where the room was."""
        from align_desktop.store import session_writes

        with self._workspace.write() as session:
            found = session_writes.find_session(session, key)
            before = session_writes.set_spent(session, found.id, {item_id: seconds})
            was = session_writes.set_current(session, found.id, current_item_id)
        return lambda: self.record_spent(key, item_id, before[item_id], was)
