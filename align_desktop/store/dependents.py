"""Rows that belong to an item and go with it when it is deleted, kept so that undo brings them back."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import DeclarativeBase, Session

from align_desktop.store.audit_pause import audit_paused

Dependents = dict[str, list[dict[str, Any]]]
"""Rows by table name."""


def tables(*models: type[DeclarativeBase]) -> list[Table]:
    return [cast(Table, model.__table__) for model in models]


def keep(session: Session, owned: list[Table], column: str, owner_id: int) -> Dependents:
    """Every row of `owned` whose `column` refers to the owner, before the owner is deleted."""
    return {
        table.name: [dict(row._mapping) for row in session.execute(select(table).where(table.c[column] == owner_id))]
        for table in owned
    }


def put_back(session: Session, owned: list[Table], column: str, owner_id: int, dependents: Dependents) -> None:
    """Insert kept rows again, pointing at the owner's (possibly new) id; the audit trail records nothing
    (the delete recorded nothing either)."""
    with audit_paused(session):
        for table in owned:
            rows = dependents[table.name]
            if rows:
                session.execute(insert(table), [row | {column: owner_id} for row in rows])


def reinsert(session: Session, model: type[DeclarativeBase], row: dict[str, Any]) -> int:
    """Insert a deleted row again; keep its id unless a newer row took it (SQLite reuses the highest).

    Returns the id it has now.
    """
    table = cast(Table, model.__table__)
    values = dict(row)
    if session.execute(select(table.c.id).where(table.c.id == row["id"])).first() is not None:
        del values["id"]
    return int(session.execute(insert(table).values(values).returning(table.c.id)).scalar_one())
