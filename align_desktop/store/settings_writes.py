"""Writes behind `SettingsService`: settings and lanes, inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError
from align_desktop.store.models import (
    YEARS,
    BusinessCase,
    CostLine,
    Initiative,
    Lane,
    WorkspaceSettings,
    adoption_column,
    amount_column,
)

Dropped = list[tuple[str, int, dict[str, Any]]]
"""Values cleared by a shorter horizon: (table, row id, {column: value})."""


def update_settings(session: Session, clean: dict[str, Any]) -> tuple[dict[str, Any], Dropped]:
    """Store validated settings; return their previous values and what a shorter horizon cleared."""
    row = session.get_one(WorkspaceSettings, 1)
    previous = {field: getattr(row, field) for field in clean}
    dropped = clear_after(session, clean["horizon"]) if clean.get("horizon", row.horizon) < row.horizon else []
    for field, value in clean.items():
        setattr(row, field, value)
    return previous, dropped


def clear_after(session: Session, horizon: int) -> Dropped:
    """Clear adoption and cost amounts entered for years after `horizon`; return what was there."""
    dropped: Dropped = []
    later = [year for year in YEARS if year > horizon]
    for table, key, columns in (
        (BusinessCase.__table__, "initiative_id", [adoption_column(y) for y in later]),
        (CostLine.__table__, "id", [amount_column(y) for y in later]),
    ):
        filled = or_(*[table.c[c].is_not(None) for c in columns])
        for row in session.execute(select(table.c[key], *[table.c[c] for c in columns]).where(filled)):
            values = dict(zip(columns, row[1:], strict=True))
            dropped.append((table.name, row[0], values))
            session.execute(update(table).where(table.c[key] == row[0]).values(dict.fromkeys(columns)))
    return dropped


def restore_dropped(session: Session, dropped: Dropped) -> None:
    """Put back values that `clear_after` cleared."""
    tables = {"business_case": (BusinessCase.__table__, "initiative_id"), "cost_line": (CostLine.__table__, "id")}
    for name, row_id, values in dropped:
        table, key = tables[name]
        session.execute(update(table).where(table.c[key] == row_id).values(values))


def replace_lanes(session: Session, lane_ids: list[int | None], names: list[str]) -> list[tuple[int | None, str]]:
    """Make the lanes exactly `zip(lane_ids, names)`, left to right; return the list before.

    An id that no longer exists (a lane removed and being restored) is inserted with that id.
    """
    previous: list[tuple[int | None, str]] = [
        (lane_id, name) for lane_id, name in session.execute(select(Lane.id, Lane.name).order_by(Lane.position))
    ]
    kept = {lane_id for lane_id in lane_ids if lane_id is not None}
    for lane_id, name in previous:
        if lane_id in kept:
            continue
        count = session.scalar(select(func.count()).where(Initiative.lane_id == lane_id))
        if count:
            raise ValidationError(
                f"Lane '{name}'", f"still holds {count} initiative(s); move them to another lane first"
            )
    existing = {lane_id for lane_id, _ in previous}
    session.execute(delete(Lane).where(Lane.id.not_in(kept)))
    # park every kept lane under a unique interim name so that swapped names never clash
    session.execute(update(Lane).values(name=literal("\x01") + cast(Lane.id, String)))
    for position, (lane_id, name) in enumerate(zip(lane_ids, names, strict=True)):
        if lane_id is not None and lane_id in existing:
            session.execute(update(Lane).where(Lane.id == lane_id).values(name=name, position=position))
        else:
            values: dict[str, Any] = {"name": name, "position": position}
            if lane_id is not None:
                values["id"] = lane_id
            session.execute(insert(Lane).values(values))
    return previous


def arrange_lanes(session: Session, names: list[str]) -> list[int]:
    """Make `names` the board's first lanes, left to right (an import); return the ids of the others.

    A name matches an existing lane ignoring case (which then takes the spelling given); other
    names are new lanes. Lanes left out keep their order after the listed ones until
    `remove_lanes` removes them, once the initiatives in them have moved.
    """
    existing = [
        (lane_id, name) for lane_id, name in session.execute(select(Lane.id, Lane.name).order_by(Lane.position))
    ]
    by_name = {name.casefold(): lane_id for lane_id, name in existing}
    listed: set[int] = set()
    for position, name in enumerate(names):
        lane_id = by_name.get(name.casefold())
        if lane_id is None:
            session.execute(insert(Lane).values(name=name, position=position))
        else:
            session.execute(update(Lane).where(Lane.id == lane_id).values(name=name, position=position))
            listed.add(lane_id)
    left_out = [lane_id for lane_id, _ in existing if lane_id not in listed]
    for offset, lane_id in enumerate(left_out):
        session.execute(update(Lane).where(Lane.id == lane_id).values(position=len(names) + offset))
    return left_out


def remove_lanes(session: Session, lane_ids: list[int]) -> None:
    """Remove lanes, refusing any that still holds initiatives."""
    for lane_id in lane_ids:
        count = session.scalar(select(func.count()).where(Initiative.lane_id == lane_id))
        if count:
            name = session.scalar(select(Lane.name).where(Lane.id == lane_id))
            raise ValidationError(
                f"Lane '{name}'", f"still holds {count} initiative(s); move them to another lane first"
            )
        session.execute(delete(Lane).where(Lane.id == lane_id))
