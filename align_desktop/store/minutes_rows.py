"""Plain rows of a session's minutes, as `store.minutes` reads them for the PDF and the workbook."""

from __future__ import annotations

from dataclasses import dataclass

from align_desktop.domain.compare import Comparison
from align_desktop.store.snapshot_queries import SnapshotRow
from align_desktop.store.vote_rows import VoteResult, VoteRow
from align_desktop.store.workshop_rows import LogEntryRow, SessionRow


@dataclass(frozen=True)
class VoteMinutes:
    """A vote of the session: its ranking once revealed; until then only how many dots are placed."""

    vote: VoteRow
    dots_placed: int
    dots_offered: int
    """Dots per participant × participants."""
    result: VoteResult | None
    """None while the vote is not revealed: the minutes never show hidden dots."""
    written_to: str | None
    """The label of the score the result was written into ("Confidence %"); None if it was not."""


@dataclass(frozen=True)
class WhatChanged:
    """What changed from the snapshot of the session's start to that of its end (or to now)."""

    start: SnapshotRow
    end: SnapshotRow | None
    """None while the session runs: the comparison is with the workspace as it is now."""
    comparison: Comparison


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes of one session say, read in one transaction."""

    workspace_name: str
    currency: str
    session: SessionRow
    votes: tuple[VoteMinutes, ...]
    log: tuple[LogEntryRow, ...]
    """Decisions, actions and parking-lot items in the order they were recorded."""
    what_changed: WhatChanged | None
    """None when the session has no snapshot of its start (it has not started)."""

    def entries(self, kind: str) -> list[LogEntryRow]:
        """The session's `decision`, `action` or `parking` entries, in the order they were recorded."""
        return [entry for entry in self.log if entry.kind == kind]

    @property
    def decisions(self) -> list[LogEntryRow]:
        return self.entries("decision")

    @property
    def actions(self) -> list[LogEntryRow]:
        return self.entries("action")

    @property
    def parking_lot(self) -> list[LogEntryRow]:
        return self.entries("parking")
