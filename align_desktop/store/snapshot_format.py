"""How a snapshot's content is stored in `snapshot.payload`: whole, or as row changes from a base.

A payload is an XZ stream (the standard library's `lzma`, preset 2, with its CRC-64 check) of
UTF-8 JSON:

    {"format": 1, "kind": "whole" | "changes", "tables": {TABLE: ENTRY, ...}}

Tables are those of `snapshot_content.CONTENT_TABLES`. Values are stored as SQLite returned them
(int, float, str, null); JSON writes floats by `repr`, so they read back exactly. Rows are held
column by column, which compresses better than row by row (similar values sit together):

    DATA = [[value of column 1 in each row], [value of column 2 in each row], ...]

- A *whole* payload (`snapshot.base_id` is null) has every table as `{"columns": [...], "data": DATA}`,
  rows in primary-key order.
- A *changes* payload (`base_id` names the snapshot it is relative to) holds only the tables that
  differ from the base's content. A table whose columns are the base's is
  `{"added": DATA, "changed": [[[primary-key values], {column: new value, ...}], ...],
  "removed": [[primary-key values], ...]}`: rows added (every column, in the base's column
  order), the cells that changed in rows kept (a card moved on the board renumbers its lane, and
  each renumbered card costs only its new position), and rows gone. A table that is new, or
  whose columns differ, is stored whole as above. A table absent from the payload is the
  base's, unchanged.

Reading a snapshot stored as changes reads its base first (which may itself be changes), so
`snapshot_writes` keeps chains short. Stored sizes on the `stress` sample: about 150 kB whole,
a few kB for a session's changes.
"""

from __future__ import annotations

import json
import lzma
from typing import Any

from align_desktop.store.errors import WorkspaceDamaged
from align_desktop.store.snapshot_content import CONTENT_TABLES, Content, Row, RowKey, TableContent

FORMAT = 1
_PRESET = 2
"""XZ preset: 0.06 s and 150 kB for `stress` against 0.33 s and 130 kB at the default 6."""

Data = list[list[object]]


def encode_whole(content: Content) -> bytes:
    """The payload of a snapshot stored whole."""
    tables = {table: _whole_entry(rows) for table, rows in content.items()}
    return _pack({"format": FORMAT, "kind": "whole", "tables": tables})


def encode_changes(base: Content, content: Content) -> bytes:
    """The payload of a snapshot of `content` stored as the changes from the snapshot whose content is `base`."""
    tables: dict[str, object] = {}
    for table, now in content.items():
        before = base.get(table)
        if before is None or before.columns != now.columns:
            tables[table] = _whole_entry(now)
            continue
        added = [row for key, row in now.rows.items() if key not in before.rows]
        changed = [
            [list(key), _changed_cells(now.columns, before.rows[key], row)]
            for key, row in now.rows.items()
            if key in before.rows and before.rows[key] != row
        ]
        removed = [list(key) for key in before.rows if key not in now.rows]
        if added or changed or removed:
            tables[table] = {"added": _columns_of(added, len(now.columns)), "changed": changed, "removed": removed}
    return _pack({"format": FORMAT, "kind": "changes", "tables": tables})


def decode(payload: bytes, base: Content | None, *, snapshot_id: int) -> Content:
    """The content stored in `payload`: whole when `base` is None, else changes from `base`.

    A payload that cannot be read (damaged, of another format, or of the wrong kind) is a
    `WorkspaceDamaged` naming snapshot `snapshot_id`.
    """
    try:
        return _apply(_document(payload, whole=base is None)["tables"], base or {})
    except _UNREADABLE as exc:
        raise WorkspaceDamaged(f"Snapshot {snapshot_id} cannot be read: it is damaged ({exc}).") from exc


def payload_problem(payload: bytes, *, whole: bool) -> str | None:
    """Why `payload` cannot be read as a whole snapshot (or as changes, when not `whole`); None when it can."""
    try:
        _document(payload, whole=whole)
    except _UNREADABLE as exc:
        return str(exc)
    return None


_UNREADABLE = (lzma.LZMAError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError)


def _document(payload: bytes, *, whole: bool) -> dict[str, Any]:
    document = json.loads(lzma.decompress(payload).decode("utf-8"))
    kind = "whole" if whole else "changes"
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("kind") != kind:
        raise ValueError(f"not a payload of {kind} in format {FORMAT}")
    if not isinstance(document.get("tables"), dict):
        raise ValueError("no tables")
    return document


def _apply(tables: dict[str, dict[str, Any]], base: Content) -> Content:
    content = dict(base)
    for table, entry in tables.items():
        if table not in CONTENT_TABLES:
            raise ValueError(f"unknown table {table}")
        key_columns = CONTENT_TABLES[table]
        if "columns" in entry:
            columns = tuple(str(column) for column in entry["columns"])
            rows = _rows_of(entry["data"], len(columns))
            content[table] = TableContent(columns, {_key(row, columns, key_columns): row for row in rows})
            continue
        before = base[table]
        kept = dict(before.rows)
        for key in entry["removed"]:
            del kept[tuple(key)]
        for key, cells in entry["changed"]:
            values = list(kept[tuple(key)])
            for column, value in cells.items():
                values[before.columns.index(column)] = value
            kept[tuple(key)] = tuple(values)
        for added in _rows_of(entry["added"], len(before.columns)):
            kept[_key(added, before.columns, key_columns)] = added
        content[table] = TableContent(before.columns, kept)
    return content


def _changed_cells(columns: tuple[str, ...], old: Row, new: Row) -> dict[str, object]:
    return {column: value for column, was, value in zip(columns, old, new, strict=True) if was != value}


def _whole_entry(table: TableContent) -> dict[str, object]:
    return {"columns": list(table.columns), "data": _columns_of(list(table.rows.values()), len(table.columns))}


def _columns_of(rows: list[Row], width: int) -> Data:
    if not rows:
        return [[] for _ in range(width)]
    return [list(column) for column in zip(*rows, strict=True)]


def _rows_of(data: Data, width: int) -> list[Row]:
    if len(data) != width:
        raise ValueError(f"{len(data)} columns of data for {width} columns")
    return list(zip(*data, strict=True))


def _key(row: Row, columns: tuple[str, ...], key_columns: tuple[str, ...]) -> RowKey:
    return tuple(row[columns.index(column)] for column in key_columns)


def _pack(document: dict[str, object]) -> bytes:
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    return lzma.compress(text.encode("utf-8"), preset=_PRESET)
