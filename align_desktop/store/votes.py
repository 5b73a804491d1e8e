"""Dot votes in a workshop session: create, place and take back dots, reveal, write the result into a score.

Every change is one transaction returning a `Revert`, so that each is one undo step; writing a
result into a score changes every voted item in that one step. How dots become a score is
`domain.voting.scores_from_dots`.
"""

from __future__ import annotations

from typing import Any

from align_desktop.domain.validation import ValidationError
from align_desktop.domain.voting import score_target, scores_from_dots, validate_vote
from align_desktop.store import vote_queries
from align_desktop.store.changes import Revert
from align_desktop.store.vote_rows import VoteBoard, VoteResult, VoteRow
from align_desktop.store.workspace import Workspace


class VoteService:
    """Everything the vote panel (and the minutes) ask of dot votes."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    # reads

    def votes(self, session_key: str) -> list[VoteRow]:
        with self._workspace.read() as db:
            return vote_queries.votes(db, session_key)

    def board(self, vote_id: int) -> VoteBoard:
        with self._workspace.read() as db:
            return vote_queries.board(db, vote_id)

    def results(self, vote_id: int) -> VoteResult:
        """The revealed vote's items ranked by dots, ties sharing a rank, with who gave them."""
        with self._workspace.read() as db:
            return vote_queries.results(db, vote_id)

    # changes

    def create(self, session_key: str, title: str, subject: str, dots_per_participant: int) -> tuple[int, Revert]:
        """Start a vote in a session: on initiatives, capabilities or risks, 1–20 dots per participant."""
        from align_desktop.store import vote_writes

        clean = validate_vote(title, subject, dots_per_participant)
        with self._workspace.write() as session:
            vote_id = vote_writes.create_vote(session, session_key, *clean)
        return vote_id, lambda: self.delete(vote_id)

    def delete(self, vote_id: int) -> Revert:
        """Remove a vote and its dots."""
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            row, dots = vote_writes.delete_vote(session, vote_id)
        return lambda: self._restore(row, dots)

    def _restore(self, row: dict[str, Any], dots: list[dict[str, Any]]) -> Revert:
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            vote_id = vote_writes.restore_vote(session, row, dots)
        return lambda: self.delete(vote_id)

    def add_dot(self, vote_id: int, participant_id: int, item_key: str) -> Revert:
        """Place one of the participant's dots on an item; refused when they have none left."""
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            dot_id = vote_writes.add_dot(session, vote_id, participant_id, item_key)
        return lambda: self._take_dot(dot_id)

    def remove_dot(self, vote_id: int, participant_id: int, item_key: str) -> Revert:
        """Take back one of the participant's dots on an item."""
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            row = vote_writes.remove_dot(session, vote_id, participant_id, item_key)
        return lambda: self._put_dot(row)

    def _take_dot(self, dot_id: int) -> Revert:
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            row = vote_writes.take_dot(session, dot_id)
        return lambda: self._put_dot(row)

    def _put_dot(self, row: dict[str, Any]) -> Revert:
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            dot_id = vote_writes.put_dot(session, row)
        return lambda: self._take_dot(dot_id)

    def reveal(self, vote_id: int) -> Revert:
        """Show the totals and the ranking; the dots are final from then on."""
        return self._set_revealed(vote_id, True)

    def _set_revealed(self, vote_id: int, revealed: bool) -> Revert:
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            vote_writes.set_revealed(session, vote_id, revealed)
        return lambda: self._set_revealed(vote_id, not revealed)

    def write_scores(self, vote_id: int, field: str) -> Revert:
        """Write a revealed vote's result into a score of its items (see `domain.voting`), as one step."""
        result = self.results(vote_id)
        target = score_target(result.vote.subject, field)
        scores = scores_from_dots({item.key: item.dots for item in result.ranking}, target)
        if not scores:
            raise ValidationError("Vote", f"'{result.vote.title}' has no dots to write")
        return self._set_scores(vote_id, field, scores, field)

    def _set_scores(self, vote_id: int, field: str, scores: dict[str, int], written_to: str | None) -> Revert:
        from align_desktop.store import vote_writes

        with self._workspace.write() as session:
            vote = vote_writes.find_vote(session, vote_id)
            before, previous = vote_writes.set_scores(
                session, vote_id, score_target(vote.subject, field), scores, written_to
            )
        return lambda: self._set_scores(vote_id, field, before, previous)
