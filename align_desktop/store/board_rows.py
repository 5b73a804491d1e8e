"""Plain, immutable rows of the workspace's settings, lanes, outcomes and initiatives: what the board is drawn from.

The business cases' rows are in `case_rows`, the other views' in `rows`; kept apart so that the
board, shown at start-up, loads only its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from align_desktop.domain.roi import Scenario
from align_desktop.store.versioned_rows import VersionedRow


@dataclass(frozen=True)
class SettingsRow:
    name: str
    currency: str
    discount_rate: float
    horizon: int
    readiness_gate: int
    pessimistic_benefit: float
    pessimistic_cost: float
    optimistic_benefit: float
    optimistic_cost: float
    risk_appetite: int

    @property
    def scenarios(self) -> dict[str, Scenario]:
        """The three scenarios with this workspace's multipliers."""
        return {
            "pessimistic": Scenario("pessimistic", self.pessimistic_benefit, self.pessimistic_cost),
            "base": Scenario("base"),
            "optimistic": Scenario("optimistic", self.optimistic_benefit, self.optimistic_cost),
        }


@dataclass(frozen=True)
class LaneRow:
    id: int
    name: str
    position: int


@dataclass(frozen=True)
class OutcomeRow(VersionedRow):
    key: str
    name: str
    metric: str
    baseline: float | None
    target: float | None
    unit: str
    owner: str
    description: str
    initiative_count: int


@dataclass(frozen=True)
class GateOverrideRow:
    status: str
    reason: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class InitiativeRow(VersionedRow):
    key: str
    title: str
    description: str
    outcome_key: str | None
    outcome_name: str | None
    decision_point: str
    lane_id: int
    position: int
    status: str
    team: str
    owner: str
    readiness_data: int
    readiness_model_risk: int
    readiness_monitoring: int
    readiness_compliance: int
    success_criteria: str
    acceptable_failure_modes: str
    assumptions: str
    confidence: int
    gate_override: GateOverrideRow | None

    @property
    def readiness(self) -> dict[str, int]:
        return {
            "readiness_data": self.readiness_data,
            "readiness_model_risk": self.readiness_model_risk,
            "readiness_monitoring": self.readiness_monitoring,
            "readiness_compliance": self.readiness_compliance,
        }


@dataclass(frozen=True)
class BoardRows:
    """Everything the board shows, read in one transaction."""

    settings: SettingsRow
    lanes: list[LaneRow]
    initiatives: list[InitiativeRow]
    outcomes: list[OutcomeRow]
    npv: dict[str, float]
    """Base-scenario NPV of each initiative that has a business case, by key."""
    capability_gaps: dict[str, list[str]]
    """For each initiative needing more of a capability than it has, one line per shortfall."""
    risks_above_appetite: dict[str, list[str]]
    """For each initiative threatened by an open risk above appetite, one line per risk."""
