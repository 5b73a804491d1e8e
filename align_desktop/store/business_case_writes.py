"""Writes behind `BusinessCaseService`, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.keys import COST_LINE_PREFIX
from align_desktop.store.bulk_insert import insert_rows
from align_desktop.store.errors import NotFound
from align_desktop.store.initiative_writes import find_initiative
from align_desktop.store.keyed_writes import insert_keyed, refuse_missing
from align_desktop.store.keys import next_key
from align_desktop.store.models import (
    YEARS,
    BusinessCase,
    CostLine,
    Initiative,
    VersionedItem,
    WorkspaceSettings,
    amount_column,
)
from align_desktop.store.versions import BUSINESS_CASE, COST_LINE, check_version

_CASE_COLUMNS = [
    c.name for c in BusinessCase.__table__.columns if c.name not in ("initiative_id", *VersionedItem.COLUMNS)
]
"""What a case holds: its version is the triggers' to keep, and an undo makes a new one as any change does."""
_LINE_COLUMNS = [c.name for c in CostLine.__table__.columns]
BLANK_CASE: dict[str, Any] = dict.fromkeys(_CASE_COLUMNS) | {"annual_benefit": 0.0, "benefit_unit": ""}


def horizon(session: Session) -> int:
    return session.get_one(WorkspaceSettings, 1).horizon


def case_values(session: Session, initiative_key: str) -> tuple[int, dict[str, Any] | None]:
    """The initiative's id and its business-case row (None when it has none)."""
    initiative_id = find_initiative(session, initiative_key).id
    row = session.execute(
        select(*[BusinessCase.__table__.c[c] for c in _CASE_COLUMNS]).where(
            BusinessCase.__table__.c.initiative_id == initiative_id
        )
    ).first()
    return initiative_id, (dict(row._mapping) if row is not None else None)


def check_case(session: Session, initiative_key: str, expected_version: int | None, yours: dict[str, Any]) -> None:
    """Refuse an edit of the initiative's business case (`yours`: the columns it sets) made against another
    version of it than `expected_version` (0: no case yet); None checks nothing.

    The initiative's row is locked too, so that two people creating its case at once cannot both pass.
    """
    if expected_version is None:
        return
    if session.scalar(select(Initiative.id).where(Initiative.key == initiative_key).with_for_update()) is None:
        raise NotFound(initiative_key)

    def theirs() -> dict[str, Any]:
        now = case_values(session, initiative_key)[1] or BLANK_CASE
        return {column: now[column] for column in yours}

    check_version(session, BUSINESS_CASE, initiative_key, expected_version, yours, theirs)


def put_case(session: Session, initiative_id: int, values: dict[str, Any] | None) -> None:
    """Make the business-case row exactly `values`, or remove it when None.

    An existing row is updated in place, so that the audit trail records each input that changed.
    """
    table = BusinessCase.__table__
    mine = table.c.initiative_id == initiative_id
    if values is None:
        session.execute(delete(table).where(mine))
    elif session.scalar(select(table.c.initiative_id).where(mine)) is None:
        session.execute(insert(table).values(values | {"initiative_id": initiative_id}))
    else:
        session.execute(update(table).where(mine).values(values))


def find_line(session: Session, key: str) -> dict[str, Any]:
    table = CostLine.__table__
    row = session.execute(select(table).where(table.c.key == key)).first()
    if row is None:
        raise NotFound(key)
    return dict(row._mapping)


def add_line(session: Session, initiative_id: int, values: dict[str, Any]) -> str:
    """Append a cost line to an initiative's case; return its new key."""
    table = CostLine.__table__
    position = session.scalar(select(func.count()).where(table.c.initiative_id == initiative_id)) or 0
    key = next_key(session, COST_LINE_PREFIX)
    session.execute(insert(table).values(values | {"key": key, "initiative_id": initiative_id, "position": position}))
    return key


def insert_lines(session: Session, rows: list[tuple[str, int, dict[str, Any]]]) -> None:
    """Add validated cost lines under their own keys (an import): (key, initiative id, columns) each.

    Each goes to the end of its initiative's lines, in the order given.
    """
    table = CostLine.__table__
    sizes: dict[int, int] = dict(
        session.execute(select(table.c.initiative_id, func.count()).group_by(table.c.initiative_id)).all()
    )
    given = {name for _, _, columns in rows for name, value in columns.items() if value is not None}
    names = [name for name in _LINE_COLUMNS if name in given]  # one statement needs the same columns
    values = []
    for key, initiative_id, columns in rows:
        position = sizes.get(initiative_id, 0)
        sizes[initiative_id] = position + 1
        row = {name: columns.get(name) for name in names}
        row.update(key=key, initiative_id=initiative_id, position=position)
        values.append(row)
    insert_keyed(session, table, COST_LINE_PREFIX, values)


