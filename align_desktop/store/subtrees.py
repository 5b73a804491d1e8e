"""Rows about to be deleted and everything that cascades from them, kept so that undo puts all of it back.

What depends on what is read from the models' foreign keys, so tables that refer to sessions or
participants (dot votes, snapshots, the audit trail) come along without being listed here: rows
deleted by `ON DELETE CASCADE` are kept whole, references cleared by `ON DELETE SET NULL` are
kept as the rows' keys and set again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from align_desktop.store.models import Base

Row = dict[str, Any]


@dataclass
class Subtree:
    """Deleted rows by table, and cleared references as (table, column, referred table, value, primary keys)."""

    rows: dict[str, dict[tuple[Any, ...], Row]] = field(default_factory=dict)
    cleared: list[tuple[str, str, str, Any, list[Any]]] = field(default_factory=list)

    def merge(self, other: Subtree) -> Subtree:
        for table, rows in other.rows.items():
            self.rows.setdefault(table, {}).update(rows)
        self.cleared.extend(other.cleared)
        return self


def _primary_key(table: Table, row: Row) -> tuple[Any, ...]:
    return tuple(row[column.name] for column in table.primary_key.columns)


def _referring(table: Table) -> list[tuple[Table, str, str, str]]:
    """(table, its column, the referred column of `table`, ondelete) for every foreign key into `table`."""
    found = []
    for other in Base.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table is table and other is not table:
                found.append((other, key.parent.name, key.column.name, (key.ondelete or "").upper()))
    return found


def keep(session: Session, table: Table, ids: list[Any], column: str = "id") -> Subtree:
    """The rows of `table` whose `column` is one of `ids`, and every row their deletion would affect."""
    kept = Subtree()
    _visit(session, table, column, ids, kept)
    return kept


def _visit(session: Session, table: Table, column: str, values: list[Any], kept: Subtree) -> None:
    if not values:
        return
    known = kept.rows.setdefault(table.name, {})
    found = [dict(row._mapping) for row in session.execute(select(table).where(table.c[column].in_(values)))]
    new = [row for row in found if _primary_key(table, row) not in known]
    for row in new:
        known[_primary_key(table, row)] = row
    for child, child_column, referred, ondelete in _referring(table):
        referred_values = list({row[referred] for row in new})
        if ondelete == "CASCADE":
            _visit(session, child, child_column, referred_values, kept)
        elif ondelete == "SET NULL" and referred_values:
            (key_column,) = child.primary_key.columns
            for value in referred_values:
                keys = list(session.scalars(select(key_column).where(child.c[child_column] == value)))
                if keys:
                    kept.cleared.append((child.name, child_column, table.name, value, keys))


def delete_kept(session: Session, table: Table, ids: list[Any]) -> None:
    """Delete the rows of `table` with these ids; SQLite's foreign keys take what depends on them."""
    if ids:
        session.execute(delete(table).where(table.c.id.in_(ids)))


def put_back(session: Session, kept: Subtree) -> dict[str, dict[Any, Any]]:
    """Insert every kept row again (parents first) and set cleared references again.

    Rows keep their ids, unless SQLite has given one to a newer row meanwhile: such a row gets a
    new id and the rows that refer to it follow. Returns those new ids, old → new, by table."""
    moved: dict[str, dict[Any, Any]] = {}
    for table in Base.metadata.sorted_tables:
        kept_rows = kept.rows.get(table.name)
        if not kept_rows:
            continue
        rows = [_follow(table, row, moved) for row in kept_rows.values()]
        if "id" in table.c:
            taken = set(session.scalars(select(table.c.id).where(table.c.id.in_([row["id"] for row in rows]))))
            free = [row for row in rows if row["id"] not in taken]
            if free:
                session.execute(insert(table), free)
            for row in rows:
                if row["id"] in taken:
                    values = {name: value for name, value in row.items() if name != "id"}
                    new_id = session.execute(insert(table).values(values).returning(table.c.id)).scalar_one()
                    moved.setdefault(table.name, {})[row["id"]] = new_id
        else:
            session.execute(insert(table), rows)
    for name, column, referred, value, keys in kept.cleared:
        table = Base.metadata.tables[name]
        (key_column,) = table.primary_key.columns
        new_value = moved.get(referred, {}).get(value, value)
        session.execute(update(table).where(key_column.in_(keys)).values({column: new_value}))
    return moved


def _follow(table: Table, row: Row, moved: dict[str, dict[Any, Any]]) -> Row:
    """`row` referring to the new ids of rows that were given one."""
    followed = dict(row)
    for key in table.foreign_keys:
        new_ids = moved.get(key.column.table.name)
        if new_ids and followed[key.parent.name] in new_ids:
            followed[key.parent.name] = new_ids[followed[key.parent.name]]
    return followed
