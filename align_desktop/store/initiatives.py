"""Initiatives on the board: read the board, create, edit, move, delete, each undoable.

Positions are dense per lane (0, 1, 2 …); every change keeps them so.
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.initiative import NEW_INITIATIVE, validate_initiative
from align_desktop.domain.keys import INITIATIVE_PREFIX
from align_desktop.domain.readiness import GateBlocked, gate_failures, needs_gate
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.vocabulary import READINESS_FIELDS
from align_desktop.store.changes import Revert
from align_desktop.store.errors import NotFound
from align_desktop.store.keys import next_key
from align_desktop.store.models import GateOverride, Initiative, Lane, Outcome
from align_desktop.store.outcomes import read_outcomes
from align_desktop.store.rows import BoardRows, GateOverrideRow, InitiativeRow
from align_desktop.store.settings import read_lanes, read_settings
from align_desktop.store.workspace import Workspace

_COLUMNS = list(Initiative.__table__.columns.keys())
_OVERRIDE_COLUMNS = list(GateOverride.__table__.columns.keys())


def current_user() -> str:
    """Who is making a decision: the operating-system user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def read_initiatives(session: Session) -> list[InitiativeRow]:
    """Every initiative, ordered by lane then position, with its latest gate override."""
    latest = (
        select(GateOverride.initiative_id, func.max(GateOverride.id).label("id"))
        .group_by(GateOverride.initiative_id)
        .subquery()
    )
    rows = session.execute(
        select(Initiative, Outcome.key, Outcome.name, GateOverride)
        .outerjoin(Outcome, Outcome.id == Initiative.outcome_id)
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .outerjoin(GateOverride, GateOverride.id == latest.c.id)
        .join(Lane, Lane.id == Initiative.lane_id)
        .order_by(Lane.position, Initiative.position)
    )
    return [_row(i, okey, oname, override) for i, okey, oname, override in rows]


def _row(
    i: Initiative, outcome_key: str | None, outcome_name: str | None, override: GateOverride | None
) -> InitiativeRow:
    return InitiativeRow(
        key=i.key,
        title=i.title,
        description=i.description,
        outcome_key=outcome_key,
        outcome_name=outcome_name,
        decision_point=i.decision_point,
        lane_id=i.lane_id,
        position=i.position,
        status=i.status,
        team=i.team,
        owner=i.owner,
        readiness_data=i.readiness_data,
        readiness_model_risk=i.readiness_model_risk,
        readiness_monitoring=i.readiness_monitoring,
        readiness_compliance=i.readiness_compliance,
        success_criteria=i.success_criteria,
        acceptable_failure_modes=i.acceptable_failure_modes,
        assumptions=i.assumptions,
        confidence=i.confidence,
        gate_override=None
        if override is None
        else GateOverrideRow(
            status=override.status,
            reason=override.reason,
            decided_by=override.decided_by,
            decided_at=override.decided_at,
        ),
    )


def _find(session: Session, key: str) -> Initiative:
    initiative = session.scalar(select(Initiative).where(Initiative.key == key))
    if initiative is None:
        raise NotFound(key)
    return initiative


def _outcome_id(session: Session, outcome_key: str | None) -> int | None:
    if outcome_key is None:
        return None
    outcome_id = session.scalar(select(Outcome.id).where(Outcome.key == outcome_key))
    if outcome_id is None:
        raise ValidationError("Outcome", f"{outcome_key} does not exist")
    return outcome_id


def _lane_exists(session: Session, lane_id: int) -> None:
    if session.get(Lane, lane_id) is None:
        raise ValidationError("Lane", f"lane {lane_id} does not exist")


def _lane_size(session: Session, lane_id: int) -> int:
    return session.scalar(select(func.count()).where(Initiative.lane_id == lane_id)) or 0


def _shift(session: Session, lane_id: int, from_position: int, by: int) -> None:
    """Move every card at or after `from_position` in a lane by `by` places."""
    session.execute(
        update(Initiative)
        .where(Initiative.lane_id == lane_id, Initiative.position >= from_position)
        .values(position=Initiative.position + by)
    )


def _override_row(initiative_id: int, status: str, reason: str) -> dict[str, Any]:
    return {
        "initiative_id": initiative_id,
        "status": status,
        "reason": reason,
        "decided_by": current_user(),
        "decided_at": datetime.now(UTC).replace(tzinfo=None),
    }


def _assign(session: Session, initiative: Initiative, values: dict[str, Any]) -> dict[str, Any]:
    """Set validated fields on `initiative`; return their previous values."""
    old: dict[str, Any] = {}
    for field, value in values.items():
        if field == "outcome_key":
            old[field] = session.scalar(select(Outcome.key).where(Outcome.id == initiative.outcome_id))
            initiative.outcome_id = _outcome_id(session, value)
        else:
            old[field] = getattr(initiative, field)
            setattr(initiative, field, value)
    return old


def _insert_override(session: Session, row: dict[str, Any]) -> dict[str, Any]:
    """Store a gate override row (keeping its id if it has one); return it with its id."""
    new_id = session.execute(insert(GateOverride).values(row).returning(GateOverride.id)).scalar_one()
    return row | {"id": new_id}


