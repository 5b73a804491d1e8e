"""The minutes of a workshop session, read in one read-only transaction for the PDF and the workbook.

A session is named by its key (`W-001`, any case) or its exact title. The minutes hold the
session (title, date, attendees, agenda with the time each item took), its votes (ranked once
revealed, with each participant's dots and the score the result went into), its decisions,
actions and parking-lot items with the items they link to, and what changed: the comparison
(`domain.compare`) of the snapshot taken when the session started with the one taken when it
ended, or with the workspace now while it is still running.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from align_desktop.domain.compare import compare
from align_desktop.domain.voting import VOTE_SCORES
from align_desktop.store import log_queries, queries, session_queries, snapshot_queries, vote_queries
from align_desktop.store.errors import WorkspaceError
from align_desktop.store.minutes_rows import Minutes, VoteMinutes, WhatChanged
from align_desktop.store.vote_rows import VoteRow
from align_desktop.store.workshop_rows import SessionRow

if TYPE_CHECKING:
    from align_desktop.store.locations import Location

WORKSHOPS_SCHEMA = 5
"""The first schema with workshop sessions (migration 0005)."""

_LATEST_SNAPSHOT = """
SELECT max(s.id) FROM snapshot s JOIN workshop_session w ON w.id = s.session_id
WHERE w.key = ? AND s.reason = ?
"""


class UnknownSession(WorkspaceError):
    """No session of the workspace has the key or title asked for; the message lists those there are."""


def read_minutes(path: Location, wanted: str) -> Minutes:
    """The minutes of session `wanted` (key or exact title) of the workspace at `path`, read-only."""
    from align_desktop.store.connection import transaction
    from align_desktop.store.reading import read_only

    with read_only(path) as (connection, version):
        if version < WORKSHOPS_SCHEMA:
            raise WorkspaceError(
                f"{path} is a workspace from before workshop sessions (schema {version}); it holds no minutes."
            )
        with transaction(connection) as db:
            try:
                key = find_session(db, wanted)
            except UnknownSession as error:
                raise UnknownSession(f"{path}: {error}") from None
            return minutes(db, key)


def minutes_format(out: Path) -> str:
    """`pdf` or `xlsx`, as the name of the file asked for ends; anything else is refused."""
    suffix = Path(out).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise WorkspaceError(f"{out} must end in .pdf or .xlsx: minutes are written as a PDF or a workbook.")
    return suffix[1:]


def find_session(db: sqlite3.Connection, wanted: str) -> str:
    """The key of the session whose key (ignoring case) or exact title is `wanted`."""
    rows = session_queries.sessions(db)
    name = wanted.strip()
    for row in rows:
        if row.key.casefold() == name.casefold():
            return row.key
    titled = [row for row in rows if row.title == name]
    if len(titled) == 1:
        return titled[0].key
    if titled:
        keys = ", ".join(row.key for row in titled)
        raise UnknownSession(f"{len(titled)} sessions are titled '{name}' ({keys}): name one by its key.")
    if not rows:
        raise UnknownSession(f"There is no session '{name}': the workspace has no workshop sessions yet.")
    listed = "; ".join(session_line(row) for row in rows)
    raise UnknownSession(f"There is no session '{name}'. The sessions are: {listed}.")


def session_line(row: SessionRow) -> str:
    """`W-001 Q1 planning (2026-11-26, ended)`: a session as a list names it."""
    return f"{row.key} {row.title} ({row.held_on.isoformat()}, {row.state})"


def minutes(db: sqlite3.Connection, key: str) -> Minutes:
    """Everything the minutes of session `key` say (inside the caller's transaction)."""
    settings = queries.settings(db)
    (session,) = session_queries.sessions(db, key)
    return Minutes(
        workspace_name=settings.name,
        currency=settings.currency,
        session=session,
        votes=tuple(_vote(db, row) for row in vote_queries.votes(db, key)),
        log=tuple(log_queries.session_log(db, key)),
        what_changed=_what_changed(db, session),
    )


def _vote(db: sqlite3.Connection, row: VoteRow) -> VoteMinutes:
    board = vote_queries.board(db, row.id)
    written_to = None
    if row.written_to is not None:
        targets = {target.field: target.label for target in VOTE_SCORES.get(row.subject, ())}
        written_to = targets.get(row.written_to, row.written_to)
    return VoteMinutes(
        vote=row,
        dots_placed=sum(participant.placed for participant in board.participants),
        dots_offered=row.dots_per_participant * len(board.participants),
        result=vote_queries.results(db, row.id) if row.revealed else None,
        written_to=written_to,
    )


def _what_changed(db: sqlite3.Connection, session: SessionRow) -> WhatChanged | None:
    start_id = _latest_snapshot(db, session.key, "start")
    if start_id is None:
        return None
    end_id = _latest_snapshot(db, session.key, "end") if session.state == "ended" else None
    listed = {row.id: row for row in snapshot_queries.snapshots(db)}
    before = snapshot_queries.snapshot_state(db, start_id)
    after = snapshot_queries.current_state(db) if end_id is None else snapshot_queries.snapshot_state(db, end_id)
    return WhatChanged(listed[start_id], None if end_id is None else listed[end_id], compare(before, after))


def _latest_snapshot(db: sqlite3.Connection, key: str, reason: str) -> int | None:
    found = db.execute(_LATEST_SNAPSHOT, (key, reason)).fetchone()[0]
    return None if found is None else int(found)
