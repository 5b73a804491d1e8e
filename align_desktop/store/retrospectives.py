"""Retrospectives: what worked and what failed, one per initiative, written once it is live; each change undoable.

A retrospective already written stays (and can be edited) whatever the initiative's status
becomes later, such as retired. Writing both notes blank removes it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.workshop import RETROSPECTIVE, RETROSPECTIVE_STATUS, validate_retrospective
from align_desktop.store.changes import Revert
from align_desktop.store.workshop_rows import RetrospectiveRow
from align_desktop.store.workspace import Workspace

_READ = """
SELECT i.key, r.what_worked, r.what_failed, r.written_at, r.written_by
FROM retrospective r JOIN initiative i ON i.id = r.initiative_id WHERE i.key = ?
"""


class RetrospectiveService:
    """The retrospective shown and edited on an initiative's form."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self, initiative_key: str) -> RetrospectiveRow | None:
        with self._workspace.read() as db:
            row = db.execute(_READ, (initiative_key,)).fetchone()
        if row is None:
            return None
        key, worked, failed, written_at, written_by = row
        return RetrospectiveRow(key, worked, failed, datetime.fromisoformat(written_at), written_by)

    def write(self, initiative_key: str, what_worked: object, what_failed: object) -> Revert:
        """Write (or rewrite) the retrospective of a live initiative; both notes blank removes it."""
        worked, failed = validate_retrospective(what_worked, what_failed)
        return self._set(initiative_key, {"what_worked": worked, "what_failed": failed} if worked or failed else None)

    def _set(self, initiative_key: str, notes: dict[str, Any] | None) -> Revert:
        from align_desktop.store.initiative_writes import find_initiative
        from align_desktop.store.models import Retrospective

        with self._workspace.write() as session:
            initiative = find_initiative(session, initiative_key)
            stored = session.get(Retrospective, initiative.id)
            if stored is None and notes is None:
                raise ValidationError(RETROSPECTIVE, "write what worked or what failed")
            if stored is None and initiative.status != RETROSPECTIVE_STATUS:
                raise ValidationError(
                    RETROSPECTIVE,
                    f"is written once the initiative is {RETROSPECTIVE_STATUS}; "
                    f"{initiative_key} is {initiative.status}",
                )
            before = None if stored is None else _row(stored)
            if notes is None:
                assert stored is not None
                session.delete(stored)
            elif stored is None:
                session.add(Retrospective(initiative_id=initiative.id, **_stamped(notes, self._workspace.author)))
            else:
                for field, value in _stamped(notes, self._workspace.author).items():
                    setattr(stored, field, value)
        return lambda: self._put(initiative_key, before)

    def _put(self, initiative_key: str, row: dict[str, Any] | None) -> Revert:
        """Put a retrospective back exactly as it was (None: none); return what puts back the one replaced."""
        from align_desktop.store.initiative_writes import find_initiative
        from align_desktop.store.models import Retrospective

        with self._workspace.write() as session:
            initiative = find_initiative(session, initiative_key)
            stored = session.get(Retrospective, initiative.id)
            current = None if stored is None else _row(stored)
            if stored is not None:
                session.delete(stored)
                session.flush()
            if row is not None:
                session.add(Retrospective(initiative_id=initiative.id, **row))
        return lambda: self._put(initiative_key, current)


def _row(stored: Any) -> dict[str, Any]:
    return {field: getattr(stored, field) for field in ("what_worked", "what_failed", "written_at", "written_by")}


def _stamped(notes: dict[str, Any], who: str) -> dict[str, Any]:
    return notes | {"written_at": datetime.now(), "written_by": who}
