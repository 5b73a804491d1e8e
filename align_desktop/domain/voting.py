"""Dot voting: what a vote may be about, how its dots rank the items, and how dots become a score.

Ranking is competition ranking: items with the same number of dots share a rank and the next
rank skips as many places (5, 3, 3, 1 dots rank 1, 2, 2, 4). A result written into a score gives
the most-voted item the top of the score's range and every other voted item its share of that in
proportion to its dots, rounded to the nearest whole number (halves up); items without a dot are
left alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from align_desktop.domain.keys import key_sort_value
from align_desktop.domain.validation import ValidationError, require_choice, require_int, require_text

VOTE_SUBJECTS: dict[str, str] = {
    "initiative": "Initiatives",
    "capability": "Capabilities",
    "risk": "Risks",
}
"""What a vote can be about, and the label of each."""

DOTS_MIN = 1
DOTS_MAX = 20
DEFAULT_DOTS = 3
TITLE_LENGTH = 200


@dataclass(frozen=True)
class ScoreTarget:
    """A score a vote's result can be written into: the item's field and its range."""

    field: str
    label: str
    low: int
    high: int


VOTE_SCORES: dict[str, tuple[ScoreTarget, ...]] = {
    "initiative": (ScoreTarget("confidence", "Confidence %", 0, 100),),
    "capability": (),
    "risk": (),
}
"""The scores each subject's result can be written into. Maturity and risk ratings are assessed on
defined scales, not voted, so a vote on capabilities or risks ranks them without writing a score."""


@dataclass(frozen=True)
class RankedDots:
    rank: int
    key: str
    dots: int


def validate_vote(title: object, subject: object, dots_per_participant: object) -> tuple[str, str, int]:
    """A new vote's title, subject and dots per participant, cleaned; `ValidationError` naming the field."""
    return (
        require_text("Title", title, max_length=TITLE_LENGTH),
        require_choice("Subject", subject, tuple(VOTE_SUBJECTS)),
        require_int("Dots per participant", dots_per_participant, low=DOTS_MIN, high=DOTS_MAX),
    )


def score_target(subject: str, field: str) -> ScoreTarget:
    """The score `field` of `subject`'s items; refused when a vote on them cannot be written there."""
    for target in VOTE_SCORES[subject]:
        if target.field == field:
            return target
    offered = ", ".join(target.field for target in VOTE_SCORES[subject]) or "none"
    raise ValidationError("Score", f"a vote on {subject} items cannot be written into {field!r} (offered: {offered})")


def rank(dots: dict[str, int]) -> list[RankedDots]:
    """Items with at least one dot, most dots first (ties by key), ties sharing a rank."""
    ordered = sorted(
        ((key, count) for key, count in dots.items() if count > 0),
        key=lambda item: (-item[1], key_sort_value(item[0])),
    )
    ranked: list[RankedDots] = []
    for place, (key, count) in enumerate(ordered, start=1):
        shared = ranked and ranked[-1].dots == count
        ranked.append(RankedDots(ranked[-1].rank if shared else place, key, count))
    return ranked


def scores_from_dots(dots: dict[str, int], target: ScoreTarget) -> dict[str, int]:
    """The score each voted item gets: the most dots give `target.high`, the others their share of it.

    score = low + (high − low) × dots / most dots, rounded half up; items without a dot get none.
    """
    most = max(dots.values(), default=0)
    if most <= 0:
        return {}
    span = target.high - target.low
    return {key: target.low + math.floor(span * count / most + 0.5) for key, count in dots.items() if count > 0}
