"""Where a click on the dashboard leads: a view and a `Target` that view shows filtered or selected.

The dashboard emits `open_view(view name, Target)`; the main window shows that view and calls its
`apply_target(target)`. A target is a small immutable value, so tests compare it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from align_desktop.domain.vocabulary import READINESS_LABELS

if TYPE_CHECKING:
    from align_desktop.domain.alerts import Alert
    from align_desktop.store.board_rows import InitiativeRow

NO_OUTCOME = "No outcome"
"""What the dashboard calls the outcome of initiatives that have none."""

# kinds of target, and the view each goes to
ALL = "all"
"""Board: every initiative (its filters cleared)."""
OUTCOME = "outcome"
"""Board: only the initiatives of one outcome (value: the outcome's name)."""
LANE = "lane"
"""Board: only the initiatives of one lane (value: the lane's name)."""
STATUS = "status"
"""Board: only the initiatives in one status (value: the status)."""
READINESS = "readiness"
"""Board: only the initiatives with one readiness score (value: (field, score))."""
INITIATIVE = "initiative"
"""Board, ROI or Matrix: one initiative selected (value: its key)."""
CAPABILITY = "capability"
"""Matrix: one capability's column current (value: its key)."""
GAPS = "gaps"
"""Matrix: columns by weighted gap, the first shortfall current."""
CELL = "cell"
"""Risks: the register filtered to one residual heat-map cell (value: (likelihood, impact))."""
ABOVE_APPETITE = "above appetite"
"""Risks: only the open risks above the appetite."""
RISK = "risk"
"""Risks: one risk selected (value: its key)."""
PORTFOLIO = "portfolio"
"""ROI: the portfolio as it is (no value)."""


@dataclass(frozen=True)
class Target:
    """What the target view should show: `kind` is one of the constants above."""

    kind: str
    value: object = None

    def describe(self) -> str:
        """A short text for the chip that says what a view is filtered to."""
        if self.kind == READINESS and isinstance(self.value, tuple):
            field, score = self.value
            return f"{READINESS_LABELS.get(field, field)} = {score}"
        if self.kind == CELL and isinstance(self.value, tuple):
            likelihood, impact = self.value
            return f"residual likelihood {likelihood} × impact {impact}"
        if self.value is None:
            return self.kind
        return f"{self.kind.capitalize()}: {self.value}"


def target_for_alert(alert: Alert) -> tuple[str, Target]:
    """The view an alert opens, with its item selected there."""
    kind = RISK if alert.view == "risks" else INITIATIVE
    return alert.view, Target(kind, alert.key)


def board_focus(target: Target, lane_ids: dict[str, int]) -> Callable[[InitiativeRow], bool] | None:
    """Which board cards a lane, status, outcome or readiness target shows; None for other targets."""
    kind, value = target.kind, target.value
    if kind == LANE and isinstance(value, str):
        lane_id = lane_ids.get(value)
        return lambda row: row.lane_id == lane_id
    if kind == STATUS:
        return lambda row: row.status == value
    if kind == OUTCOME:
        return lambda row: (row.outcome_name or NO_OUTCOME) == value
    if kind == READINESS and isinstance(value, tuple):
        field, score = value
        return lambda row: bool(getattr(row, field) == score)
    return None
