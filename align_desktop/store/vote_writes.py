"""Writes behind `VoteService`, inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.voting import VOTE_SUBJECTS, ScoreTarget
from align_desktop.store import dependents
from align_desktop.store.errors import NotFound
from align_desktop.store.models import (
    Capability,
    Initiative,
    Risk,
    SessionParticipant,
    Vote,
    VoteDot,
    WorkshopSession,
)

SUBJECT_MODELS: dict[str, type[Initiative] | type[Capability] | type[Risk]] = {
    "initiative": Initiative,
    "capability": Capability,
    "risk": Risk,
}
_DOTS = cast(Table, VoteDot.__table__)
_VOTE_COLUMNS = [column.name for column in Vote.__table__.columns]


def find_vote(session: Session, vote_id: int) -> Vote:
    vote = session.get(Vote, vote_id)
    if vote is None:
        raise NotFound(f"Vote {vote_id}")
    return vote


def create_vote(session: Session, session_key: str, title: str, subject: str, dots: int) -> int:
    """Add a vote to a workshop session that has participants; return its id."""
    workshop = session.scalar(select(WorkshopSession).where(WorkshopSession.key == session_key))
    if workshop is None:
        raise NotFound(session_key)
    if not session.scalar(select(func.count()).where(SessionParticipant.session_id == workshop.id)):
        raise ValidationError(
            "Participants", f"session {workshop.title!r} has none yet; add the people in the room first"
        )
    vote = Vote(
        session_id=workshop.id,
        title=title,
        subject=subject,
        dots_per_participant=dots,
        created_at=datetime.now(UTC).replace(tzinfo=None),
    )
    session.add(vote)
    session.flush()
    return vote.id


def delete_vote(session: Session, vote_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Delete a vote and its dots; return what restores them."""
    vote = find_vote(session, vote_id)
    row = {column: getattr(vote, column) for column in _VOTE_COLUMNS}
    dots = [dict(dot._mapping) for dot in session.execute(select(_DOTS).where(_DOTS.c.vote_id == vote_id))]
    session.delete(vote)
    session.flush()
    return row, dots


def restore_vote(session: Session, row: dict[str, Any], dots: list[dict[str, Any]]) -> int:
    """Put a deleted vote back with its dots; return its id (the same unless a newer vote took it)."""
    vote_id = dependents.reinsert(session, Vote, row)
    if dots:
        session.execute(insert(_DOTS), [dot | {"vote_id": vote_id} for dot in dots])
    return vote_id


def _open_vote(session: Session, vote_id: int) -> Vote:
    """The vote, while its dots may still change: not revealed, and its session not ended."""
    vote = find_vote(session, vote_id)
    if vote.revealed:
        raise ValidationError(
            "Vote", f"'{vote.title}' is revealed; its dots are final (undo the reveal to change them)"
        )
    held_in = session.get_one(WorkshopSession, vote.session_id)
    if held_in.ended_at is not None:
        raise ValidationError("Vote", f"the session '{held_in.title}' has ended; its votes take no more dots")
    return vote


def _participant(session: Session, vote: Vote, participant_id: int) -> SessionParticipant:
    participant = session.get(SessionParticipant, participant_id)
    if participant is None or participant.session_id != vote.session_id:
        raise ValidationError("Participant", "is not in this vote's session")
    return participant


def add_dot(session: Session, vote_id: int, participant_id: int, item_key: str) -> int:
    """Place one of the participant's dots on an item; return the dot's id."""
    vote = _open_vote(session, vote_id)
    participant = _participant(session, vote, participant_id)
    placed = session.scalar(
        select(func.count()).where(VoteDot.vote_id == vote_id, VoteDot.participant_id == participant_id)
    )
    if placed is not None and placed >= vote.dots_per_participant:
        raise ValidationError(
            "Dots", f"{participant.name} has no dots left (all {vote.dots_per_participant} are placed)"
        )
    model = SUBJECT_MODELS[vote.subject]
    if session.scalar(select(model.id).where(model.key == item_key)) is None:
        kind = VOTE_SUBJECTS[vote.subject].lower()
        raise ValidationError("Item", f"{item_key} is not one of the workspace's {kind}")
    return int(
        session.execute(
            insert(_DOTS)
            .values(vote_id=vote_id, participant_id=participant_id, item_key=item_key)
            .returning(_DOTS.c.id)
        ).scalar_one()
    )


def remove_dot(session: Session, vote_id: int, participant_id: int, item_key: str) -> dict[str, Any]:
    """Take back the participant's latest dot on an item; return the dot's row."""
    vote = _open_vote(session, vote_id)
    participant = _participant(session, vote, participant_id)
    dot = session.execute(
        select(_DOTS)
        .where(_DOTS.c.vote_id == vote_id, _DOTS.c.participant_id == participant_id, _DOTS.c.item_key == item_key)
        .order_by(_DOTS.c.id.desc())
        .limit(1)
    ).first()
    if dot is None:
        raise ValidationError("Dots", f"{participant.name} has no dot on {item_key}")
    session.execute(delete(_DOTS).where(_DOTS.c.id == dot.id))
    return dict(dot._mapping)


def take_dot(session: Session, dot_id: int) -> dict[str, Any]:
    """Remove a dot by id (undoing its placing); return its row."""
    dot = session.execute(select(_DOTS).where(_DOTS.c.id == dot_id)).first()
    if dot is None:
        raise NotFound(f"Dot {dot_id}")
    session.execute(delete(_DOTS).where(_DOTS.c.id == dot_id))
    return dict(dot._mapping)


def put_dot(session: Session, row: dict[str, Any]) -> int:
    """Put a removed dot back; return its id."""
    return dependents.reinsert(session, VoteDot, row)


def set_revealed(session: Session, vote_id: int, revealed: bool) -> None:
    vote = find_vote(session, vote_id)
    if vote.revealed == revealed:
        state = "revealed" if revealed else "hidden"
        raise ValidationError("Vote", f"'{vote.title}' is already {state}")
    vote.revealed = revealed


def set_scores(
    session: Session, vote_id: int, target: ScoreTarget, scores: dict[str, int], written_to: str | None
) -> tuple[dict[str, int], str | None]:
    """Give the items these scores and mark the vote as written into `written_to`; return what was there."""
    vote = find_vote(session, vote_id)
    model = SUBJECT_MODELS[vote.subject]
    table = cast(Table, model.__table__)
    before = {
        str(key): int(value)
        for key, value in session.execute(
            select(table.c.key, table.c[target.field]).where(table.c.key.in_(list(scores)))
        )
    }
    missing = sorted(set(scores) - set(before))
    if missing:
        raise NotFound(missing[0])
    session.execute(
        update(table).where(table.c.key == bindparam("item_key")).values({target.field: bindparam("score")}),
        [{"item_key": key, "score": score} for key, score in scores.items()],
    )
    previous = vote.written_to
    vote.written_to = written_to
    return before, previous
