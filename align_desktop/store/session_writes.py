"""Writes behind `SessionService`, inside the caller's transaction.

A session's editable content — its fields, participants and agenda — is written as a whole
(`replace_content`), and what it replaced is returned in the same form, with the rows it removed
(and whatever cascaded from them: a participant's dots in a vote) kept for undo. Starting and
ending a session each take a snapshot of the workspace in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from align_desktop.domain.keys import SESSION_PREFIX
from align_desktop.domain.validation import ValidationError
from align_desktop.domain.workshop import PARTICIPANTS, AgendaLine
from align_desktop.store import subtrees
from align_desktop.store.errors import NotFound
from align_desktop.store.keys import next_key
from align_desktop.store.models import AgendaItem, SessionParticipant, Snapshot, Vote, VoteDot, WorkshopSession
from align_desktop.store.snapshot_writes import take_snapshot
from align_desktop.store.subtrees import Subtree
from align_desktop.store.versions import SESSION, check_version, current_version, touch

_PARTICIPANTS = cast(Table, SessionParticipant.__table__)
_AGENDA = cast(Table, AgendaItem.__table__)
_SESSIONS = cast(Table, WorkshopSession.__table__)


@dataclass(frozen=True)
class Content:
    """What the session editor changes: fields, participants (id or None for a new one, name) and agenda.

    An agenda item's `spent` is None where the time it took stays as stored (0 for a new item)."""

    fields: dict[str, Any]
    participants: list[tuple[int | None, str]]
    agenda: list[tuple[AgendaLine, int | None]]


def find_session(session: Session, key: str) -> WorkshopSession:
    found = session.scalar(select(WorkshopSession).where(WorkshopSession.key == key))
    if found is None:
        raise NotFound(key)
    return found


def running_session(session: Session) -> WorkshopSession | None:
    return session.scalar(
        select(WorkshopSession)
        .where(WorkshopSession.started_at.is_not(None), WorkshopSession.ended_at.is_(None))
        .order_by(WorkshopSession.started_at.desc())
        .limit(1)
    )


def create_session(session: Session, fields: dict[str, Any]) -> str:
    key = next_key(session, SESSION_PREFIX)
    session.add(WorkshopSession(key=key, **fields))
    session.flush()
    return key


def content(session: Session, found: WorkshopSession) -> Content:
    participants = session.execute(
        select(SessionParticipant.id, SessionParticipant.name)
        .where(SessionParticipant.session_id == found.id)
        .order_by(SessionParticipant.position)
    ).all()
    agenda = session.scalars(
        select(AgendaItem).where(AgendaItem.session_id == found.id).order_by(AgendaItem.position)
    ).all()
    return Content(
        {"title": found.title, "held_on": found.held_on, "notes": found.notes},
        [(participant_id, name) for participant_id, name in participants],
        [(AgendaLine(item.title, item.time_box_minutes, item.id), item.spent_seconds) for item in agenda],
    )


def replace_content(
    session: Session, key: str, new: Content, put_back: Subtree | None, *, expected_version: int | None = None
) -> tuple[Content, Subtree]:
    """Make the session hold exactly `new`, unless it has moved on from `expected_version`; return what it held
    and the rows removed.

    `put_back` (rows an earlier replacement removed) is inserted first, so that an undo brings
    back removed participants with their ids, and their votes with them. A change to the participants or the
    agenda is a new version of the session, as a change to its fields is."""
    yours = new.fields | _parts(new)

    def theirs() -> dict[str, Any]:
        found = find_session(session, key)
        now = {field: getattr(found, field) for field in new.fields} | _parts(content(session, found))
        return {field: now[field] for field in yours}

    check_version(session, SESSION, key, expected_version, yours, theirs)
    version = current_version(session, SESSION, key)
    found = find_session(session, key)
    before = content(session, found)
    current = before
    if put_back is not None:
        new = _following(new, subtrees.put_back(session, put_back))
        current = content(session, found)
    participant_ids = {participant_id for participant_id, _ in current.participants if participant_id is not None}
    agenda_ids = {line.item_id for line, _ in current.agenda if line.item_id is not None}
    for participant_id, _ in new.participants:
        if participant_id is not None and participant_id not in participant_ids:
            raise NotFound(f"participant {participant_id} of {key}")
    for line, _ in new.agenda:
        if line.item_id is not None and line.item_id not in agenda_ids:
            raise NotFound(f"agenda item {line.item_id} of {key}")
    gone_participants = sorted(participant_ids - {i for i, _ in new.participants})
    _refuse_removing_voters(session, gone_participants)
    gone_items = sorted(agenda_ids - {line.item_id for line, _ in new.agenda})
    removed = subtrees.keep(session, _PARTICIPANTS, gone_participants)
    removed.merge(subtrees.keep(session, _AGENDA, gone_items))
    subtrees.delete_kept(session, _PARTICIPANTS, gone_participants)
    subtrees.delete_kept(session, _AGENDA, gone_items)
    for field, value in new.fields.items():
        setattr(found, field, value)
    _write_participants(session, found.id, new.participants)
    _write_agenda(session, found.id, new.agenda)
    if _stored_parts(session, found.id) != _parts(before):
        touch(session, SESSION, key, version)
    return before, removed