class InitiativeService:
    """Everything the board and the initiative form ask of initiatives."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def board(self) -> BoardRows:
        """Settings, lanes, initiatives and outcomes, read in one transaction."""
        with self._workspace.read() as session:
            return BoardRows(
                settings=read_settings(session),
                lanes=read_lanes(session),
                initiatives=read_initiatives(session),
                outcomes=read_outcomes(session),
            )

    def get(self, key: str) -> InitiativeRow:
        with self._workspace.read() as session:
            initiative = _find(session, key)
            return next(r for r in read_initiatives(session) if r.key == initiative.key)

    def create(
        self, fields: dict[str, Any], lane_id: int | None = None, override_reason: str = ""
    ) -> tuple[str, Revert]:
        """Add an initiative at the end of a lane (the first lane by default)."""
        clean = NEW_INITIATIVE | validate_initiative(NEW_INITIATIVE | fields)
        with self._workspace.write() as session:
            settings = read_settings(session)
            if lane_id is None:
                lane_id = read_lanes(session)[0].id
            _lane_exists(session, lane_id)
            key = next_key(session, INITIATIVE_PREFIX)
            override = self._gate(key, "idea", clean, settings.readiness_gate, override_reason)
            values = {k: v for k, v in clean.items() if k != "outcome_key"}
            initiative = Initiative(
                key=key,
                outcome_id=_outcome_id(session, clean["outcome_key"]),
                lane_id=lane_id,
                position=_lane_size(session, lane_id),
                **values,
            )
            session.add(initiative)
            session.flush()
            if override is not None:
                _insert_override(session, _override_row(initiative.id, *override))
        return key, lambda: self.delete(key)

    def update(self, key: str, changes: dict[str, Any], override_reason: str = "") -> Revert:
        """Change fields of one initiative.

        Moving it to scaling or live needs every readiness score at the workspace's gate, or an
        `override_reason`, which is stored with who and when.
        """
        clean = validate_initiative(changes)
        with self._workspace.write() as session:
            initiative = _find(session, key)
            after = {f: getattr(initiative, f) for f in (*READINESS_FIELDS, "status")} | clean
            gate = read_settings(session).readiness_gate
            override = self._gate(key, initiative.status, after, gate, override_reason)
            old = _assign(session, initiative, clean)
            added = None
            if override is not None:
                added = _insert_override(session, _override_row(initiative.id, *override))
        return lambda: self._set_fields(key, old, add_override=None, drop_override=added)

    @staticmethod
    def _gate(
        key: str, old_status: str, after: dict[str, Any], gate: int, reason: str
    ) -> tuple[str, str] | None:
        """The (status, reason) of an override this change needs, or None if it passes."""
        if not needs_gate(old_status, after["status"]):
            return None
        failures = gate_failures(after, gate)
        if not failures:
            return None
        if not reason.strip():
            raise GateBlocked(key, after["status"], gate, failures)
        return after["status"], reason.strip()

    def _set_fields(
        self,
        key: str,
        values: dict[str, Any],
        *,
        add_override: dict[str, Any] | None,
        drop_override: dict[str, Any] | None,
    ) -> Revert:
        """Undo or redo an update: put `values` back and add or drop its gate override."""
        with self._workspace.write() as session:
            initiative = _find(session, key)
            old = _assign(session, initiative, values)
            if drop_override is not None:
                session.execute(delete(GateOverride).where(GateOverride.id == drop_override["id"]))
            if add_override is not None:
                _insert_override(session, add_override)
        return lambda: self._set_fields(key, old, add_override=drop_override, drop_override=add_override)

    def move(self, key: str, lane_id: int, index: int) -> Revert:
        """Put an initiative at `index` of a lane (clamped to the lane's end)."""
        with self._workspace.write() as session:
            _lane_exists(session, lane_id)
            initiative = _find(session, key)
            old_lane, old_position = initiative.lane_id, initiative.position
            initiative_id = initiative.id
            _shift(session, old_lane, old_position + 1, -1)
            others = _lane_size(session, lane_id) - (1 if lane_id == old_lane else 0)
            index = max(0, min(index, others))
            session.execute(
                update(Initiative)
                .where(
                    Initiative.lane_id == lane_id,
                    Initiative.position >= index,
                    Initiative.id != initiative_id,
                )
                .values(position=Initiative.position + 1)
            )
            session.execute(
                update(Initiative)
                .where(Initiative.id == initiative_id)
                .values(lane_id=lane_id, position=index)
            )
        return lambda: self.move(key, old_lane, old_position)

    def delete(self, key: str) -> Revert:
        """Remove an initiative; its revert brings it back with the same key and place."""
        with self._workspace.write() as session:
            initiative = _find(session, key)
            snapshot = {column: getattr(initiative, column) for column in _COLUMNS}
            overrides = [
                {c: getattr(o, c) for c in _OVERRIDE_COLUMNS}
                for o in session.scalars(
                    select(GateOverride).where(GateOverride.initiative_id == initiative.id)
                )
            ]
            session.delete(initiative)
            session.flush()
            _shift(session, snapshot["lane_id"], snapshot["position"] + 1, -1)
        return lambda: self._restore(snapshot, overrides)

    def _restore(self, snapshot: dict[str, Any], overrides: list[dict[str, Any]]) -> Revert:
        with self._workspace.write() as session:
            _shift(session, snapshot["lane_id"], snapshot["position"], 1)
            session.execute(insert(Initiative), [snapshot])
            if overrides:
                session.execute(insert(GateOverride), overrides)
        key = snapshot["key"]
        return lambda: self.delete(key)
