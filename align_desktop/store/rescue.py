"""Rescue a damaged workspace: copy every row SQLite can still read into a new, sound file.

The new workspace is built at this build's schema under a hidden name; each table's rows are
copied as far as they can be read (rows after a damaged page are lost and said so), then what
the copy cannot keep is dropped and said so too: rows that repeat a key, rows that refer to
something lost. Positions are renumbered without gaps and key counters raised past every key
in use, so that the result passes `check`. Only when all of that succeeded is the file renamed
into place. The damaged file is only read.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections import defaultdict
from pathlib import Path

from align_desktop.domain.keys import format_key, parse_key
from align_desktop.store import schema
from align_desktop.store.connection import connect
from align_desktop.store.errors import NotAWorkspace, WorkspaceError, WorkspaceExists
from align_desktop.store.keyed_tables import KEYED_ROWS

_NOT_COPIED = {"alembic_version", "sqlite_sequence"}
_NEEDED_THOUGH_OPTIONAL = {("snapshot", "base_id")}
"""References that may be empty but, once set, the row cannot do without."""
_ORDERED = {
    "initiative": "lane_id",
    "cost_line": "initiative_id",
    "lane": None,
    "session_participant": "session_id",
    "agenda_item": "session_id",
}
"""Tables whose `position` counts 0, 1, 2… within each value of the column named (or over the whole table)."""


def rescue(damaged: Path, target: Path) -> list[str]:
    """Copy what can be read of `damaged` into a new workspace at `target`; say what was lost or mended.

    Raises `WorkspaceError` when nothing can be read at all, when `target` exists, or when the
    new file cannot be written (nothing is left at `target` then).
    """
    damaged, target = Path(damaged), Path(target)
    if target.resolve() == damaged.resolve():
        raise WorkspaceError("Rescue into a new file, not over the damaged one.")
    if target.exists():
        raise WorkspaceExists(f"{target} already exists; choose another name.")
    source = _open_damaged(damaged)
    staging = target.with_name(f".{target.name}.{uuid.uuid4().hex}.rescuing")
    try:
        from align_desktop.store.creation import build_workspace

        build_workspace(staging, target.stem, None)
        copy = sqlite3.connect(staging)
        try:
            copy.isolation_level = None
            copy.execute("PRAGMA foreign_keys=OFF")
            copy.execute("BEGIN")
            notes = _copy_rows(source, copy)
            notes += _drop_orphans(copy)
            notes += _renumber_positions(copy)
            notes += _mend_keys(copy)
            copy.execute("COMMIT")
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        with staging.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(staging, target)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(f"Could not write the rescued workspace {target}: {exc}") from exc
    finally:
        source.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staging}{suffix}").unlink(missing_ok=True)
    return notes


def _open_damaged(damaged: Path) -> sqlite3.Connection:
    schema.inspect_file(damaged, for_writing=False)
    try:
        source = connect(damaged, read_only=True)
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.Error as exc:
        raise NotAWorkspace(
            f"{damaged} is too damaged for anything to be read from it ({exc}); restore a backup instead."
        ) from exc
    if version > schema.SCHEMA_VERSION:
        source.close()
        raise WorkspaceError(f"{damaged} was written by a newer Align Desktop (schema {version}); rescue it there.")
    return source


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _copy_rows(source: sqlite3.Connection, copy: sqlite3.Connection) -> list[str]:
    notes = []
    tables = [name for (name,) in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    tables.sort(key=lambda name: name == "audit_context")  # filled last: the audit triggers stay quiet
    readable = {name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in tables:
        if table in _NOT_COPIED:
            continue
        if table not in readable:
            if table in ("workspace", "lane"):
                notes.append(f"{table}: not in the damaged file; the new workspace has the defaults")
            continue
        columns = [c for c in _columns(copy, table) if c in set(_columns(source, table))]
        listed = ", ".join(f'"{c}"' for c in columns)
        rows, error = _read_what_can_be_read(source, f'SELECT {listed} FROM "{table}" ORDER BY rowid')
        if error is not None:
            notes.append(f"{table}: {len(rows)} rows read, the rest could not be ({error})")
        if not rows and table in ("workspace", "lane"):
            notes.append(f"{table}: nothing could be read; the new workspace has the defaults")
            continue
        copy.execute(f'DELETE FROM "{table}"')
        marks = ", ".join("?" for _ in columns)
        before = copy.total_changes
        copy.executemany(f'INSERT OR IGNORE INTO "{table}" ({listed}) VALUES ({marks})', rows)
        skipped = len(rows) - (copy.total_changes - before)
        if skipped:
            notes.append(f"{table}: {skipped} rows dropped that repeated a key or broke a rule of the schema")
    return notes


def _read_what_can_be_read(source: sqlite3.Connection, query: str) -> tuple[list[tuple[object, ...]], str | None]:
    """The rows up to the first that cannot be read, and why reading stopped (None when it did not)."""
    rows: list[tuple[object, ...]] = []
    try:
        for row in source.execute(query):
            rows.append(row)
    except sqlite3.Error as exc:
        return rows, str(exc)
    return rows, None


def _drop_orphans(copy: sqlite3.Connection) -> list[str]:
    """Mend references to rows lost in the damage: an initiative whose lane is lost moves to the
    first lane, an optional reference is cleared, any other row that refers to a lost one is
    dropped (and rows that referred to those, in turn): a snapshot stored as changes from a lost
    one among them, since it cannot be read without it."""
    mended: dict[str, int] = defaultdict(int)
    while orphans := copy.execute("PRAGMA foreign_key_check").fetchall():
        for table, rowid, parent, fk_id in orphans:
            column, optional = _reference(copy, table, fk_id)
            if (table, parent) == ("initiative", "lane"):
                first = copy.execute("SELECT id FROM lane ORDER BY position LIMIT 1").fetchone()
                if first is not None:
                    copy.execute("UPDATE initiative SET lane_id = ? WHERE rowid = ?", (first[0], rowid))
                    mended["initiative: {0} moved to the first lane, their own lane was lost"] += 1
                    continue
            if optional and (table, column) not in _NEEDED_THOUGH_OPTIONAL:
                copy.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
                mended[f"{table}: {{0}} references to a lost {parent} cleared"] += 1
            else:
                copy.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                mended[f"{table}: {{0}} rows dropped that referred to a lost {parent}"] += 1
    return [note.format(count) for note, count in mended.items()]


def _reference(copy: sqlite3.Connection, table: str, fk_id: int) -> tuple[str, bool]:
    """The column of a table's foreign key number `fk_id`, and whether it may be empty."""
    column = next(row[3] for row in copy.execute(f'PRAGMA foreign_key_list("{table}")') if row[0] == fk_id)
    not_null = next(row[3] for row in copy.execute(f'PRAGMA table_info("{table}")') if row[1] == column)
    return column, not not_null


