"""What a snapshot captures: the workspace's content, read table by table in a canonical form.

The content is every row of the tables that hold the portfolio: settings, lanes, outcomes,
initiatives, gate overrides, business cases, cost lines, capabilities, capability needs, risks
and their links. Not the audit trail, the workshop tables (sessions, votes, the decision log,
retrospectives), the snapshots themselves, key counters or Alembic's bookkeeping.

Each table is read with its rows keyed by primary key, in primary-key order, values exactly as SQLite returns them
(int, float, str or None), so that two readings of an unchanged workspace are equal.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

Row = tuple[object, ...]
RowKey = tuple[object, ...]

CONTENT_TABLES: dict[str, tuple[str, ...]] = {
    "workspace": ("id",),
    "lane": ("id",),
    "outcome": ("id",),
    "initiative": ("id",),
    "gate_override": ("id",),
    "business_case": ("initiative_id",),
    "cost_line": ("id",),
    "capability": ("id",),
    "capability_need": ("initiative_id", "capability_id"),
    "risk": ("id",),
    "risk_initiative": ("risk_id", "initiative_id"),
    "risk_capability": ("risk_id", "capability_id"),
}
"""The tables a snapshot holds, each with its primary-key columns (the identity of a row)."""


@dataclass(frozen=True)
class TableContent:
    """The rows of one table: its columns in order, and each row by its primary key."""

    columns: tuple[str, ...]
    rows: dict[RowKey, Row]

    def records(self) -> list[dict[str, object]]:
        """The rows as dicts of column name to value, in primary-key order."""
        return [dict(zip(self.columns, self.rows[key], strict=True)) for key in sorted(self.rows, key=_sortable)]


Content = dict[str, TableContent]
"""A workspace's content: one `TableContent` per table of `CONTENT_TABLES`."""


def read_content(db: sqlite3.Connection) -> Content:
    """The content of the workspace `db` reads, inside the caller's transaction."""
    content: Content = {}
    for table, key_columns in CONTENT_TABLES.items():
        order = ", ".join(key_columns)
        cursor = db.execute(f"SELECT * FROM {table} ORDER BY {order}")  # fixed names, no user text
        columns = tuple(description[0] for description in cursor.description)
        positions = [columns.index(column) for column in key_columns]
        content[table] = TableContent(
            columns, {tuple(row[position] for position in positions): tuple(row) for row in cursor}
        )
    return content


def _sortable(key: RowKey) -> tuple[tuple[bool, object], ...]:
    """A sort key for primary keys that may hold None (never in practice, but never a TypeError)."""
    return tuple((value is None, value if value is not None else 0) for value in key)
