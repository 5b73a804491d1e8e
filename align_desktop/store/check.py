"""`align-desktop check`: SQLite's own integrity checks plus the app's consistency rules.

The file is opened read-only; nothing in it changes. A team workspace gets the consistency
rules only: its server keeps the database whole and checks every foreign key on each write.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from align_desktop.domain.keys import parse_key
from align_desktop.store import schema
from align_desktop.store.keyed_tables import KEYED_ROWS
from align_desktop.store.locations import Location
from align_desktop.store.reading import read_only
from align_desktop.store.snapshot_reading import snapshot_problems

_ORDERED = {
    members: f"SELECT s.key, m.position FROM {table} m JOIN workshop_session s ON s.id = m.session_id"
    for members, table in (("participants", "session_participant"), ("agenda items", "agenda_item"))
}
"""Lists kept in order within a workshop session: (session key, position) of each member."""


def check_workspace(location: Location) -> list[str]:
    """Every problem found in the workspace at `location`, one sentence each; empty when sound."""
    with read_only(location) as (connection, version):
        findings = _sqlite_checks(connection) if isinstance(location, Path) else []
        if version < schema.SCHEMA_VERSION:
            findings.append(
                f"schema {version} is older than {schema.SCHEMA_VERSION}; opening it in Align Desktop upgrades it"
            )
        else:
            findings += _consistency(connection)
            findings += snapshot_problems(connection)
    return [f"{location}: {finding}" for finding in findings]


def _sqlite_checks(connection: sqlite3.Connection) -> list[str]:
    findings = []
    for (message,) in connection.execute("PRAGMA integrity_check"):
        if message != "ok":
            findings.append(f"integrity check: {' '.join(message.split())}")  # one line, as SQLite may not
    for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
        findings.append(f"{table} row {rowid} refers to a missing {parent}")
    return findings


def _consistency(connection: sqlite3.Connection) -> list[str]:
    findings = []
    if connection.execute("SELECT count(*) FROM workspace").fetchone()[0] != 1:
        findings.append("the workspace settings row is missing")
    counters: dict[str, int] = dict(connection.execute("SELECT prefix, last FROM key_counter").fetchall())
    highest: dict[str, int] = defaultdict(int)
    for kind, table, prefix, rows in KEYED_ROWS:
        for (key,) in connection.execute(f'SELECT key FROM "{table}" WHERE {rows}'):  # fixed text, no user input
            parsed = parse_key(key)
            if parsed is None or parsed[0] != prefix:
                findings.append(f"{kind} key '{key}' is not of the form {prefix}-001")
            else:
                highest[prefix] = max(highest[prefix], parsed[1])
    for prefix, number in highest.items():
        if number > counters.get(prefix, 0):
            findings.append(
                f"the key counter for {prefix} ({counters.get(prefix, 0)}) is below the highest "
                f"key in use ({number}); new keys could repeat old ones"
            )
    by_lane: dict[int, list[int]] = defaultdict(list)
    for lane_id, position in connection.execute("SELECT lane_id, position FROM initiative"):
        by_lane[lane_id].append(position)
    lane_names: dict[int, str] = dict(connection.execute("SELECT id, name FROM lane").fetchall())
    for lane_id, positions in by_lane.items():
        if sorted(positions) != list(range(len(positions))):
            findings.append(
                f"positions in lane '{lane_names.get(lane_id, lane_id)}' are not 0…{len(positions) - 1} "
                "without gaps or repeats"
            )
    for members, query in _ORDERED.items():
        by_session: dict[str, list[int]] = defaultdict(list)
        for session_key, position in connection.execute(query):
            by_session[session_key].append(position)
        for session_key, positions in sorted(by_session.items()):
            if sorted(positions) != list(range(len(positions))):
                findings.append(
                    f"positions of the {members} of session {session_key} are not 0…{len(positions) - 1} "
                    "without gaps or repeats"
                )
    return findings
