"""Workshop sessions and participants written straight through the models, for tests of what hangs off them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import text

from align_desktop.store.models import SessionParticipant, WorkshopSession
from align_desktop.store.workspace import Workspace


def add_session(
    workspace: Workspace, title: str, participants: list[str], *, key: str = "W-001", running: bool = True
) -> list[int]:
    """A session (started, not ended, when `running`) with these participants in order; their ids."""
    with workspace.write() as session:
        workshop = WorkshopSession(
            key=key,
            title=title,
            held_on=date(2026, 11, 26),
            started_at=datetime(2026, 11, 26, 9, 0) if running else None,
            ended_at=None,
            notes="",
        )
        session.add(workshop)
        session.flush()
        people = [
            SessionParticipant(session_id=workshop.id, position=position, name=name)
            for position, name in enumerate(participants)
        ]
        session.add_all(people)
        session.flush()
        return [person.id for person in people]


def end_session(workspace: Workspace, key: str = "W-001") -> None:
    with workspace.write() as session:
        session.execute(
            text("UPDATE workshop_session SET ended_at = '2026-11-26 12:00:00' WHERE key = :key"), {"key": key}
        )