def _renumber_positions(copy: sqlite3.Connection) -> list[str]:
    notes = []
    for table, group in _ORDERED.items():
        grouping = f'"{group}", ' if group else ""
        rows = copy.execute(f'SELECT rowid, {grouping}position FROM "{table}" ORDER BY {grouping}position, rowid')
        counters: dict[object, int] = defaultdict(int)
        moves = []
        for row in rows.fetchall():
            rowid, owner, position = (row[0], row[1], row[2]) if group else (row[0], None, row[1])
            wanted = counters[owner]
            counters[owner] += 1
            if position != wanted:
                moves.append((wanted, rowid))
        if moves:
            copy.executemany(f'UPDATE "{table}" SET position = ? WHERE rowid = ?', moves)
            notes.append(f"{table}: {len(moves)} positions renumbered to close gaps")
    return notes


def _mend_keys(copy: sqlite3.Connection) -> list[str]:
    """Give a key of the wrong form the next free one, and raise key counters past every key in use."""
    notes = []
    for _kind, table, prefix, rows_with_it in KEYED_ROWS:
        rows = copy.execute(f'SELECT rowid, key FROM "{table}" WHERE {rows_with_it} ORDER BY rowid').fetchall()
        numbers = [parsed[1] for _, key in rows if (parsed := parse_key(key)) and parsed[0] == prefix]
        counter = copy.execute("SELECT last FROM key_counter WHERE prefix = ?", (prefix,)).fetchone()
        last = max([*numbers, counter[0] if counter else 0])
        for rowid, key in rows:
            parsed = parse_key(key)
            if parsed is None or parsed[0] != prefix:
                last += 1
                copy.execute(f'UPDATE "{table}" SET key = ? WHERE rowid = ?', (format_key(prefix, last), rowid))
                notes.append(
                    f"{table}: key '{key}' was not of the form {prefix}-001; it is now {format_key(prefix, last)}"
                )
        if last > 0 or counter is not None:  # a kind never used has no counter yet
            copy.execute(
                "INSERT INTO key_counter (prefix, last) VALUES (?, ?) "
                "ON CONFLICT (prefix) DO UPDATE SET last = excluded.last",
                (prefix, last),
            )
    return notes
