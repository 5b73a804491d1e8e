"""Many rows into one table in one plain `executemany`, inside the caller's transaction.

`session.execute(insert(table), rows)` compiles the statement and builds each row's parameters
through SQLAlchemy's machinery, which costs more than SQLite's own work for an import's tens of
thousands of rows. Here the statement is written once and the rows go to the driver as tuples,
on the session's connection. Values are converted as SQLAlchemy converts them (each column
type's bind processor), a column that the rows leave out gets its scalar Python-side default as
`insert()` gives it, and the session's pending changes are flushed first, as `session.execute`
would. The audit triggers see the same rows either way.

Rows of an item table that do not say who changed them last are stamped here, with the author the
transaction names and the time, as the insert trigger of migration 0007 would stamp each of them
afterwards with an UPDATE of its own (which doubled the time an import takes to write its items).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Dialect, Table, select
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (each with the same keys, column names of `table`) in one statement."""
    if not rows:
        return
    names = list(rows[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in rows[0] or column.default is None:
            continue
        if not column.default.is_scalar:
            raise TypeError(f"{table.name}.{column.name} has a default computed per row; insert it with insert()")
        defaults[column.name] = column.default.arg  # type: ignore[attr-defined]
    connection = session.connection()
    defaults.update(_stamp(session, table, rows[0]))
    dialect = connection.dialect
    processors = [
        (position, found) for position, name in enumerate(names) if (found := _processor(table, dialect, name))
    ]
    constant = []
    for name, value in defaults.items():
        processor = _processor(table, dialect, name)
        constant.append(value if processor is None else processor(value))
    quote = dialect.identifier_preparer.quote
    columns = [*names, *defaults]
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({placeholders(dialect, len(columns))})"
    )
    parameters = []
    for row in rows:
        values = [row[name] for name in names]
        for position, processor in processors:
            values[position] = processor(values[position])
        parameters.append((*values, *constant))
    session.flush()
    connection.exec_driver_sql(sql, parameters)


def _stamp(session: Session, table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """`changed_by` and `changed_at` for rows of an item table that leave them out, while the transaction names
    its author (`audit_context`); nothing otherwise, as the insert trigger would do."""
    if "changed_at" not in table.columns or "changed_at" in row:
        return {}
    from align_desktop.store.models import AuditContext

    who = session.scalar(select(AuditContext.who).where(AuditContext.id == 1))
    if who is None:
        return {}
    return {"changed_by": who, "changed_at": datetime.now(UTC).replace(tzinfo=None)}


def placeholders(dialect: Dialect, count: int) -> str:
    """`count` positional parameter markers in the driver's own style: `?` for SQLite's, `%s` for psycopg's."""
    return ", ".join(("?" if dialect.paramstyle == "qmark" else "%s") for _ in range(count))


def _processor(table: Table, dialect: Dialect, name: str) -> Callable[[Any], Any] | None:
    """How SQLAlchemy converts a value of the column for the driver (a date to text, say); None: as it is."""
    return table.columns[name].type.dialect_impl(dialect).bind_processor(dialect)
