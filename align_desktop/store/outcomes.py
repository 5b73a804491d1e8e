"""Outcomes: the business objectives initiatives are tied to. List, create, edit, delete, undo."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from align_desktop.domain.keys import OUTCOME_PREFIX, key_sort_value
from align_desktop.domain.validation import ValidationError, optional_number, require_text
from align_desktop.store.changes import Revert
from align_desktop.store.errors import NotFound
from align_desktop.store.keys import next_key
from align_desktop.store.models import Initiative, Outcome
from align_desktop.store.rows import OutcomeRow
from align_desktop.store.workspace import Workspace

OUTCOME_FIELDS: dict[str, str] = {
    "name": "Name",
    "metric": "Metric",
    "baseline": "Baseline",
    "target": "Target",
    "unit": "Unit",
    "owner": "Owner",
    "description": "Description",
}
"""Editable outcome fields and their labels, in form order."""

_BLANK: dict[str, Any] = {
    "name": "",
    "metric": "",
    "baseline": None,
    "target": None,
    "unit": "",
    "owner": "",
    "description": "",
}
_TEXT_LIMITS = {"name": 200, "metric": 200, "unit": 40, "owner": 120, "description": 10_000}


def validate_outcome(changes: dict[str, Any]) -> dict[str, Any]:
    """Check outcome fields; return them cleaned. Raises `ValidationError` naming the field."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        label = OUTCOME_FIELDS.get(field)
        if label is None:
            raise ValidationError(field, "is not an outcome field")
        if field in ("baseline", "target"):
            clean[field] = optional_number(label, value)
        else:
            clean[field] = require_text(
                label,
                value if value is not None else "",
                max_length=_TEXT_LIMITS[field],
                required=field == "name",
            )
    return clean


def read_outcomes(session: Session) -> list[OutcomeRow]:
    counts = select(Initiative.outcome_id, func.count().label("n")).group_by(Initiative.outcome_id).subquery()
    rows = session.execute(
        select(Outcome, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.outcome_id == Outcome.id)
    )
    result = [_row(outcome, count) for outcome, count in rows]
    result.sort(key=lambda r: key_sort_value(r.key))
    return result


def _row(outcome: Outcome, count: int) -> OutcomeRow:
    return OutcomeRow(
        key=outcome.key,
        name=outcome.name,
        metric=outcome.metric,
        baseline=outcome.baseline,
        target=outcome.target,
        unit=outcome.unit,
        owner=outcome.owner,
        description=outcome.description,
        initiative_count=count,
    )


def _find(session: Session, key: str) -> Outcome:
    outcome = session.scalar(select(Outcome).where(Outcome.key == key))
    if outcome is None:
        raise NotFound(key)
    return outcome


class OutcomeService:
    """Everything the outcomes editor and the initiative form ask of outcomes."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def list(self) -> list[OutcomeRow]:
        with self._workspace.read() as session:
            return read_outcomes(session)

    def create(self, fields: dict[str, Any]) -> tuple[str, Revert]:
        """Add an outcome; returns its new key and the revert that deletes it."""
        clean = validate_outcome({"name": "", **fields})
        with self._workspace.write() as session:
            key = next_key(session, OUTCOME_PREFIX)
            session.add(Outcome(key=key, **(_BLANK | clean)))
        return key, lambda: self.delete(key)

    def update(self, key: str, changes: dict[str, Any]) -> Revert:
        """Change fields of one outcome."""
        clean = validate_outcome(changes)
        with self._workspace.write() as session:
            outcome = _find(session, key)
            previous = {field: getattr(outcome, field) for field in clean}
            for field, value in clean.items():
                setattr(outcome, field, value)
        return lambda: self.update(key, previous)

    def delete(self, key: str) -> Revert:
        """Delete an outcome that no initiative is tied to."""
        with self._workspace.write() as session:
            outcome = _find(session, key)
            used = session.scalar(select(func.count()).where(Initiative.outcome_id == outcome.id))
            if used:
                raise ValidationError(
                    key, f"is the outcome of {used} initiative(s); tie them to another outcome first"
                )
            snapshot = {"id": outcome.id, "key": outcome.key} | {
                field: getattr(outcome, field) for field in OUTCOME_FIELDS
            }
            session.delete(outcome)
        return lambda: self._restore(snapshot)

    def _restore(self, snapshot: dict[str, Any]) -> Revert:
        with self._workspace.write() as session:
            session.execute(insert(Outcome), [snapshot])
        key = snapshot["key"]
        return lambda: self.delete(key)
