"""Reads of dot votes: a session's votes, a vote's dots, a revealed vote's ranking."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.voting import rank
from align_desktop.store.errors import NotFound
from align_desktop.store.ordering import key_order
from align_desktop.store.vote_rows import (
    ParticipantDots,
    RankedItem,
    VoteBoard,
    VoteItem,
    VoteResult,
    VoteRow,
)

SUBJECT_TABLES: dict[str, tuple[str, str]] = {
    "initiative": ("initiative", "title"),
    "capability": ("capability", "name"),
    "risk": ("risk", "title"),
}
"""Each vote subject's table and the column that names its items (fixed names, never user text)."""

_VOTES = """
SELECT v.id, s.key, s.title, v.title, v.subject, v.dots_per_participant, v.revealed, v.written_to, v.created_at
FROM vote v JOIN workshop_session s ON s.id = v.session_id
"""


def _vote_row(row: tuple[object, ...]) -> VoteRow:
    vote_id, session_key, session_title, title, subject, dots, revealed, written_to, created_at = row
    return VoteRow(
        int(str(vote_id)),
        str(session_key),
        str(session_title),
        str(title),
        str(subject),
        int(str(dots)),
        bool(revealed),
        None if written_to is None else str(written_to),
        datetime.fromisoformat(str(created_at)),
    )


def votes(db: sqlite3.Connection, session_key: str) -> list[VoteRow]:
    """The session's votes, oldest first."""
    return [_vote_row(row) for row in db.execute(_VOTES + " WHERE s.key = ? ORDER BY v.id", (session_key,))]


def vote(db: sqlite3.Connection, vote_id: int) -> VoteRow:
    row = db.execute(_VOTES + " WHERE v.id = ?", (vote_id,)).fetchone()
    if row is None:
        raise NotFound(f"Vote {vote_id}")
    return _vote_row(row)


def items(db: sqlite3.Connection, subject: str) -> tuple[VoteItem, ...]:
    """Every initiative, capability or risk, by key."""
    table, name = SUBJECT_TABLES[subject]
    return tuple(VoteItem(*row) for row in db.execute(f"SELECT key, {name} FROM {table} ORDER BY {key_order('key')}"))


def _participants(db: sqlite3.Connection, vote_id: int) -> tuple[ParticipantDots, ...]:
    return tuple(
        ParticipantDots(*row)
        for row in db.execute(
            "SELECT p.id, p.name, (SELECT count(*) FROM vote_dot d WHERE d.vote_id = v.id AND d.participant_id = p.id)"
            " FROM vote v JOIN session_participant p ON p.session_id = v.session_id"
            " WHERE v.id = ? ORDER BY p.position, p.id",
            (vote_id,),
        )
    )


def _dots(db: sqlite3.Connection, vote_id: int) -> dict[tuple[int, str], int]:
    return {
        (participant, key): count
        for participant, key, count in db.execute(
            "SELECT participant_id, item_key, count(*) FROM vote_dot WHERE vote_id = ?"
            " GROUP BY participant_id, item_key",
            (vote_id,),
        )
    }


def board(db: sqlite3.Connection, vote_id: int) -> VoteBoard:
    row = vote(db, vote_id)
    return VoteBoard(row, _participants(db, vote_id), items(db, row.subject), _dots(db, vote_id))


def dots_by_item(board: VoteBoard) -> dict[str, int]:
    """Each existing item's dots from everyone (items deleted since they got dots are left out)."""
    totals = dict.fromkeys((item.key for item in board.items), 0)
    for (_participant, key), count in board.dots.items():
        if key in totals:
            totals[key] += count
    return totals


def results(db: sqlite3.Connection, vote_id: int) -> VoteResult:
    """The ranking of a revealed vote; refused while its dots are hidden."""
    shown = board(db, vote_id)
    if not shown.vote.revealed:
        raise ValidationError("Vote", f"'{shown.vote.title}' is not revealed yet; reveal it to see the result")
    titles = {item.key: item.title for item in shown.items}
    totals = dots_by_item(shown)
    ranking = tuple(
        RankedItem(
            ranked.rank,
            ranked.key,
            titles[ranked.key],
            ranked.dots,
            tuple(
                (person.name, shown.dots_of(person.id, ranked.key))
                for person in shown.participants
                if shown.dots_of(person.id, ranked.key)
            ),
        )
        for ranked in rank(totals)
    )
    return VoteResult(shown.vote, ranking, sum(1 for count in totals.values() if count == 0))
