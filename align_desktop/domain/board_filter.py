"""Which board cards a filter shows: free text plus outcome, team and decision point."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BoardFilter:
    """What the facilitator typed or picked above the board; empty fields match everything."""

    text: str = ""
    outcome_key: str | None = None
    team: str | None = None
    decision_point: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not (self.outcome_key or self.team or self.decision_point)


@dataclass(frozen=True)
class CardFacts:
    """The facts of one card that a filter looks at, with its searchable text pre-folded."""

    haystack: str
    outcome_key: str | None
    team: str
    decision_point: str


def searchable_text(*parts: str | None) -> str:
    """Fold the card's visible texts into one lower-case string searched by the text filter."""
    return "\n".join(p for p in parts if p).casefold()


def matches(card: CardFacts, board_filter: BoardFilter) -> bool:
    """True when `card` passes every part of `board_filter`; words of the text must all occur."""
    if board_filter.outcome_key is not None and card.outcome_key != board_filter.outcome_key:
        return False
    if board_filter.team is not None and card.team != board_filter.team:
        return False
    if board_filter.decision_point is not None and card.decision_point != board_filter.decision_point:
        return False
    return all(word in card.haystack for word in board_filter.text.casefold().split())
