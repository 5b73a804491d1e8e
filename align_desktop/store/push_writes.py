"""Writing a push onto the team workspace: the steps of a `Merge`, inside the caller's transaction.

Rows are written table by table, parents first, so that a row added under a row the copy added gets
that row's new id; changes of one table that set the same fields go to the server as one batch; rows
removed go last, children first. Values are written as SQLAlchemy writes them, from their form as the
file's driver read them.

Places in ordered lists: before writing, every list the push changes is spread (the team's rows move
from place n to (n + 1) × `SPREAD`), so that the rows the copy moved or added, written at the places
the comparison gave them, fall between the team's; afterwards those lists are numbered 0… again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from align_desktop.domain.keys import parse_key
from align_desktop.domain.push import Action, PushResult
from align_desktop.store.push_merge import BOOKKEEPING, ORDERED, SPREAD, Merge, NewRow, Step

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

Ids = dict[tuple[str, int], int]
"""The team workspace's id of each row the copy added, by (table, id in the copy)."""


def apply_merge(session: Session, merged: Merge, use_mine: frozenset[int]) -> PushResult:
    """Write `merged`; `use_mine` are the positions among its changes of the conflicts the copy's values win."""
    from sqlalchemy import delete

    applied = list(_applied(merged, use_mine))
    lists: dict[str, set[object]] = {}
    for step, _ in applied:
        lists.setdefault(step.table.name, set()).update(step.lists)
    _spread(session, lists)
    ids: Ids = {}
    pushed = 0
    batch: dict[tuple[str, tuple[str, ...]], list[dict[str, object]]] = {}
    for step, mine in applied:
        if step.action is Action.REMOVE:
            continue
        if batch and next(iter(batch))[0] != step.table.name:
            _send(session, batch)
        row = _row(step, mine, ids)
        if step.action is Action.ADD:
            _add(session, step, row, merged.keys, ids)
        elif row:
            batch.setdefault((step.table.name, tuple(sorted(row))), []).append(
                {**row, **{f"pk_{column.name}": value for column, value in _key(step)}}
            )
        else:
            continue
        pushed += step.change is not None
    _send(session, batch)
    for step, _ in reversed(applied):
        if step.action is Action.REMOVE:
            session.execute(delete(step.table).where(*_where(step)))
            pushed += step.change is not None
    _renumber(session, {name: {_resolved(value, ids) for value in values} for name, values in lists.items()})
    kept = sum(1 for step, mine in applied if step.change is not None and step.change.conflict and not mine)
    return PushResult(pushed, kept)


def _applied(merged: Merge, use_mine: frozenset[int]) -> Iterator[tuple[Step, bool]]:
    """The steps that write something, each with whether the copy's values win its conflict."""
    listed = -1
    left: set[int] = set()
    """The steps not applied (by `id`): a removal that goes with one of them is not applied either."""
    for step in merged.steps:
        change = step.change
        listed += change is not None
        mine = change is not None and listed in use_mine
        kept = step.action is Action.REMOVE and change is not None and bool(change.conflict) and not mine
        if (
            (change is not None and change.skipped)
            or kept
            or (step.goes_with is not None and id(step.goes_with) in left)
        ):
            left.add(id(step))
            continue
        yield step, mine


def _row(step: Step, mine: bool, ids: Ids) -> dict[str, object]:
    """The values `step` writes, as SQLAlchemy takes them."""
    from align_desktop.store.transfer import value_reader

    values = {**step.values, **(step.disputed if mine else {})}
    row: dict[str, object] = {}
    for name, value in values.items():
        resolved = _resolved(value, ids)
        reader = value_reader(step.table.columns[name])
        row[name] = resolved if reader is None or resolved is None else reader(resolved)
    return row


def _add(session: Session, step: Step, row: dict[str, object], keys: dict[str, str], ids: Ids) -> None:
    """Insert the row the copy added, under the team workspace's key for it; note its new id."""
    from sqlalchemy import insert

    from align_desktop.store.keys import reserve_up_to

    table = step.table
    row = {name: value for name, value in row.items() if name != "id" and name not in BOOKKEEPING}
    if "key" in row:
        row["key"] = keys.get(str(row["key"]), row["key"])
        parsed = parse_key(str(row["key"]))
        if parsed is not None:
            reserve_up_to(session, *parsed)
            session.flush()
    if [column.name for column in table.primary_key.columns] == ["id"]:
        ids[(table.name, int(str(step.target[0])))] = session.execute(
            insert(table).values(row).returning(table.c.id)
        ).scalar_one()
    else:
        session.execute(insert(table).values(row))


def _send(session: Session, batch: dict[tuple[str, tuple[str, ...]], list[dict[str, object]]]) -> None:
    """Run the batched changes, one statement per table and set of fields, and empty the batch."""
    from sqlalchemy import bindparam, update

    from align_desktop.store.models import Base

    for (name, _), rows in batch.items():
        table = Base.metadata.tables[name]
        where = [column == bindparam(f"pk_{column.name}") for column in table.primary_key.columns]
        session.execute(update(table).where(*where), rows)
    batch.clear()


def _key(step: Step) -> Iterator[tuple[ColumnElement[object], object]]:
    return zip(step.table.primary_key.columns, step.target, strict=True)


def _where(step: Step) -> list[ColumnElement[bool]]:
    return [column == value for column, value in _key(step)]


def _resolved(value: object, ids: Ids) -> object:
    return ids[(value.table, value.id)] if isinstance(value, NewRow) else value


def _spread(session: Session, lists: dict[str, set[object]]) -> None:
    """Move the team's rows of the lists the push changes from place n to (n + 1) × SPREAD."""
    from sqlalchemy import text

    for table, within in ORDERED.items():
        existing = [value for value in lists.get(table, ()) if not isinstance(value, NewRow)]
        if not existing:
            continue
        sql = f"UPDATE {table} SET position = (position + 1) * {SPREAD}"  # names from the models, never user text
        if within is None:
            session.execute(text(sql))
        else:
            session.execute(text(f"{sql} WHERE {within} = ANY(:lists)"), {"lists": existing})


def _renumber(session: Session, lists: dict[str, set[object]]) -> None:
    """Number the lists the push changed 0… again, keeping their order."""
    from sqlalchemy import text

    for table, within in ORDERED.items():
        changed = [value for value in lists.get(table, ()) if value is not None]
        if table not in lists or (within is not None and not changed):
            continue
        partition, only = (f"PARTITION BY {within} ", f" WHERE {within} = ANY(:lists)") if within else ("", "")
        session.execute(
            text(  # names from the models, never user text
                f"UPDATE {table} AS o SET position = r.n FROM (SELECT id, "
                f"ROW_NUMBER() OVER ({partition}ORDER BY position, id) - 1 AS n FROM {table}{only}) AS r "
                "WHERE r.id = o.id AND o.position <> r.n"
            ),
            {"lists": changed},
        )
