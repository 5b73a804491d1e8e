"""Writes behind `InitiativeService`, inside the caller's transaction.

Positions are dense per lane (0, 1, 2 …); every function here keeps them so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.keys import INITIATIVE_PREFIX
from align_desktop.domain.readiness import check_gate
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import READINESS_FIELDS
from align_desktop.store import dependents
from align_desktop.store.errors import NotFound
from align_desktop.store.keyed_writes import insert_keyed
from align_desktop.store.keys import next_key
from align_desktop.store.lock import current_user
from align_desktop.store.models import (
    BusinessCase,
    CapabilityNeed,
    CostLine,
    GateOverride,
    Initiative,
    Lane,
    Outcome,
    Retrospective,
    RiskInitiative,
    WorkspaceSettings,
)
from align_desktop.store.versions import INITIATIVE, check_version

_COLUMNS = list(Initiative.__table__.columns.keys())


def find_initiative(session: Session, key: str) -> Initiative:
    initiative = session.scalar(select(Initiative).where(Initiative.key == key))
    if initiative is None:
        raise NotFound(key)
    return initiative


def readiness_gate(session: Session) -> int:
    return session.get_one(WorkspaceSettings, 1).readiness_gate


def _outcome_id(session: Session, outcome_key: str | None) -> int | None:
    if outcome_key is None:
        return None
    outcome_id = session.scalar(select(Outcome.id).where(Outcome.key == outcome_key))
    if outcome_id is None:
        raise ValidationError("Outcome", f"{outcome_key} does not exist")
    return outcome_id


def _lane_size(session: Session, lane_id: int) -> int:
    if session.get(Lane, lane_id) is None:
        raise ValidationError("Lane", f"lane {lane_id} does not exist")
    return session.scalar(select(func.count()).where(Initiative.lane_id == lane_id)) or 0


def _shift(session: Session, lane_id: int, from_position: int, by: int) -> None:
    """Move every card at or after `from_position` in a lane by `by` places."""
    session.execute(
        update(Initiative)
        .where(Initiative.lane_id == lane_id, Initiative.position >= from_position)
        .values(position=Initiative.position + by)
    )


def _add_override(session: Session, initiative_id: int, status: str, reason: str) -> dict[str, Any]:
    row = {
        "initiative_id": initiative_id,
        "status": status,
        "reason": reason,
        "decided_by": current_user(),
        "decided_at": datetime.now(UTC).replace(tzinfo=None),
    }
    return insert_override(session, row)


def insert_override(session: Session, row: dict[str, Any]) -> dict[str, Any]:
    """Store a gate override row (keeping its id if it has one); return it with its id."""
    new_id = session.execute(insert(GateOverride).values(row).returning(GateOverride.id)).scalar_one()
    return row | {"id": new_id}


def drop_override(session: Session, row: dict[str, Any]) -> None:
    session.execute(delete(GateOverride).where(GateOverride.id == row["id"]))


def create_initiative(session: Session, clean: dict[str, Any], lane_id: int | None, reason: str) -> str:
    """Insert a validated initiative at the end of a lane (the first by default); return its key."""
    if lane_id is None:
        lane_id = session.scalars(select(Lane.id).order_by(Lane.position)).first()
        assert lane_id is not None, "a workspace always has a lane"
    position = _lane_size(session, lane_id)
    key = next_key(session, INITIATIVE_PREFIX)
    override = check_gate(key, "idea", clean, readiness_gate(session), reason)
    values = {k: v for k, v in clean.items() if k != "outcome_key"}
    initiative = Initiative(
        key=key,
        outcome_id=_outcome_id(session, clean["outcome_key"]),
        lane_id=lane_id,
        position=position,
        **values,
    )
    session.add(initiative)
    session.flush()
    if override is not None:
        _add_override(session, initiative.id, clean["status"], override)
    return key


def insert_initiatives(session: Session, rows: list[tuple[str, dict[str, Any], int]]) -> None:
    """Add validated initiatives under their own keys (an import): (key, fields, lane id) each.

    Each goes to the end of its lane, in the order given, and must pass the readiness gate: an
    import carries no reason to override it.
    """
    if not rows:
        return
    gate = readiness_gate(session)
    outcome_ids = dict(session.execute(select(Outcome.key, Outcome.id)).all())
    sizes = dict(session.execute(select(Initiative.lane_id, func.count()).group_by(Initiative.lane_id)).all())
    lanes = set(session.scalars(select(Lane.id)).all())
    values = []
    for key, clean, lane_id in rows:
        check_gate(key, "idea", clean, gate, "")
        if lane_id not in lanes:
            raise ValidationError("Lane", f"lane {lane_id} does not exist")
        outcome_key = clean["outcome_key"]
        if outcome_key is not None and outcome_key not in outcome_ids:
            raise ValidationError("Outcome", f"{outcome_key} does not exist")
        position = sizes.get(lane_id, 0)
        sizes[lane_id] = position + 1
        values.append(
            {k: v for k, v in clean.items() if k != "outcome_key"}
            | {"key": key, "outcome_id": outcome_ids.get(outcome_key), "lane_id": lane_id, "position": position}
        )
    insert_keyed(session, cast(Table, Initiative.__table__), INITIATIVE_PREFIX, values)


def update_initiative(
    session: Session,
    key: str,
    clean: dict[str, Any],
    reason: str,
    *,
    expected_version: int | None = None,
    found: Initiative | None = None,
    gate: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Store validated fields, past the readiness gate if needed, unless the initiative has moved on from
    `expected_version`; return old values and any override. For many initiatives at once, `found` is the
    initiative, already loaded in this session (`keyed_writes.find_keyed`), and `gate` the workspace's readiness gate
    (`readiness_gate`); else each is read."""
    check_version(
        session,
        INITIATIVE,
        key,
        expected_version,
        clean,
        lambda: field_values(session, find_initiative(session, key), clean),
    )
    initiative = found if found is not None else find_initiative(session, key)
    after = {f: getattr(initiative, f) for f in (*READINESS_FIELDS, "status")} | clean
    override = check_gate(key, initiative.status, after, readiness_gate(session) if gate is None else gate, reason)
    old = assign(session, initiative, clean)
    added = None
    if override is not None:
        added = _add_override(session, initiative.id, after["status"], override)
    return old, added