def _parts(held: Content) -> dict[str, Any]:
    """The participants (by name) and agenda (title, time box) of `held`, as the session form shows them."""
    return {
        "participants": tuple(name for _, name in held.participants),
        "agenda": tuple((line.title, line.time_box_minutes) for line, _ in held.agenda),
    }


def _stored_parts(session: Session, session_id: int) -> dict[str, Any]:
    """`_parts` of the session as now written (read afresh: the agenda's rows are written past the ORM)."""
    names = session.scalars(
        select(SessionParticipant.name)
        .where(SessionParticipant.session_id == session_id)
        .order_by(SessionParticipant.position)
    )
    agenda = session.execute(
        select(AgendaItem.title, AgendaItem.time_box_minutes)
        .where(AgendaItem.session_id == session_id)
        .order_by(AgendaItem.position)
    )
    return {"participants": tuple(names), "agenda": tuple((title, minutes) for title, minutes in agenda)}


def _following(new: Content, moved: dict[str, dict[Any, Any]]) -> Content:
    """`new` naming the new ids of participants and agenda items put back under another id."""
    people = moved.get(_PARTICIPANTS.name, {})
    items = moved.get(_AGENDA.name, {})
    return Content(
        new.fields,
        [(people.get(participant_id, participant_id), name) for participant_id, name in new.participants],
        [
            (AgendaLine(line.title, line.time_box_minutes, items.get(line.item_id, line.item_id)), spent)
            for line, spent in new.agenda
        ],
    )


def _write_participants(session: Session, session_id: int, participants: list[tuple[int | None, str]]) -> None:
    # names are unique per session: clear the kept ones first, so that two may swap names
    for participant_id, _ in participants:
        if participant_id is not None:
            placeholder = {"name": f"\x01{participant_id}"}
            session.execute(update(_PARTICIPANTS).where(_PARTICIPANTS.c.id == participant_id).values(placeholder))
    for position, (participant_id, name) in enumerate(participants):
        values = {"session_id": session_id, "position": position, "name": name}
        if participant_id is None:
            session.add(SessionParticipant(**values))
        else:
            session.execute(update(_PARTICIPANTS).where(_PARTICIPANTS.c.id == participant_id).values(values))
    session.flush()


def _write_agenda(session: Session, session_id: int, agenda: list[tuple[AgendaLine, int | None]]) -> None:
    for position, (line, spent) in enumerate(agenda):
        values: dict[str, Any] = {
            "session_id": session_id,
            "position": position,
            "title": line.title,
            "time_box_minutes": line.time_box_minutes,
        }
        if spent is not None:
            values["spent_seconds"] = spent
        if line.item_id is None:
            session.add(AgendaItem(**values))
        else:
            session.execute(update(_AGENDA).where(_AGENDA.c.id == line.item_id).values(values))
    session.flush()


def delete_session(session: Session, key: str) -> Subtree:
    """Delete a session with its participants, agenda, votes and log; return all of it for undo."""
    found = find_session(session, key)
    kept = subtrees.keep(session, _SESSIONS, [found.id])
    subtrees.delete_kept(session, _SESSIONS, [found.id])
    return kept


def start_session(session: Session, key: str, taken_by: str, at: datetime | None = None) -> int:
    """Start a planned session (at `at`, a redo's original time; else now) and take the snapshot of its start;
    return the snapshot's id."""
    found = find_session(session, key)
    running = running_session(session)
    if running is not None:
        raise ValidationError("Session", f"{running.key} '{running.title}' is still running; end it first")
    if found.started_at is not None:
        raise ValidationError("Session", f"{key} was already held (started {found.started_at:%Y-%m-%d %H:%M})")
    found.started_at = at or datetime.now()
    return take_snapshot(
        session, label=f"Start of {key} {found.title}", reason="start", session_id=found.id, taken_by=taken_by
    )


