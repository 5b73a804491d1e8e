"""Workspace settings and the board's lanes: read them, change them, undo the change."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, cast, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError, optional_number, require_int, require_text
from align_desktop.domain.vocabulary import HORIZON_MAX, HORIZON_MIN, READINESS_MAX, READINESS_MIN
from align_desktop.store.changes import Revert
from align_desktop.store.models import Initiative, Lane, WorkspaceSettings
from align_desktop.store.rows import LaneRow, SettingsRow
from align_desktop.store.workspace import Workspace

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def read_settings(session: Session) -> SettingsRow:
    row = session.get_one(WorkspaceSettings, 1)
    return SettingsRow(
        name=row.name,
        currency=row.currency,
        discount_rate=row.discount_rate,
        horizon=row.horizon,
        readiness_gate=row.readiness_gate,
    )


def read_lanes(session: Session) -> list[LaneRow]:
    rows = session.execute(select(Lane.id, Lane.name, Lane.position).order_by(Lane.position))
    return [LaneRow(id=i, name=n, position=p) for i, n, p in rows]


def validate_settings(changes: dict[str, Any]) -> dict[str, Any]:
    """Check the editable settings in `changes`; return them cleaned."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "name":
            clean[field] = require_text("Workspace name", value, max_length=200)
        elif field == "currency":
            code = require_text("Currency", value, max_length=3).upper()
            if not _CURRENCY.match(code):
                raise ValidationError("Currency", f"'{value}' is not a three-letter currency code")
            clean[field] = code
        elif field == "discount_rate":
            rate = optional_number("Discount rate", value)
            if rate is None or rate <= -1:
                raise ValidationError("Discount rate", "must be a fraction above -1 (10 % is 0.10)")
            clean[field] = rate
        elif field == "horizon":
            clean[field] = require_int("Horizon (years)", value, low=HORIZON_MIN, high=HORIZON_MAX)
        elif field == "readiness_gate":
            clean[field] = require_int("Readiness gate", value, low=READINESS_MIN, high=READINESS_MAX)
        else:
            raise ValidationError(field, "is not a workspace setting that can be edited here")
    return clean


class SettingsService:
    """Read and change the workspace's settings and lanes."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self) -> SettingsRow:
        with self._workspace.read() as session:
            return read_settings(session)

    def lanes(self) -> list[LaneRow]:
        with self._workspace.read() as session:
            return read_lanes(session)

    def update(self, changes: dict[str, Any]) -> Revert:
        """Change settings: name, currency, discount rate, horizon, readiness gate."""
        clean = validate_settings(changes)
        with self._workspace.write() as session:
            row = session.get_one(WorkspaceSettings, 1)
            previous = {field: getattr(row, field) for field in clean}
            for field, value in clean.items():
                setattr(row, field, value)
        return lambda: self.update(previous)

    def set_lanes(self, lanes: list[tuple[int | None, str]]) -> Revert:
        """Replace the lane list: `(id, name)` keeps or renames a lane, `(None, name)` adds one.

        A lane left out is removed, which is refused while it still holds initiatives.
        """
        names = [require_text(f"Lane {i + 1}", name, max_length=60) for i, (_, name) in enumerate(lanes)]
        if not names:
            raise ValidationError("Lanes", "the board needs at least one lane")
        folded = [n.casefold() for n in names]
        for i, name in enumerate(folded):
            if name in folded[:i]:
                raise ValidationError(f"Lane {i + 1}", f"'{names[i]}' appears twice")
        with self._workspace.write() as session:
            previous = [(lane.id, lane.name) for lane in read_lanes(session)]
            kept = {lane_id for lane_id, _ in lanes if lane_id is not None}
            for lane_id, name in previous:
                if lane_id in kept:
                    continue
                count = session.scalar(select(func.count()).where(Initiative.lane_id == lane_id))
                if count:
                    raise ValidationError(
                        f"Lane '{name}'",
                        f"still holds {count} initiative(s); move them to another lane first",
                    )
            existing = {lane_id for lane_id, _ in previous}
            session.execute(delete(Lane).where(Lane.id.not_in(kept)))
            # park every kept lane under a unique interim name so that swapped names never clash
            session.execute(update(Lane).values(name=literal("\x01") + cast(Lane.id, String)))
            for position, ((lane_id, _), name) in enumerate(zip(lanes, names, strict=True)):
                if lane_id is not None and lane_id in existing:
                    session.execute(
                        update(Lane).where(Lane.id == lane_id).values(name=name, position=position)
                    )
                else:
                    values: dict[str, Any] = {"name": name, "position": position}
                    if lane_id is not None:
                        values["id"] = lane_id
                    session.execute(insert(Lane).values(values))
        return lambda: self.set_lanes(previous)