def field_values(session: Session, initiative: Initiative, fields: Iterable[str]) -> dict[str, Any]:
    """The initiative's values of `fields`, as the service takes them (its outcome by key)."""
    return {
        field: (
            session.scalar(select(Outcome.key).where(Outcome.id == initiative.outcome_id))
            if field == "outcome_key"
            else getattr(initiative, field)
        )
        for field in fields
    }


def assign(session: Session, initiative: Initiative, new: dict[str, Any]) -> dict[str, Any]:
    """Set validated fields on `initiative`; return their previous values."""
    old = field_values(session, initiative, new)
    for field, value in new.items():
        if field == "outcome_key":
            initiative.outcome_id = _outcome_id(session, value)
        else:
            setattr(initiative, field, value)
    return old


def move_initiative(session: Session, key: str, lane_id: int, index: int) -> tuple[int, int]:
    """Put an initiative at `index` of a lane (clamped to the lane's end); return its old place."""
    size = _lane_size(session, lane_id)
    initiative = find_initiative(session, key)
    old_lane, old_position, initiative_id = initiative.lane_id, initiative.position, initiative.id
    _shift(session, old_lane, old_position + 1, -1)
    index = max(0, min(index, size - (1 if lane_id == old_lane else 0)))
    session.execute(
        update(Initiative)
        .where(Initiative.lane_id == lane_id, Initiative.position >= index, Initiative.id != initiative_id)
        .values(position=Initiative.position + 1)
    )
    session.execute(update(Initiative).where(Initiative.id == initiative_id).values(lane_id=lane_id, position=index))
    return old_lane, old_position


_OWNED = dependents.tables(GateOverride, BusinessCase, CostLine, CapabilityNeed, RiskInitiative, Retrospective)
"""Rows that go with an initiative (each refers to it by `initiative_id`)."""


def delete_initiative(session: Session, key: str) -> tuple[dict[str, Any], dependents.Dependents]:
    """Remove an initiative with everything that belongs to it; return what restores them."""
    initiative = find_initiative(session, key)
    snapshot = {column: getattr(initiative, column) for column in _COLUMNS}
    kept = dependents.keep(session, _OWNED, "initiative_id", initiative.id)
    session.delete(initiative)
    session.flush()
    _shift(session, snapshot["lane_id"], snapshot["position"] + 1, -1)
    return snapshot, kept


def restore_initiative(session: Session, snapshot: dict[str, Any], kept: dependents.Dependents) -> None:
    _shift(session, snapshot["lane_id"], snapshot["position"], 1)
    initiative_id = dependents.reinsert(session, Initiative, snapshot)
    dependents.put_back(session, _OWNED, "initiative_id", initiative_id, kept)
