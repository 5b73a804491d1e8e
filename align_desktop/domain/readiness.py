"""Readiness scores: the gate that guards scaling/live and the badge a board card shows."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from align_desktop.domain.vocabulary import GATED_STATUSES, READINESS_FIELDS, READINESS_LABELS


class ReadinessLevel(Enum):
    """How a card's readiness badge is coloured."""

    BLOCKED = "blocked"
    """At least one score is below the gate."""
    AT_GATE = "at gate"
    """Every score meets the gate, at least one only just."""
    READY = "ready"
    """Every score is above the gate."""


def gate_failures(scores: Mapping[str, int], gate: int) -> list[str]:
    """Labels of the readiness scores below `gate`, in the vocabulary's order."""
    return [READINESS_LABELS[f] for f in READINESS_FIELDS if scores[f] < gate]


def needs_gate(old_status: str, new_status: str) -> bool:
    """Whether a change of status must pass the readiness gate."""
    return new_status in GATED_STATUSES and old_status != new_status


def readiness_level(scores: Mapping[str, int], gate: int) -> ReadinessLevel:
    """Badge colour for four readiness scores against the workspace gate: the lowest decides."""
    return score_level(min(scores[f] for f in READINESS_FIELDS), gate)


def score_level(score: int, gate: int) -> ReadinessLevel:
    """How one readiness score stands against the gate."""
    if score < gate:
        return ReadinessLevel.BLOCKED
    if score == gate:
        return ReadinessLevel.AT_GATE
    return ReadinessLevel.READY


class GateBlocked(Exception):
    """A move to scaling or live was refused: scores below the gate and no override reason."""

    def __init__(self, key: str, status: str, gate: int, failures: list[str]) -> None:
        self.key = key
        self.status = status
        self.gate = gate
        self.failures = failures
        super().__init__(
            f"{key} cannot move to {status}: {', '.join(failures)} "
            f"{'is' if len(failures) == 1 else 'are'} below the readiness gate of {gate}. "
            "Raise the scores, or give a reason to override the gate."
        )


def check_gate(key: str, old_status: str, after: Mapping[str, Any], gate: int, reason: str) -> str | None:
    """The override reason a change of status needs, None if it passes the gate.

    `after` holds the status and readiness scores the initiative would have. Raises
    `GateBlocked` when scores are below the gate and `reason` is blank.
    """
    status = str(after["status"])
    if not needs_gate(old_status, status):
        return None
    failures = gate_failures(after, gate)
    if not failures:
        return None
    if not reason.strip():
        raise GateBlocked(key, status, gate, failures)
    return reason.strip()