def unstart_session(session: Session, key: str, snapshot_id: int) -> datetime | None:
    """Undo a start: the session is planned again and the snapshot of its start goes; return when it had started."""
    found = find_session(session, key)
    started, found.started_at = found.started_at, None
    drop_snapshot(session, snapshot_id)
    return started


def end_session(
    session: Session, key: str, spent: dict[int, int], taken_by: str, at: datetime | None = None
) -> tuple[int, dict[int, int]]:
    """End the running session (at `at`, a redo's original time; else now), storing the time its items took; the
    snapshot's id and the times before."""
    found = find_session(session, key)
    if not (found.started_at is not None and found.ended_at is None):
        raise ValidationError("Session", f"{key} is not running; only a running session can be ended")
    before = set_spent(session, found.id, spent)
    found.ended_at = at or datetime.now()
    snapshot_id = take_snapshot(
        session, label=f"End of {key} {found.title}", reason="end", session_id=found.id, taken_by=taken_by
    )
    return snapshot_id, before


def unend_session(session: Session, key: str, snapshot_id: int, spent: dict[int, int]) -> datetime | None:
    """Undo an end: the session runs again, its items' times as before, and the snapshot of its end goes; return
    when it had ended."""
    found = find_session(session, key)
    running = running_session(session)
    if running is not None and running.id != found.id:
        raise ValidationError("Session", f"{running.key} '{running.title}' is running; only one session runs at a time")
    ended, found.ended_at = found.ended_at, None
    set_spent(session, found.id, spent)
    drop_snapshot(session, snapshot_id)
    return ended


def set_spent(session: Session, session_id: int, spent: dict[int, int]) -> dict[int, int]:
    """Store the seconds agenda items took; return the values they had."""
    items = {
        item.id: item
        for item in session.scalars(
            select(AgendaItem).where(AgendaItem.session_id == session_id, AgendaItem.id.in_(list(spent)))
        )
    }
    before = {}
    for item_id, seconds in spent.items():
        if item_id not in items:
            raise NotFound(f"agenda item {item_id}")
        if seconds < 0:
            raise ValidationError("Time spent", "cannot be negative")
        before[item_id] = items[item_id].spent_seconds
        items[item_id].spent_seconds = seconds
    return before


def set_current(session: Session, session_id: int, item_id: int | None) -> int | None:
    """Make agenda item `item_id` the one the room is on (None: no item); return the one that was."""
    items = list(session.scalars(select(AgendaItem).where(AgendaItem.session_id == session_id)))
    if item_id is not None and item_id not in {item.id for item in items}:
        raise NotFound(f"agenda item {item_id}")
    before = next((item.id for item in items if item.current), None)
    for item in items:
        item.current = item.id == item_id
    return before


def _refuse_removing_voters(session: Session, participant_ids: list[int]) -> None:
    """A revealed vote's dots are final: who gave them stays on the list (their dots would go with them)."""
    voter = session.execute(
        select(SessionParticipant.name, Vote.title)
        .join(VoteDot, VoteDot.participant_id == SessionParticipant.id)
        .join(Vote, Vote.id == VoteDot.vote_id)
        .where(SessionParticipant.id.in_(participant_ids), Vote.revealed.is_(True))
        .limit(1)
    ).first()
    if voter is not None:
        raise ValidationError(
            PARTICIPANTS, f"{voter.name} gave dots in the revealed vote '{voter.title}'; they stay on the list"
        )


def drop_snapshot(session: Session, snapshot_id: int) -> None:
    """Delete a session's start or end snapshot, unless a later snapshot is stored as changes from it: that one
    stays as a snapshot taken by hand, so that nothing reads it as the start or end of the session any more."""
    based_on_it = session.scalar(select(Snapshot.id).where(Snapshot.base_id == snapshot_id).limit(1))
    if based_on_it is None:
        session.execute(delete(Snapshot).where(Snapshot.id == snapshot_id))
    else:
        kept = session.get_one(Snapshot, snapshot_id)
        kept.label = f"{kept.label} (undone)"[:200]
        kept.reason = "manual"
        kept.session_id = None
