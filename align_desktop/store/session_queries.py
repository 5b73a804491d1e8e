"""Reads of workshop sessions with their participants and agenda, over a sqlite3 connection."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from align_desktop.store.errors import NotFound
from align_desktop.store.ordering import key_order
from align_desktop.store.workshop_rows import AgendaItemRow, ParticipantRow, SessionRow

_SESSIONS = "SELECT id, key, title, held_on, started_at, ended_at, notes, version FROM workshop_session"


def moment(value: str | None) -> datetime | None:
    """A stored date and time (SQLAlchemy writes `YYYY-MM-DD HH:MM:SS.ffffff`)."""
    return None if value is None else datetime.fromisoformat(value)


def sessions(db: sqlite3.Connection, key: str | None = None) -> list[SessionRow]:
    """Every session (or only `key`), newest date first, with its participants and agenda in order."""
    participants: dict[int, list[ParticipantRow]] = {}
    for session_id, participant_id, name in db.execute(
        "SELECT session_id, id, name FROM session_participant ORDER BY session_id, position"
    ):
        participants.setdefault(session_id, []).append(ParticipantRow(participant_id, name))
    agenda: dict[int, list[AgendaItemRow]] = {}
    for session_id, item_id, position, title, time_box, spent, current in db.execute(
        "SELECT session_id, id, position, title, time_box_minutes, spent_seconds, current FROM agenda_item"
        " ORDER BY session_id, position"
    ):
        agenda.setdefault(session_id, []).append(
            AgendaItemRow(item_id, position, title, time_box, spent, bool(current))
        )
    where, arguments = (" WHERE key = ?", (key,)) if key is not None else ("", ())
    rows = [
        SessionRow(
            key=row_key,
            title=title,
            held_on=date.fromisoformat(held_on),
            started_at=moment(started_at),
            ended_at=moment(ended_at),
            notes=notes,
            participants=tuple(participants.get(session_id, ())),
            agenda=tuple(agenda.get(session_id, ())),
            version=version,
        )
        for session_id, row_key, title, held_on, started_at, ended_at, notes, version in db.execute(
            _SESSIONS + where + f" ORDER BY held_on DESC, {key_order('key')} DESC", arguments
        )
    ]
    if key is not None and not rows:
        raise NotFound(key)
    return rows
