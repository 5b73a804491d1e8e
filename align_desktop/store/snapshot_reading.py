"""Reading a stored snapshot's content back: its chain of payloads, decoded from the whole one down.

Used by the services that list and compare snapshots (on the reading connection) and by
`snapshot_writes` (inside a write transaction, to find what a new snapshot changed).
"""

from __future__ import annotations

import sqlite3

from align_desktop.store.errors import NotFound, WorkspaceDamaged
from align_desktop.store.snapshot_content import Content
from align_desktop.store.snapshot_format import decode, payload_problem

_CHAIN_SQL = """
WITH RECURSIVE chain(id, base_id, depth) AS (
    SELECT id, base_id, 0 FROM snapshot WHERE id = :id
    UNION ALL
    SELECT snapshot.id, snapshot.base_id, chain.depth + 1
    FROM snapshot JOIN chain ON snapshot.id = chain.base_id
    WHERE chain.depth < :limit
)
SELECT id, base_id FROM chain ORDER BY depth
"""
_SANE_LIMIT = 10_000
"""More links than any chain `snapshot_writes` makes: a longer one is a loop in a damaged file."""


def chain_of(db: sqlite3.Connection, snapshot_id: int) -> list[int]:
    """The ids of snapshot `snapshot_id`, its base, its base's base … down to the one stored whole.

    `NotFound` when no such snapshot exists; `WorkspaceDamaged` when the chain is broken (a base
    that does not exist) or loops.
    """
    links = db.execute(_CHAIN_SQL, {"id": snapshot_id, "limit": _SANE_LIMIT}).fetchall()
    if not links:
        raise NotFound(f"snapshot {snapshot_id}")
    broken = _broken(links)
    if broken is not None:
        raise WorkspaceDamaged(f"Snapshot {snapshot_id} cannot be read: {broken}.")
    return [snapshot_id for snapshot_id, _ in links]


def _broken(links: list[tuple[int, int | None]]) -> str | None:
    """What is wrong with a chain of (id, base id) links that does not end in a snapshot stored whole."""
    last_base = links[-1][1]
    if last_base is None:
        return None
    why = "loops" if len(links) > _SANE_LIMIT else f"needs snapshot {last_base}, which is missing"
    return f"its chain of changes {why}"


def snapshot_problems(db: sqlite3.Connection) -> list[str]:
    """Every snapshot that cannot be read back, one sentence each (for `align-desktop check`).

    Each chain must end in a snapshot stored whole, and each payload must be readable as the kind
    (whole or changes) its `base_id` says, checked without rebuilding any content.
    """
    findings = []
    for snapshot_id, base_id, payload in db.execute("SELECT id, base_id, payload FROM snapshot ORDER BY id"):
        broken = _broken(db.execute(_CHAIN_SQL, {"id": snapshot_id, "limit": _SANE_LIMIT}).fetchall())
        if broken is not None:
            findings.append(f"snapshot {snapshot_id} cannot be read: {broken}")
        problem = payload_problem(bytes(payload), whole=base_id is None)
        if problem is not None:
            findings.append(f"snapshot {snapshot_id} cannot be read: it is damaged ({problem})")
    return findings


def snapshot_content(db: sqlite3.Connection, snapshot_id: int) -> Content:
    """The workspace content snapshot `snapshot_id` holds, exactly as it was taken."""
    whole, *changes = reversed(chain_of(db, snapshot_id))
    content = decode(_payload(db, whole), None, snapshot_id=whole)
    for link in changes:
        content = decode(_payload(db, link), content, snapshot_id=link)
    return content


def _payload(db: sqlite3.Connection, snapshot_id: int) -> bytes:
    (payload,) = db.execute("SELECT payload FROM snapshot WHERE id = ?", (snapshot_id,)).fetchone()
    return bytes(payload)
