"""Plain rows of workshop sessions, their log and retrospectives, as services hand them to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from align_desktop.store.versioned_rows import VersionedRow


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    position: int
    title: str
    time_box_minutes: int
    spent_seconds: int
    current: bool
    """The item the room is on while the session runs (at most one of a session)."""


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    name: str


@dataclass(frozen=True)
class SessionRow(VersionedRow):
    """A workshop session: planned until started, running until ended.

    Its version counts edits of its fields, participants and agenda (not its start, end or the time items take).
    """

    key: str
    title: str
    held_on: date
    started_at: datetime | None
    ended_at: datetime | None
    notes: str
    participants: tuple[ParticipantRow, ...]
    agenda: tuple[AgendaItemRow, ...]

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def state(self) -> str:
        """planned, running or ended."""
        if self.started_at is None:
            return "planned"
        return "running" if self.ended_at is None else "ended"

    @property
    def participant_names(self) -> list[str]:
        return [participant.name for participant in self.participants]


@dataclass(frozen=True)
class LinkRow:
    """An item a log entry is about; `title` is None once that item is gone."""

    key: str
    title: str | None


@dataclass(frozen=True)
class LogEntryRow(VersionedRow):
    """A decision, an action or a parking-lot item recorded in a session; its version counts edits of its links
    too."""

    key: str
    kind: str
    session_key: str
    session_title: str
    text: str
    owner: str
    due_on: date | None
    done: bool
    recorded_at: datetime
    recorded_by: str
    links: tuple[LinkRow, ...]

    @property
    def link_keys(self) -> list[str]:
        return [link.key for link in self.links]


@dataclass(frozen=True)
class RetrospectiveRow:
    initiative_key: str
    what_worked: str
    what_failed: str
    written_at: datetime
    written_by: str
