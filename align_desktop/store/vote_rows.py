"""Plain rows of dot votes that `VoteService` hands to the vote panel and the minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class VoteRow:
    id: int
    session_key: str
    session_title: str
    title: str
    subject: str
    """initiative, capability or risk"""
    dots_per_participant: int
    revealed: bool
    written_to: str | None
    """The score field the result was last written into; None until then."""
    created_at: datetime
    """UTC."""


@dataclass(frozen=True)
class ParticipantDots:
    """A participant of the vote's session and how many of their dots they have placed."""

    id: int
    name: str
    placed: int


@dataclass(frozen=True)
class VoteItem:
    """Something the vote is about: an initiative, a capability or a risk."""

    key: str
    title: str


@dataclass(frozen=True)
class VoteBoard:
    """What the vote panel shows while dots are placed: participants, items and every dot."""

    vote: VoteRow
    participants: tuple[ParticipantDots, ...]
    """In the order the facilitator listed them."""
    items: tuple[VoteItem, ...]
    """Every item of the vote's subject, by key."""
    dots: dict[tuple[int, str], int]
    """Dots by (participant id, item key)."""

    def left(self, participant_id: int) -> int:
        """Dots the participant still has to place."""
        placed = next((p.placed for p in self.participants if p.id == participant_id), 0)
        return self.vote.dots_per_participant - placed

    def dots_of(self, participant_id: int, key: str) -> int:
        return self.dots.get((participant_id, key), 0)


@dataclass(frozen=True)
class RankedItem:
    rank: int
    """Shared by items with as many dots (1, 2, 2, 4 …)."""
    key: str
    title: str
    dots: int
    by_participant: tuple[tuple[str, int], ...]
    """(participant name, dots) of those who gave the item a dot, in the session's order."""


@dataclass(frozen=True)
class VoteResult:
    """A revealed vote's outcome: the items that got dots, ranked."""

    vote: VoteRow
    ranking: tuple[RankedItem, ...]
    without_dots: int
    """How many items of the subject got no dot."""