def insert_cases(session: Session, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Add business-case rows for initiatives that have none (an import): (initiative id, columns) each."""
    insert_rows(session, BusinessCase.__table__, [BLANK_CASE | values | {"initiative_id": i} for i, values in rows])


def move_line(session: Session, key: str, initiative_id: int) -> None:
    """Move a cost line to the end of another initiative's case, closing the gap it leaves."""
    table = CostLine.__table__
    row = find_line(session, key)
    if row["initiative_id"] == initiative_id:
        return
    session.execute(
        update(table)
        .where(table.c.initiative_id == row["initiative_id"], table.c.position > row["position"])
        .values(position=table.c.position - 1)
    )
    position = session.scalar(select(func.count()).where(table.c.initiative_id == initiative_id)) or 0
    session.execute(update(table).where(table.c.key == key).values(initiative_id=initiative_id, position=position))


def update_cases(session: Session, changes: list[tuple[str, int, dict[str, Any]]]) -> None:
    """Set some columns of existing business-case rows: (initiative key, initiative id, columns) each. An initiative
    whose case is gone (since an import's preview, say) is refused; the cases that change the same columns are set in
    one statement."""
    column = BusinessCase.__table__.c.initiative_id
    refuse_missing(session, column, {i: f"The business case of {key}" for key, i, values in changes if values})
    _update_batched(session, column, [(initiative_id, values) for _, initiative_id, values in changes])


def update_lines(session: Session, changes: list[tuple[str, dict[str, Any]]]) -> None:
    """Set some columns of existing cost lines (by key), refusing a key no line has; the lines that change the same
    columns are set in one statement."""
    column = CostLine.__table__.c.key
    refuse_missing(session, column, {key: key for key, values in changes if values})
    _update_batched(session, column, changes)


def _update_batched(session: Session, found_by: Any, changes: Sequence[tuple[object, dict[str, Any]]]) -> None:
    """Set columns of rows, each found by its value of the column `found_by`, in one statement per set of
    columns: on a team workspace, a statement per row would cost a round trip each."""
    from sqlalchemy import bindparam

    batches: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for value, values in changes:
        if values:
            batches.setdefault(tuple(sorted(values)), []).append({"found_by": value, **values})
    for rows in batches.values():
        session.execute(update(found_by.table).where(found_by == bindparam("found_by")), rows)


def update_line(
    session: Session, key: str, values: dict[str, Any], *, expected_version: int | None = None
) -> dict[str, Any]:
    """Set columns of a cost line, unless it has moved on from `expected_version`; return their previous values."""
    table = CostLine.__table__

    def theirs() -> dict[str, Any]:
        now = find_line(session, key)
        return {column: now[column] for column in values}

    check_version(session, COST_LINE, key, expected_version, values, theirs)
    row = find_line(session, key)
    previous = {column: row[column] for column in values}
    if values:
        session.execute(update(table).where(table.c.key == key).values(values))
    return previous


def delete_line(session: Session, key: str) -> dict[str, Any]:
    """Remove a cost line, closing the gap in its case; return the row that restores it."""
    table = CostLine.__table__
    row = find_line(session, key)
    session.execute(delete(table).where(table.c.key == key))
    session.execute(
        update(table)
        .where(table.c.initiative_id == row["initiative_id"], table.c.position > row["position"])
        .values(position=table.c.position - 1)
    )
    return row


def restore_line(session: Session, row: dict[str, Any]) -> None:
    """Put a deleted cost line back at its place, under its key (and its id, unless a newer line took it)."""
    table = CostLine.__table__
    session.execute(
        update(table)
        .where(table.c.initiative_id == row["initiative_id"], table.c.position >= row["position"])
        .values(position=table.c.position + 1)
    )
    values = {c: row[c] for c in _LINE_COLUMNS}
    if session.scalar(select(table.c.id).where(table.c.id == row["id"])) is not None:
        del values["id"]  # SQLite hands a deleted row's id to the next line added
    session.execute(insert(table).values(values))


def amounts_to_columns(amounts: dict[int, float | None]) -> dict[str, float | None]:
    return {amount_column(year): value for year, value in amounts.items() if year in YEARS}
