"""What pushing an offline copy compares: the rows of every table the team edits, read alike on both engines.

The tables are the workspace's own but the bookkeeping: key counters (a push hands out keys from
the team workspace's), snapshots and the audit trail (records of one side: the team workspace's
triggers record what the push changes), `audit_context`, `team_origin` and `pushed_copy`. Rows are read as the
file's driver returns them (a team workspace through `ServerReader`), keyed by primary key, so
that the copy's base, the copy now and the team workspace now compare value by value.

The base a downloaded copy keeps (`team_origin.base`) is this content as an XZ stream of UTF-8
JSON, `{"format": 1, "tables": {TABLE: {"columns": [...], "rows": [[...], ...]}}}` (JSON writes
floats by `repr`, so they read back exactly).
"""

from __future__ import annotations

import json
import lzma
from functools import cache
from typing import TYPE_CHECKING

from align_desktop.store.errors import WorkspaceDamaged
from align_desktop.store.snapshot_content import Content, TableContent

if TYPE_CHECKING:
    from sqlalchemy import Table

    from align_desktop.store.transfer import RowSource

NOT_PUSHED = frozenset({"key_counter", "snapshot", "audit_context", "audit_entry", "team_origin", "pushed_copy"})
FORMAT = 1


@cache
def pushed_tables() -> tuple[Table, ...]:
    """The tables a push compares, parents before children."""
    from align_desktop.store.models import Base

    return tuple(table for table in Base.metadata.sorted_tables if table.name not in NOT_PUSHED)


def read_pushed_content(source: RowSource) -> Content:
    """Every row of every pushed table that `source` reads, inside the caller's transaction."""
    content: Content = {}
    for table in pushed_tables():
        columns = tuple(column.name for column in table.columns)
        keys = [columns.index(column.name) for column in table.primary_key.columns]
        listed = ", ".join(f'"{name}"' for name in columns)
        rows = source.execute(f"SELECT {listed} FROM {table.name}")  # names from the models, never user text
        content[table.name] = TableContent(columns, {tuple(row[key] for key in keys): tuple(row) for row in rows})
    return content


def encode_base(content: Content) -> bytes:
    """`content` as `team_origin.base` keeps it."""
    tables = {
        name: {"columns": list(table.columns), "rows": list(table.rows.values())} for name, table in content.items()
    }
    document = json.dumps({"format": FORMAT, "tables": tables}, ensure_ascii=False, separators=(",", ":"))
    return lzma.compress(document.encode(), preset=2)


def decode_base(payload: bytes, where: str) -> Content:
    """The content `encode_base` wrote; `WorkspaceDamaged` naming `where` when it cannot be read."""
    try:
        document = json.loads(lzma.decompress(payload))
        if document["format"] != FORMAT:
            raise ValueError(f"format {document['format']}")
        content: Content = {}
        for table in pushed_tables():
            entry = document["tables"][table.name]
            columns = tuple(entry["columns"])
            keys = [columns.index(column.name) for column in table.primary_key.columns]
            content[table.name] = TableContent(
                columns, {tuple(row[key] for key in keys): tuple(row) for row in entry["rows"]}
            )
    except (lzma.LZMAError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise WorkspaceDamaged(
            f"{where} no longer holds a readable record of what it held when it was downloaded ({exc}); "
            "its changes cannot be pushed back. Download a new copy."
        ) from exc
    return content
