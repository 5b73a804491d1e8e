"""Writes behind `OutcomeService`, inside the caller's transaction."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from align_desktop.domain.keys import OUTCOME_PREFIX
from align_desktop.domain.validation import ValidationError
from align_desktop.store.errors import NotFound
from align_desktop.store.keyed_writes import insert_keyed
from align_desktop.store.keys import next_key
from align_desktop.store.models import Initiative, Outcome
from align_desktop.store.versions import OUTCOME, check_version, values_of

_COLUMNS = [c.name for c in Outcome.__table__.columns]


def find_outcome(session: Session, key: str) -> Outcome:
    outcome = session.scalar(select(Outcome).where(Outcome.key == key))
    if outcome is None:
        raise NotFound(key)
    return outcome


def create_outcome(session: Session, clean: dict[str, Any]) -> str:
    """Insert a validated outcome under a new key; return the key."""
    key = next_key(session, OUTCOME_PREFIX)
    session.add(Outcome(key=key, **clean))
    return key


def insert_outcomes(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add validated outcomes (each row a `key` and every field) under their own keys, as an import does."""
    insert_keyed(session, cast(Table, Outcome.__table__), OUTCOME_PREFIX, rows)


def update_outcome(
    session: Session, key: str, clean: dict[str, Any], *, expected_version: int | None = None
) -> dict[str, Any]:
    """Store validated fields, unless the outcome has moved on from `expected_version`; return their previous values."""
    check_version(session, OUTCOME, key, expected_version, clean, lambda: values_of(find_outcome(session, key), clean))
    outcome = find_outcome(session, key)
    previous = values_of(outcome, clean)
    for field, value in clean.items():
        setattr(outcome, field, value)
    return previous


def delete_outcome(session: Session, key: str) -> dict[str, Any]:
    """Delete an outcome no initiative uses; return a snapshot that restores it."""
    outcome = find_outcome(session, key)
    used = session.scalar(select(func.count()).where(Initiative.outcome_id == outcome.id))
    if used:
        raise ValidationError(key, f"is the outcome of {used} initiative(s); tie them to another outcome first")
    snapshot = values_of(outcome, _COLUMNS)
    session.delete(outcome)
    return snapshot


def restore_outcome(session: Session, snapshot: dict[str, Any]) -> None:
    session.execute(insert(Outcome), [snapshot])
